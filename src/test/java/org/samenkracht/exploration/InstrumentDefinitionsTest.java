package org.samenkracht.exploration;

import org.junit.jupiter.api.Test;
import org.samenkracht.exploration.internal.InstrumentCatalogue;
import org.samenkracht.exploration.internal.InstrumentParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped instrument definitions validate, and broken ones are refused naming file and fault. */
class InstrumentDefinitionsTest {

    /** The quality-of-life groups are coded with the shared life domains, in the instruments' own order. */
    private static final String QOL = List.of("EMOTIONAL_WELLBEING", "PHYSICAL_WELLBEING", "MATERIAL_WELLBEING",
            "INTERPERSONAL_RELATIONS", "SOCIAL_INCLUSION", "PERSONAL_DEVELOPMENT", "SELF_DETERMINATION", "RIGHTS").toString();
    private static final String LIFE = List.of("LIVING", "WORK", "LEARNING", "RECREATION", "HEALTH", "SELF_CARE",
            "SOCIAL", "MEANING").toString();

    private final InstrumentCatalogue catalogue = catalogue();

    private static InstrumentCatalogue catalogue() {
        try {
            return new InstrumentCatalogue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instrument get(String id) {
        return catalogue.find(id, "1").orElseThrow();
    }

    private static String domains(Instrument i) {
        return i.groups().stream().map(Instrument.Item::domainCode).toList().toString();
    }

    @Test
    void the_assessment_grid_has_the_8_quality_of_life_domains_by_4_columns() {
        Instrument grid = get("assessment-grid");
        assertThat(domains(grid)).isEqualTo(QOL);
        assertThat(grid.groups()).allSatisfy(g -> assertThat(g.items()).hasSize(4));
        assertThat(grid.answerItems()).hasSize(32).allSatisfy(i -> assertThat(i.type()).isEqualTo(Instrument.ItemType.TEXT));
        assertThat(grid.answerItems().stream().filter(Instrument.Item::gathersWish)).hasSize(8);
        assertThat(grid.respondent()).isEqualTo(Instrument.Respondent.TEAM);
    }

    @Test
    void the_personal_profile_has_8_life_domains_by_3_and_asks_which_wishes_matter_most() {
        Instrument profile = get("personal-profile");
        assertThat(domains(profile)).isEqualTo(LIFE);
        assertThat(profile.groups()).allSatisfy(g -> assertThat(g.items()).hasSize(3));
        Instrument.Item last = profile.items().get(profile.items().size() - 1);
        assertThat(last.isGroup()).isFalse();
        assertThat(last.gathersWish()).isTrue();
        assertThat(last.text().nl()).contains("wensen").contains("belangrijkst");
    }

    @Test
    void the_quality_of_life_self_assessment_comes_in_a_self_and_an_other_version_on_the_same_domains() {
        Instrument self = get("qol-self");
        Instrument other = get("qol-other");
        assertThat(self.respondent()).isEqualTo(Instrument.Respondent.PERSON);
        assertThat(other.respondent()).isEqualTo(Instrument.Respondent.OTHER);
        assertThat(domains(self)).isEqualTo(QOL).isEqualTo(domains(other));
        assertThat(self.groups()).allSatisfy(g -> {
            Instrument.Item score = g.items().get(0);
            assertThat(score.required()).isTrue();
            assertThat(score.lowest()).isEqualTo(1);
            assertThat(score.highest()).isEqualTo(5);
        });
    }

    @Test
    void the_self_reliance_scale_runs_from_1_to_5_with_own_network_and_professional_shares() {
        Instrument reliance = get("self-reliance");
        assertThat(domains(reliance)).isEqualTo(LIFE);
        assertThat(reliance.groups()).allSatisfy(g -> {
            assertThat(g.sharesOf100()).isTrue();
            assertThat(g.items()).extracting(i -> i.linkId().substring(i.linkId().lastIndexOf('.') + 1))
                    .containsExactly("score", "own", "network", "professional");
            assertThat(g.items().get(0).option(1).orElseThrow().label().nl()).isEqualTo("Acuut probleem");
            assertThat(g.items().get(0).option(5).orElseThrow().label().en()).isEqualTo("Fully self-reliant");
        });
    }

    @Test
    void every_label_has_dutch_and_english() {
        for (Instrument i : catalogue.current()) {
            assertThat(i.title().nl()).isNotBlank();
            assertThat(i.title().en()).isNotBlank().isNotEqualTo(i.title().nl());
            assertThat(i.answerItems()).allSatisfy(item -> {
                assertThat(item.text().nl()).isNotBlank();
                assertThat(item.text().en()).isNotBlank();
            });
        }
    }

    @Test
    void a_broken_definition_is_refused_naming_the_file_and_the_fault() throws Exception {
        String good = Files.readString(Path.of("src/main/resources/instruments/qol-self.v1.json"));
        String file = "instruments/qol-self.v1.json";

        assertThatThrownBy(() -> InstrumentParser.parse(file, "{ not json"))
                .isInstanceOf(InvalidInstrumentDefinition.class).hasMessageContaining(file).hasMessageContaining("not readable JSON");
        assertThatThrownBy(() -> InstrumentParser.parse(file, good.replace("\"resourceType\": \"Questionnaire\"", "\"resourceType\": \"Patient\"")))
                .hasMessageContaining(file).hasMessageContaining("resourceType");
        assertThatThrownBy(() -> InstrumentParser.parse(file, good.replace("\"linkId\": \"qol.rights.score\"", "\"linkId\": \"qol.emotional.score\"")))
                .hasMessageContaining("qol.emotional.score").hasMessageContaining("used twice");
        assertThatThrownBy(() -> InstrumentParser.parse(file, good.replace("\"valueString\": \"How satisfied are you with this?\"", "\"valueString\": \"\"")))
                .hasMessageContaining("qol.emotional.score").hasMessageContaining("English");
        assertThatThrownBy(() -> InstrumentParser.parse(file, good.replace("\"type\": \"integer\"", "\"type\": \"slider\"")))
                .hasMessageContaining("slider").hasMessageContaining("not supported");
        assertThatThrownBy(() -> InstrumentParser.parse(file, good.replace("\"code\": \"RIGHTS\"", "\"code\": \"HAPPINESS\"")))
                .hasMessageContaining(file).hasMessageContaining("HAPPINESS").hasMessageContaining("life domains");
        assertThatThrownBy(() -> InstrumentParser.parse("instruments/qol-self.v2.json", good))
                .hasMessageContaining("instruments/qol-self.v2.json").hasMessageContaining("file name must be qol-self.v1.json");
    }

    @Test
    void a_broken_file_on_the_classpath_stops_the_start_up_with_a_message_naming_it() throws Exception {
        Path dir = Files.createTempDirectory("instruments");
        Files.writeString(dir.resolve("qol-self.v1.json"), "{\"resourceType\": \"Questionnaire\"}");
        var resource = new org.springframework.core.io.FileSystemResource(dir.resolve("qol-self.v1.json"));
        var constructor = InstrumentCatalogue.class.getDeclaredConstructor(org.springframework.core.io.Resource[].class);
        constructor.setAccessible(true);
        assertThatThrownBy(() -> {
            try {
                constructor.newInstance((Object) new org.springframework.core.io.Resource[]{resource});
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }).isInstanceOf(InvalidInstrumentDefinition.class)
                .hasMessage("Instrument definition instruments/qol-self.v1.json is invalid: missing \"id\"");
        var analysis = new org.samenkracht.exploration.internal.InvalidInstrumentFailureAnalyzer()
                .analyze(new IllegalStateException(new InvalidInstrumentDefinition("instruments/x.v1.json", "has no items")));
        assertThat(analysis.getDescription()).contains("instruments/x.v1.json").contains("has no items");
    }
}
