package org.samenkracht.socialmap.internal;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.common.web.PersonTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class SocialMapNavigation {

    @Bean
    NavItem socialMapNavItem() {
        return new NavItem("/socialmap", "socialmap.nav", 50, Set.of("PROFESSIONAL", "COACH", "ADMINISTRATOR"));
    }

    @Bean
    NavItem socialMapAttentionNavItem() {
        return new NavItem("/socialmap/attention", "socialmap.nav.attention", 51, Set.of("ADMINISTRATOR"));
    }

    @Bean
    PersonTab matchingPersonTab() {
        return new PersonTab("matching", "socialmap.tab", "/persons/{id}/matching", 50, "plan,network");
    }
}
