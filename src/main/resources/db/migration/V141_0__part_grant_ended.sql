-- A grant that ended (the member left the support group, issue 20): the person keeps seeing on their privacy
-- page who could see a part of their file, on which ground, from when until when. The gate reads only
-- part_grant; an ended grant opens nothing. A person's rows go with the generic erasure (person_id).
create table part_grant_ended (
    person_id       uuid not null references person (id),
    user_id         uuid not null references app_user (id),
    organisation_id uuid not null references organisation (id),
    ground          text not null check (length(ground) between 1 and 200),
    parts           text[] not null check (cardinality(parts) > 0),
    since           date not null,
    ended_on        date not null,
    check (ended_on >= since)
);
create index part_grant_ended_person_idx on part_grant_ended (person_id);
