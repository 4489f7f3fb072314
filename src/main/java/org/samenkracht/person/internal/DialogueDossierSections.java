package org.samenkracht.person.internal;

import org.samenkracht.person.Conversations;
import org.samenkracht.person.DossierSection;
import org.samenkracht.person.OwnStory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/** Cards on the dossier overview: the own story and the conversation reports. */
@Configuration(proxyBeanMethods = false)
class DialogueDossierSections {

    @Bean
    DossierSection storyDossierSection(OwnStory story) {
        return new DossierSection() {
            public int order() {
                return 5;
            }

            public String template() {
                return "person/sections :: story";
            }

            public Object data(UUID personId) {
                return story.entries(personId);
            }
        };
    }

    @Bean
    DossierSection conversationsDossierSection(Conversations conversations) {
        return new DossierSection() {
            public int order() {
                return 10;
            }

            public String template() {
                return "person/sections :: conversations";
            }

            public Object data(UUID personId) {
                return conversations.all(personId).stream().limit(3).toList();
            }
        };
    }
}
