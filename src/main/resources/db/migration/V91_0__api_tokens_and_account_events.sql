-- API tokens for machine clients (issue 18): issued by an administrator for an account of their
-- organisation, scoped to parts of the data and to reading or also writing, shown once and kept
-- only as a SHA-256 hash, expiring, revocable. Every use (allowed or refused) is logged.
create table api_token (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    account_id       uuid not null references app_user (id),
    name             text not null check (length(name) between 1 and 100),
    token_hash       bytea not null unique check (length(token_hash) = 32),
    parts            text[] not null check (cardinality(parts) between 1 and 10
                         and parts <@ array['PERSON', 'NETWORK', 'PLAN', 'EXPLORATION', 'PRIVACY', 'SOCIALMAP']),
    may_write        boolean not null default false,
    expires_at       timestamptz not null,
    issued_by        uuid not null references app_user (id),
    issued_at        timestamptz not null default now(),
    revoked_at       timestamptz,
    revoked_by       uuid references app_user (id),
    last_used_at     timestamptz,
    check (expires_at > issued_at),
    check ((revoked_at is null) = (revoked_by is null))
);
create index api_token_organisation_idx on api_token (organisation_id);

create table api_token_use (
    id               bigserial primary key,
    organisation_id  uuid not null references organisation (id),
    token_id         uuid not null references api_token (id),
    used_at          timestamptz not null default now(),
    method           text not null check (length(method) <= 10),
    path             text not null check (length(path) <= 500),
    outcome          text not null check (outcome in ('ALLOWED', 'OUT_OF_SCOPE', 'READ_ONLY'))
);
create index api_token_use_token_idx on api_token_use (token_id, used_at desc);

-- The administrator's work on accounts, append-only: who added, changed, deactivated or reset whom.
create table account_event (
    id               bigserial primary key,
    organisation_id  uuid not null references organisation (id),
    account_id       uuid not null references app_user (id),
    action           text not null check (action in ('CREATED', 'CHANGED', 'DEACTIVATED', 'ACTIVATED',
                         'PASSWORD_RESET', 'SECOND_FACTOR_RESET', 'IMPORTED', 'TOKEN_ISSUED', 'TOKEN_REVOKED')),
    detail           text check (length(detail) <= 500),
    done_by          uuid not null references app_user (id),
    done_at          timestamptz not null default now()
);
create index account_event_organisation_idx on account_event (organisation_id, done_at desc);

create function account_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'account_event is append-only';
end $$;
create trigger account_event_append_only before update or delete on account_event
    for each row execute function account_event_append_only();

-- Accounts an administrator changes carry a version, so two administrators never overwrite each other.
alter table app_user add column version integer not null default 0;
