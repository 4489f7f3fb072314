package org.samenkracht.exploration.internal;

import org.samenkracht.common.web.PersonTab;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.person.DossierSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/** The exploration's tabs in the person's file and its card on the dossier overview. */
@Configuration(proxyBeanMethods = false)
class ExplorationWeb {

    @Bean
    PersonTab explorationPersonTab() {
        return new PersonTab("exploration", "person.tab.exploration", "/persons/{id}/exploration", 20, "instrument-responses");
    }

    @Bean
    PersonTab wishesPersonTab() {
        return new PersonTab("wishes", "person.tab.wishes", "/persons/{id}/wishes", 22);
    }

    @Bean
    DossierSection wishesDossierSection(Wishes wishes) {
        return new DossierSection() {
            public int order() {
                return 20;
            }

            public String template() {
                return "exploration/section :: section";
            }

            public Object data(UUID personId) {
                return wishes.prioritised(personId);
            }
        };
    }
}
