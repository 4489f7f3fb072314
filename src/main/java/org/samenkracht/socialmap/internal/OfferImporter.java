package org.samenkracht.socialmap.internal;

import org.samenkracht.socialmap.OfferData;
import org.samenkracht.socialmap.OfferRow;
import org.samenkracht.socialmap.OpeningHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports offers all or nothing, in two steps. {@link #check} reads every row of a file and lists every
 * bad row with its line, field and reason (never stopping at the first); it touches no table. Only a
 * file without bad rows is written, unless the user asked for the good rows only; then {@link #write}
 * inserts new offers and updates changed ones in one transaction, which also records the report. Rows
 * whose content hash is already on the map change nothing, so importing the same file twice changes
 * nothing. Progress is written in a separate transaction so a page can show it while the import runs.
 */
@Component
public class OfferImporter {

    private static final Logger log = LoggerFactory.getLogger(OfferImporter.class);
    private static final int BATCH = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Refusal(int line, String field, String reason, String value) {
    }

    public record Report(int total, int accepted, int changed, int unchanged, int refused, List<Refusal> refusals) {
    }

    /** A file as checked: the good rows, every problem of the bad ones and how many rows were bad. */
    public record Checked(int total, List<Good> good, int refusedRows, List<Refusal> refusals) {
        public boolean clean() {
            return refusedRows == 0;
        }
    }

    /** A row that passed every check, with the line it started on and its fingerprint (computed once). */
    public record Good(int line, OfferData data, String hash) {
        public Good(int line, OfferData data) {
            this(line, data, data.contentHash());
        }
    }

    private record Existing(UUID id, String hash) {
    }

    private record Row(int line, OfferData data, String hash) {
    }

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate tx;
    private final TransactionTemplate progressTx;

    OfferImporter(JdbcTemplate jdbc, JdbcClient client, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.client = client;
        this.tx = new TransactionTemplate(transactions);
        this.progressTx = new TransactionTemplate(transactions);
        this.progressTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public UUID createJob(UUID organisationId, UUID startedBy, String fileName, String format, boolean onlyGood) {
        UUID id = UUID.randomUUID();
        // its own transaction: a refused file is still recorded although the request ends in a refusal
        progressTx.executeWithoutResult(s -> client.sql("""
                        insert into socialmap_import (id, organisation_id, started_by, file_name, format, status, only_good)
                        values (?, ?, ?, ?, ?, 'RUNNING', ?)""")
                .params(id, organisationId, startedBy, fileName, format, onlyGood).update());
        return id;
    }

    /**
     * Checks every row of the file without touching the map: all problems of all bad rows, and a key that
     * occurs twice in the file. A file that cannot be read at all gives one refusal for the whole file.
     */
    public static Checked check(List<OfferFiles.RawRow> rows) {
        // each row on its own (its rules and its fingerprint), then a key that occurs twice. Not in parallel: on the
        // shared two-core machine a parallel stream made this step two to ten times slower, never faster
        List<Object> one = rows.stream().map(OfferImporter::checkRow).toList();
        List<Refusal> refusals = new ArrayList<>();
        List<Good> good = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        int refused = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (one.get(i) instanceof Good g) {
                Integer first = seen.putIfAbsent(g.data().externalKey(), g.line());
                if (first == null) {
                    good.add(g);
                    continue;
                }
                refusals.add(new Refusal(g.line(), "external_key", "duplicateKey", String.valueOf(first)));
            } else {
                @SuppressWarnings("unchecked")
                List<Refusal> problems = (List<Refusal>) one.get(i);
                refusals.addAll(problems);
            }
            refused++;
        }
        return new Checked(rows.size(), good, refused, refusals);
    }

    /** One row: a {@link Good} (with its fingerprint) or the list of its problems. */
    private static Object checkRow(OfferFiles.RawRow raw) {
        if (raw.fields().containsKey("_notAnObject")) {
            return List.of(new Refusal(raw.line(), "", "notAnObject", ""));
        }
        if (raw.fields().containsKey("_columns")) {
            return List.of(new Refusal(raw.line(), "", "columns", raw.fields().get("_columns")));
        }
        OfferRow.Result result = OfferRow.read(raw.fields());
        if (result instanceof OfferRow.Invalid invalid) {
            return invalid.problems().stream().map(p -> new Refusal(raw.line(), p.field(), p.reason(), p.value())).toList();
        }
        return new Good(raw.line(), ((OfferRow.Valid) result).data());
    }

    /** Records that nothing of the file was imported because of its bad rows (listed, every one). */
    public void refuse(UUID jobId, Checked checked) {
        progressTx.executeWithoutResult(s -> client.sql("""
                        update socialmap_import set status = 'REFUSED', total_rows = ?, processed_rows = ?, refused = ?,
                            refusals = cast(? as jsonb), finished_at = now() where id = ?""")
                .params(checked.total(), checked.total(), checked.refusedRows(), JSON.writeValueAsString(checked.refusals()),
                        jobId).update());
    }

    /** Writes the good rows of a checked file; the map changes only if the whole write succeeds. */
    public void write(UUID jobId, UUID organisationId, Checked checked) {
        try {
            progress(jobId, checked.total(), 0);
            Report report = tx.execute(status -> apply(jobId, organisationId, checked));
            log.info("Import {}: {} rows, {} accepted, {} changed, {} unchanged, {} refused", jobId, report.total(),
                    report.accepted(), report.changed(), report.unchanged(), report.refused());
            if (report.accepted() + report.changed() >= BATCH) {
                settle(jobId);
            }
        } catch (RuntimeException e) {
            log.error("Import {} failed; the map is left as it was", jobId, e);
            fail(jobId, "socialmap.import.failed", 0);
        }
    }

    /**
     * After a bulk write, vacuums what was written. Until autovacuum comes by (a minute or more later), every match read
     * freshly written rank rows from the table instead of the index alone (no visibility map yet) and set their hint
     * bits: right after importing 100 000 offers the top 10 took p95 23 ms, and 4-7 ms once vacuumed. VACUUM cannot run in
     * a transaction, so a caller inside one leaves it to autovacuum; a failure here leaves the import as it is.
     */
    private void settle(UUID jobId) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            jdbc.execute("vacuum (analyze) socialmap_offer_rank, socialmap_offer, socialmap_location");
            log.debug("Import {}: vacuum {} ms", jobId, (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Import {}: vacuum after the import failed, autovacuum will do it: {}", jobId, e.getMessage());
        }
    }

    Report apply(UUID jobId, UUID org, Checked checked) {
        long t0 = System.nanoTime();
        Map<String, Existing> existing = new HashMap<>();
        client.sql("select external_key, id, content_hash from socialmap_offer where organisation_id = ?").param(org)
                .query(rs -> {
                    existing.put(rs.getString(1), new Existing(rs.getObject(2, UUID.class), rs.getString(3)));
                });
        int unchanged = 0;
        List<Row> fresh = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        Map<String, String> providerKinds = new LinkedHashMap<>();
        for (Good g : checked.good()) {
            OfferData d = g.data();
            Existing e = existing.get(d.externalKey());
            if (e == null) {
                fresh.add(new Row(g.line(), d, g.hash()));
            } else if (e.hash().equals(g.hash())) {
                unchanged++;
            } else {
                changed.add(new Row(g.line(), d, g.hash()));
            }
            providerKinds.putIfAbsent(d.providerName(), d.providerKind().name());
        }
        int total = checked.total();
        progress(jobId, total, total / 4);
        long t1 = System.nanoTime();
        Map<String, UUID> providers = providers(org, providerKinds);
        long tp = System.nanoTime();
        insert(org, fresh, providers, existing, jobId, total);
        long t2 = System.nanoTime();
        update(changed, providers, existing, jobId, total);
        long t3 = System.nanoTime();
        log.debug("Import {}: compare {} ms, providers {} ms, insert {} ms, update {} ms", jobId, (t1 - t0) / 1_000_000,
                (tp - t1) / 1_000_000, (t2 - tp) / 1_000_000, (t3 - t2) / 1_000_000);
        Report report = new Report(total, fresh.size(), changed.size(), unchanged, checked.refusedRows(), checked.refusals());
        client.sql("""
                update socialmap_import set status = 'DONE', total_rows = ?, processed_rows = ?, accepted = ?, changed = ?,
                    unchanged = ?, refused = ?, refusals = cast(? as jsonb), finished_at = now() where id = ?""")
                .params(report.total(), report.total(), report.accepted(), report.changed(), report.unchanged(),
                        report.refused(), JSON.writeValueAsString(report.refusals()), jobId).update();
        return report;
    }

    private Map<String, UUID> providers(UUID org, Map<String, String> kinds) {
        List<Object[]> args = new ArrayList<>();
        kinds.forEach((name, kind) -> args.add(new Object[]{UUID.randomUUID(), org, name, kind}));
        jdbc.batchUpdate("""
                insert into socialmap_provider (id, organisation_id, name, kind) values (?, ?, ?, ?)
                on conflict (organisation_id, name) do update set kind = excluded.kind where socialmap_provider.kind <> excluded.kind""", args);
        Map<String, UUID> ids = new HashMap<>();
        client.sql("select name, id from socialmap_provider where organisation_id = ?").param(org)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return ids;
    }

    /**
     * New offers go in through COPY into a staging table and one insert from it (in the import's
     * transaction), which is many times faster than row-by-row inserts for a large file.
     */
    private void insert(UUID org, List<Row> rows, Map<String, UUID> providers, Map<String, Existing> existing,
                        UUID jobId, int total) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute("""
                create temp table if not exists socialmap_staging_offer (id uuid, organisation_id uuid, provider_id uuid,
                    external_key text, name text, description text, goals_served text, domains text[], target_groups text[],
                    layer text, intensity text, working_area text[], opening_hours text, open_minutes int4multirange,
                    access_route text, cost_eur numeric, reduction_possible boolean, languages text[], accessibility text[],
                    waiting_weeks integer, free_capacity integer, contact_phone text, contact_email text, website text,
                    last_checked date, content_hash text) on commit drop""");
        jdbc.execute("""
                create temp table if not exists socialmap_staging_location (offer_id uuid, position integer, address text,
                    latitude double precision, longitude double precision) on commit drop""");
        long s0 = System.nanoTime();
        // the COPY text of both tables, per chunk of rows (ids decided first, in file order)
        List<UUID> ids = timeOrderedIds(rows.size());
        List<String[]> chunks = java.util.stream.IntStream.range(0, (rows.size() + BATCH - 1) / BATCH)
                .mapToObj(c -> copyText(org, rows, ids, providers, c * BATCH, Math.min(rows.size(), (c + 1) * BATCH)))
                .toList();
        long s1 = System.nanoTime();
        progress(jobId, total, share(total, 35));
        jdbc.execute((java.sql.Connection con) -> {
            var copy = con.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            copyIn(copy, "copy socialmap_staging_offer from stdin (format csv)", chunks, 0);
            copyIn(copy, "copy socialmap_staging_location from stdin (format csv)", chunks, 1);
            return null;
        });
        // the planner knows nothing of a temporary table until it is analyzed (the rank rows join on it)
        jdbc.execute("analyze socialmap_staging_offer, socialmap_staging_location");
        long s2 = System.nanoTime();
        progress(jobId, total, share(total, 45));
        // the matching order (socialmap_offer_rank) is filled once for all new offers, not per statement
        jdbc.execute("select set_config('samenkracht.rank_later', 'on', true)");
        jdbc.execute("""
                insert into socialmap_offer (id, organisation_id, provider_id, external_key, name, description, goals_served,
                    domains, target_groups, layer, intensity, working_area, opening_hours, open_minutes, access_route,
                    cost_eur, reduction_possible, languages, accessibility, waiting_weeks, free_capacity, contact_phone,
                    contact_email, website, last_checked, content_hash)
                select id, organisation_id, provider_id, external_key, name, description, goals_served,
                    domains, target_groups, layer, intensity, working_area, opening_hours, open_minutes, access_route,
                    cost_eur, reduction_possible, languages, accessibility, waiting_weeks, free_capacity, contact_phone,
                    contact_email, website, last_checked, content_hash from socialmap_staging_offer""");
        long s3 = System.nanoTime();
        progress(jobId, total, share(total, 70));
        jdbc.execute("insert into socialmap_location select * from socialmap_staging_location");
        jdbc.execute("select set_config('samenkracht.rank_later', 'off', true)");
        if (rows.size() >= BATCH) {
            // the rank rows join the new offers to their locations: with statistics from before the bulk load (an empty
            // map, say) the planner chose a nested loop that did not finish in six minutes for 100 000 offers
            jdbc.execute("analyze socialmap_offer, socialmap_location");
        }
        long s4 = System.nanoTime();
        progress(jobId, total, share(total, 75));
        jdbc.execute("insert into socialmap_offer_rank select * from socialmap_offer_rank_source"
                + " where offer_id in (select id from socialmap_staging_offer)");
        long s5 = System.nanoTime();
        progress(jobId, total, share(total, 95));
        jdbc.execute("truncate socialmap_staging_offer, socialmap_staging_location");
        if (rows.size() >= BATCH) {
            // fresh statistics for what was bulk-loaded (the import's own rows count as live): matching plans its
            // statement on them right after the import, before autovacuum would get to it (offers and locations above)
            jdbc.execute("analyze socialmap_offer_rank");
        }
        long s6 = System.nanoTime();
        log.debug("Import {}: staging csv {} ms, copy {} ms, insert offers {} ms, insert locations {} ms, rank {} ms,"
                + " analyze {} ms", jobId, (s1 - s0) / 1_000_000, (s2 - s1) / 1_000_000, (s3 - s2) / 1_000_000,
                (s4 - s3) / 1_000_000, (s5 - s4) / 1_000_000, (s6 - s5) / 1_000_000);
    }

    /** Rows {@code from} to {@code to} as COPY text: [0] the offers, [1] their locations. */
    private static String[] copyText(UUID org, List<Row> rows, List<UUID> ids, Map<String, UUID> providers, int from, int to) {
        StringBuilder offers = new StringBuilder((to - from) * 600);
        StringBuilder locations = new StringBuilder((to - from) * 80);
        for (int i = from; i < to; i++) {
            OfferData d = rows.get(i).data();
            UUID id = ids.get(i);
            csv(offers, id, org, providers.get(d.providerName()), d.externalKey(), d.name(), d.description(),
                    d.goalsServed(), OfferStore.array(d.domains().stream().map(Enum::name).toList()),
                    OfferStore.array(d.targetGroups().stream().map(Enum::name).toList()), d.layer().name(),
                    d.intensity().name(), OfferStore.array(d.workingArea()), d.openingHours(),
                    OpeningHours.toMultirange(OpeningHours.parse(d.openingHours()).orElse(List.of())),
                    d.accessRoute().name(), d.costEur().toPlainString(), d.reductionPossible(),
                    OfferStore.array(d.languages()), OfferStore.array(d.accessibility().stream().map(Enum::name).toList()),
                    d.waitingWeeks(), d.freeCapacity(), d.contactPhone(), d.contactEmail(), d.website(), d.lastChecked(),
                    rows.get(i).hash());
            for (int p = 0; p < d.locations().size(); p++) {
                OfferData.Location l = d.locations().get(p);
                csv(locations, id, p, l.address(), l.latitude(), l.longitude());
            }
        }
        return new String[]{offers.toString(), locations.toString()};
    }

    private static void copyIn(org.postgresql.copy.CopyManager copy, String sql, List<String[]> chunks, int part)
            throws SQLException {
        var in = copy.copyIn(sql);
        try {
            for (String[] chunk : chunks) {
                byte[] bytes = chunk[part].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * Ids for new offers in the order of the file, time-ordered (the layout of a version-7 UUID: milliseconds, then
     * random bits with a counter in the low part), so the primary key and the keys that point at offers grow at their
     * end during a bulk import instead of at a random page per row. Still 74 random bits per import.
     */
    static List<UUID> timeOrderedIds(int n) {
        var random = new java.security.SecureRandom();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long start = random.nextLong() & 0x1FFF_FFFF_FFFF_FFFFL;  // room for the counter below 2^62
        List<UUID> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(new UUID(msb, 0x8000_0000_0000_0000L | (start + i)));
        }
        return ids;
    }

    /**
     * One CSV line for COPY, written by commons-csv in PostgreSQL's CSV dialect: null unquoted (empty), every
     * other value quoted, so an empty text stays empty.
     */
    private static void csv(StringBuilder out, Object... values) {
        try {
            org.apache.commons.csv.CSVFormat.POSTGRESQL_CSV.printRecord(out, values);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);  // a StringBuilder does not throw
        }
    }

    private void update(List<Row> rows, Map<String, UUID> providers, Map<String, Existing> existing, UUID jobId, int total) {
        String sql = """
                update socialmap_offer set external_key = ?, name = ?, description = ?, goals_served = ?,
                    domains = cast(? as text[]), target_groups = cast(? as text[]), layer = ?, intensity = ?,
                    working_area = cast(? as text[]), opening_hours = ?, open_minutes = cast(? as int4multirange),
                    access_route = ?, cost_eur = ?, reduction_possible = ?, languages = cast(? as text[]),
                    accessibility = cast(? as text[]), waiting_weeks = ?, free_capacity = ?, contact_phone = ?,
                    contact_email = ?, website = ?, last_checked = ?, content_hash = ?, provider_id = ?,
                    updated_at = now(), version = version + 1
                where id = ?""";
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            List<UUID> ids = chunk.stream().map(r -> existing.get(r.data().externalKey()).id()).toList();
            jdbc.batchUpdate(sql, new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    OfferData d = chunk.get(i).data();
                    setOffer(ps, 1, d, chunk.get(i).hash());
                    ps.setObject(24, providers.get(d.providerName()));
                    ps.setObject(25, ids.get(i));
                }

                @Override
                public int getBatchSize() {
                    return chunk.size();
                }
            });
            jdbc.update("delete from socialmap_location where offer_id = any(?)",
                    (PreparedStatement ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())));
            locations(ids, chunk);
            if (rows.size() > BATCH) {
                progress(jobId, total, share(total, 25 + (int) (70L * (from + chunk.size()) / rows.size())));
            }
        }
    }

    /** Sets the 20 offer columns from external_key to content_hash, starting at parameter {@code at}. */
    private static void setOffer(PreparedStatement ps, int at, OfferData d, String hash) throws SQLException {
        ps.setString(at, d.externalKey());
        ps.setString(at + 1, d.name());
        ps.setString(at + 2, d.description());
        ps.setString(at + 3, d.goalsServed());
        ps.setString(at + 4, OfferStore.array(d.domains().stream().map(Enum::name).toList()));
        ps.setString(at + 5, OfferStore.array(d.targetGroups().stream().map(Enum::name).toList()));
        ps.setString(at + 6, d.layer().name());
        ps.setString(at + 7, d.intensity().name());
        ps.setString(at + 8, OfferStore.array(d.workingArea()));
        ps.setString(at + 9, d.openingHours());
        ps.setString(at + 10, OpeningHours.toMultirange(OpeningHours.parse(d.openingHours()).orElse(List.of())));
        ps.setString(at + 11, d.accessRoute().name());
        ps.setBigDecimal(at + 12, d.costEur());
        ps.setBoolean(at + 13, d.reductionPossible());
        ps.setString(at + 14, OfferStore.array(d.languages()));
        ps.setString(at + 15, OfferStore.array(d.accessibility().stream().map(Enum::name).toList()));
        ps.setInt(at + 16, d.waitingWeeks());
        if (d.freeCapacity() == null) {
            ps.setNull(at + 17, Types.INTEGER);
        } else {
            ps.setInt(at + 17, d.freeCapacity());
        }
        ps.setString(at + 18, d.contactPhone());
        ps.setString(at + 19, d.contactEmail());
        ps.setString(at + 20, d.website());
        ps.setObject(at + 21, d.lastChecked());
        ps.setString(at + 22, hash);
    }

    private void locations(List<UUID> ids, List<Row> chunk) {
        List<Object[]> args = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            List<OfferData.Location> locations = chunk.get(i).data().locations();
            for (int p = 0; p < locations.size(); p++) {
                OfferData.Location l = locations.get(p);
                args.add(new Object[]{ids.get(i), p, l.address(), l.latitude(), l.longitude()});
            }
        }
        if (!args.isEmpty()) {
            jdbc.batchUpdate("insert into socialmap_location (offer_id, position, address, latitude, longitude) values (?, ?, ?, ?, ?)", args);
        }
    }

    /**
     * Progress is shown in steps of the write (not per row: most of the time is spent in a few bulk statements),
     * as the share of the file's rows it stands for.
     */
    private static int share(int total, int percent) {
        return (int) ((long) total * percent / 100);
    }

    private void progress(UUID jobId, int total, int processed) {
        progressTx.executeWithoutResult(s -> client.sql("update socialmap_import set total_rows = ?, processed_rows = ? where id = ?")
                .params(total, processed, jobId).update());
    }

    private void fail(UUID jobId, String key, int line) {
        progressTx.executeWithoutResult(s -> client.sql("""
                        update socialmap_import set status = 'FAILED', failure = ?, finished_at = now(),
                            refusals = cast(? as jsonb) where id = ?""")
                .params(key, line > 0 ? "[{\"line\":" + line + ",\"field\":\"\",\"reason\":\"file\",\"value\":\"\"}]" : "[]", jobId)
                .update());
    }
}
