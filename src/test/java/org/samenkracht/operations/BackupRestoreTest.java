package org.samenkracht.operations;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.operations.internal.backup.DatabaseBackup;
import org.samenkracht.operations.internal.backup.DatabaseTables;
import org.samenkracht.operations.internal.generate.MunicipalityGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SamenkrachtTest
class BackupRestoreTest {

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
    DataSource dataSource;
    @Autowired
    MunicipalityGenerator generator;

    @Test
    void a_backup_of_the_running_instance_restores_into_a_fresh_database_with_every_table_identical() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DatabaseBackup.Summary backedUp;
        Map<String, String> source;
        try (Connection c = dataSource.getConnection()) {
            backedUp = DatabaseBackup.backup(c, file);
            source = DatabaseTables.checksums(c);
        }
        assertThat(backedUp.tables()).containsKeys("person", "app_user", "audit_event", "plan_step", "wish");
        assertThat(backedUp.rows()).isPositive();

        try (FreshDatabase fresh = new FreshDatabase(dataSource, "restore")) {
            DatabaseBackup.restore(fresh.dataSource.getConnection(), new ByteArrayInputStream(file.toByteArray()));
            Map<String, String> restored;
            try (Connection c = fresh.dataSource.getConnection()) {
                restored = DatabaseTables.checksums(c);
            }
            // compared independently of the restore's own check, table by table, with the source
            assertThat(restored).isEqualTo(backedUp.tables());
            assertThat(restored.keySet()).containsExactlyInAnyOrderElementsOf(source.keySet());
            // the audit log keeps counting after the restored ids
            JdbcClient jdbc = JdbcClient.create(fresh.dataSource);
            long max = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
            long next = jdbc.sql("""
                    insert into audit_event (action, resource, ground) values ('READ', 'test', 'TEST') returning id""")
                    .query(Long.class).single();
            assertThat(next).isGreaterThan(max);
        }
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void an_administrator_downloads_a_backup_of_the_running_instance_and_others_are_refused() throws Exception {
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("ahmed"));
        var started = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/operations/backup").with(admin)).andReturn();
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(started)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        try (FreshDatabase fresh = new FreshDatabase(dataSource, "download")) {
            try (Connection c = fresh.dataSource.getConnection()) {
                var restored = DatabaseBackup.restore(c, new ByteArrayInputStream(response.getContentAsByteArray()));
                assertThat(restored.tables().get("person")).doesNotStartWith("0:");
            }
        }
        assertThat(JdbcClient.create(dataSource).sql(
                "select count(*) from audit_event where action = 'EXPORT' and resource = 'backup'")
                .query(Long.class).single()).isPositive();

        var sanne = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("sanne"));
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/operations/backup").with(sanne)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void a_synthetic_municipality_survives_backup_and_restore() throws Exception {
        try (FreshDatabase source = new FreshDatabase(dataSource, "bk_src");
             FreshDatabase target = new FreshDatabase(dataSource, "bk_dst")) {
            generator.generate(source.dataSource, 11, 400, line -> { });
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            try (Connection c = source.dataSource.getConnection()) {
                DatabaseBackup.backup(c, file);
            }
            try (Connection c = target.dataSource.getConnection()) {
                DatabaseBackup.restore(c, new ByteArrayInputStream(file.toByteArray()));
            }
            try (Connection s = source.dataSource.getConnection(); Connection t = target.dataSource.getConnection()) {
                assertThat(DatabaseTables.checksums(t)).isEqualTo(DatabaseTables.checksums(s));
            }
            // restoring twice is refused: the target is no longer empty, and nothing is changed
            try (Connection c = target.dataSource.getConnection()) {
                assertThatThrownBy(() -> DatabaseBackup.restore(c, new ByteArrayInputStream(file.toByteArray())))
                        .hasMessageContaining("not empty");
            }
        }
    }

    @Test
    void a_cut_off_backup_is_refused_and_leaves_the_target_empty() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (Connection c = dataSource.getConnection()) {
            DatabaseBackup.backup(c, file);
        }
        // cut the uncompressed text before its END, compress again
        byte[] text = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(file.toByteArray())).readAllBytes();
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.GZIPOutputStream(cut)) {
            zip.write(Arrays.copyOf(text, text.length - 200));
        }
        try (FreshDatabase fresh = new FreshDatabase(dataSource, "cut")) {
            try (Connection c = fresh.dataSource.getConnection()) {
                assertThatThrownBy(() -> DatabaseBackup.restore(c, new ByteArrayInputStream(cut.toByteArray())))
                        .isInstanceOfAny(java.io.IOException.class, NullPointerException.class, IllegalStateException.class,
                                java.sql.SQLException.class);
            }
            assertThat(JdbcClient.create(fresh.dataSource).sql("select count(*) from person").query(Long.class).single())
                    .isZero();
        }
    }
}
