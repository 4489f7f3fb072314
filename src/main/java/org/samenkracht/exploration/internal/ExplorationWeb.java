package org.samenkracht.exploration.internal;

import org.samenkracht.common.web.PersonTab;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.person.DossierSection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.UUID;

/**
 * The exploration's tabs in the person's file and its card on the dossier overview. Public, with the card's record,
 * only for its compiled template ({@code exploration/wishesCard.jte}).
 */
@Configuration(proxyBeanMethods = false)
public class ExplorationWeb {

    @Bean
    PersonTab explorationPersonTab() {
        return new PersonTab("exploration", "person.tab.exploration", "/persons/{id}/exploration", 20, "instrument-responses");
    }

    @Bean
    PersonTab wishesPersonTab() {
        return new PersonTab("wishes", "person.tab.wishes", "/persons/{id}/wishes", 22);
    }

    /** A wish as the dossier card lists it. */
    public record WishLine(String text) {
    }

    @Bean
    DossierSection wishesDossierSection(tools.jackson.databind.json.JsonMapper json) {
        return new DossierSection() {
            public int order() {
                return 20;
            }

            public String template() {
                return "exploration/wishesCard";
            }

            public org.samenkracht.privacy.Part part() {
                return org.samenkracht.privacy.Part.WISHES;
            }

            public String json() {
                return """
                        select coalesce(json_agg(json_build_object('text', x.text) order by x.priority, x.created_at), '[]')
                        from (select w.text, w.priority, w.created_at from wish w where w.person_id = :person
                              order by w.priority, w.created_at limit 3) x""";
            }

            private final tools.jackson.databind.ObjectReader lines =
                    json.readerFor(new tools.jackson.core.type.TypeReference<java.util.List<WishLine>>() { });

            public Object data(String text) {
                return text == null ? null : lines.readValue(text);
            }
        };
    }
}
