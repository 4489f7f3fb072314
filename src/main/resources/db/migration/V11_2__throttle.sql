-- Throttling of sign-in and second-factor attempts (issue 14), per key: an account with a client
-- address, an account, a client address, an account's second factor. The key of an unknown account
-- is kept like that of a known one, so the answer never tells whether an account exists.
create table throttle (
    key              text primary key check (length(key) <= 400),
    failures         integer not null default 0,
    blocked_until    timestamptz,
    last_failure_at  timestamptz not null default now()
);
create index throttle_last_failure_idx on throttle (last_failure_at);
