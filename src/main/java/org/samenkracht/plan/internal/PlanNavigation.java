package org.samenkracht.plan.internal;

import org.samenkracht.common.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/** The worklist of due evaluations for professionals and coaches; the person's own plan for the person. */
@Configuration(proxyBeanMethods = false)
class PlanNavigation {

    @Bean
    NavItem planWorklistNavItem() {
        return new NavItem("/plan/worklist", "plan.worklist.nav", 40, Set.of("PROFESSIONAL", "COACH"));
    }

    @Bean
    NavItem myPlanNavItem() {
        return new NavItem("/my/plan", "plan.mine.nav", 40, Set.of("PERSON"));
    }
}
