-- Volunteers (issue 20, item 1): the training a volunteer followed beyond the basic training of the screening
-- (course, date, who gave it; the coordinator records it, the volunteer sees their own), and the volunteer's
-- own feedback on their match or their work, which the coordinator answers (optimistic: the version read).
-- The feedback names at most the match (its shared goal is what the volunteer knows), never the person; a match
-- erased with its person leaves the feedback without it.
create table volunteer_training (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    volunteer_id    uuid not null references volunteer (id) on delete cascade,
    course          text not null check (length(course) between 1 and 200),
    followed_on     date not null,
    given_by        text not null check (length(given_by) between 1 and 200),
    recorded_by     uuid not null references app_user (id),
    recorded_at     timestamptz not null default now()
);
create index volunteer_training_idx on volunteer_training (volunteer_id, followed_on);

create table volunteer_feedback (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    volunteer_id    uuid not null references volunteer (id) on delete cascade,
    match_id        uuid references buddy_match (id) on delete set null,
    given_on        date not null,
    how_it_goes     smallint check (how_it_goes between 1 and 5),
    what            text not null check (length(what) between 1 and 2000),
    reply           text check (length(reply) between 1 and 2000),
    replied_by      uuid references app_user (id),
    replied_on      date,
    version         integer not null default 0,
    check ((reply is null) = (replied_on is null))
);
create index volunteer_feedback_idx on volunteer_feedback (volunteer_id, given_on);
