-- Issue 19, item 1: the neighbourhood from an address. The organisation maps a postcode (its four digits) or a range
-- of them to a neighbourhood of its area list (the insights' areas, with their CBS codes, under /insights/settings;
-- the name is kept as written there, so the figures find its codes). A signal with only an address gets its
-- neighbourhood from here when nobody chose one.
create table signal_postcode_area (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id),
    postcode_from   integer not null check (postcode_from between 1000 and 9999),
    postcode_to     integer not null check (postcode_to between 1000 and 9999),
    neighbourhood   text not null check (length(neighbourhood) between 1 and 100),
    version         integer not null default 0,
    check (postcode_from <= postcode_to)
);
create index signal_postcode_area_lookup on signal_postcode_area (organisation_id, postcode_from, postcode_to);
