-- A team's logbook newest first: lets the planner walk a team's recent entries in time order and
-- stop at the first page of matches when a search word is common (the GIN index serves rare words).
create index logbook_entry_team_time_idx on logbook_entry (organisation_id, occurred_at desc);
