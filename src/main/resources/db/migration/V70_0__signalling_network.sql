-- The signalling network (issue 19): signals as their own records, outside any person's file.

-- A partner agreement (covenant): who may pass on signals, under which privacy terms.
create table signal_partner_agreement (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    partner_name     text not null check (length(partner_name) between 1 and 200),
    partner_kind     text not null check (partner_kind in ('PHARMACY', 'GP', 'HOUSING', 'POLICE', 'HOME_CARE',
                                                           'WELFARE', 'VOLUNTEERS', 'CHURCH', 'RESIDENT', 'OTHER')),
    signed_on        date not null,
    valid_until      date,
    terms            text not null check (length(terms) between 1 and 4000),
    link_token_hash  text unique,
    version          integer not null default 0,
    check (valid_until is null or valid_until >= signed_on)
);

-- The partner's accounts (role SIGNALLING_PARTNER) that act under an agreement.
create table signal_partner_account (
    account_id       uuid primary key references app_user (id),
    agreement_id     uuid not null references signal_partner_agreement (id),
    organisation_id  uuid not null references organisation (id)
);

-- Organisation settings: deadline profile per kind, the professional on duty, the weak-signal radar.
create table signal_deadline_profile (
    organisation_id      uuid not null references organisation (id),
    kind                 text not null check (kind in ('ACUTE', 'URGENT', 'REGULAR', 'WEAK')),
    triage_within_hours  integer not null check (triage_within_hours between 1 and 2000),
    contact_within_hours integer check (contact_within_hours between 1 and 5000),
    version              integer not null default 0,
    primary key (organisation_id, kind)
);

create table signal_settings (
    organisation_id     uuid primary key references organisation (id),
    on_duty_account_id  uuid references app_user (id),
    radar_window_days   integer not null default 42 check (radar_window_days between 7 and 365),
    radar_min_signals   integer not null default 3 check (radar_min_signals between 2 and 20),
    radar_min_partners  integer not null default 2 check (radar_min_partners between 1 and 10),
    unfounded_retention_days integer not null default 183 check (unfounded_retention_days between 1 and 730),
    version             integer not null default 0
);

create table signal (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    team                text not null default 'centrum' check (length(team) between 1 and 60),
    reference           text not null unique,
    agreement_id        uuid references signal_partner_agreement (id),
    partner_kind        text not null,
    channel             text not null check (channel in ('PARTNER_ACCOUNT', 'PARTNER_LINK', 'PHONE', 'EMAIL', 'IN_PERSON')),
    reported_by         uuid references app_user (id),
    recorded_by         uuid references app_user (id),
    reporter_name       text check (length(reporter_name) <= 200),
    reporter_contact    text check (length(reporter_contact) <= 200),
    subject_name        text check (length(subject_name) <= 200),
    subject_address     text check (length(subject_address) <= 300),
    subject_key         text,
    noticed             text check (length(noticed) <= 4000),
    thinks_acute        boolean not null default false,
    received_at         timestamptz not null default now(),
    kind                text not null check (kind in ('ACUTE', 'URGENT', 'REGULAR', 'WEAK')),
    due_at              timestamptz not null,
    status              text not null default 'RECEIVED' check (status in ('RECEIVED', 'TRIAGED', 'OUTREACH', 'CLOSED')),
    -- the urgency scheme (seed 001 §3.3), each item and the total kept
    score_safety        smallint check (score_safety between 0 and 2),
    score_health        smallint check (score_health between 0 and 2),
    score_wellbeing     smallint check (score_wellbeing between 0 and 2),
    extent              text check (extent in ('INDIVIDUAL', 'MORE_PEOPLE', 'UNDER_18', 'OVER_75')),
    duration            text check (duration in ('INCIDENTAL', 'STRUCTURAL_SHORT', 'STRUCTURAL_LONG')),
    score_total         smallint check (score_total between 0 and 10),
    triage_note         text check (length(triage_note) <= 4000),
    triaged_by          uuid references app_user (id),
    triaged_at          timestamptz,
    taken_up            boolean,
    person_id           uuid references person (id),
    contact_account_id  uuid references app_user (id),
    case_code           text unique,
    typology_persistence smallint check (typology_persistence between 1 and 4),
    typology_oriented   boolean,
    escalated_at        timestamptz,
    closed_at           timestamptz,
    close_reason        text check (close_reason in ('HELPED', 'HANDED_OVER', 'SOLVED_PRACTICALLY', 'NO_HELP_WANTED',
                                                     'UNFOUNDED', 'NOT_REACHED')),
    close_note          text check (length(close_note) <= 4000),
    retain_until        date,
    purged_at           timestamptz,
    receipt_token_hash  text unique,
    version             integer not null default 0,
    check ((status = 'CLOSED') = (closed_at is not null)),
    check ((status = 'CLOSED') = (close_reason is not null)),
    check (status = 'RECEIVED' or score_total is not null),
    check (channel not in ('PARTNER_ACCOUNT', 'PARTNER_LINK') or agreement_id is not null)
);
create index signal_queue on signal (organisation_id, due_at) where status <> 'CLOSED';
create index signal_queue_team on signal (organisation_id, team, due_at) where status <> 'CLOSED';
create index signal_radar on signal (organisation_id, subject_key, received_at) where subject_key is not null;
create index signal_agreement on signal (agreement_id, received_at);
create index signal_person on signal (person_id) where person_id is not null;

