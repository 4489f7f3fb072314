-- Issue 19, item 2: a deadline profile per kind of concern, counted in working days (weekends and Dutch public
-- holidays skipped), kept by the organisation; for example threatening debts (an eviction or a cut-off): act
-- within 3 working days. A row with both columns empty says "no deadline of its own" for that kind.
alter table signal drop constraint signal_concern_kind_check;
alter table signal add constraint signal_concern_kind_check check (concern_kind in ('MONEY_DEBTS', 'THREATENING_DEBTS',
    'HOUSING_NEGLECT', 'HEALTH_MEDICINES', 'CONFUSION', 'LONELINESS', 'SAFETY', 'OTHER'));

create table signal_concern_deadline (
    organisation_id            uuid not null references organisation (id),
    concern_kind               text not null check (concern_kind in ('MONEY_DEBTS', 'THREATENING_DEBTS',
                                   'HOUSING_NEGLECT', 'HEALTH_MEDICINES', 'CONFUSION', 'LONELINESS', 'SAFETY', 'OTHER')),
    assess_within_working_days integer check (assess_within_working_days between 1 and 60),
    act_within_working_days    integer check (act_within_working_days between 1 and 60),
    version                    integer not null default 0,
    primary key (organisation_id, concern_kind)
);
