package org.samenkracht.person.internal;

import org.samenkracht.person.DossierSection;
import org.samenkracht.person.DualAgreement;
import org.samenkracht.person.OwnStory;
import org.samenkracht.privacy.Part;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Cards on the dossier overview: the last words of the own story and the latest conversation reports. Public, with
 * their records, only for their compiled templates ({@code person/storyCard.jte}, {@code person/conversationsCard.jte}).
 */
@Configuration(proxyBeanMethods = false)
public class DialogueDossierSections {

    /** A line of the own story as the card shows it. */
    public record StoryLine(OwnStory.Kind kind, String authorName, String text) {
    }

    /** A conversation as the card lists it. */
    public record ConversationLine(UUID id, LocalDate heldOn, String place, DualAgreement.Status status) {
    }

    @Bean
    DossierSection storyDossierSection(JsonMapper json) {
        return new DossierSection() {
            public int order() {
                return 5;
            }

            public String template() {
                return "person/storyCard";
            }

            public Part part() {
                return Part.OWN_STORY;
            }

            public String json() {
                return """
                        select coalesce(json_agg(json_build_object('kind', x.kind, 'authorName', x.author, 'text', x.text)
                                                 order by x.created_at), '[]')
                        from (select s.kind, u.display_name as author, s.text, s.created_at
                              from story_entry s join app_user u on u.id = s.author_id
                              where s.person_id = :person order by s.created_at desc limit 2) x""";
            }

            private final ObjectReader lines = json.readerFor(new TypeReference<List<StoryLine>>() { });

            public Object data(String text) {
                return text == null ? null : lines.readValue(text);
            }
        };
    }

    @Bean
    DossierSection conversationsDossierSection(JsonMapper json) {
        return new DossierSection() {
            public int order() {
                return 10;
            }

            public String template() {
                return "person/conversationsCard";
            }

            public Part part() {
                return Part.CONVERSATIONS;
            }

            public String json() {
                return """
                        select coalesce(json_agg(json_build_object('id', x.id, 'heldOn', x.held_on, 'place', x.place,
                                 'status', case when x.person_agreed_at is not null and x.professional_agreed_at is not null then 'FINAL'
                                                when x.person_agreed_at is not null then 'AGREED_BY_PERSON'
                                                when x.professional_agreed_at is not null then 'AGREED_BY_PROFESSIONAL'
                                                else 'OPEN' end) order by x.held_on desc, x.created_at desc), '[]')
                        from (select c.id, c.held_on, c.place, c.person_agreed_at, c.professional_agreed_at, c.created_at
                              from conversation c where c.person_id = :person
                              order by c.held_on desc, c.created_at desc limit 3) x""";
            }

            private final ObjectReader lines = json.readerFor(new TypeReference<List<ConversationLine>>() { });

            public Object data(String text) {
                return text == null ? null : lines.readValue(text);
            }
        };
    }
}
