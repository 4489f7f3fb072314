package org.samenkracht.privacy.internal;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.common.web.PersonTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** Privacy's tabs in every person's file and its entries in the main navigation. */
@Configuration(proxyBeanMethods = false)
class PrivacyExtensions {

    @Bean
    PersonTab privacyPersonTab() {
        return new PersonTab("privacy", "privacy.tab", "/persons/{id}/privacy", 80, "consent");
    }

    @Bean
    PersonTab accessLogPersonTab() {
        return new PersonTab("access-log", "accessLog.tab", "/persons/{id}/access-log", 90, "audit");
    }

    @Bean
    NavItem emergencyNavItem() {
        return new NavItem("/privacy/emergency", "nav.emergency", 80, Set.of("ROLE_PROFESSIONAL", "ROLE_COACH"));
    }

    @Bean
    NavItem notificationsNavItem() {
        return new NavItem("/privacy/notifications", "nav.notifications", 79,
                Set.of("ROLE_PROFESSIONAL", "ROLE_COACH"));
    }

    @Bean
    NavItem teamWorkNavItem() {
        return new NavItem("/privacy/team", "nav.privacyTeam", 81, Set.of("ROLE_COACH", "ROLE_ADMINISTRATOR"));
    }

    @Bean
    NavItem auditNavItem() {
        return new NavItem("/privacy/audit", "nav.audit", 82, Set.of("ROLE_ADMINISTRATOR"));
    }

    @Bean
    NavItem secondFactorNavItem() {
        return new NavItem("/account/second-factor", "nav.secondFactor", 90,
                Set.of("ROLE_PROFESSIONAL", "ROLE_COACH", "ROLE_ADMINISTRATOR"));
    }
}
