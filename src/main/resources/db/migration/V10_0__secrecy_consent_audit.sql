-- Privacy (issue 5): team disclosure, consent, sharing decisions, the concern route, emergency
-- access, restriction and erasure, the second factor, and a tamper-evident audit log.

-- Joint secrecy needs the team made known to the person. Until then only the one who started the
-- support (the first team member) opens the file.
alter table care_team_member add column started_support boolean not null default false;
update care_team_member set started_support = true;

create table care_team_disclosure (
    person_id        uuid primary key references person (id),
    organisation_id  uuid not null references organisation (id),
    disclosed_on     date not null,
    how              text not null check (how in ('CONVERSATION', 'LETTER', 'IN_APP')),
    recorded_by      uuid not null references app_user (id),
    recorded_at      timestamptz not null default now()
);

-- What the person allows whom to see, for what purpose, for how long. Revoked, never deleted.
create table consent (
    id                        uuid primary key,
    organisation_id           uuid not null references organisation (id),
    person_id                 uuid not null references person (id),
    information               text[] not null check (cardinality(information) >= 1),
    recipient_kind            text not null check (recipient_kind in ('NETWORK_MEMBER', 'ACCOUNT', 'ROLE', 'ORGANISATION')),
    recipient_member_id       uuid references network_member (id),
    recipient_account_id      uuid references app_user (id),
    recipient_role            text check (recipient_role in ('PROFESSIONAL', 'COACH', 'NETWORK_MEMBER')),
    recipient_organisation_id uuid references organisation (id),
    purpose                   text not null check (length(purpose) between 1 and 500),
    valid_from                date not null,
    valid_until               date,
    given_how                 text not null check (given_how in ('SPOKEN', 'WRITTEN', 'IN_APP')),
    given_by                  text not null check (given_by in ('PERSON', 'REPRESENTATIVE')),
    representative_name       text check (length(representative_name) <= 200),
    recorded_by               uuid not null references app_user (id),
    recorded_at               timestamptz not null default now(),
    revoked_at                timestamptz,
    revoked_by                uuid references app_user (id),
    version                   integer not null default 0,
    check (valid_until is null or valid_until >= valid_from),
    check (given_by <> 'REPRESENTATIVE' or representative_name is not null),
    check ((recipient_kind = 'NETWORK_MEMBER') = (recipient_member_id is not null)),
    check ((recipient_kind = 'ACCOUNT') = (recipient_account_id is not null)),
    check ((recipient_kind = 'ROLE') = (recipient_role is not null)),
    check ((recipient_kind = 'ORGANISATION') = (recipient_organisation_id is not null)),
    check ((revoked_at is null) = (revoked_by is null))
);
create index consent_person_idx on consent (person_id) where revoked_at is null;

-- Every decision to share outside the care team: what was asked, the checks, the outcome, who.
create table sharing_decision (
    id                      uuid primary key,
    organisation_id         uuid not null references organisation (id),
    person_id               uuid not null references person (id),
    recipient_kind          text not null check (recipient_kind in ('TEAM', 'MANAGER', 'EXTERNAL')),
    recipient               text not null check (length(recipient) between 1 and 200),
    information             text not null check (length(information) between 1 and 1000),
    purpose                 text not null check (length(purpose) between 1 and 1000),
    check_request           boolean not null,
    interest_of_help        boolean not null,
    recipient_same_goal     boolean not null,
    concern_id              uuid,
    outcome                 text not null check (outcome in ('ALLOWED', 'REFUSED')),
    reason_key              text not null,
    decided_by              uuid not null references app_user (id),
    decided_at              timestamptz not null default now()
);
create index sharing_decision_person_idx on sharing_decision (person_id, decided_at desc);

-- A worry about someone's safety, and the route it takes: family first, weigh, justify, step outside.
-- Acute danger: help first, record what was done and who was called, review afterwards.
create table concern (
    id                        uuid primary key,
    organisation_id           uuid not null references organisation (id),
    person_id                 uuid not null references person (id),
    kind                      text not null check (kind in ('CONCERN', 'ACUTE_DANGER')),
    description               text not null check (length(description) between 1 and 4000),
    raised_by                 uuid not null references app_user (id),
    raised_at                 timestamptz not null default now(),
    shared_with_family_at     timestamptz,
    shared_with_family_note   text check (length(shared_with_family_note) <= 4000),
    weighed_at                timestamptz,
    weighing_note             text check (length(weighing_note) <= 4000),
    deliberation_ref          text check (length(deliberation_ref) <= 200),
    stepped_outside_at        timestamptz,
    justification             text check (length(justification) <= 4000),
    outside_recipient         text check (length(outside_recipient) <= 200),
    action_taken              text check (length(action_taken) <= 4000),
    who_was_called            text check (length(who_was_called) <= 500),
    reviewed_at               timestamptz,
    reviewed_by               uuid references app_user (id),
    review_note               text check (length(review_note) <= 4000),
    version                   integer not null default 0,
    check (weighed_at is null or shared_with_family_at is not null),
    check (stepped_outside_at is null or (weighed_at is not null and justification is not null)),
    check (kind <> 'ACUTE_DANGER' or (action_taken is not null and who_was_called is not null))
);
create index concern_person_idx on concern (person_id);
alter table sharing_decision add constraint sharing_decision_concern_fk foreign key (concern_id) references concern (id);

