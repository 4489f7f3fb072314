-- The support plan grows: goals from prioritised wishes, the options worksheet, steps with their
-- layer and intensity, the inside-out answers, dual sign-off and refusal, family views, versions
-- that are never overwritten, the evaluation cycle, and the times to the first plan and support.

alter table support_plan
    add column version_no              integer not null default 1 check (version_no >= 1),
    add column person_agreed_at        timestamptz,
    add column person_agreed_by        uuid references app_user (id),
    add column person_agreed_on_behalf text check (length(person_agreed_on_behalf) <= 200),
    add column person_remark           text check (length(person_remark) <= 2000),
    add column professional_agreed_at  timestamptz,
    add column professional_agreed_by  uuid references app_user (id),
    add column professional_remark     text check (length(professional_remark) <= 2000),
    add constraint support_plan_agreed_needs_both check (
        status <> 'AGREED' or (person_agreed_at is not null and professional_agreed_at is not null));
create index support_plan_evaluation_idx on support_plan (evaluation_date) where status <> 'ENDED';

alter table plan_goal
    add column wish_id             uuid references wish (id),
    add column meaning             text check (length(meaning) <= 2000),
    add column intended_result     text check (length(intended_result) <= 2000),
    add column term                text check (term in ('SHORT', 'LONG')),
    add column reached_when        text check (length(reached_when) <= 2000),
    add column domains             text[] not null default '{}',
    add column own_strength_answer text check (length(own_strength_answer) <= 2000),
    add column network_answer      text check (length(network_answer) <= 2000),
    add column general_answer      text check (length(general_answer) <= 2000);

-- The options worksheet (werkblad opties): brainstormed options, pros and cons, best and second best.
create table plan_option (
    id             uuid primary key,
    plan_goal      uuid not null references plan_goal (id) on delete cascade,
    position       integer not null,
    description    text not null check (length(description) between 1 and 1000),
    advantages     text check (length(advantages) <= 2000),
    disadvantages  text check (length(disadvantages) <= 2000),
    choice         text check (choice in ('BEST', 'SECOND')),
    unique (plan_goal, position)
);

alter table plan_step
    add column layer       text not null default 'OWN_STRENGTH'
                           check (layer in ('OWN_STRENGTH', 'NETWORK', 'GENERAL', 'PROFESSIONAL')),
    add column intensity   text not null default 'STEUN' check (intensity in ('STEUN', 'ZORG', 'OVERNAME')),
    add column own_part    text check (length(own_part) <= 1000),
    add column provider    text check (length(provider) <= 200),
    add column load_reason text check (length(load_reason) <= 1000),
    add constraint plan_step_general_has_provider check (taker <> 'GENERAL_FACILITY' or provider is not null);

-- The person's refusal of the plan or of a step, in their own words; the door stays open.
create table plan_refusal (
    id              uuid primary key,
    support_plan    uuid not null references support_plan (id) on delete cascade,
    position        integer not null,
    step_id         uuid,
    reason          text not null check (length(reason) between 1 and 2000),
    alternatives    text check (length(alternatives) <= 2000),
    talk_again_on   date,
    recorded_by     uuid not null references app_user (id),
    recorded_at     timestamptz not null,
    unique (support_plan, position)
);

-- Family members who disagree, and what was agreed in a family meeting.
create table plan_family_view (
    id              uuid primary key,
    support_plan    uuid not null references support_plan (id) on delete cascade,
    position        integer not null,
    who             text not null check (length(who) between 1 and 200),
    disagreement    text not null check (length(disagreement) between 1 and 2000),
    agreements      text check (length(agreements) <= 2000),
    meeting_on      date,
    unique (support_plan, position)
);

-- Every signed version as it was signed. Never updated or deleted.
create table plan_version (
    support_plan     uuid not null references support_plan (id),
    version_no       integer not null check (version_no >= 1),
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    snapshot         jsonb not null,
    signed_at        timestamptz not null,
    primary key (support_plan, version_no)
);

create function plan_version_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'a signed plan version is never overwritten';
end $$;
create trigger plan_version_append_only before update or delete on plan_version
    for each row execute function plan_version_is_append_only();

create table plan_evaluation (
    id                     uuid primary key,
    organisation_id        uuid not null references organisation (id),
    person_id              uuid not null references person (id),
    support_plan           uuid not null references support_plan (id),
    plan_version_no        integer not null,
    held_on                date not null,
    went_well              text check (length(went_well) <= 4000),
    learned                text check (length(learned) <= 4000),
    relationship_on_track  boolean not null,
    trust                  boolean not null,
    activities_going_well  boolean not null,
    phases_connect         boolean not null,
    signals                text[] not null default '{}',
    signal_note            text check (length(signal_note) <= 2000),
    decision               text not null check (decision in ('CONTINUE', 'SCALE_UP', 'SCALE_DOWN', 'REPLACE_RESOURCE', 'END')),
    next_evaluation_date   date check (next_evaluation_date > held_on),
    recorded_by            uuid not null references app_user (id),
    recorded_at            timestamptz not null default now(),
    check (decision = 'END' or next_evaluation_date is not null)
);
create index plan_evaluation_person_idx on plan_evaluation (person_id, held_on desc);

create table plan_evaluation_goal (
    evaluation  uuid not null references plan_evaluation (id) on delete cascade,
    goal_id     uuid not null,
    process     text check (length(process) <= 2000),
    result      text check (length(result) <= 2000),
    primary key (evaluation, goal_id)
);

-- Time from first contact (registration) to the first signed plan and to the first support.
create table plan_milestone (
    person_id        uuid primary key references person (id),
    organisation_id  uuid not null references organisation (id),
    first_signed_at  timestamptz,
    first_support_on date
);
