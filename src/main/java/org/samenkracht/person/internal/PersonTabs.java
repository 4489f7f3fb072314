package org.samenkracht.person.internal;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.common.web.PersonTab;
import org.samenkracht.identity.Role;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonTabs {
    @Bean
    PersonTab questionsPersonTab() {
        return new PersonTab("questions", "person.tab.questions", "/persons/{id}/questions", 10, "four-questions");
    }

    @Bean
    PersonTab storyPersonTab() {
        return new PersonTab("story", "person.tab.story", "/persons/{id}/story", 12, "own-story");
    }

    @Bean
    PersonTab conversationsPersonTab() {
        return new PersonTab("conversations", "person.tab.conversations", "/persons/{id}/conversations", 14, "conversation");
    }

    @Bean
    PersonTab logbookPersonTab() {
        return new PersonTab("logbook", "person.tab.logbook", "/persons/{id}/logbook", 16);
    }

    @Bean
    NavItem logbookSearchNavItem() {
        return new NavItem("/logbook", "nav.logbookSearch", 20, Set.of(Role.PROFESSIONAL.name(), Role.COACH.name()));
    }
}
