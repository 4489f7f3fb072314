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
                restored = new java.util.LinkedHashMap<>(DatabaseTables.checksums(c));
            }
            restored.keySet().removeAll(DatabaseBackup.LEFT_OUT);
            // compared independently of the restore's own check, table by table, with the source
            assertThat(restored).isEqualTo(backedUp.tables());
            var expectedTables = new java.util.LinkedHashSet<>(source.keySet());
            expectedTables.removeAll(DatabaseBackup.LEFT_OUT);
            assertThat(restored.keySet()).containsExactlyInAnyOrderElementsOf(expectedTables);
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

    @org.springframework.beans.factory.annotation.Value("${samenkracht.backup.key}")
    String backupKey;

    @Test
    void an_administrator_downloads_an_encrypted_backup_without_sessions_and_a_restore_signs_everyone_out() throws Exception {
        // a live session of a professional, whose id must not be in the file nor open anything after a restore
        jakarta.servlet.http.Cookie session = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/login").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("username", "sanne").param("password", org.samenkracht.common.demo.DemoIds.PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        String sessionId = new String(java.util.Base64.getDecoder().decode(session.getValue()));
        JdbcClient source = JdbcClient.create(dataSource);
        assertThat(source.sql("select count(*) from spring_session where session_id = ?").param(sessionId)
                .query(Long.class).single()).isEqualTo(1);
        String passwordHash = source.sql("select password_hash from app_user where username = 'sanne'").query(String.class).single();

        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("ahmed"));
        var started = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/operations/backup").with(admin)).andReturn();
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(started)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        byte[] file = response.getContentAsByteArray();
        String raw = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("SAMENKRACHT-BACKUP-AES256GCM 1 ")
                .doesNotContain(sessionId).doesNotContain(passwordHash).doesNotContain("{bcrypt}").doesNotContain("sanne");

        byte[] key = org.samenkracht.operations.internal.backup.BackupEncryption.key(backupKey);
        byte[] plain = new java.util.zip.GZIPInputStream(org.samenkracht.operations.internal.backup.BackupEncryption
                .decrypt(new ByteArrayInputStream(file), key)).readAllBytes();
        String text = new String(plain, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("TABLE person ").doesNotContain("TABLE spring_session").doesNotContain(sessionId);

        // another key, or a changed byte, is refused with a reason (not just any exception)
        byte[] otherKey = new byte[32];
        assertThatThrownBy(() -> org.samenkracht.operations.internal.backup.BackupEncryption
                .decrypt(new ByteArrayInputStream(file), otherKey).readAllBytes())
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("another key");
        byte[] tampered = file.clone();
        tampered[tampered.length - 40] ^= 1;
        assertThatThrownBy(() -> org.samenkracht.operations.internal.backup.BackupEncryption
                .decrypt(new ByteArrayInputStream(tampered), key).readAllBytes())
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("changed or damaged");

        try (FreshDatabase fresh = new FreshDatabase(dataSource, "download")) {
            JdbcClient target = JdbcClient.create(fresh.dataSource);
            // a session the target had before the restore ends too
            target.sql("""
                    insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval,
                      expiry_time, principal_name) values ('p1', ?, 0, 0, 1800, 9999999999999, 'sanne')""")
                    .param(sessionId).update();
            try (Connection c = fresh.dataSource.getConnection()) {
                var restored = DatabaseBackup.restore(c, org.samenkracht.operations.internal.backup.BackupEncryption
                        .decrypt(new ByteArrayInputStream(file), key));
                assertThat(restored.tables().get("person")).doesNotStartWith("0:");
                assertThat(restored.tables()).doesNotContainKeys("spring_session", "spring_session_attributes");
            }
            assertThat(target.sql("select count(*) from spring_session").query(Long.class).single())
                    .as("no session survives a restore: the old id opens nothing").isZero();
            assertThat(target.sql("select count(*) from app_user").query(Long.class).single()).isPositive();
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
