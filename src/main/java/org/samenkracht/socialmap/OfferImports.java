package org.samenkracht.socialmap;

import jakarta.annotation.PreDestroy;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.socialmap.internal.OfferFiles;
import org.samenkracht.socialmap.internal.OfferImporter;
import org.samenkracht.socialmap.internal.OfferStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Import and export of the social map (CSV and JSON). An import runs in the background, one at a
 * time per node, all or nothing, and can be followed while it runs ({@link #job}).
 */
@Service
public class OfferImports {

    public enum Format {
        CSV, JSON;

        public static Format of(String name, String fileName) {
            if (name != null && !name.isBlank()) {
                try {
                    return valueOf(name.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new RuleViolation("format", "socialmap.import.format.invalid");
                }
            }
            return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : CSV;
        }
    }

    public record Refusal(int line, String field, String reason, String value) {
    }

    public record Job(UUID id, String fileName, Format format, String status, int totalRows, int processedRows,
                      int accepted, int changed, int unchanged, int refused, List<Refusal> refusals, String failure,
                      Instant startedAt, Instant finishedAt) {
        public boolean running() {
            return "RUNNING".equals(status);
        }

        public int percent() {
            return totalRows == 0 ? (running() ? 0 : 100) : Math.min(100, processedRows * 100 / totalRows);
        }
    }

    public static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OfferImporter importer;
    private final OfferStore offers;
    private final Accounts accounts;
    private final SocialMap socialMap;
    private final JdbcClient jdbc;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "socialmap-import");
        t.setDaemon(true);
        return t;
    });

    OfferImports(OfferImporter importer, OfferStore offers, Accounts accounts, SocialMap socialMap, JdbcClient jdbc) {
        this.importer = importer;
        this.offers = offers;
        this.accounts = accounts;
        this.socialMap = socialMap;
        this.jdbc = jdbc;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Starts an import and returns its job at once; the map changes only when all of it succeeds. */
    public UUID start(String fileName, Format format, byte[] content) {
        CurrentUser user = SocialMap.requireAdministrator();
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "socialmap.import.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation("file", "socialmap.import.tooLarge");
        }
        String name = fileName == null || fileName.isBlank() ? "import." + format.name().toLowerCase(Locale.ROOT)
                : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        UUID job = importer.createJob(user.organisationId(), user.id(), name, format.name());
        Runnable work = () -> accounts.onBehalfOf(user.id(), () -> importer.run(job, user.organisationId(), format.name(), content));
        // the job's row is committed with the request (one transaction per request): start after that
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            worker.submit(work);
                        }
                    });
        } else {
            worker.submit(work);
        }
        return job;
    }

    /** Runs an import in the caller's thread (for benchmarks and scripts); returns the finished job. */
    public Job importNow(String fileName, Format format, byte[] content) {
        CurrentUser user = SocialMap.requireAdministrator();
        UUID job = importer.createJob(user.organisationId(), user.id(), fileName, format.name());
        importer.run(job, user.organisationId(), format.name(), content);
        return job(job);
    }

    @Transactional(readOnly = true)
    public Job job(UUID id) {
        CurrentUser user = SocialMap.requireAdministrator();
        return jdbc.sql("select * from socialmap_import where id = ? and organisation_id = ?")
                .params(id, user.organisationId()).query(OfferImports::map).optional()
                .orElseThrow(() -> new NotFound("import"));
    }

    @Transactional(readOnly = true)
    public List<Job> recent() {
        CurrentUser user = SocialMap.requireAdministrator();
        return jdbc.sql("select * from socialmap_import where organisation_id = ? order by started_at desc limit 10")
                .param(user.organisationId()).query(OfferImports::map).list();
    }

    /** Writes every offer of the organisation in the format, readable again by the import. */
    @Transactional(readOnly = true)
    public void export(Format format, OutputStream out) throws IOException {
        CurrentUser user = CurrentUser.get();
        var staleBefore = socialMap.staleBefore();
        if (format == Format.CSV) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            OfferFiles.writeCsvHeader(w);
            offers.forEach(user.organisationId(), staleBefore, offer -> {
                try {
                    OfferFiles.writeCsv(w, offer.data());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            w.flush();
        } else {
            JsonGenerator g = OfferFiles.jsonWriter(out);
            g.writeStartArray();
            offers.forEach(user.organisationId(), staleBefore, offer -> OfferFiles.writeJson(g, offer.data()));
            g.writeEndArray();
            g.flush();
        }
    }

    private static Job map(ResultSet rs, int i) throws SQLException {
        List<Refusal> refusals = new ArrayList<>();
        JsonNode array = JSON.readTree(rs.getString("refusals"));
        for (JsonNode r : array.values()) {
            refusals.add(new Refusal(r.path("line").asInt(), r.path("field").asString(""), r.path("reason").asString(""),
                    r.path("value").asString("")));
        }
        var finished = rs.getTimestamp("finished_at");
        return new Job(rs.getObject("id", UUID.class), rs.getString("file_name"), Format.valueOf(rs.getString("format")),
                rs.getString("status"), rs.getInt("total_rows"), rs.getInt("processed_rows"), rs.getInt("accepted"),
                rs.getInt("changed"), rs.getInt("unchanged"), rs.getInt("refused"), refusals, rs.getString("failure"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
