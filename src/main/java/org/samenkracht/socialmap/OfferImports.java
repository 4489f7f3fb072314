package org.samenkracht.socialmap;

import jakarta.annotation.PreDestroy;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.socialmap.internal.HsdsFiles;
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
 * Import and export of the social map (CSV, JSON and Open Referral HSDS 3 JSON). An import runs in the background, one at a
 * time per node, all or nothing, and can be followed while it runs ({@link #job}).
 */
@Service
public class OfferImports {

    public enum Format {
        CSV, JSON, HSDS;

        /** As {@link #of(String, String)}, and a JSON file that is an object (not our array) is HSDS. */
        public static Format of(String name, String fileName, byte[] content) {
            Format format = of(name, fileName);
            if ((name == null || name.isBlank()) && format == JSON && content != null) {
                for (byte b : content) {
                    if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                        return b == '{' ? HSDS : JSON;
                    }
                }
            }
            return format;
        }

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

    /** One problem of one bad row (or of the whole file, field {@code file}), with its text in the reader's language. */
    public record Refusal(int line, String field, String reason, String value, String message) {
    }

    public record Job(UUID id, String fileName, Format format, String status, boolean onlyGood, int totalRows,
                      int processedRows, int accepted, int changed, int unchanged, int refused, List<Refusal> refusals,
                      String failure, Instant startedAt, Instant finishedAt) {
        public boolean running() {
            return "RUNNING".equals(status);
        }

        public int percent() {
            return totalRows == 0 ? (running() ? 0 : 100) : Math.min(100, processedRows * 100 / totalRows);
        }

        /** The first {@value #SHOWN} refusals, for a page (the API lists them all). */
        public List<Refusal> shownRefusals() {
            return refusals.size() > SHOWN ? refusals.subList(0, SHOWN) : refusals;
        }

        public static final int SHOWN = 1000;
    }

    /**
     * The file has bad rows and the user did not ask for the good rows only: nothing was imported. Every
     * problem of every bad row is listed; the refused job is recorded too.
     */
    public static class Refused extends RuntimeException {
        private final transient Job job;

        public Refused(Job job) {
            super("import refused: " + job.refused() + " bad rows of " + job.totalRows());
            this.job = job;
        }

        public Job job() {
            return job;
        }
    }

    public static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OfferImports.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OfferImporter importer;
    private final OfferStore offers;
    private final Accounts accounts;
    private final SocialMap socialMap;
    private final JdbcClient jdbc;
    private final org.springframework.context.MessageSource messages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "socialmap-import");
        t.setDaemon(true);
        return t;
    });

    OfferImports(OfferImporter importer, OfferStore offers, Accounts accounts, SocialMap socialMap, JdbcClient jdbc,
                 org.springframework.context.MessageSource messages) {
        this.importer = importer;
        this.offers = offers;
        this.accounts = accounts;
        this.socialMap = socialMap;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Reads and checks the whole file, then starts writing it in the background and returns the job at once.
     * A file with bad rows imports nothing ({@link Refused}, every bad row listed) unless {@code onlyGood}:
     * then the good rows are imported and the bad ones still listed. Never half a file silently.
     */
    public UUID start(String fileName, Format format, byte[] content, boolean onlyGood) {
        CurrentUser user = SocialMap.requireAdministrator();
        Prepared prepared = prepare(user, fileName, format, content, onlyGood);
        Runnable work = () -> accounts.onBehalfOf(user.id(),
                () -> importer.write(prepared.job(), user.organisationId(), prepared.checked()));
        // the request's transaction commits first (one transaction per request): start after that
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
        return prepared.job();
    }

    /** Runs an import in the caller's thread (for benchmarks, scripts and demo data); returns the finished job. */
    public Job importNow(String fileName, Format format, byte[] content, boolean onlyGood) {
        CurrentUser user = SocialMap.requireAdministrator();
        Prepared prepared = prepare(user, fileName, format, content, onlyGood);
        importer.write(prepared.job(), user.organisationId(), prepared.checked());
        return job(prepared.job());
    }

    public Job importNow(String fileName, Format format, byte[] content) {
        return importNow(fileName, format, content, false);
    }

    private record Prepared(UUID job, OfferImporter.Checked checked) {
    }

    private Prepared prepare(CurrentUser user, String fileName, Format format, byte[] content, boolean onlyGood) {
        if (content == null || content.length == 0) {
            throw new RuleViolation("file", "socialmap.import.file.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation("file", "socialmap.import.tooLarge");
        }
        String name = fileName == null || fileName.isBlank() ? "import." + format.name().toLowerCase(Locale.ROOT)
                : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        UUID job = importer.createJob(user.organisationId(), user.id(), name, format.name(), onlyGood);
        OfferImporter.Checked checked;
        try {
            long t0 = System.nanoTime();
            if (format == Format.HSDS) {
                checked = HsdsFiles.check(content);
            } else {
                List<OfferFiles.RawRow> rows = read(format, content);
                checked = OfferImporter.check(rows);
            }
            log.debug("Import {}: read and check {} ms ({} rows)", job, (System.nanoTime() - t0) / 1_000_000, checked.total());
        } catch (OfferFiles.Unreadable e) {
            // the file as a whole cannot be trusted: one refusal naming where reading stopped, nothing imported
            checked = new OfferImporter.Checked(0, List.of(), 1,
                    List.of(new OfferImporter.Refusal(e.line(), "file", "file." + e.key(), "")));
            importer.refuse(job, checked);
            throw new Refused(job(user, job));
        }
        if (!checked.clean() && (!onlyGood || checked.good().isEmpty())) {
            importer.refuse(job, checked);
            throw new Refused(job(user, job));
        }
        return new Prepared(job, checked);
    }

    private static List<OfferFiles.RawRow> read(Format format, byte[] content) {
        return format == Format.JSON ? OfferFiles.readJson(content) : OfferFiles.readCsv(content);
    }

    @Transactional(readOnly = true)
    public Job job(UUID id) {
        return job(SocialMap.requireAdministrator(), id);
    }

    private Job job(CurrentUser user, UUID id) {
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return jdbc.sql("select * from socialmap_import where id = ? and organisation_id = ?")
                .params(id, user.organisationId()).query((rs, i) -> map(rs, locale)).optional()
                .orElseThrow(() -> new NotFound("import"));
    }

    @Transactional(readOnly = true)
    public List<Job> recent() {
        CurrentUser user = SocialMap.requireAdministrator();
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        return jdbc.sql("select * from socialmap_import where organisation_id = ? order by started_at desc limit 10")
                .param(user.organisationId()).query((rs, i) -> map(rs, locale)).list();
    }

    /** The text of a refusal in the reader's language: {@code socialmap.invalid.<reason>} with the value. */
    public String message(String reason, String value, Locale locale) {
        return messages.getMessage("socialmap.invalid." + reason, new Object[]{value}, reason, locale);
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
        } else if (format == Format.HSDS) {
            Locale dutch = Locale.forLanguageTag("nl");
            HsdsFiles.Writer w = new HsdsFiles.Writer(out, key -> messages.getMessage(key, null, null, dutch));
            offers.forEach(user.organisationId(), staleBefore, offer -> w.write(offer.data()));
            w.finish();
        } else {
            JsonGenerator g = OfferFiles.jsonWriter(out);
            g.writeStartArray();
            offers.forEach(user.organisationId(), staleBefore, offer -> OfferFiles.writeJson(g, offer.data()));
            g.writeEndArray();
            g.flush();
        }
    }

    private Job map(ResultSet rs, Locale locale) throws SQLException {
        List<Refusal> refusals = new ArrayList<>();
        JsonNode array = JSON.readTree(rs.getString("refusals"));
        for (JsonNode r : array.values()) {
            String reason = r.path("reason").asString("");
            String value = r.path("value").asString("");
            refusals.add(new Refusal(r.path("line").asInt(), r.path("field").asString(""), reason, value,
                    message(reason, value, locale)));
        }
        var finished = rs.getTimestamp("finished_at");
        return new Job(rs.getObject("id", UUID.class), rs.getString("file_name"), Format.valueOf(rs.getString("format")),
                rs.getString("status"), rs.getBoolean("only_good"), rs.getInt("total_rows"), rs.getInt("processed_rows"),
                rs.getInt("accepted"), rs.getInt("changed"), rs.getInt("unchanged"), rs.getInt("refused"), refusals,
                rs.getString("failure"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
