-- Foundation: organisations, accounts, persons, care teams, audit, sessions, and the thin
-- support cycle (four questions, network members, plan with goals and steps).
-- Every table that holds personal data carries organisation_id (the tenant it belongs to).

create extension if not exists unaccent;

create table organisation (
    id          uuid primary key,
    name        text not null check (length(name) between 1 and 200),
    created_at  timestamptz not null default now()
);

create table app_user (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    username            text not null unique check (username ~ '^[a-z0-9._-]{3,60}$'),
    password_hash       text not null,
    display_name        text not null check (length(display_name) between 1 and 200),
    role                text not null check (role in ('PROFESSIONAL', 'COACH', 'ADMINISTRATOR', 'PERSON', 'NETWORK_MEMBER')),
    person_id           uuid,
    enabled             boolean not null default true,
    failed_logins       integer not null default 0 check (failed_logins >= 0),
    locked_until        timestamptz,
    created_at          timestamptz not null default now()
);

create table person (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    given_name       text not null check (length(given_name) between 1 and 100),
    family_name      text not null check (length(family_name) between 1 and 100),
    date_of_birth    date check (date_of_birth > date '1900-01-01'),
    phone            text check (length(phone) <= 40),
    email            text check (length(email) <= 200),
    address          text check (length(address) <= 300),
    neighbourhood    text check (length(neighbourhood) <= 100),
    registered_at    timestamptz not null default now(),
    registered_by    uuid not null references app_user (id),
    version          integer not null default 0
);
create index person_organisation_idx on person (organisation_id);

alter table app_user add constraint app_user_person_fk foreign key (person_id) references person (id);
alter table app_user add constraint app_user_person_role_ck
    check ((role = 'PERSON') = (person_id is not null));

-- Who takes part in a person's support. Access to a person's file follows this table.
create table care_team_member (
    person_id        uuid not null references person (id),
    user_id          uuid not null references app_user (id),
    organisation_id  uuid not null references organisation (id),
    team_role        text not null check (team_role in ('PROFESSIONAL', 'COACH', 'VOLUNTEER')),
    assignment       text check (length(assignment) <= 500),
    since            date not null default current_date,
    primary key (person_id, user_id)
);
create index care_team_member_user_idx on care_team_member (user_id);

-- The four questions in the person's own words, kept as versions over time.
create table four_questions (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    version_no       integer not null check (version_no >= 1),
    what_matters     text not null check (length(what_matters) between 1 and 4000),
    own_strength     text not null check (length(own_strength) between 1 and 4000),
    needs            text not null check (length(needs) between 1 and 4000),
    who_can_help     text not null check (length(who_can_help) between 1 and 4000),
    recorded_by      uuid not null references app_user (id),
    recorded_at      timestamptz not null default now(),
    unique (person_id, version_no)
);

create table network_member (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    name             text not null check (length(name) between 1 and 200),
    relation         text not null check (relation in ('PARTNER', 'FAMILY', 'FRIEND', 'NEIGHBOUR', 'COLLEAGUE',
                                                       'PEER', 'VOLUNTEER', 'PROFESSIONAL', 'SERVICE', 'OTHER')),
    layer            text not null check (layer in ('NATURAL', 'COMMUNITY', 'PROFESSIONAL')),
    support_kinds    text[] not null default '{}',
    account_id       uuid references app_user (id),
    added_by         uuid not null references app_user (id),
    added_at         timestamptz not null default now(),
    version          integer not null default 0
);
create index network_member_person_idx on network_member (person_id);

create table support_plan (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    status           text not null default 'DRAFT' check (status in ('DRAFT', 'AGREED', 'ENDED')),
    evaluation_date  date,
    created_by       uuid not null references app_user (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer not null default 0
);
create index support_plan_person_idx on support_plan (person_id);

create table plan_goal (
    id               uuid primary key,
    support_plan     uuid not null references support_plan (id) on delete cascade,
    position         integer not null,
    own_words        text not null check (length(own_words) between 1 and 2000),
    unique (support_plan, position)
);

create table plan_step (
    id                   uuid primary key,
    plan_goal            uuid not null references plan_goal (id) on delete cascade,
    position             integer not null,
    description          text not null check (length(description) between 1 and 2000),
    taker                text not null check (taker in ('PERSON', 'NETWORK', 'GENERAL_FACILITY', 'PROFESSIONAL')),
    network_member_id    uuid references network_member (id),
    professional_id      uuid references app_user (id),
    unique (plan_goal, position),
    check (taker <> 'NETWORK' or network_member_id is not null),
    check (taker <> 'PROFESSIONAL' or professional_id is not null)
);

-- Every read and write of personal data, and every refusal. Never updated or deleted.
create table audit_event (
    id               bigserial primary key,
    occurred_at      timestamptz not null default now(),
    organisation_id  uuid,
    actor_id         uuid,
    actor_role       text,
    person_id        uuid,
    action           text not null check (action in ('READ', 'WRITE', 'DENIED', 'EXPORT', 'SHARE', 'LOGIN', 'LOGIN_FAILED')),
    resource         text not null,
    ground           text not null
);
create index audit_event_person_idx on audit_event (person_id, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

-- Spring Session (JDBC): sessions live in PostgreSQL so several app nodes can serve one user.
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null unique,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval integer not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
