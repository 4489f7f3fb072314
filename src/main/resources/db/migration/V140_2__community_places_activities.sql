-- Neighbourhood places and activities (issue 20, item 4 and 5): an activity has an end time (so it can be
-- published to the social map with opening hours), a version (edits are optimistic), the social-map offer
-- it was published as; a sign-up may be a step in the person's plan at the community layer; lookups by
-- place and by person. Places and activities are not personal data; sign-ups, attendance and a person's
-- offers are (their community part).
alter table community_activity
    add column ends_at  time,
    add column offer_id uuid,
    add column version  integer not null default 0,
    add constraint community_activity_ends_after_start check (ends_at is null or ends_at > starts_at);
alter table community_place add constraint community_place_name_unique unique (organisation_id, name);
alter table activity_signup add column plan_step_id uuid;
create index community_activity_place_idx on community_activity (place_id);
create index activity_signup_person_idx on activity_signup (person_id);
create index activity_attendance_person_idx on activity_attendance (person_id, attended_on);
create index strength_offer_place_idx on strength_offer (place_id) where consent_on is not null and withdrawn_on is null;
