package org.samenkracht.network.internal;

import org.samenkracht.common.web.PersonTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NetworkTab {
    @Bean
    PersonTab networkPersonTab() {
        return new PersonTab("network", "person.tab.network", "/persons/{id}/network", 30);
    }
}