-- A professional outside the team opens a file in an emergency: time-limited, flagged, reviewed.
create table emergency_access (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    actor_id         uuid not null references app_user (id),
    reason           text not null check (length(reason) between 10 and 2000),
    opened_at        timestamptz not null default now(),
    expires_at       timestamptz not null,
    reviewed_at      timestamptz,
    reviewed_by      uuid references app_user (id),
    review_note      text check (length(review_note) <= 2000),
    version          integer not null default 0,
    check (expires_at > opened_at),
    check ((reviewed_at is null) = (reviewed_by is null))
);
create index emergency_access_actor_idx on emergency_access (actor_id, person_id, expires_at);

-- Messages for a team member (an emergency access to review, a person's question about the log).
create table privacy_notification (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    recipient_id     uuid not null references app_user (id),
    person_id        uuid not null references person (id),
    kind             text not null check (kind in ('EMERGENCY_ACCESS', 'AUDIT_QUESTION')),
    subject_id       text not null,
    created_at       timestamptz not null default now(),
    read_at          timestamptz
);
create index privacy_notification_recipient_idx on privacy_notification (recipient_id, created_at desc);

-- The person's question about an entry in "who looked at my file".
create table audit_question (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    audit_event_id   bigint not null,
    question         text not null check (length(question) between 1 and 2000),
    asked_by         uuid not null references app_user (id),
    asked_at         timestamptz not null default now(),
    answer           text check (length(answer) <= 2000),
    answered_by      uuid references app_user (id),
    answered_at      timestamptz
);
create index audit_question_person_idx on audit_question (person_id);

-- Legal retention per organisation, and the person's requests to erase or restrict.
create table retention_policy (
    organisation_id  uuid primary key references organisation (id),
    file_years       integer not null check (file_years between 0 and 100),
    updated_by       uuid references app_user (id),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0
);

create table processing_restriction (
    person_id        uuid primary key references person (id),
    organisation_id  uuid not null references organisation (id),
    reason           text not null check (length(reason) between 1 and 1000),
    since            timestamptz not null default now(),
    requested_by     uuid not null references app_user (id)
);

create table erasure (
    person_id        uuid primary key,
    organisation_id  uuid not null references organisation (id),
    support_ended_on date not null,
    erased_at        timestamptz not null default now(),
    erased_by        uuid not null references app_user (id)
);

-- A second factor (TOTP, RFC 6238) for an account.
create table second_factor (
    account_id       uuid primary key references app_user (id),
    secret           bytea not null,
    confirmed_at     timestamptz,
    last_used_step   bigint not null default 0
);

-- The audit log becomes tamper-evident: every entry carries the hash of the previous entry of its
-- chain and its own hash over that and its fields. A chain is one person's entries (or 'denied' for
-- refusals, 'system' for entries without a person). The chain's lock is taken in the insert and held
-- to commit, and the id is drawn under that lock, so concurrent writers keep one order per chain.
alter table audit_event add column chain text;
alter table audit_event add column previous_hash bytea;
alter table audit_event add column hash bytea;

create function audit_event_digest(previous bytea, e audit_event) returns bytea language sql immutable as $$
    select sha256(convert_to(concat_ws('|',
        coalesce(encode(previous, 'hex'), '-'), e.id::text,
        to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(e.organisation_id::text, '-'), coalesce(e.actor_id::text, '-'), coalesce(e.actor_role, '-'),
        coalesce(e.person_id::text, '-'), e.action, e.resource, e.ground, e.chain), 'UTF8'))
$$;

create function audit_event_chain() returns trigger language plpgsql as $$
begin
    new.chain := coalesce(new.chain, new.person_id::text, 'system');
    perform pg_advisory_xact_lock(hashtextextended('audit:' || new.chain, 0));
    new.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    new.previous_hash := (select hash from audit_event where chain = new.chain order by id desc limit 1);
    new.hash := audit_event_digest(new.previous_hash, new);
    return new;
end $$;

-- Chain what is already there (a database from before this migration), then chain every insert.
alter table audit_event disable trigger audit_event_append_only;
do $$
declare
    r audit_event;
    last_hash bytea;
begin
    for r in select * from audit_event order by id loop
        r.chain := coalesce(r.person_id::text, 'system');
        last_hash := (select hash from audit_event where chain = r.chain and id < r.id order by id desc limit 1);
        update audit_event set chain = r.chain, previous_hash = last_hash,
                               hash = audit_event_digest(last_hash, r) where id = r.id;
    end loop;
end $$;
alter table audit_event enable trigger audit_event_append_only;

alter table audit_event alter column chain set not null;
alter table audit_event alter column hash set not null;
alter table audit_event drop constraint audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('READ', 'WRITE', 'DENIED', 'EXPORT', 'SHARE', 'LOGIN', 'LOGIN_FAILED', 'EMERGENCY', 'ERASE', 'RESTRICT'));
create index audit_event_chain_idx on audit_event (chain, id desc);
create trigger audit_event_chain before insert on audit_event for each row execute function audit_event_chain();
