-- Community (issue 20): volunteers and their backing, buddy matches that start from the person's
-- network, support groups, and neighbourhood places where people also give.

-- Two new roles (VOLUNTEER, COORDINATOR): V99_0 keeps the one list of every role.

-- A volunteer: who they are, what they offer, how they came in, and the screening steps with dates.
-- Not a person supported: their data is the organisation's, read by coordinators and by themselves.
create table volunteer (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    account_id          uuid unique references app_user (id),
    coordinator_id      uuid references app_user (id),
    name                text not null check (length(name) between 1 and 200),
    phone               text check (length(phone) <= 40),
    skills              text[] not null default '{}',
    languages           text[] not null default '{}',
    availability        text[] not null default '{}',
    areas               text[] not null default '{}',
    interests           text[] not null default '{}',
    kinds_of_work       text[] not null default '{}',
    motive              text check (length(motive) <= 2000),
    came_in_via         text check (came_in_via in ('OWN_INITIATIVE', 'FRIEND', 'CAMPAIGN', 'FORMER_PARTICIPANT', 'EMPLOYER', 'OTHER')),
    hours_per_week      numeric(4,1) not null default 2 check (hours_per_week > 0 and hours_per_week <= 40),
    max_matches         smallint not null default 2 check (max_matches between 1 and 5),
    -- how heavy it is, in the volunteer's own words (1 light .. 5 too heavy); null: not asked yet
    reported_load       smallint check (reported_load between 1 and 5),
    conduct_certificate_on date,   -- VOG
    intake_on           date,
    training_on         date,
    agreement_on        date,
    status              text not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'STOPPED')),
    stopped_on          date,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    check ((status = 'STOPPED') = (stopped_on is not null))
);
create index volunteer_org_active_idx on volunteer (organisation_id) where status = 'ACTIVE'
    and conduct_certificate_on is not null and intake_on is not null and training_on is not null and agreement_on is not null;

create table volunteer_hours (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    volunteer_id    uuid not null references volunteer (id) on delete cascade,
    worked_on       date not null,
    hours           numeric(4,1) not null check (hours > 0 and hours <= 24),
    what            text check (length(what) <= 300)
);
create index volunteer_hours_idx on volunteer_hours (volunteer_id, worked_on);

create table volunteer_recognition (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    volunteer_id    uuid not null references volunteer (id) on delete cascade,
    given_on        date not null,
    what            text not null check (length(what) between 1 and 300)
);

-- A request for a volunteer (maatje): from a plan step at the volunteer layer or from a professional.
-- Network first: the request records what the person's own network can do and where its gap is,
-- before any volunteer is suggested. The coordinator's home visit records what kind of volunteer is needed.
create table buddy_request (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    person_id           uuid not null references person (id),
    goal_id             uuid,
    step_id             uuid,
    requested_by        uuid not null references app_user (id),
    coordinator_id      uuid not null references app_user (id),
    what_for            text not null check (length(what_for) between 1 and 1000),
    network_gap         text check (length(network_gap) <= 1000),
    network_checked_at  timestamptz,
    visited_on          date,
    kind_of_work        text,
    languages           text[] not null default '{}',
    availability        text[] not null default '{}',
    areas               text[] not null default '{}',
    interests           text[] not null default '{}',
    hours_per_week      numeric(4,1) check (hours_per_week > 0 and hours_per_week <= 40),
    visit_notes         text check (length(visit_notes) <= 2000),
    status              text not null default 'OPEN' check (status in ('OPEN', 'MATCHED', 'NETWORK', 'CLOSED')),
    created_at          timestamptz not null default now(),
    version             integer not null default 0,
    check (visited_on is null or network_checked_at is not null)
);
create index buddy_request_coordinator_idx on buddy_request (coordinator_id, status);
create index buddy_request_person_idx on buddy_request (person_id);

-- A match between a request and a volunteer. Either side may decline; a planned end of one year
-- by default and never more than two.
create table buddy_match (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    request_id          uuid not null references buddy_request (id),
    person_id           uuid not null references person (id),
    volunteer_id        uuid not null references volunteer (id),
    shared_goal         text not null check (length(shared_goal) between 1 and 500),
    practical           text check (length(practical) <= 1000),
    hours_per_week      numeric(4,1) not null default 2 check (hours_per_week > 0 and hours_per_week <= 40),
    proposed_on         date not null,
    person_accepted     boolean,
    volunteer_accepted  boolean,
    started_on          date,
    planned_end         date not null,
    ended_on            date,
    end_reason          text check (end_reason in ('DECLINED_BY_PERSON', 'DECLINED_BY_VOLUNTEER', 'REMATCH', 'VOLUNTEER_STOPPED', 'COMPLETED')),
    plan_step_id        uuid,
    status              text not null default 'PROPOSED' check (status in ('PROPOSED', 'ACTIVE', 'ENDED')),
    version             integer not null default 0,
    check (planned_end <= coalesce(started_on, proposed_on) + interval '2 years'),
    check ((status = 'ENDED') = (ended_on is not null))
);
create index buddy_match_volunteer_idx on buddy_match (volunteer_id) where status <> 'ENDED';
create index buddy_match_request_idx on buddy_match (request_id);

