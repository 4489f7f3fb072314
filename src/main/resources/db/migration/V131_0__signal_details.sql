-- Issue 19, item 1: what a partner's form asks besides what was seen, and what the agreement allows.
-- All nullable or defaulted: signals and agreements from before stay valid.
alter table signal add column concern_kind text
    check (concern_kind in ('MONEY_DEBTS', 'HOUSING_NEGLECT', 'HEALTH_MEDICINES', 'CONFUSION', 'LONELINESS', 'SAFETY', 'OTHER'));
alter table signal add column frequency text check (frequency in ('ONCE', 'SOMETIMES', 'OFTEN'));
alter table signal add column seen_since text check (length(seen_since) <= 100);
alter table signal add column person_knows text not null default 'UNKNOWN' check (person_knows in ('YES', 'NO', 'UNKNOWN'));
-- the preconditions the partner says it met, as a comma-separated list of names
alter table signal add column preconditions_met text not null default '' check (length(preconditions_met) <= 200);
-- the signaller would not give a name (recorded by staff, or a link without a name)
alter table signal add column anonymous_signaller boolean not null default false;

-- The agreement: which kinds of concern the partner may pass on (empty: any), which preconditions it requires.
alter table signal_partner_agreement add column allowed_kinds text not null default '' check (length(allowed_kinds) <= 300);
alter table signal_partner_agreement add column required_preconditions text not null default ''
    check (length(required_preconditions) <= 200);
