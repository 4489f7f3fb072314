-- The audit chain leaves the inserting transaction (issue 14). An insert no longer takes a chain
-- lock or computes a hash: it only numbers the entry. A background sealer in the application
-- chains the entries in number order with an HMAC keyed by a secret the database does not hold,
-- and writes each seal into audit_seal (insert-only). See docs/architecture.md, "Audit".
drop trigger audit_event_chain on audit_event;
drop function audit_event_chain();
-- The database's own digest function let anyone with SQL re-chain a rewritten entry.
drop function audit_event_digest(bytea, audit_event);
drop index if exists audit_event_chain_idx;
alter table audit_event drop column previous_hash;
alter table audit_event drop column hash;

-- The transaction id is taken before the number is drawn: once every transaction older than a
-- sealer's snapshot has ended, no entry with a lower number than what that snapshot saw can still
-- appear, so the sealer can chain in number order without waiting on anyone's lock.
create function audit_event_number() returns trigger language plpgsql as $$
begin
    perform pg_current_xact_id();
    new.id := nextval('audit_event_id_seq');
    new.chain := coalesce(new.chain, new.person_id::text, 'system');
    return new;
end $$;
-- The trigger draws the number; a default would draw one more that is never used.
alter table audit_event alter column id drop default;
create trigger audit_event_number before insert on audit_event for each row execute function audit_event_number();

-- One seal per entry, in number order: mac = HMAC-SHA256(key, previous_mac | the entry's fields);
-- seal_mac = HMAC-SHA256(key, event_id | previous_mac | mac) tells a seal made with the key (the entry
-- was changed afterwards) from one made without it (forged or re-chained). key_id names the key (a
-- fingerprint, not the key) so a key change is visible.
create table audit_seal (
    event_id      bigint primary key,
    previous_mac  bytea,
    mac           bytea not null,
    seal_mac      bytea not null,
    key_id        text not null,
    sealed_at     timestamptz not null default now()
);
create trigger audit_seal_append_only before update or delete on audit_seal
    for each row execute function audit_event_is_append_only();
