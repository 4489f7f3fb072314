package org.samenkracht.insights.internal;

import org.samenkracht.common.disclosure.AreaTree;
import org.samenkracht.common.disclosure.Disclosure;
import org.samenkracht.common.disclosure.Level;
import org.samenkracht.common.disclosure.AreaTree;
import org.samenkracht.common.disclosure.Disclosure;
import org.samenkracht.common.disclosure.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The insights module's own tables; it reads no other module's table. */
@Component
public class InsightsStore implements org.samenkracht.common.disclosure.DisclosureRules {

    /** The neighbourhood a person's file names but the area list does not know. */
    public static final String UNKNOWN = "BUONBEKEND";
    public static final String UNKNOWN_DISTRICT = "WKONBEKEND";

    public record Cell(String figure, LocalDate month, String area, String category, long n, double total, double top1, double top2) {
    }

    public record Refresh(UUID id, Instant startedAt, Instant finishedAt, int personsCounted, String trigger) {
    }

    private final JdbcClient jdbc;

    private final org.springframework.jdbc.core.JdbcTemplate template;
    /** The dashboard's reads of the aggregates: a read replica when one is configured, else the primary. */
    private final JdbcClient reads;

    InsightsStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template,
                  @org.springframework.beans.factory.annotation.Value("${samenkracht.insights.replica-url:}") String replicaUrl,
                  @org.springframework.beans.factory.annotation.Value("${samenkracht.insights.replica-username:}") String replicaUser,
                  @org.springframework.beans.factory.annotation.Value("${samenkracht.insights.replica-password:}") String replicaPassword) {
        this.jdbc = jdbc;
        this.template = template;
        this.reads = replicaUrl.isBlank() ? jdbc : JdbcClient.create(
                new org.springframework.jdbc.datasource.DriverManagerDataSource(replicaUrl, replicaUser, replicaPassword));
    }

    /** Neighbourhood name (as on the person) → neighbourhood code. */
    public Map<String, String> neighbourhoodCodes(UUID org) {
        Map<String, String> codes = new LinkedHashMap<>();
        jdbc.sql("select neighbourhood, neighbourhood_code from insights_area where organisation_id = ?").param(org)
                .query(rs -> {
                    codes.put(rs.getString(1).trim().toLowerCase(java.util.Locale.ROOT), rs.getString(2));
                });
        return codes;
    }

    /** The organisation's tree of areas, with a neighbourhood "unknown" for files without a known neighbourhood. */
    public Optional<AreaTree> tree(UUID org) {
        List<AreaTree.Area> areas = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        String[] municipality = new String[1];
        jdbc.sql("""
                select neighbourhood, neighbourhood_code, district_code, district_name, municipality_code, municipality_name
                from insights_area where organisation_id = ? order by municipality_code, district_code, neighbourhood_code""")
                .param(org).query(rs -> {
                    String gm = rs.getString(5);
                    if (seen.putIfAbsent(gm, true) == null) {
                        areas.add(new AreaTree.Area(gm, rs.getString(6), Level.MUNICIPALITY, null));
                        if (municipality[0] == null) {
                            municipality[0] = gm;
                        }
                    }
                    if (seen.putIfAbsent(rs.getString(3), true) == null) {
                        areas.add(new AreaTree.Area(rs.getString(3), rs.getString(4), Level.DISTRICT, gm));
                    }
                    if (seen.putIfAbsent(rs.getString(2), true) == null) {
                        areas.add(new AreaTree.Area(rs.getString(2), rs.getString(1), Level.NEIGHBOURHOOD, rs.getString(3)));
                    }
                });
        if (municipality[0] == null) {
            return Optional.empty();
        }
        areas.add(new AreaTree.Area(UNKNOWN_DISTRICT, "?", Level.DISTRICT, municipality[0]));
        areas.add(new AreaTree.Area(UNKNOWN, "?", Level.NEIGHBOURHOOD, UNKNOWN_DISTRICT));
        return Optional.of(new AreaTree(areas));
    }

    public void ensureArea(UUID org, String neighbourhood, String code, String districtCode, String districtName,
                           String municipalityCode, String municipalityName) {
        jdbc.sql("""
                insert into insights_area (organisation_id, neighbourhood, neighbourhood_code, district_code, district_name,
                                           municipality_code, municipality_name) values (?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(org, neighbourhood, code, districtCode, districtName, municipalityCode, municipalityName).update();
    }

    /** The organisation's thresholds, also for the figures other modules publish (the signalling network's). */
    @Override
    public Disclosure.Rules of(UUID organisationId) {
        return rules(organisationId);
    }

    /** The areas as rows: neighbourhood, its code, district code and name, municipality code and name. */
    public List<String[]> areas(UUID org) {
        return jdbc.sql("""
                select neighbourhood, neighbourhood_code, district_code, district_name, municipality_code, municipality_name
                from insights_area where organisation_id = ? order by municipality_code, district_code, neighbourhood_code""")
                .param(org).query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)}).list();
    }

    public void deleteArea(UUID org, String neighbourhood) {
        jdbc.sql("delete from insights_area where organisation_id = ? and lower(neighbourhood) = lower(?)")
                .params(org, neighbourhood).update();
    }

    public void deleteAreas(UUID org) {
        jdbc.sql("delete from insights_area where organisation_id = ?").param(org).update();
    }

    public int settingsVersion(UUID org) {
        return jdbc.sql("select version from insights_setting where organisation_id = ?").param(org)
                .query(Integer.class).optional().orElse(0);
    }

    /** Sets the thresholds given (null keeps one) and the next version, if the version is still the one read. */
    public boolean bumpSettings(UUID org, int version, Integer threshold, Integer sensitiveThreshold) {
        jdbc.sql("insert into insights_setting (organisation_id) values (?) on conflict do nothing").param(org).update();
        return jdbc.sql("""
                update insights_setting set threshold = coalesce(?, threshold),
                  sensitive_threshold = coalesce(?, sensitive_threshold), version = version + 1
                where organisation_id = ? and version = ?""")
                .params(threshold, sensitiveThreshold, org, version).update() == 1;
    }

    /** The thresholds in force and the settings' version (which every change of thresholds or areas moves on). */
    public record Setting(Disclosure.Rules rules, int version) {
    }

    public Setting setting(UUID org) {
        return jdbc.sql("select threshold, sensitive_threshold, version from insights_setting where organisation_id = ?").param(org)
                .query((rs, i) -> new Setting(new Disclosure.Rules(rs.getInt(1), rs.getInt(2)), rs.getInt(3))).optional()
                .orElse(new Setting(Disclosure.Rules.standard(), 0));
    }

    public Disclosure.Rules rules(UUID org) {
        return jdbc.sql("select threshold, sensitive_threshold from insights_setting where organisation_id = ?").param(org)
                .query((rs, i) -> new Disclosure.Rules(rs.getInt(1), rs.getInt(2))).optional()
                .orElse(Disclosure.Rules.standard());
    }

    public Optional<Refresh> latest(UUID org) {
        return jdbc.sql("""
                select id, started_at, finished_at, persons_counted, trigger from insights_refresh
                where organisation_id = ? order by finished_at desc limit 1""").param(org)
                .query((rs, i) -> new Refresh(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getString(5))).optional();
    }

    /** The cells of a period [from, to), per month; summed by the caller over the months. */
    public List<Cell> cells(UUID org, LocalDate from, LocalDate to) {
        return reads.sql("""
                select figure, month, area_code, category, n, total, top1, top2 from insights_cell
                where organisation_id = ? and month >= ? and month < ?""")
                .params(org, from, to)
                .query((rs, i) -> new Cell(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)))
                .list();
    }

    /** The months that have figures, newest first. */
    public List<LocalDate> months(UUID org) {
        return reads.sql("select distinct month from insights_cell where organisation_id = ? order by month desc").param(org)
                .query(LocalDate.class).list();
    }

    /** Replaces the organisation's aggregates, records the refresh and who was counted; one transaction (the caller's). */
    public void replace(UUID org, Refresh refresh, UUID requestedBy, List<Cell> cells, List<UUID> counted) {
        jdbc.sql("""
                insert into insights_refresh (id, organisation_id, started_at, finished_at, persons_counted, trigger, requested_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(refresh.id(), org, Timestamp.from(refresh.startedAt()), Timestamp.from(refresh.finishedAt()),
                        refresh.personsCounted(), refresh.trigger(), requestedBy).update();
        jdbc.sql("delete from insights_cell where organisation_id = ?").param(org).update();
        batch("""
                insert into insights_cell (organisation_id, figure, month, area_code, category, n, total, top1, top2)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", cells.stream().map(c -> new Object[]{org, c.figure(), c.month(), c.area(),
                c.category(), c.n(), c.total(), c.top1(), c.top2()}).toList());
        batch("""
                insert into insights_counted (person_id, organisation_id, refresh_id, counted_at) values (?, ?, ?, ?)
                on conflict (person_id) do update set refresh_id = excluded.refresh_id, counted_at = excluded.counted_at""",
                counted.stream().map(p -> new Object[]{p, org, refresh.id(), Timestamp.from(refresh.finishedAt())}).toList());
    }

    private void batch(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += 5000) {
            template.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + 5000)));
        }
    }

    public List<UUID> organisations() {
        return jdbc.sql("select distinct organisation_id from insights_area").query(UUID.class).list();
    }

    /** Erasure of the person: that they were counted goes too. */
    public void forget(UUID personId) {
        jdbc.sql("delete from insights_counted where person_id = ?").param(personId).update();
    }

    /** When a person was last counted in the figures (for the person's own "who looked"). */
    public Optional<Instant> countedAt(UUID personId) {
        return jdbc.sql("select counted_at from insights_counted where person_id = ?").param(personId)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }
}
