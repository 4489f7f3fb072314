-- Access to a few parts of a person's file on one ground, instead of the whole file (issue 20): the coach
-- of a support group needs what the group needs (the member's community part: name, own plan in the
-- group, progress per meeting), not the member's conversations, network, concerns or plan. A grant is
-- not team membership: it opens no caseload, no sharing under joint secrecy, no emergency review.
create table part_grant (
    person_id       uuid not null references person (id),
    user_id         uuid not null references app_user (id),
    organisation_id uuid not null references organisation (id),
    ground          text not null check (length(ground) between 1 and 200),
    parts           text[] not null check (cardinality(parts) > 0),
    since           date not null default current_date,
    primary key (person_id, user_id, ground)
);
create index part_grant_user_idx on part_grant (user_id);
