package org.samenkracht.privacy.internal;

import org.samenkracht.identity.AccountAdministration;
import org.samenkracht.identity.AdminCard;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.PersonRights;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** Privacy's part of the administrator's start page (the audit check, retention) and of resetting a second factor. */
@Configuration(proxyBeanMethods = false)
class AdministratorCards {

    @Bean
    AdminCard auditCheckCard(AuditLog auditLog, PersonRights rights) {
        return new AdminCard() {
            public int order() {
                return 20;
            }

            public String titleKey() {
                return "admin.card.audit";
            }

            public String path() {
                return "/privacy/audit";
            }

            public List<Line> lines() {
                AuditLog.Verification v = auditLog.verify();
                return List.of(v.intact()
                                ? new Line("admin.card.audit.intact", v.checked())
                                : new Line("admin.card.audit.broken", v.firstBrokenId(), v.brokenChain()),
                        new Line("admin.card.retention", rights.retention(CurrentUser.get().organisationId()).fileYears()));
            }
        };
    }

    /** An administrator reset someone's second factor: it goes, and the account enrols again. */
    @Bean
    SecondFactorResetListener secondFactorResetListener(JdbcClient jdbc) {
        return new SecondFactorResetListener(jdbc);
    }

    static class SecondFactorResetListener {
        private final JdbcClient jdbc;

        SecondFactorResetListener(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void on(AccountAdministration.SecondFactorReset reset) {
            jdbc.sql("delete from second_factor where account_id = ?").param(reset.accountId()).update();
        }
    }
}
