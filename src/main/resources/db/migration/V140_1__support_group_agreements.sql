-- Support groups (issue 20, item 3): the agreements on mutual support, a plan step per member at the
-- community layer, and lookups by person and by meeting.
alter table support_group add column agreements text check (length(agreements) <= 2000);
alter table group_member add column plan_step_id uuid;
create index group_member_person_idx on group_member (person_id);
create index group_meeting_group_idx on group_meeting (group_id, held_on);
