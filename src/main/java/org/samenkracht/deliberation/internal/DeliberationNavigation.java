package org.samenkracht.deliberation.internal;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.common.web.PersonTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** A tab in the person's file for deliberations; coaching and intervision in the main navigation. */
@Configuration(proxyBeanMethods = false)
class DeliberationNavigation {

    @Bean
    PersonTab deliberationPersonTab() {
        return new PersonTab("deliberations", "deliberation.tab", "/persons/{id}/deliberations", 80, "deliberation");
    }

    @Bean
    NavItem sessionsNavItem() {
        return new NavItem("/sessions", "session.nav", 80, Set.of("PROFESSIONAL", "COACH"));
    }
}
