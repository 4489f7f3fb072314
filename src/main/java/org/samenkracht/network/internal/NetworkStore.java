package org.samenkracht.network.internal;

import org.samenkracht.network.LoadReport;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.MemberProfile.ContactFrequency;
import org.samenkracht.network.MemberProfile.EnteredBy;
import org.samenkracht.network.NetworkHistory;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.samenkracht.network.ReportLoad;
import org.samenkracht.network.SaveMember;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Persistence of the support system: members, their versions (history) and load reports. */
@Repository
public class NetworkStore {

    /**
     * The person's current members with their load reports, as one JSON array, for {@code :person}:
     * one round trip for the network page, the dossier card and the plan's names alike.
     */
    static final String MEMBERS_JSON = """
                select coalesce(json_agg(json_build_object('id', m.id, 'personId', m.person_id, 'name', m.name,
                         'relation', m.relation, 'layer', m.layer, 'supportReceived', m.support_kinds,
                         'supportGiven', m.support_given, 'contactConsent', m.contact_consent,
                         'contactDetails', case when m.contact_consent then m.contact_details end,
                         'contactFrequency', m.contact_frequency, 'closeness', m.closeness, 'harmful', m.harmful,
                         'doNotBurden', m.do_not_burden, 'doNotBurdenNote', m.do_not_burden_note,
                         'enteredBy', m.entered_by, 'accountId', m.account_id, 'version', m.version, 'warnings', '[]'::json,
                         'loads', (select coalesce(json_agg(json_build_object('id', l.id, 'memberId', l.member_id,
                                     'reportedOn', l.reported_on, 'hoursPerWeek', l.hours_per_week, 'tasks', l.tasks,
                                     'capacity', l.capacity, 'burden', l.burden, 'source', l.source)
                                     order by l.reported_on, l.recorded_at), '[]')
                                   from network_load_report l where l.member_id = m.id))
                         order by case m.layer when 'NETWORK' then 1 when 'GENERAL_COLLECTIVE' then 2 when 'VOLUNTEER' then 3 else 4 end, m.name, m.id), '[]')
                from network_member m where m.person_id = :person and m.removed_at is null""";

    private final JdbcClient jdbc;
    private final ObjectReader membersReader;

    NetworkStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.membersReader = json.readerFor(new TypeReference<List<MemberProfile>>() { });
    }

    /** Current members (not removed) with their load reports, oldest report first; no warnings yet. */
    public List<MemberProfile> members(UUID personId) {
        return org.samenkracht.common.web.RequestMemo.remember("network-members:" + personId, () ->
                members(jdbc.sql("select (" + MEMBERS_JSON + ")::text").param("person", personId)
                        .query(String.class).single()));
    }

    /** The members as {@link #MEMBERS_JSON} gives them, read straight into their records. */
    List<MemberProfile> members(String text) {
        return membersReader.readValue(text);
    }

    public Optional<MemberProfile> member(UUID personId, UUID memberId) {
        return members(personId).stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    public record Owned(UUID memberId, UUID personId, UUID organisationId, String personGivenName) {
    }

    /** The entries that belong to a network member's own account, with the person's first name. */
    public List<Owned> ownedBy(UUID accountId) {
        return jdbc.sql("""
                        select m.id, m.person_id, m.organisation_id, p.given_name from network_member m
                        join person p on p.id = m.person_id
                        where m.account_id = ? and m.removed_at is null order by p.given_name""")
                .param(accountId)
                .query((rs, i) -> new Owned(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4))).list();
    }

    public void insert(UUID id, UUID organisationId, UUID personId, SaveMember c, EnteredBy enteredBy, UUID by,
                       Instant validFrom) {
        jdbc.sql("""
                        insert into network_member (id, organisation_id, person_id, name, relation, layer, support_kinds,
                            support_given, contact_consent, contact_details, contact_frequency, closeness, harmful,
                            do_not_burden, do_not_burden_note, entered_by, added_by, added_at)
                        values (?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, personId, c.name().trim(), c.relation().name(), c.layer().name(),
                        array(c.received()), array(c.given()), c.contactConsent(), blankToNull(c.contactDetails()),
                        c.contactFrequency() == null ? null : c.contactFrequency().name(), c.closeness(), c.harmful(),
                        c.doNotBurden(), blankToNull(c.doNotBurdenNote()), enteredBy.name(), by, Timestamp.from(validFrom))
                .update();
    }

    public void update(UUID personId, UUID id, SaveMember c) {
        int rows = jdbc.sql("""
                        update network_member set name = ?, relation = ?, layer = ?, support_kinds = ?::text[],
                            support_given = ?::text[], contact_consent = ?, contact_details = ?, contact_frequency = ?,
                            closeness = ?, harmful = ?, do_not_burden = ?, do_not_burden_note = ?, version = version + 1
                        where person_id = ? and id = ? and version = ? and removed_at is null""")
                .params(c.name().trim(), c.relation().name(), c.layer().name(), array(c.received()), array(c.given()),
                        c.contactConsent(), blankToNull(c.contactDetails()),
                        c.contactFrequency() == null ? null : c.contactFrequency().name(), c.closeness(), c.harmful(),
                        c.doNotBurden(), blankToNull(c.doNotBurdenNote()), personId, id, c.version())
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("network member " + id + " changed meanwhile");
        }
    }

    public void markRemoved(UUID personId, UUID id, Instant at, UUID mergedInto) {
        jdbc.sql("update network_member set removed_at = ?, merged_into = ?, version = version + 1 where person_id = ? and id = ? and removed_at is null")
                .params(Timestamp.from(at), mergedInto, personId, id).update();
    }

    public void moveLoads(UUID from, UUID to) {
        jdbc.sql("update network_load_report set member_id = ? where member_id = ?").params(to, from).update();
    }

    public void linkAccount(UUID memberId, UUID accountId) {
        jdbc.sql("update network_member set account_id = ? where id = ?").params(accountId, memberId).update();
    }

    /** Appends the member's current row as a version of the given kind, valid from the given moment. */
    public void snapshot(UUID memberId, NetworkHistory.Kind kind, Instant validFrom, UUID by, String byRole) {
        jdbc.sql("""
                        insert into network_member_version (organisation_id, person_id, member_id, valid_from, change, name,
                            relation, layer, support_kinds, support_given, closeness, harmful, do_not_burden, changed_by, changed_by_role)
                        select organisation_id, person_id, id, ?, ?, name, relation, layer, support_kinds, support_given,
                            closeness, harmful, do_not_burden, ?, ? from network_member where id = ?""")
                .params(Timestamp.from(validFrom), kind.name(), by, byRole, memberId).update();
    }

    public Optional<Instant> lastChange(UUID memberId) {
        return jdbc.sql("select max(valid_from) from network_member_version where member_id = ?")
                .param(memberId).query((rs, i) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }).optional();
    }

    public record Version(UUID memberId, Instant validFrom, NetworkHistory.Kind kind, String name, Relation relation,
                          Layer layer, Set<SupportKind> received, Set<SupportKind> given, Integer closeness,
                          boolean harmful, boolean doNotBurden, String byRole) {
    }

    /** Every version of every member of the person, in the order they became valid. */
    public List<Version> versions(UUID personId) {
        return jdbc.sql("select * from network_member_version where person_id = ? order by valid_from, id")
                .param(personId).query((rs, i) -> new Version(rs.getObject("member_id", UUID.class),
                        rs.getTimestamp("valid_from").toInstant(), NetworkHistory.Kind.valueOf(rs.getString("change")),
                        rs.getString("name"), Relation.valueOf(rs.getString("relation")), Layer.valueOf(rs.getString("layer")),
                        kinds(rs.getArray("support_kinds")), kinds(rs.getArray("support_given")),
                        (Integer) rs.getObject("closeness"), rs.getBoolean("harmful"), rs.getBoolean("do_not_burden"),
                        rs.getString("changed_by_role"))).list();
    }

    public void insertLoad(UUID organisationId, UUID personId, UUID memberId, ReportLoad r, LoadReport.Source source, UUID by) {
        jdbc.sql("""
                        insert into network_load_report (id, organisation_id, person_id, member_id, reported_on, hours_per_week,
                            tasks, capacity, burden, source, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), organisationId, personId, memberId, r.reportedOn(), r.hoursPerWeek(),
                        blankToNull(r.tasks()), r.capacity(), r.burden(), source.name(), by)
                .update();
    }

    public UUID organisationOf(UUID memberId) {
        return jdbc.sql("select organisation_id from network_member where id = ?").param(memberId).query(UUID.class).single();
    }

    private static MemberProfile withLoads(MemberProfile m, List<LoadReport> loads) {
        return new MemberProfile(m.id(), m.personId(), m.name(), m.relation(), m.layer(), m.supportReceived(),
                m.supportGiven(), m.contactConsent(), m.contactDetails(), m.contactFrequency(), m.closeness(),
                m.harmful(), m.doNotBurden(), m.doNotBurdenNote(), m.enteredBy(), m.accountId(), m.version(),
                List.copyOf(loads), List.of());
    }

    private static MemberProfile map(ResultSet rs, List<LoadReport> loads) throws SQLException {
        String frequency = rs.getString("contact_frequency");
        boolean consent = rs.getBoolean("contact_consent");
        return new MemberProfile(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("name"), Relation.valueOf(rs.getString("relation")), Layer.valueOf(rs.getString("layer")),
                kinds(rs.getArray("support_kinds")), kinds(rs.getArray("support_given")), consent,
                consent ? rs.getString("contact_details") : null,
                frequency == null ? null : ContactFrequency.valueOf(frequency), (Integer) toInteger(rs.getObject("closeness")),
                rs.getBoolean("harmful"), rs.getBoolean("do_not_burden"), rs.getString("do_not_burden_note"),
                EnteredBy.valueOf(rs.getString("entered_by")), rs.getObject("account_id", UUID.class),
                rs.getInt("version"), loads, List.of());
    }

    private static Integer toInteger(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static LoadReport mapLoad(ResultSet rs, int i) throws SQLException {
        return new LoadReport(rs.getObject("id", UUID.class), rs.getObject("member_id", UUID.class),
                rs.getObject("reported_on", LocalDate.class), rs.getBigDecimal("hours_per_week").doubleValue(),
                rs.getString("tasks"), rs.getInt("capacity"), rs.getInt("burden"),
                LoadReport.Source.valueOf(rs.getString("source")));
    }

    static Set<SupportKind> kinds(Array array) throws SQLException {
        EnumSet<SupportKind> set = EnumSet.noneOf(SupportKind.class);
        Arrays.stream((String[]) array.getArray()).map(SupportKind::valueOf).forEach(set::add);
        return set;
    }

    private static String array(Set<SupportKind> kinds) {
        return "{" + String.join(",", kinds.stream().map(Enum::name).sorted().toList()) + "}";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
