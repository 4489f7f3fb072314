package org.samenkracht.team.internal;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.common.web.PersonTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** Caseload as bandwidth in the main navigation; handover and reviews as a tab of the person's file. */
@Configuration(proxyBeanMethods = false)
class TeamNavigation {

    @Bean
    PersonTab handoverPersonTab() {
        return new PersonTab("handovers", "team.tab", "/persons/{id}/handovers", 85, "handover");
    }

    @Bean
    NavItem caseloadNavItem() {
        return new NavItem("/team/caseload", "team.nav", 85, Set.of("PROFESSIONAL", "COACH", "ADMINISTRATOR"));
    }
}
