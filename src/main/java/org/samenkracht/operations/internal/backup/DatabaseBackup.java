package org.samenkracht.operations.internal.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A consistent logical backup of the whole database, and its restore, without pg_dump.
 *
 * <p>Backup: one read-only REPEATABLE READ transaction (one snapshot, so every table is seen at the
 * same moment while the instance keeps running); per table, in foreign-key order, its row count and
 * checksum, then its rows with {@code COPY ... TO STDOUT}. The file is gzip'd text:
 * <pre>
 * SAMENKRACHT-BACKUP 1
 * MIGRATIONS 1.0,25.0,...
 * TABLE person 4:5f3a... id,organisation_id,...
 * (COPY text rows)
 * \.
 * END
 * </pre>
 * Restore: into a database migrated by Flyway to at least the same migrations and still empty; in
 * one transaction, rows copied back with {@code COPY ... FROM STDIN} (foreign keys are not checked
 * row by row, as the rows come from one consistent snapshot), sequences moved past the highest id,
 * then every table's checksum compared with the one in the file; any difference rolls it all back.
 */
public final class DatabaseBackup {

    private static final String MAGIC = "SAMENKRACHT-BACKUP 1";

    /**
     * Never in a backup: sessions (a session id from a backup would sign its holder in as someone
     * else) and sign-in throttles. A restore therefore signs everyone out.
     */
    public static final java.util.Set<String> LEFT_OUT = java.util.Set.of("spring_session", "spring_session_attributes", "throttle");

    private DatabaseBackup() {
    }

    /** What a backup or restore did: the tables with their "rows:checksum". */
    public record Summary(Map<String, String> tables) {
        public long rows() {
            return tables.values().stream().mapToLong(s -> Long.parseLong(s.substring(0, s.indexOf(':')))).sum();
        }
    }

    public static Summary backup(Connection c, OutputStream target) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            GZIPOutputStream zip = new GZIPOutputStream(target, 1 << 16);
            Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            text.write(MAGIC + "\n");
            text.write("MIGRATIONS " + String.join(",", migrations(c)) + "\n");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : DatabaseTables.inDependencyOrder(c)) {
                if (LEFT_OUT.contains(table)) {
                    continue;
                }
                List<String> columns = DatabaseTables.columns(c, table);
                String sum = DatabaseTables.checksum(c, table);
                sums.put(table, sum);
                text.write("TABLE " + table + " " + sum + " " + String.join(",", columns) + "\n");
                text.flush();
                copy.copyOut("COPY " + DatabaseTables.quote(table) + " (" + quoted(columns) + ") TO STDOUT", zip);
                text.write("\\.\n");
            }
            text.write("END\n");
            text.flush();
            zip.finish();
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setReadOnly(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(autoCommit);
        }
        return new Summary(sums);
    }

    public static Summary restore(Connection c, InputStream source) throws SQLException, IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(source, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
        if (!MAGIC.equals(in.readLine())) {
            throw new IOException("Not a Samenkracht backup (or a newer format)");
        }
        String migrationsLine = in.readLine();
        List<String> needed = List.of(migrationsLine.substring("MIGRATIONS ".length()).split(","));
        List<String> present = migrations(c);
        if (!present.containsAll(needed)) {
            List<String> missing = new ArrayList<>(needed);
            missing.removeAll(present);
            throw new IllegalStateException("The target database lacks migrations " + missing
                    + "; start this version of Samenkracht on it first (Flyway migrates it).");
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        Map<String, String> expected = new LinkedHashMap<>();
        try (Statement st = c.createStatement()) {
            st.execute("set local session_replication_role = replica");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            String line;
            while ((line = in.readLine()) != null && !line.equals("END")) {
                String[] header = line.split(" ", 4);
                if (header.length < 3 || !header[0].equals("TABLE")) {
                    throw new IOException("Damaged backup near: " + line.substring(0, Math.min(80, line.length())));
                }
                String table = header[1];
                expected.put(table, header[2]);
                requireEmpty(c, table);
                List<String> columns = header.length == 4 ? List.of(header[3].split(",")) : List.of();
                CopyIn rows = copy.copyIn("COPY " + DatabaseTables.quote(table) + " (" + quoted(columns) + ") FROM STDIN");
                StringBuilder chunk = new StringBuilder(1 << 20);
                try {
                    while (!(line = in.readLine()).equals("\\.")) {
                        chunk.append(line).append('\n');
                        if (chunk.length() > (1 << 20)) {
                            send(rows, chunk);
                        }
                    }
                    send(rows, chunk);
                    rows.endCopy();
                } finally {
                    if (rows.isActive()) {
                        rows.cancelCopy();
                    }
                }
            }
            if (!"END".equals(line)) {
                throw new IOException("The backup is incomplete (no END): it was cut off");
            }
            resetSequences(c);
            // whatever sessions the target had end here: everyone signs in again
            st.execute("delete from spring_session_attributes");
            st.execute("delete from spring_session");
            Map<String, String> actual = new LinkedHashMap<>();
            for (String table : expected.keySet()) {
                actual.put(table, DatabaseTables.checksum(c, table));
            }
            if (!actual.equals(expected)) {
                throw new IllegalStateException("Restored data differs from the backup's checksums: " + actual);
            }
            c.commit();
            return new Summary(actual);
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void send(CopyIn rows, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        rows.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    private static void requireEmpty(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select exists (select 1 from " + DatabaseTables.quote(table) + ")")) {
            rs.next();
            if (rs.getBoolean(1)) {
                throw new IllegalStateException("Table " + table + " is not empty: restore only into a fresh database "
                        + "(new data folder, demo data off: --samenkracht.demo.enabled=false)");
            }
        }
    }

    private static void resetSequences(Connection c) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select t.relname, a.attname, pg_get_serial_sequence(quote_ident(t.relname), a.attname)
                from pg_class t join pg_namespace n on n.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped
                where n.nspname = current_schema() and t.relkind = 'r'
                  and pg_get_serial_sequence(quote_ident(t.relname), a.attname) is not null""")) {
            while (rs.next()) {
                owned.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (Statement st = c.createStatement()) {
            for (String[] o : owned) {
                st.execute("select setval('" + o[2].replace("'", "''") + "', coalesce((select max("
                        + DatabaseTables.quote(o[1]) + ") from " + DatabaseTables.quote(o[0]) + "), 0) + 1, false)");
            }
        }
    }

    private static List<String> migrations(Connection c) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select version from flyway_schema_history where success and version is not null order by installed_rank")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private static String quoted(List<String> columns) {
        return String.join(", ", columns.stream().map(DatabaseTables::quote).toList());
    }
}
