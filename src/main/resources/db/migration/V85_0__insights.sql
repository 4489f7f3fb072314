-- Insights (issue 22): the module's own aggregate tables. No table here holds a person's data apart from
-- insights_counted, which tells a person that (not how) they were counted in a refresh.

-- Where a neighbourhood (as written on the person) lies, after the CBS codes: buurt (BU), wijk (WK), gemeente (GM).
create table insights_area (
    organisation_id     uuid not null references organisation (id),
    neighbourhood       text not null check (length(neighbourhood) between 1 and 100),
    neighbourhood_code  text not null check (neighbourhood_code ~ '^BU[0-9A-Z]{1,12}$'),
    district_code       text not null check (district_code ~ '^WK[0-9A-Z]{1,10}$'),
    district_name       text not null check (length(district_name) between 1 and 100),
    municipality_code   text not null check (municipality_code ~ '^GM[0-9]{4}$'),
    municipality_name   text not null check (length(municipality_name) between 1 and 100),
    primary key (organisation_id, neighbourhood)
);

-- The organisation's thresholds of disclosure control (counts from 1 below them are held back).
create table insights_setting (
    organisation_id      uuid primary key references organisation (id),
    threshold            integer not null default 5 check (threshold between 3 and 10),
    sensitive_threshold  integer not null default 10 check (sensitive_threshold between 3 and 10),
    version              integer not null default 0,
    check (sensitive_threshold >= threshold)
);

-- One row per refresh of the aggregates: when, how many people counted, on what trigger.
create table insights_refresh (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    started_at       timestamptz not null,
    finished_at      timestamptz not null,
    persons_counted  integer not null check (persons_counted >= 0),
    trigger          text not null check (trigger in ('SCHEDULE', 'ANALYST', 'START')),
    requested_by     uuid references app_user (id)
);
create index insights_refresh_latest_idx on insights_refresh (organisation_id, finished_at desc);

-- The aggregates: per neighbourhood code, month and figure, a count per category; for magnitudes also the
-- total and the two largest contributions (for the dominance rule). Replaced whole at each refresh.
create table insights_cell (
    organisation_id  uuid not null references organisation (id),
    figure           text not null,
    month            date not null,
    area_code        text not null,
    category         text not null,
    n                bigint not null check (n >= 0),
    total            double precision not null default 0,
    top1             double precision not null default 0,
    top2             double precision not null default 0,
    primary key (organisation_id, figure, month, area_code, category)
);

-- That a person was counted, in which refresh (shown to the person in "who looked"; never by whom).
create table insights_counted (
    person_id        uuid primary key,
    organisation_id  uuid not null references organisation (id),
    refresh_id       uuid not null references insights_refresh (id),
    counted_at       timestamptz not null
);
