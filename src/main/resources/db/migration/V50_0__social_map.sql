-- The social map: providers and their offers, searched in Dutch without caring about accents,
-- matched to a person's goals, imported and exported, and kept alive (checks and reports).
-- Offers are no personal data, but every table keys on the organisation (the municipality's map).

create extension if not exists unaccent;

-- unaccent() itself is only STABLE; this wrapper names its dictionary so it can be IMMUTABLE.
create or replace function socialmap_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Dutch stemming after removing accents: "cafe" finds "café", "reunie" finds "reünie".
create text search configuration dutch_unaccent (copy = dutch);
alter text search configuration dutch_unaccent
    alter mapping for hword, hword_part, word with unaccent, dutch_stem;

-- Great-circle distance in kilometres (haversine); inlined by the planner.
create or replace function socialmap_km(lat1 double precision, lon1 double precision,
                                        lat2 double precision, lon2 double precision)
    returns double precision language sql immutable parallel safe strict
    as $$ select 2 * 6371.0 * asin(sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
                 + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))) $$;

create table socialmap_provider (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    name             text not null check (length(name) between 1 and 200),
    kind             text not null check (kind in ('ORGANISATION', 'ASSOCIATION', 'VOLUNTEER_GROUP', 'INFORMAL_INITIATIVE')),
    created_at       timestamptz not null default now(),
    unique (organisation_id, name)
);

create table socialmap_offer (
    id                  uuid primary key,
    organisation_id     uuid not null references organisation (id),
    provider_id         uuid not null references socialmap_provider (id),
    external_key        text not null check (length(external_key) between 1 and 100),
    name                text not null check (length(name) between 1 and 200),
    description         text not null check (length(description) between 1 and 4000),
    goals_served        text not null default '' check (length(goals_served) <= 1000),
    domains             text[] not null check (cardinality(domains) >= 1),
    target_groups       text[] not null check (cardinality(target_groups) >= 1),
    layer               text not null check (layer in ('VOLUNTEER', 'GENERAL_COLLECTIVE', 'INDIVIDUAL_PROFESSIONAL')),
    intensity           text not null check (intensity in ('SUPPORT', 'CARE', 'TAKEOVER')),
    working_area        text[] not null default '{}',
    opening_hours       text not null default '' check (length(opening_hours) <= 300),
    -- minutes since Monday 00:00 at which the offer is open; empty when it keeps no fixed hours
    open_minutes        int4multirange not null default '{}',
    access_route        text not null check (access_route in ('FREE', 'REFERRAL', 'INDICATION')),
    cost_eur            numeric(8, 2) not null default 0 check (cost_eur >= 0),
    reduction_possible  boolean not null default false,
    languages           text[] not null default '{nl}',
    accessibility       text[] not null default '{}',
    waiting_weeks       integer not null default 0 check (waiting_weeks between 0 and 520),
    free_capacity       integer check (free_capacity >= 0),
    contact_phone       text check (length(contact_phone) <= 40),
    contact_email       text check (length(contact_email) <= 200),
    website             text check (length(website) <= 300),
    last_checked        date not null,
    content_hash        text not null,
    search              tsvector generated always as (
                            setweight(to_tsvector('dutch_unaccent', name), 'A')
                            || setweight(to_tsvector('dutch_unaccent', goals_served), 'B')
                            || setweight(to_tsvector('dutch_unaccent', description), 'C')) stored,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer not null default 0,
    unique (organisation_id, external_key)
);
create index socialmap_offer_search_idx on socialmap_offer using gin (search);
create index socialmap_offer_domains_idx on socialmap_offer using gin (domains);
create index socialmap_offer_org_layer_idx on socialmap_offer (organisation_id, layer);
create index socialmap_offer_checked_idx on socialmap_offer (organisation_id, last_checked);
-- for type-ahead on the start of a name
create index socialmap_offer_name_idx on socialmap_offer (organisation_id, lower(socialmap_unaccent(name)) text_pattern_ops);

create table socialmap_location (
    offer_id    uuid not null references socialmap_offer (id) on delete cascade,
    position    integer not null check (position >= 0),
    address     text not null check (length(address) between 1 and 300),
    latitude    double precision not null check (latitude between -90 and 90),
    longitude   double precision not null check (longitude between -180 and 180),
    primary key (offer_id, position)
);

-- Where a neighbourhood lies, so "nearby" can be weighed from a person's neighbourhood.
create table socialmap_place (
    organisation_id  uuid not null references organisation (id),
    name             text not null check (length(name) between 1 and 100),
    latitude         double precision not null check (latitude between -90 and 90),
    longitude        double precision not null check (longitude between -180 and 180),
    primary key (organisation_id, name)
);

-- A professional says a fiche is wrong; an administrator resolves it.
create table socialmap_report (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    offer_id         uuid not null references socialmap_offer (id) on delete cascade,
    reason           text not null check (length(reason) between 1 and 1000),
    reported_by      uuid not null references app_user (id),
    reported_at      timestamptz not null default now(),
    resolved_at      timestamptz,
    resolved_by      uuid references app_user (id)
);
create index socialmap_report_open_idx on socialmap_report (organisation_id) where resolved_at is null;

-- A provider is invited to update its own fiche through a link; only the hash of the token is kept.
create table socialmap_invitation (
    token_hash       text primary key,
    organisation_id  uuid not null references organisation (id),
    offer_id         uuid not null references socialmap_offer (id) on delete cascade,
    created_by       uuid not null references app_user (id),
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    last_used_at     timestamptz
);

-- An import of offers, all or nothing, with its progress and report.
create table socialmap_import (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    started_by       uuid not null references app_user (id),
    file_name        text not null check (length(file_name) <= 300),
    format           text not null check (format in ('CSV', 'JSON')),
    status           text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total_rows       integer not null default 0,
    processed_rows   integer not null default 0,
    accepted         integer not null default 0,
    changed          integer not null default 0,
    unchanged        integer not null default 0,
    refused          integer not null default 0,
    refusals         jsonb not null default '[]',
    failure          text,
    started_at       timestamptz not null default now(),
    finished_at      timestamptz
);
