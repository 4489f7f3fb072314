package org.samenkracht.privacy.internal;

import org.samenkracht.privacy.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The verify command: start the application with {@code --verify-audit} (for example
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--verify-audit}) to walk every chain of
 * the audit log, print the first broken link, and stop with exit code 0 (intact) or 1 (broken).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class VerifyAuditCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VerifyAuditCommand.class);

    private final AuditLog auditLog;
    private final AuditSeals seals;
    private final ConfigurableApplicationContext context;

    VerifyAuditCommand(AuditLog auditLog, AuditSeals seals, ConfigurableApplicationContext context) {
        this.seals = seals;
        this.auditLog = auditLog;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify-audit")) {
            return;
        }
        seals.sealAllCommitted(10_000);
        AuditLog.Verification v = auditLog.verifyChains();
        if (v.intact()) {
            log.info("Audit log intact: {} entries checked", v.checked());
            System.out.println("AUDIT INTACT checked=" + v.checked());
        } else {
            log.error("Audit log broken ({}): first bad entry is {} in chain {} ({} entries checked, last intact {}, "
                    + "checkpoint {})", v.kind(), v.firstBrokenId(), v.brokenChain(), v.checked(), v.lastIntactId(),
                    v.checkpointId());
            System.out.println("AUDIT BROKEN kind=" + v.kind() + " firstBrokenId=" + v.firstBrokenId() + " chain="
                    + v.brokenChain() + " lastIntactId=" + v.lastIntactId() + " checkpoint=" + v.checkpointId()
                    + " checked=" + v.checked());
        }
        int code = v.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
