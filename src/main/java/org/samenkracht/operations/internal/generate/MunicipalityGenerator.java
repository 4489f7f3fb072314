package org.samenkracht.operations.internal.generate;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.samenkracht.common.demo.DemoIds;
import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Fills the database with a synthetic municipality: every {@link SyntheticTable} in order, each
 * streamed with COPY, all in one transaction (a failed run leaves nothing behind). Refuses to run
 * twice for the same seed.
 */
@Service
public class MunicipalityGenerator {

    /** Rows written per table and the time it all took. */
    public record Report(Map<String, Long> rows, long millis) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final DataSource dataSource;
    private final List<SyntheticTable> tables;

    MunicipalityGenerator(DataSource dataSource, List<SyntheticTable> tables) {
        this.dataSource = dataSource;
        this.tables = tables.stream().sorted(Comparator.comparingInt(SyntheticTable::order)
                .thenComparing(SyntheticTable::table)).toList();
    }

    public List<String> tables() {
        return tables.stream().map(SyntheticTable::table).toList();
    }

    public Report generate(long seed, int persons, Consumer<String> progress) throws SQLException, IOException {
        return generate(dataSource, seed, persons, progress);
    }

    /** Into another database than the application's own (tests, tools). */
    public Report generate(DataSource dataSource, long seed, int persons, Consumer<String> progress)
            throws SQLException, IOException {
        SyntheticMunicipality m = new SyntheticMunicipality(seed, persons, passwordHash(seed));
        long start = System.nanoTime();
        Map<String, Long> written = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("select 1 from organisation where id = ?")) {
                st.setObject(1, m.organisation());
                if (st.executeQuery().next()) {
                    throw new IllegalStateException("This database already holds the synthetic municipality of seed "
                            + seed + "; use a fresh data folder or another seed.");
                }
            }
            PGConnection pg = c.unwrap(PGConnection.class);
            try {
                for (SyntheticTable table : tables) {
                    long t0 = System.nanoTime();
                    CopyIn copy = pg.getCopyAPI().copyIn("COPY " + table.table() + " (" + String.join(", ", table.columns())
                            + ") FROM STDIN");
                    long[] lastReport = {System.nanoTime()};
                    CopyRows out = new CopyRows(copy, rows -> {
                        if (System.nanoTime() - lastReport[0] > 3_000_000_000L) {
                            lastReport[0] = System.nanoTime();
                            progress.accept(String.format("  %-18s %,12d rows …", table.table(), rows));
                        }
                    });
                    try {
                        table.write(m, out);
                        out.flush();
                        copy.endCopy();
                    } finally {
                        if (copy.isActive()) {
                            copy.cancelCopy();
                        }
                    }
                    written.merge(table.table(), out.rows(), Long::sum);
                    progress.accept(String.format("  %-18s %,12d rows in %5.1f s", table.table(), out.rows(),
                            (System.nanoTime() - t0) / 1e9));
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            progress.accept("  analysing tables …");
            try (Statement st = c.createStatement()) {
                for (String t : new ArrayList<>(written.keySet())) {
                    st.execute("analyze " + t);
                }
            }
        }
        return new Report(written, (System.nanoTime() - start) / 1_000_000);
    }

    /** bcrypt of the demo password with a salt derived from the seed, so the data stays deterministic. */
    static String passwordHash(long seed) {
        try {
            SecureRandom salt = SecureRandom.getInstance("SHA1PRNG");
            salt.setSeed(seed);
            return "{bcrypt}" + BCrypt.hashpw(DemoIds.PASSWORD, BCrypt.gensalt(10, salt));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