-- Outreach actions decided at triage: a home visit, a call, first contact through someone in the network, …
create table signal_action (
    id                uuid primary key,
    organisation_id   uuid not null references organisation (id),
    signal_id         uuid not null references signal (id) on delete cascade,
    kind              text not null check (kind in ('HOME_VISIT', 'PHONE_CALL', 'VIA_NETWORK_MEMBER', 'CONSULT_TEAM',
                                                    'PRACTICAL_HELP', 'SUPPORT_SIGNALLER', 'CRISIS')),
    planned_on        date not null,
    network_member_id uuid,
    note              text check (length(note) <= 2000),
    done_at           timestamptz,
    outcome           text check (length(outcome) <= 4000),
    created_by        uuid not null references app_user (id),
    created_at        timestamptz not null default now(),
    version           integer not null default 0
);
create index signal_action_signal on signal_action (signal_id);

-- An acute signal alerts the professional on duty at once; an overdue one escalates.
create table signal_alert (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    signal_id        uuid not null references signal (id) on delete cascade,
    account_id       uuid not null references app_user (id),
    reason           text not null check (reason in ('ACUTE', 'OVERDUE')),
    created_at       timestamptz not null default now(),
    seen_at          timestamptz
);
create index signal_alert_open on signal_alert (account_id) where seen_at is null;

-- The network meeting: case codes instead of names, minutes, attendance.
create table signal_meeting (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    held_on          date not null,
    urgent           boolean not null default false,
    chair_id         uuid not null references app_user (id),
    minutes          text check (length(minutes) <= 20000),
    closed_at        timestamptz,
    forms_destroyed_at timestamptz,
    version          integer not null default 0
);

create table signal_meeting_attendee (
    id               uuid primary key,
    meeting_id       uuid not null references signal_meeting (id) on delete cascade,
    organisation_id  uuid not null references organisation (id),
    name             text not null check (length(name) between 1 and 200),
    represents       text not null check (length(represents) between 1 and 200),
    present          boolean not null default true
);

create table signal_meeting_case (
    meeting_id       uuid not null references signal_meeting (id) on delete cascade,
    signal_id        uuid not null references signal (id),
    organisation_id  uuid not null references organisation (id),
    reporting_form   text check (length(reporting_form) <= 8000),
    problems         text check (length(problems) <= 4000),
    agreed_approach  text check (length(agreed_approach) <= 4000),
    responsible      text check (length(responsible) <= 200),
    primary key (meeting_id, signal_id)
);

-- "Who looked": a concern passed on by a partner shows, with the kind of partner (never the details).
alter table audit_event drop constraint if exists audit_event_action_check;
alter table audit_event add constraint audit_event_action_check
    check (action in ('READ', 'WRITE', 'DENIED', 'EXPORT', 'SHARE', 'LOGIN', 'LOGIN_FAILED', 'EMERGENCY', 'ERASE', 'RESTRICT')
           or action like 'SIGNAL\_%');

-- The concern route follows the five steps of the reporting code: consultation is recorded, and telling
-- the family first can be skipped only with a recorded reason.
alter table concern add column consulted_at timestamptz;
alter table concern add column consult_note text check (length(consult_note) <= 4000);
alter table concern add column family_skipped_reason text check (length(family_skipped_reason) <= 4000);

-- The role of a signalling partner. Several branches add roles at once, so the list lives in identity.Role;
-- the database keeps the shape (the lead may restore one list after merging).
alter table app_user drop constraint if exists app_user_role_check;
alter table app_user add constraint app_user_role_check check (role ~ '^[A-Z_]{2,40}$');
