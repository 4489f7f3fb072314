-- Dialogue: the person's own story, conversations with their report, and the logbook.

-- The own story, written by the person. Entries by the person are theirs (kind OWN); a professional
-- can only add a clearly separate contribution (kind CONTRIBUTION). Only the author edits an entry.
create table story_entry (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    kind             text not null check (kind in ('OWN', 'CONTRIBUTION')),
    text             text not null check (length(text) between 1 and 4000),
    author_id        uuid not null references app_user (id),
    created_at       timestamptz not null default now(),
    edited_at        timestamptz,
    version          integer not null default 0
);
create index story_entry_person_idx on story_entry (person_id, created_at);

-- A conversation (gesprek) along its five phases, and its report (verslag) that is only final when
-- both the person and the professional agreed to the same version of it.
create table conversation (
    id                      uuid primary key,
    organisation_id         uuid not null references organisation (id),
    person_id               uuid not null references person (id),
    held_on                 date not null,
    place                   text not null check (length(place) between 1 and 200),
    participants            text check (length(participants) <= 1000),
    communication_strategy  text not null check (communication_strategy in ('INFORMING', 'FACILITATING', 'OPEN_CONSULTATION', 'NEGOTIATING')),
    exploring               text check (length(exploring) <= 4000),
    analysing               text check (length(analysing) <= 4000),
    solving                 text check (length(solving) <= 4000),
    formulating             text check (length(formulating) <= 4000),
    evaluating              text check (length(evaluating) <= 4000),
    support_need            text check (length(support_need) <= 4000),
    agreements              text check (length(agreements) <= 4000),
    professional_id         uuid not null references app_user (id),
    person_agreed_at        timestamptz,
    professional_agreed_at  timestamptz,
    professional_agreed_by  uuid references app_user (id),
    created_at              timestamptz not null default now(),
    version                 integer not null default 0,
    check ((professional_agreed_at is null) = (professional_agreed_by is null))
);
create index conversation_person_idx on conversation (person_id, held_on desc);

create table conversation_remark (
    id               uuid primary key,
    conversation_id  uuid not null references conversation (id),
    organisation_id  uuid not null references organisation (id),
    author_id        uuid not null references app_user (id),
    by_person        boolean not null,
    text             text not null check (length(text) between 1 and 2000),
    created_at       timestamptz not null default now()
);
create index conversation_remark_idx on conversation_remark (conversation_id, created_at);

-- Short entries per person: contact moments, phone calls, home visits. Searchable in Dutch.
create table logbook_entry (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    kind             text not null check (kind in ('CONTACT', 'PHONE_CALL', 'HOME_VISIT', 'MESSAGE', 'OTHER')),
    occurred_at      timestamptz not null,
    text             text not null check (length(text) between 1 and 2000),
    author_id        uuid not null references app_user (id),
    created_at       timestamptz not null default now(),
    search           tsvector generated always as (to_tsvector('dutch', text)) stored
);
create index logbook_entry_person_idx on logbook_entry (person_id, occurred_at desc);
create extension if not exists btree_gin;
-- one team's entries by words: organisation and words in one index
create index logbook_entry_search_idx on logbook_entry using gin (organisation_id, search);