-- Contacts around a match: the four-week check, supervision, and the follow-up asking the person.
create table buddy_contact (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    match_id        uuid not null references buddy_match (id) on delete cascade,
    kind            text not null check (kind in ('FOUR_WEEK_CHECK', 'SUPERVISION', 'FOLLOW_UP')),
    held_on         date not null,
    with_whom       text not null check (with_whom in ('PERSON', 'VOLUNTEER', 'BOTH')),
    how_it_goes     smallint check (how_it_goes between 1 and 5),
    notes           text check (length(notes) <= 2000),
    recorded_by     uuid not null references app_user (id)
);
create index buddy_contact_match_idx on buddy_contact (match_id);

-- Support groups: about six members, a coach, a rhythm, topics the members choose, a small plan per
-- member reviewed each meeting. A member is only discussed when present.
create table support_group (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    name            text not null check (length(name) between 1 and 200),
    coach_id        uuid not null references app_user (id),
    rhythm          text not null check (length(rhythm) between 1 and 200),
    max_members     smallint not null default 6 check (max_members between 2 and 8),
    version         integer not null default 0
);

create table group_member (
    group_id        uuid not null references support_group (id) on delete cascade,
    person_id       uuid not null references person (id),
    organisation_id uuid not null references organisation (id),
    joined_on       date not null,
    own_plan        text check (length(own_plan) <= 1000),
    left_on         date,
    primary key (group_id, person_id)
);

create table group_topic (
    id              uuid primary key,
    group_id        uuid not null references support_group (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    topic           text not null check (length(topic) between 1 and 300),
    chosen_by       uuid references person (id)
);

create table group_meeting (
    id              uuid primary key,
    group_id        uuid not null references support_group (id) on delete cascade,
    organisation_id uuid not null references organisation (id),
    held_on         date not null,
    topic           text check (length(topic) <= 300),
    unique (group_id, held_on)
);

create table group_progress (
    meeting_id      uuid not null references group_meeting (id) on delete cascade,
    person_id       uuid not null references person (id),
    organisation_id uuid not null references organisation (id),
    present         boolean not null,
    progress        text check (length(progress) <= 1000),
    next_step       text check (length(next_step) <= 1000),
    primary key (meeting_id, person_id),
    -- never a discussion of a member without that member
    check (present or (progress is null and next_step is null))
);

-- Neighbourhood places and activities (kwartiermaken): hosts, accessibility, sign-up, attendance,
-- and places where people can also volunteer.
create table community_place (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    name                text not null check (length(name) between 1 and 200),
    neighbourhood       text not null check (length(neighbourhood) between 1 and 100),
    address             text check (length(address) <= 300),
    host_name           text check (length(host_name) <= 200),
    accessibility       text[] not null default '{}',
    volunteering        text check (length(volunteering) <= 500),
    version             integer not null default 0
);

create table community_activity (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    place_id        uuid not null references community_place (id) on delete cascade,
    name            text not null check (length(name) between 1 and 200),
    weekday         text not null check (weekday in ('MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY')),
    starts_at       time not null,
    host_name       text check (length(host_name) <= 200),
    capacity        smallint check (capacity > 0),
    interests       text[] not null default '{}',
    life_domain     text,
    description     text check (length(description) <= 1000)
);

create table activity_signup (
    activity_id     uuid not null references community_activity (id) on delete cascade,
    person_id       uuid not null references person (id),
    organisation_id uuid not null references organisation (id),
    signed_up_on    date not null,
    primary key (activity_id, person_id)
);

create table activity_attendance (
    activity_id     uuid not null references community_activity (id) on delete cascade,
    person_id       uuid not null references person (id),
    organisation_id uuid not null references organisation (id),
    attended_on     date not null,
    primary key (activity_id, person_id, attended_on)
);

-- What a person can offer others (their strength), shown to others only with their consent.
create table strength_offer (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    person_id       uuid not null references person (id),
    what            text not null check (length(what) between 1 and 300),
    place_id        uuid references community_place (id),
    consent_on      date,
    withdrawn_on    date
);
create index strength_offer_person_idx on strength_offer (person_id);
