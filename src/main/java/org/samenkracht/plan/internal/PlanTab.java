package org.samenkracht.plan.internal;

import org.samenkracht.common.web.PersonTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlanTab {
    @Bean
    PersonTab planPersonTab() {
        return new PersonTab("plan", "person.tab.plan", "/persons/{id}/plan", 40);
    }
}
