package org.samenkracht.operations.internal;

import org.samenkracht.operations.internal.backup.DatabaseBackup;
import org.samenkracht.operations.internal.generate.MunicipalityGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.util.List;

/**
 * The operations commands of the application, run once after start-up, after which the
 * application exits (code 0 when it worked, 1 when not):
 * <ul>
 *   <li>{@code --generate [--scale=100000] [--seed=42]}: fill the database with a synthetic municipality;</li>
 *   <li>{@code --backup=FILE}: a consistent backup of the database (see {@link DatabaseBackup});</li>
 *   <li>{@code --restore=FILE}: restore a backup into this (fresh, migrated, empty) database.</li>
 * </ul>
 * Without one of these options the application simply runs.
 */
@Component
@Order(1000)
class OperationsCommands implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationsCommands.class);

    private final MunicipalityGenerator generator;
    private final DataSource dataSource;
    /** Generate and restore write as the schema's owner (restore copies rows without firing triggers). */
    private final org.samenkracht.common.database.OwnerConnections owner;
    private final ConfigurableApplicationContext context;
    @org.springframework.beans.factory.annotation.Value("${samenkracht.backup.key:}")
    String backupKey = "";

    OperationsCommands(MunicipalityGenerator generator, DataSource dataSource,
                       org.samenkracht.common.database.OwnerConnections owner, ConfigurableApplicationContext context) {
        this.generator = generator;
        this.dataSource = dataSource;
        this.owner = owner;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("generate") && !args.containsOption("backup") && !args.containsOption("restore")) {
            return;
        }
        int code = 0;
        try {
            if (args.containsOption("generate")) {
                int scale = Integer.parseInt(option(args, "scale", "100000"));
                long seed = Long.parseLong(option(args, "seed", "42"));
                log.info("Generating a synthetic municipality of {} persons (seed {}) …", scale, seed);
                var report = generator.generate(owner.dataSource(), seed, scale, log::info);
                log.info("Generated {} rows in {} tables in {} s. Sign in as gen.prof.0001 (password as the demo accounts).",
                        String.format("%,d", report.totalRows()), report.rows().size(),
                        String.format("%.1f", report.millis() / 1000.0));
            }
            if (args.containsOption("backup")) {
                Path file = Path.of(option(args, "backup", "samenkracht-backup.skb"));
                Path partial = file.resolveSibling(file.getFileName() + ".partial");
                long t0 = System.nanoTime();
                DatabaseBackup.Summary summary;
                byte[] key = org.samenkracht.operations.internal.backup.BackupEncryption.key(backupKey);
                try (Connection c = dataSource.getConnection();
                     OutputStream out = org.samenkracht.operations.internal.backup.BackupEncryption.encrypt(
                             new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), key)) {
                    summary = DatabaseBackup.backup(c, out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                log.info("Backup of {} tables ({} rows) written to {} in {} s", summary.tables().size(),
                        String.format("%,d", summary.rows()), file, String.format("%.1f", (System.nanoTime() - t0) / 1e9));
            }
            if (args.containsOption("restore")) {
                Path file = Path.of(option(args, "restore", ""));
                long t0 = System.nanoTime();
                try (Connection c = owner.dataSource().getConnection();
                     InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    InputStream in = org.samenkracht.operations.internal.backup.BackupEncryption.isEncrypted(raw)
                            ? org.samenkracht.operations.internal.backup.BackupEncryption.decrypt(raw,
                                    org.samenkracht.operations.internal.backup.BackupEncryption.key(backupKey))
                            : raw;
                    var summary = DatabaseBackup.restore(c, in);
                    log.info("Restored {} tables ({} rows) from {}; every checksum matches; in {} s",
                            summary.tables().size(), String.format("%,d", summary.rows()), file,
                            String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                }
            }
        } catch (Exception e) {
            log.error("Operations command failed: {}", e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private static String option(ApplicationArguments args, String name, String fallback) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? fallback : values.get(0);
    }
}
