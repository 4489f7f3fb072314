package org.samenkracht.community.internal;

import org.samenkracht.community.SupportGroup;
import org.samenkracht.community.SupportGroupCommands;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Persistence of support groups: members, topics, meetings and each member's progress (JdbcClient). */
@Repository
public class SupportGroupStore {

    private final JdbcClient jdbc;

    SupportGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Head(UUID id, UUID organisationId, String name, UUID coachId, String coachName, String rhythm,
                       String agreements, int maxMembers, int version) {
    }

    public UUID create(UUID organisationId, SupportGroupCommands.CreateGroup c) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into support_group (id, organisation_id, name, coach_id, rhythm, agreements) values (?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, c.name().trim(), c.coachId(), c.rhythm().trim(), blank(c.agreements())).update();
        return id;
    }

    public Optional<Head> head(UUID groupId) {
        return jdbc.sql("""
                select g.*, u.display_name from support_group g join app_user u on u.id = g.coach_id where g.id = ?""")
                .param(groupId).query((rs, i) -> new Head(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("name"), rs.getObject("coach_id", UUID.class), rs.getString("display_name"), rs.getString("rhythm"),
                        rs.getString("agreements"), rs.getInt("max_members"), rs.getInt("version"))).optional();
    }

    /** The groups of an organisation; with {@code coachId}, only those this coach leads. */
    public List<SupportGroup.Summary> list(UUID organisationId, UUID coachId) {
        return jdbc.sql("""
                select g.id, g.name, u.display_name, g.rhythm from support_group g join app_user u on u.id = g.coach_id
                where g.organisation_id = ? and (?::uuid is null or g.coach_id = ?) order by g.name""")
                .params(organisationId, coachId, coachId)
                .query((rs, i) -> new SupportGroup.Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public List<SupportGroup.Summary> groupsOf(UUID personId) {
        return jdbc.sql("""
                select g.id, g.name, u.display_name, g.rhythm from group_member m join support_group g on g.id = m.group_id
                join app_user u on u.id = g.coach_id where m.person_id = ? and m.left_on is null order by g.name""")
                .param(personId)
                .query((rs, i) -> new SupportGroup.Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Current members (not left), all of them: the caller filters by what the reader may read. */
    public List<UUID> memberIds(UUID groupId) {
        return jdbc.sql("select person_id from group_member where group_id = ? and left_on is null order by joined_on, person_id")
                .param(groupId).query(UUID.class).list();
    }

    public int memberCount(UUID groupId) {
        return jdbc.sql("select count(*) from group_member where group_id = ? and left_on is null").param(groupId).query(Integer.class).single();
    }

    /** Joins, or joins again after leaving (a new start: the own plan and plan step of this time). */
    public void addMember(UUID groupId, UUID organisationId, UUID personId, String ownPlan, LocalDate on, UUID addedBy) {
        jdbc.sql("""
                insert into group_member (group_id, person_id, organisation_id, joined_on, own_plan, added_by) values (?, ?, ?, ?, ?, ?)
                on conflict (group_id, person_id) do update set joined_on = excluded.joined_on, own_plan = excluded.own_plan,
                  left_on = null, plan_step_id = null, network_member_id = null, added_by = excluded.added_by
                where group_member.left_on is not null""")
                .params(groupId, personId, organisationId, on, blank(ownPlan), addedBy).update();
    }

    /** What a membership added to the person's plan and network, and who of their team added them. */
    public record Membership(UUID planStepId, UUID networkMemberId, UUID addedBy) {
    }

    public Optional<Membership> membership(UUID groupId, UUID personId) {
        return jdbc.sql("select plan_step_id, network_member_id, added_by from group_member where group_id = ? and person_id = ?")
                .params(groupId, personId).query((rs, i) -> new Membership(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class))).optional();
    }

    public void linkNetworkEntry(UUID groupId, UUID personId, UUID memberId) {
        jdbc.sql("update group_member set network_member_id = ? where group_id = ? and person_id = ?")
                .params(memberId, groupId, personId).update();
    }

    /** Whether a current member left now (false: not a member, or already left). */
    public boolean leave(UUID groupId, UUID personId, LocalDate on) {
        return jdbc.sql("update group_member set left_on = ? where group_id = ? and person_id = ? and left_on is null")
                .params(on, groupId, personId).update() == 1;
    }

    public void linkStep(UUID groupId, UUID personId, UUID stepId) {
        jdbc.sql("update group_member set plan_step_id = ? where group_id = ? and person_id = ?").params(stepId, groupId, personId).update();
    }

    public void addTopic(UUID groupId, UUID organisationId, SupportGroupCommands.AddTopic c) {
        jdbc.sql("insert into group_topic (id, group_id, organisation_id, topic, chosen_by) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), groupId, organisationId, c.topic().trim(), c.chosenBy()).update();
    }

    public boolean meetingOn(UUID groupId, LocalDate on) {
        return jdbc.sql("select count(*) from group_meeting where group_id = ? and held_on = ?").params(groupId, on)
                .query(Integer.class).single() > 0;
    }

    public UUID recordMeeting(UUID groupId, UUID organisationId, SupportGroupCommands.RecordMeeting c) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into group_meeting (id, group_id, organisation_id, held_on, topic) values (?, ?, ?, ?, ?)")
                .params(id, groupId, organisationId, c.heldOn(), blank(c.topic())).update();
        for (SupportGroupCommands.MemberProgress p : c.members()) {
            jdbc.sql("insert into group_progress (meeting_id, person_id, organisation_id, present, progress, next_step) values (?, ?, ?, ?, ?, ?)")
                    .params(id, p.personId(), organisationId, p.wasThere(), p.wasThere() ? blank(p.progress()) : null,
                            p.wasThere() ? blank(p.nextStep()) : null).update();
        }
        return id;
    }

    /** The group with only the members in {@code readable}: others are left out of members and progress alike. */
    public SupportGroup view(Head h, Set<UUID> readable) {
        UUID[] ids = readable.toArray(new UUID[0]);
        List<SupportGroup.Member> members = jdbc.sql("""
                select m.person_id, p.given_name || ' ' || p.family_name, m.joined_on, m.own_plan,
                  (select gp.next_step from group_progress gp join group_meeting gm on gm.id = gp.meeting_id
                   where gm.group_id = m.group_id and gp.person_id = m.person_id and gp.next_step is not null
                   order by gm.held_on desc limit 1)
                from group_member m join person p on p.id = m.person_id
                where m.group_id = ? and m.left_on is null and m.person_id = any(?::uuid[]) order by m.joined_on, p.given_name""")
                .params(h.id(), ids).query((rs, i) -> new SupportGroup.Member(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))).list();
        List<SupportGroup.Topic> topics = jdbc.sql("""
                select t.topic, case when t.chosen_by = any(?::uuid[]) then p.given_name end
                from group_topic t left join person p on p.id = t.chosen_by where t.group_id = ? order by t.topic""")
                .params(ids, h.id()).query((rs, i) -> new SupportGroup.Topic(rs.getString(1), rs.getString(2))).list();
        Map<UUID, List<SupportGroup.Progress>> progress = new LinkedHashMap<>();
        jdbc.sql("""
                select gp.meeting_id, gp.person_id, p.given_name, gp.present, gp.progress, gp.next_step
                from group_progress gp join group_meeting gm on gm.id = gp.meeting_id join person p on p.id = gp.person_id
                where gm.group_id = ? and gp.person_id = any(?::uuid[]) order by p.given_name""").params(h.id(), ids)
                .query((rs, i) -> progress.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new SupportGroup.Progress(rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4),
                                rs.getString(5), rs.getString(6)))).list();
        List<SupportGroup.Meeting> meetings = jdbc.sql("select id, held_on, topic from group_meeting where group_id = ? order by held_on desc")
                .param(h.id()).query((rs, i) -> new SupportGroup.Meeting(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), List.copyOf(progress.getOrDefault(rs.getObject(1, UUID.class), List.of())))).list();
        return new SupportGroup(h.id(), h.name(), h.coachId(), h.coachName(), h.rhythm(), h.agreements(), h.maxMembers(),
                members, topics, meetings, h.version());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
