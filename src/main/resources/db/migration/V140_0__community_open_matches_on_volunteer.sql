-- Suggesting volunteers among many (issue 20, "Measure"): the count of open matches and the hours they
-- commit live on the volunteer row, kept by a trigger in the same transaction as the match, so the
-- candidates query needs no lateral count per volunteer; GIN indexes let it look first at volunteers who
-- share the request's language or neighbourhood (it widens when those cannot hold the best).
alter table volunteer
    add column open_matches    integer not null default 0 check (open_matches >= 0),
    add column committed_hours numeric(5,1) not null default 0 check (committed_hours >= 0);

update volunteer v set open_matches = m.n, committed_hours = m.h
from (select volunteer_id, count(*) as n, sum(hours_per_week) as h from buddy_match
      where status <> 'ENDED' group by volunteer_id) m
where m.volunteer_id = v.id;

create function buddy_match_keeps_volunteer_load() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status <> 'ENDED' then
        update volunteer set open_matches = open_matches - 1, committed_hours = committed_hours - old.hours_per_week
        where id = old.volunteer_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status <> 'ENDED' then
        update volunteer set open_matches = open_matches + 1, committed_hours = committed_hours + new.hours_per_week
        where id = new.volunteer_id;
    end if;
    return null;
end $$;

create trigger buddy_match_volunteer_load
    after insert or delete or update of status, hours_per_week, volunteer_id on buddy_match
    for each row execute function buddy_match_keeps_volunteer_load();

create index volunteer_languages_gin on volunteer using gin (languages) where status = 'ACTIVE';
create index volunteer_areas_gin on volunteer using gin (areas) where status = 'ACTIVE';
