-- The support system (steunsysteem): who is around the person, what each gives and receives,
-- how heavy it is for informal carers, and every change kept.

alter table network_member
    add column support_given      text[] not null default '{}',
    add column contact_consent    boolean not null default false,
    add column contact_details    text check (length(contact_details) <= 300),
    add column contact_frequency  text check (contact_frequency in ('DAILY', 'WEEKLY', 'MONTHLY', 'RARELY')),
    add column closeness          smallint check (closeness between 1 and 5),
    add column harmful            boolean not null default false,
    add column do_not_burden      boolean not null default false,
    add column do_not_burden_note text check (length(do_not_burden_note) <= 500),
    add column entered_by         text not null default 'PROFESSIONAL' check (entered_by in ('PERSON', 'PROFESSIONAL')),
    add column removed_at         timestamptz,
    add column merged_into        uuid references network_member (id),
    -- contact details only where the person agrees
    add constraint network_member_contact_consent_ck check (contact_consent or contact_details is null);

create index network_member_account_idx on network_member (account_id) where account_id is not null;

-- Every state a member had, from valid_from on. The network on a date is the latest version of
-- each member at that moment that is not a removal. Never updated or deleted.
create table network_member_version (
    id               bigserial primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    member_id        uuid not null references network_member (id),
    valid_from       timestamptz not null,
    change           text not null check (change in ('ADDED', 'CHANGED', 'REMOVED', 'MERGED')),
    name             text not null,
    relation         text not null,
    layer            text not null,
    support_kinds    text[] not null,
    support_given    text[] not null,
    closeness        smallint,
    harmful          boolean not null,
    do_not_burden    boolean not null,
    changed_by       uuid not null references app_user (id),
    changed_by_role  text not null,
    recorded_at      timestamptz not null default now()
);
create index network_member_version_person_idx on network_member_version (person_id, valid_from);

create function network_member_version_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'network_member_version is append-only';
end $$;
create trigger network_member_version_append_only before update or delete on network_member_version
    for each row execute function network_member_version_is_append_only();

-- How heavy it is for an informal carer (draagkracht / draaglast), as reported on a date, by the
-- member themself (with an account), by the person, or recorded by the professional.
create table network_load_report (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    person_id        uuid not null references person (id),
    member_id        uuid not null references network_member (id),
    reported_on      date not null,
    hours_per_week   numeric(4, 1) not null check (hours_per_week between 0 and 168),
    tasks            text check (length(tasks) <= 1000),
    capacity         smallint not null check (capacity between 1 and 5),
    burden           smallint not null check (burden between 1 and 5),
    source           text not null check (source in ('MEMBER_SELF', 'PERSON', 'PROFESSIONAL')),
    recorded_by      uuid not null references app_user (id),
    recorded_at      timestamptz not null default now()
);
create index network_load_report_member_idx on network_load_report (member_id, reported_on);
