package org.samenkracht.operations.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.operations.internal.backup.DatabaseBackup;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;

/**
 * A consistent backup of the running instance, streamed to an administrator:
 * {@code curl -u admin:… https://host/api/v1/operations/backup -o backup.skb}. Restore with
 * {@code --restore=backup.skb} on a fresh instance (docs/operations.md).
 */
@RestController
@RequestMapping("/api/v1/operations")
@Tag(name = "Operations", description = "Backup of the whole instance (administrators only)")
class BackupApi {

    private final DataSource dataSource;
    private final org.samenkracht.privacy.AuditLog auditLog;
    private final String backupKey;

    BackupApi(DataSource dataSource, org.samenkracht.privacy.AuditLog auditLog,
              @org.springframework.beans.factory.annotation.Value("${samenkracht.backup.key:}") String backupKey) {
        this.dataSource = dataSource;
        this.auditLog = auditLog;
        this.backupKey = backupKey;
    }

    @GetMapping("/backup")
    @Operation(summary = "A consistent backup, without sessions, encrypted with the operator's backup key (restore with --restore=FILE)")
    ResponseEntity<StreamingResponseBody> backup() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("operations.backup.adminOnly");
        }
        if (backupKey.isBlank()) {
            // without the operator's key a backup would carry password hashes and second-factor secrets in the clear
            throw new org.samenkracht.common.domain.RuleViolation("samenkracht.backup.key", "operations.backup.noKey");
        }
        byte[] key = org.samenkracht.operations.internal.backup.BackupEncryption.key(backupKey);
        // The whole instance leaves the building: that is an export, and the audit log says who took it.
        auditLog.instanceBackedUp(user);
        StreamingResponseBody body = out -> {
            try (Connection c = dataSource.getConnection();
                 var encrypted = org.samenkracht.operations.internal.backup.BackupEncryption.encrypt(out, key)) {
                DatabaseBackup.backup(c, encrypted);
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException("backup failed", e);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"samenkracht-" + LocalDate.now() + ".skb\"")
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(body);
    }
}
