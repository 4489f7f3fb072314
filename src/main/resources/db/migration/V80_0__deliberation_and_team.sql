-- Issue 21: ethical deliberation (gps, dilemma method, Socratic conversation), coaching and
-- intervision, caseload as bandwidth, warm handover, reviews from several viewpoints.

-- A dilemma worked through about one person's support. Team-only; the answers per step are kept as
-- a JSON object of known question keys (the rules in Java name them), the values table as rows.
create table deliberation (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    method           text not null check (method in ('GPS', 'DILEMMA_METHOD', 'SOCRATIC')),
    title            text not null check (length(title) between 1 and 200),
    facilitator_id   uuid not null references app_user (id),
    answers          jsonb not null default '{}'::jsonb,
    person_perspective text check (length(person_perspective) <= 8000),
    decision         text check (length(decision) <= 4000),
    decided_at       timestamptz,
    closed_at        timestamptz,
    concern_id       uuid,
    created_at       timestamptz not null default now(),
    version          integer not null default 0,
    check (method <> 'SOCRATIC' or decision is null),
    check (decided_at is null or decision is not null)
);
create index deliberation_person_idx on deliberation (person_id);
create index deliberation_org_idx on deliberation (organisation_id, created_at desc);

-- Depth: the values in tension, one row per perspective (whose view, which value, which norm).
create table deliberation_value (
    id               uuid primary key,
    deliberation_id  uuid not null references deliberation (id) on delete cascade,
    organisation_id  uuid not null references organisation (id),
    perspective      text not null check (length(perspective) between 1 and 200),
    value_name       text not null check (length(value_name) between 1 and 100),
    norm             text check (length(norm) <= 1000),
    position         integer not null
);
create index deliberation_value_idx on deliberation_value (deliberation_id, position);

-- The actions that follow from the decision; each becomes a step in the plan with its own evaluation date.
create table deliberation_action (
    id               uuid primary key,
    deliberation_id  uuid not null references deliberation (id) on delete cascade,
    organisation_id  uuid not null references organisation (id),
    description      text not null check (length(description) between 1 and 2000),
    evaluate_on      date not null,
    plan_step_id     uuid,
    created_at       timestamptz not null default now()
);
create index deliberation_action_idx on deliberation_action (deliberation_id);

-- Coaching and intervision: no person's name, ever. A case carries a pseudonym.
create table team_session (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    kind             text not null check (kind in ('INTERVISION', 'COACHING')),
    held_on          date not null,
    facilitator_id   uuid not null references app_user (id),
    case_pseudonym   text not null check (length(case_pseudonym) between 1 and 100),
    case_question    text not null check (length(case_question) between 1 and 2000),
    deliberation_id  uuid references deliberation (id) on delete set null,
    lessons          text check (length(lessons) <= 4000),
    closed_at        timestamptz,
    version          integer not null default 0
);
create index team_session_org_idx on team_session (organisation_id, held_on desc);

create table team_session_participant (
    session_id       uuid not null references team_session (id) on delete cascade,
    account_id       uuid not null references app_user (id),
    organisation_id  uuid not null references organisation (id),
    moral_burden     integer check (moral_burden between 0 and 10),
    primary key (session_id, account_id)
);
create index team_session_participant_account_idx on team_session_participant (account_id);

-- The rounds of a session, each timeboxed; what was said is kept in the round's own words.
create table team_session_round (
    id               uuid primary key,
    session_id       uuid not null references team_session (id) on delete cascade,
    organisation_id  uuid not null references organisation (id),
    round            text not null,
    position         integer not null,
    minutes          integer not null check (minutes between 1 and 120),
    notes            text check (length(notes) <= 4000),
    done_at          timestamptz,
    unique (session_id, round)
);

-- The bandwidth a team agrees: weighted points per professional (per full-time post).
create table team_bandwidth (
    organisation_id  uuid primary key references organisation (id),
    points_per_professional numeric(6, 1) not null check (points_per_professional > 0),
    agreed_on        date not null,
    agreed_by        uuid not null references app_user (id),
    version          integer not null default 0
);

-- What a professional's own caseload weighed when they last looked: a figure without names, so a
-- coach sees the team's load without opening anyone's file.
create table caseload_figure (
    account_id       uuid primary key references app_user (id),
    organisation_id  uuid not null references organisation (id),
    persons          integer not null check (persons >= 0),
    points           numeric(8, 1) not null check (points >= 0),
    measured_at      timestamptz not null default now()
);

-- A warm handover: a three-way conversation, the receiving worker accepts, the person co-signs;
-- only then does the old worker's part end. The database holds that order too.
create table handover (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    from_id          uuid not null references app_user (id),
    to_id            uuid not null references app_user (id),
    reason           text not null check (length(reason) between 1 and 2000),
    proposed_at      timestamptz not null default now(),
    conversation_on  date,
    conversation_note text check (length(conversation_note) <= 4000),
    accepted_at      timestamptz,
    accept_remark    text check (length(accept_remark) <= 2000),
    person_signed_at timestamptz,
    person_signed_by uuid references app_user (id),
    person_on_behalf text check (length(person_on_behalf) <= 200),
    person_remark    text check (length(person_remark) <= 2000),
    phase_out        text check (length(phase_out) <= 2000),
    old_access_ended_at timestamptz,
    withdrawn_at     timestamptz,
    version          integer not null default 0,
    check (from_id <> to_id),
    check (old_access_ended_at is null or (accepted_at is not null and person_signed_at is not null)),
    check (person_signed_at is null or conversation_on is not null)
);
create index handover_person_idx on handover (person_id, proposed_at desc);
create unique index handover_open_idx on handover (person_id, from_id) where old_access_ended_at is null and withdrawn_at is null;

-- A review of the trajectory from several viewpoints, with who decides (agreed beforehand) when views differ.
create table trajectory_review (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    held_on          date not null,
    decider          text not null check (decider in ('FAMILY', 'WORKER', 'COACH', 'HEAD_OF_SERVICE', 'HEAD_OF_SOCIAL_SERVICE')),
    views            jsonb not null,
    outcome          text not null check (outcome in ('CONTINUE', 'PHASE_OUT', 'END')),
    phase_out_plan   text check (length(phase_out_plan) <= 4000),
    phase_out_until  date,
    recorded_by      uuid not null references app_user (id),
    recorded_at      timestamptz not null default now(),
    check (outcome <> 'PHASE_OUT' or (phase_out_plan is not null and phase_out_until is not null))
);
create index trajectory_review_person_idx on trajectory_review (person_id, held_on desc);
