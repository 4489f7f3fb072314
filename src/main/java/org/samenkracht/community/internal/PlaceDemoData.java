package org.samenkracht.community.internal;

import org.samenkracht.community.Neighbourhood;
import org.samenkracht.community.NeighbourhoodCommands;
import org.samenkracht.identity.Accounts;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * The demo's neighbourhood places (fictional): Karim keeps buurthuis De Linde (where "Samen verder"
 * meets) with a coffee morning, cooking together (eight places) and a repair café where people can help
 * out themselves, and the library's language café. No demo person is signed up: the places are there to
 * click through (sign someone up on their "Samen in de buurt" tab; Ahmed puts an activity on the social map).
 */
@Component
@Order(77)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class PlaceDemoData implements ApplicationRunner {

    static final String LINDE = "Buurthuis De Linde";

    private final Accounts accounts;
    private final Neighbourhood neighbourhood;
    private final JdbcClient jdbc;

    PlaceDemoData(Accounts accounts, Neighbourhood neighbourhood, JdbcClient jdbc) {
        this.accounts = accounts;
        this.neighbourhood = neighbourhood;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from community_place where organisation_id = ? and name = ?").params(ORGANISATION, LINDE)
                .query(Integer.class).single() > 0 || !accounts.exists(COORDINATOR_KARIM)) {
            return;
        }
        accounts.onBehalfOf(COORDINATOR_KARIM, () -> {
            UUID linde = neighbourhood.create(new NeighbourhoodCommands.SavePlace(LINDE, "Oost", "Lindeplein 4",
                    "Truus de Wit", Set.of(OfferTerms.Accessibility.WHEELCHAIR, OfferTerms.Accessibility.EASY_LANGUAGE),
                    "Koffie schenken, fietsen maken bij het repaircafé, mee koken.", null));
            neighbourhood.addActivity(linde, new NeighbourhoodCommands.AddActivity("Koffieochtend", DayOfWeek.TUESDAY,
                    LocalTime.of(10, 0), LocalTime.of(12, 0), "Truus de Wit", null, LifeDomain.SOCIAL_INCLUSION,
                    "Binnenlopen voor koffie en een praatje. Je hoeft je niet aan te melden."));
            neighbourhood.addActivity(linde, new NeighbourhoodCommands.AddActivity("Samen koken", DayOfWeek.THURSDAY,
                    LocalTime.of(17, 30), LocalTime.of(20, 0), "Youssef Amrani", 8, LifeDomain.PHYSICAL_WELLBEING,
                    "Samen boodschappen doen, koken en eten. Voor 3 euro."));
            neighbourhood.addActivity(linde, new NeighbourhoodCommands.AddActivity("Repaircafé", DayOfWeek.SATURDAY,
                    LocalTime.of(10, 0), LocalTime.of(13, 0), "Ben Kramer", null, LifeDomain.SOCIAL_INCLUSION,
                    "Kapotte spullen samen maken. Wie iets kan maken, kan ook zelf komen helpen."));
            UUID library = neighbourhood.create(new NeighbourhoodCommands.SavePlace("Bibliotheek Oost", "Oost", "Stationsstraat 12",
                    "Mirjam Bos", Set.of(OfferTerms.Accessibility.WHEELCHAIR, OfferTerms.Accessibility.HEARING_LOOP),
                    "Taalmaatje worden bij het taalcafé.", null));
            neighbourhood.addActivity(library, new NeighbourhoodCommands.AddActivity("Taalcafé", DayOfWeek.WEDNESDAY,
                    LocalTime.of(14, 0), LocalTime.of(15, 30), "Mirjam Bos", 12, LifeDomain.PERSONAL_DEVELOPMENT,
                    "Nederlands oefenen in een kleine groep."));
        });
    }
}
