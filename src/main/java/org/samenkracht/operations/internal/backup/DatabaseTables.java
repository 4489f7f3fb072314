package org.samenkracht.operations.internal.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application's tables as the database itself describes them: every table of the schema
 * (so a module's new table is included without a list to edit), in foreign-key order, with its
 * columns, and a checksum of its content.
 */
public final class DatabaseTables {

    /** Flyway's own history is recreated by migrating, never copied. */
    static final Set<String> SKIPPED = Set.of("flyway_schema_history");

    private DatabaseTables() {
    }

    /** The tables, referenced ones first (cycles, such as person ↔ app_user, broken by name). */
    public static List<String> inDependencyOrder(Connection c) throws SQLException {
        Map<String, Set<String>> references = new TreeMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = current_schema() and c.relkind in ('r', 'p') order by c.relname""")) {
            while (rs.next()) {
                if (!SKIPPED.contains(rs.getString(1))) {
                    references.put(rs.getString(1), new LinkedHashSet<>());
                }
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint c
                     join pg_namespace n on n.oid = c.connamespace
                     where c.contype = 'f' and n.nspname = current_schema()""")) {
            while (rs.next()) {
                if (references.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    references.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String t : references.keySet()) {
            visit(t, references, ordered, visiting);
        }
        return ordered;
    }

    private static void visit(String t, Map<String, Set<String>> refs, List<String> ordered, Set<String> visiting) {
        if (ordered.contains(t) || !visiting.add(t)) {
            return;
        }
        for (String r : refs.getOrDefault(t, Set.of())) {
            visit(r, refs, ordered, visiting);
        }
        ordered.add(t);
    }

    /** Stored (not generated) columns in table order. */
    public static List<String> columns(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (var st = c.prepareStatement("""
                select a.attname from pg_attribute a
                where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /** Row count and an order-independent md5 over the rows' text of one table. */
    public static String checksum(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select count(*) || ':' || coalesce(md5(string_agg(h, '' order by h collate \"C\")), '-') "
                        + "from (select md5(t::text) h from " + quote(table) + " t) x")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Checksums of every table, in dependency order. */
    public static Map<String, String> checksums(Connection c) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String t : inDependencyOrder(c)) {
            sums.put(t, checksum(c, t));
        }
        return sums;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
