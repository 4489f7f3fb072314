-- Identity's published read model for other modules' queries. A module that shows who did something
-- (privacy's "who looked", consents, decisions) joins these views for a name in the same round trip,
-- never app_user itself: no password hash, second-factor secret or username leaves identity this way,
-- and a change to app_user only has to keep these views whole. Written only through identity's API.
create view account_directory as
    select id, organisation_id, display_name, role, enabled, person_id from app_user;

create view organisation_directory as
    select id, name from organisation;
