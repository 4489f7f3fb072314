package org.samenkracht.network.internal;

import org.samenkracht.common.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class NetworkNavigation {
    /** A network member with an account finds their own tasks and load here. */
    @Bean
    NavItem networkMineNavItem() {
        return new NavItem("/network/mine", "network.mine.nav", 30, Set.of("NETWORK_MEMBER"));
    }
}
