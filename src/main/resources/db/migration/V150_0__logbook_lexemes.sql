-- Issue 15: logbook search finds other word forms and compounds without prefix lookups in the big
-- GIN index (a prefix such as 'huisbezoek':* visits every matching key of every team: 60–100 ms at
-- 1 000 000 entries). Instead, the distinct words (lexemes) of a team's logbook are kept here; a
-- search word is expanded to the team's real lexemes that start with it ("boodschap" ->
-- boodschapp) or contain it (the second part of a compound: "gesprek" -> kennismakingsgesprek),
-- and the logbook is then searched for those exact lexemes, which the GIN index finds cheaply.
-- A lexeme whose last entry goes (deleted, erased) goes too: no words of erased entries stay.
create extension if not exists pg_trgm;

create table logbook_lexeme (
    organisation_id  uuid not null references organisation (id),
    lexeme           text collate "C" not null,
    entries          integer not null check (entries > 0),
    primary key (organisation_id, lexeme)
);
-- words that contain the search word (compounds), per team
create index logbook_lexeme_trgm_idx on logbook_lexeme using gin (organisation_id, lexeme gin_trgm_ops);

create or replace function logbook_lexemes_count(counted jsonb) returns void language plpgsql as $$
begin
    insert into logbook_lexeme (organisation_id, lexeme, entries)
    select (c ->> 'o')::uuid, c ->> 'l', (c ->> 'n')::int
    from jsonb_array_elements(counted) c
    where (c ->> 'n')::int > 0
    order by 1, 2
    on conflict (organisation_id, lexeme) do update set entries = logbook_lexeme.entries + excluded.entries;
    update logbook_lexeme x set entries = x.entries + (c ->> 'n')::int
    from jsonb_array_elements(counted) c
    where (c ->> 'n')::int < 0 and x.organisation_id = (c ->> 'o')::uuid and x.lexeme = c ->> 'l'
      and x.entries + (c ->> 'n')::int > 0;
    delete from logbook_lexeme x
    using jsonb_array_elements(counted) c
    where (c ->> 'n')::int < 0 and x.organisation_id = (c ->> 'o')::uuid and x.lexeme = c ->> 'l'
      and x.entries + (c ->> 'n')::int <= 0;
end $$;

create or replace function logbook_lexemes_added() returns trigger language plpgsql as $$
begin
    perform logbook_lexemes_count(coalesce((
        select jsonb_agg(jsonb_build_object('o', organisation_id, 'l', lexeme, 'n', n))
        from (select a.organisation_id, l.lexeme, count(*) as n
              from added a cross join lateral unnest(a.search) l
              group by 1, 2) s), '[]'));
    return null;
end $$;

create or replace function logbook_lexemes_removed() returns trigger language plpgsql as $$
begin
    perform logbook_lexemes_count(coalesce((
        select jsonb_agg(jsonb_build_object('o', organisation_id, 'l', lexeme, 'n', -n))
        from (select r.organisation_id, l.lexeme, count(*) as n
              from removed r cross join lateral unnest(r.search) l
              group by 1, 2) s), '[]'));
    return null;
end $$;

create or replace function logbook_lexemes_changed() returns trigger language plpgsql as $$
begin
    perform logbook_lexemes_count(coalesce((
        select jsonb_agg(jsonb_build_object('o', organisation_id, 'l', lexeme, 'n', n))
        from (select organisation_id, lexeme, sum(n) as n
              from (select a.organisation_id, l.lexeme, 1 as n from added a cross join lateral unnest(a.search) l
                    union all
                    select r.organisation_id, l.lexeme, -1 from removed r cross join lateral unnest(r.search) l) d
              group by 1, 2
              having sum(n) <> 0) s), '[]'));
    return null;
end $$;

create trigger logbook_lexemes_inserted after insert on logbook_entry
    referencing new table as added for each statement execute function logbook_lexemes_added();
create trigger logbook_lexemes_updated after update on logbook_entry
    referencing old table as removed new table as added for each statement execute function logbook_lexemes_changed();
create trigger logbook_lexemes_deleted after delete on logbook_entry
    referencing old table as removed for each statement execute function logbook_lexemes_removed();

insert into logbook_lexeme (organisation_id, lexeme, entries)
select e.organisation_id, l.lexeme, count(*)
from logbook_entry e cross join lateral unnest(e.search) l
group by 1, 2;
