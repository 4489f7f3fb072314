-- Histories of the network and signed plan versions are never changed. The one exception is
-- erasure on the person's request after the retention period: PersonRights.erase sets
-- samenkracht.erasure for its own transaction, and only then may rows be deleted (never updated).
create or replace function network_member_version_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('samenkracht.erasure', true) = 'on' then
        return old;
    end if;
    raise exception 'network_member_version is append-only';
end $$;

create or replace function plan_version_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('samenkracht.erasure', true) = 'on' then
        return old;
    end if;
    raise exception 'a signed plan version is never overwritten';
end $$;
