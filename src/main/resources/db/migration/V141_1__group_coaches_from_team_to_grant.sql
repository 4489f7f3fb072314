-- Group coaches out of the members' care teams (issue 20, docs/decisions/0007): before V140_3 a person who joined a
-- support group got the group's coach in their care team (role COACH, assignment "Coach van steungroep <name>",
-- or the English "Coach of support group <name>"), which opened the whole file. Such a membership becomes what
-- the group needs: a grant of the member's community part on the ground of the group, since the day they joined.
-- A coach who is in the team on another ground (another assignment, or who started the support) stays: that is
-- the team's own decision. Re-running changes nothing (the grant exists, the team row is gone).
with coach_in_team as (
    select t.person_id, t.user_id, g.id as group_id, m.organisation_id, m.joined_on, m.left_on
    from care_team_member t
    join support_group g on g.coach_id = t.user_id
    join group_member m on m.group_id = g.id and m.person_id = t.person_id
    where t.team_role = 'COACH' and not t.started_support
      and t.assignment in ('Coach van steungroep ' || g.name, 'Coach of support group ' || g.name)
), granted as (
    insert into part_grant (person_id, user_id, organisation_id, ground, parts, since)
    select person_id, user_id, organisation_id, 'GROUP:' || group_id, array['community'], joined_on
    from coach_in_team where left_on is null
    on conflict (person_id, user_id, ground) do nothing
)
delete from care_team_member t
using coach_in_team c
where t.person_id = c.person_id and t.user_id = c.user_id;
