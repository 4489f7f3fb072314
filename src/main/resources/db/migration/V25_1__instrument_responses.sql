-- Answers to the exploration instruments, kept over time. A draft can be changed (optimistic
-- locking); a completed response is never changed: filling in again makes a new response.
create table instrument_response (
    id                     uuid primary key,
    organisation_id        uuid not null references organisation (id),
    person_id              uuid not null references person (id),
    instrument             text not null check (instrument ~ '^[a-z0-9-]{1,60}$'),
    instrument_version     text not null check (length(instrument_version) between 1 and 20),
    status                 text not null check (status in ('DRAFT', 'COMPLETED')),
    answers                jsonb not null default '{}'::jsonb check (jsonb_typeof(answers) = 'object'),
    respondent_id          uuid not null references app_user (id),
    respondent_is_person   boolean not null,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    completed_at           timestamptz,
    version                integer not null default 0,
    check ((status = 'COMPLETED') = (completed_at is not null))
);
create index instrument_response_person_idx on instrument_response (person_id, instrument, completed_at);

alter table wish add column version integer not null default 0;
