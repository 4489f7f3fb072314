package org.samenkracht.person.internal;

import org.samenkracht.common.web.PersonTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonTabs {
    @Bean
    PersonTab questionsPersonTab() {
        return new PersonTab("questions", "person.tab.questions", "/persons/{id}/questions", 10);
    }
}
