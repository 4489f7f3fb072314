-- Issue 20: what community support added to the person's network (the ecogram entry), so it can leave the network
-- when the support ends; who added a member to a group (their team, in whose name the plan step and the entry end
-- when the coach ends the membership); and an overload the coordinator saw and confirmed when proposing a match:
-- the volunteer's load figures at that moment and who confirmed.
alter table buddy_match
    add column network_member_id      uuid,
    add column overload_confirmed_by  uuid references app_user (id),
    add column overload_confirmed_at  timestamptz,
    add column overload_open_matches  integer,
    add column overload_max_matches   integer,
    add column overload_hours         numeric(5,1),
    add column overload_offered_hours numeric(5,1),
    add column overload_reported_load integer,
    add constraint buddy_match_overload_confirmed check ((overload_confirmed_by is null) = (overload_confirmed_at is null));
alter table group_member
    add column network_member_id uuid,
    add column added_by          uuid references app_user (id);
alter table activity_signup
    add column network_member_id uuid;
