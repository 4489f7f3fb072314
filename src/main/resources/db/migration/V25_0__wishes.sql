-- Wishes of the person, in their own words, in the order the person puts them (1 = most important).
create table wish (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    text             text not null check (length(text) between 1 and 1000),
    priority         integer not null check (priority >= 1),
    source           text not null default 'CONVERSATION'
                     check (source in ('CONVERSATION', 'ASSESSMENT_GRID', 'PERSONAL_PROFILE', 'SELF_REPORT', 'PERSON')),
    added_by         uuid not null references app_user (id),
    created_at       timestamptz not null default now()
);
create index wish_person_idx on wish (person_id, priority);
