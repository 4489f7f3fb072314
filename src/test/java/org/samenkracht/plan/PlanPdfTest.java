package org.samenkracht.plan;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.pdf.PdfText;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The printed plan: its steps inside out (own strength, network, general facilities, volunteers,
 * professionals) whatever order they were added in, and what people wrote in Arabic printed as joined
 * Arabic letters in an embedded font, never as '#'.
 */
@SamenkrachtTest
class PlanPdfTest {

    static final String OWN = "أغسل ملابسي بنفسي";
    static final String NETWORK = "Ria kookt op vrijdag";
    static final String GENERAL = "Kookclub in het buurthuis";
    static final String VOLUNTEER = "Maatje Karim wandelt mee";
    static final String PROFESSIONAL = "Sanne houdt de regie";

    @Autowired MockMvc mvc;
    @Autowired Plans plans;
    @Autowired Persons persons;
    @Autowired Wishes wishes;
    @Autowired Network network;
    @Autowired Accounts accounts;

    @Test
    void the_printed_plan_lists_steps_inside_out_and_prints_arabic_joined_in_an_embedded_font() throws Exception {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID person = persons.register(new RegisterPerson("فاطمة", "Test", LocalDate.of(1985, 3, 1), "", "", "", "", "", ""));
            UUID wish = wishes.add(person, new Wishes.AddWish("Zelf mijn huishouden doen.", "CONVERSATION"));
            UUID ria = network.add(person, new AddNetworkMember("Ria (buurvrouw)", NetworkMember.Relation.NEIGHBOUR,
                    Layer.NETWORK, Set.of(NetworkMember.SupportKind.PRACTICAL)));
            UUID karim = network.add(person, new AddNetworkMember("Karim (maatje)", NetworkMember.Relation.VOLUNTEER,
                    Layer.VOLUNTEER, Set.of(NetworkMember.SupportKind.PRACTICAL)));
            plans.start(person);
            UUID goal = plans.addGoal(person, new PlanCommands.AddGoal(wish, "Een schoon huis.", null, "Elke week schoon.",
                    "SHORT", null, null, version(person)));
            // added from the outside in: the print must turn them round
            plans.addStep(person, new PlanCommands.AddStep(goal, PROFESSIONAL, "PROFESSIONAL", null, PROFESSIONAL_SANNE,
                    null, Intensity.SUPPORT, null, null, version(person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, VOLUNTEER, "NETWORK", karim, null, null,
                    Intensity.SUPPORT, null, null, version(person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, GENERAL, "GENERAL_FACILITY", null, null,
                    "Buurthuis De Kroon", Intensity.SUPPORT, null, null, version(person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, NETWORK, "NETWORK", ria, null, null,
                    Intensity.SUPPORT, null, null, version(person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, OWN + ".", "PERSON", null, null, null,
                    Intensity.SUPPORT, null, null, version(person)));
            assertThat(plans.current(person).orElseThrow().goals().get(0).steps()).extracting(PlanView.Step::layer)
                    .as("the steps as stored, outside in").containsExactly(Layer.INDIVIDUAL_PROFESSIONAL, Layer.VOLUNTEER,
                            Layer.GENERAL_COLLECTIVE, Layer.NETWORK, Layer.OWN_STRENGTH);
            id.set(person);
        });

        byte[] bytes = mvc.perform(get("/api/v1/persons/" + id.get() + "/plan/pdf").with(httpBasic("sanne", PASSWORD))
                .header("Accept-Language", "nl")).andReturn().getResponse().getContentAsByteArray();
        PdfText pdf = PdfText.of(bytes);
        String words = pdf.words();
        List<Integer> at = List.of(words.indexOf("ملابسي"), words.indexOf(NETWORK), words.indexOf(GENERAL),
                words.indexOf(VOLUNTEER), words.indexOf(PROFESSIONAL));
        assertThat(at).as("own strength, network, general, volunteer, professional in: " + words)
                .doesNotContain(-1).isSorted();

        assertThat(words).contains("فاطمة").doesNotContain("#");
        assertThat(pdf.arabicShaped()).as("Arabic drawn as joined letters").isTrue();
        assertThat(pdf.fonts()).isNotEmpty().allMatch(f -> f.isEmbedded(), "embedded");
    }

    /** A goal with more steps than a page holds: its table breaks between rows, the header above every part. */
    @Test
    void a_long_step_table_repeats_its_header_and_never_leaves_it_alone_at_the_foot_of_a_page() throws Exception {
        String header = "Wie doet het";
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID person = persons.register(new RegisterPerson("Noor", "Test", LocalDate.of(1985, 3, 1), "", "", "", "", "", ""));
            UUID wish = wishes.add(person, new Wishes.AddWish("Alles zelf regelen.", "CONVERSATION"));
            plans.start(person);
            UUID goal = plans.addGoal(person, new PlanCommands.AddGoal(wish, "Alles zelf regelen.", null, "Elke dag iets.",
                    "SHORT", null, null, version(person)));
            for (int n = 1; n <= 70; n++) {
                plans.addStep(person, new PlanCommands.AddStep(goal, "Stapje " + n + " zelf doen.", "PERSON", null, null,
                        null, Intensity.SUPPORT, null, null, version(person)));
            }
            id.set(person);
        });
        byte[] bytes = mvc.perform(get("/api/v1/persons/" + id.get() + "/plan/pdf").with(httpBasic("sanne", PASSWORD))
                .header("Accept-Language", "nl")).andReturn().getResponse().getContentAsByteArray();
        List<String> pages = PdfText.pageTexts(bytes);
        int withSteps = 0;
        for (int p = 0; p < pages.size(); p++) {
            String page = pages.get(p);
            boolean steps = page.contains("Stapje ");
            if (steps) {
                withSteps++;
                assertThat(page).as("page " + (p + 1) + " with steps shows the table's header").contains(header);
            }
            if (page.contains(header)) {
                assertThat(steps).as("the header on page " + (p + 1) + " has steps under it").isTrue();
            }
        }
        assertThat(withSteps).as("pages the table runs over").isGreaterThanOrEqualTo(2);
        assertThat(String.join(" ", pages)).contains("Stapje 1 zelf doen.", "Stapje 70 zelf doen.");
    }

    private int version(UUID person) {
        return plans.current(person).orElseThrow().version();
    }
}
