package org.samenkracht.person.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.person.Conversations;
import org.samenkracht.person.Logbook;
import org.samenkracht.person.OwnStory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.LocalDateTime;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Jonas's own story (his words, and Sanne's separate contribution), a first conversation whose report
 * Sanne agreed to and Jonas still has to read, and a few logbook entries (one for Fatima quotes her in Arabic).
 * Fictional.
 */
@Component
@Order(22)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class DialogueDemoData implements ApplicationRunner {

    /** Fatima's words in Arabic in a logbook note ("I want to understand the school's letters myself"). */
    static final String FATIMA_OWN_WORDS = "أريد أن أفهم رسائل المدرسة بنفسي.";

    private final Accounts accounts;
    private final OwnStory story;
    private final Conversations conversations;
    private final Logbook logbook;
    private final JdbcClient jdbc;

    DialogueDemoData(Accounts accounts, OwnStory story, Conversations conversations, Logbook logbook, JdbcClient jdbc) {
        this.accounts = accounts;
        this.story = story;
        this.conversations = conversations;
        this.logbook = logbook;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean done = jdbc.sql("select exists (select 1 from conversation where person_id = ?)")
                .param(PERSON_JONAS).query(Boolean.class).single();
        if (done) {
            return;
        }
        accounts.onBehalfOf(ACCOUNT_JONAS, () -> story.add(PERSON_JONAS, new OwnStory.Write(
                "Sinds mijn moeder verhuisd is, woon ik alleen. Koken lukt wel, maar de rest van het huishouden groeit me "
                        + "boven het hoofd. Ik zou graag weer vrienden uitnodigen zonder me te schamen.")));
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            story.add(PERSON_JONAS, new OwnStory.Write(
                    "Jonas vertelt open over zijn situatie. Hij heeft goed contact met zijn buurvrouw Ria."));
            var id = conversations.hold(PERSON_JONAS, new Conversations.Record(LocalDate.now().minusDays(14),
                    "Bij Jonas thuis, aan de keukentafel (zijn keuze)", "Jonas, zijn vriend Kevin, Sanne",
                    Conversations.Strategy.OPEN_CONSULTATION,
                    "Kennismaking bij een kop koffie. Jonas vertelde over zijn moeder, zijn werk in de supermarkt en voetbal.",
                    "Het huishouden en de post lopen vast. Koken en boodschappen lukken zelf.",
                    "Samen een weekschema maken; Kevin wil op zaterdag helpen opruimen.",
                    "Doel in Jonas' woorden: een opgeruimd huis waar ik vrienden kan uitnodigen.",
                    "Jonas vond het fijn dat het gesprek bij hem thuis was.",
                    "Hulp om het huishouden vol te houden en overzicht over de post.",
                    "Sanne zoekt een vrijwilliger voor de post. Kevin helpt op zaterdag. Over vier weken praten we verder.",
                    null));
            conversations.agree(PERSON_JONAS, id, 0);
            logbook.add(PERSON_JONAS, new Logbook.NewEntry(Logbook.Kind.HOME_VISIT, LocalDateTime.now().minusDays(14),
                    "Huisbezoek: kennismakingsgesprek aan de keukentafel, Kevin was erbij."));
            logbook.add(PERSON_JONAS, new Logbook.NewEntry(Logbook.Kind.PHONE_CALL, LocalDateTime.now().minusDays(7),
                    "Telefoongesprek: Jonas heeft zelf de boodschappen gedaan en de vuilnisbak buiten gezet."));
            logbook.add(PERSON_FATIMA, new Logbook.NewEntry(Logbook.Kind.CONTACT, LocalDateTime.now().minusDays(3),
                    "Contactmoment in het buurthuis: samen de brieven van school gelezen."));
            // Arabic inside a Dutch note, so the isolation of right-to-left text is there to see on a real page
            logbook.add(PERSON_FATIMA, new Logbook.NewEntry(Logbook.Kind.CONTACT, LocalDateTime.now().minusDays(2),
                    "Fatima liet zien wat ze zelf had opgeschreven: " + FATIMA_OWN_WORDS
                            + " Dat betekent: ik wil de brieven van school zelf begrijpen."));
        });
    }
}
