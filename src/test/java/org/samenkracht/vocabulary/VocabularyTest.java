package org.samenkracht.vocabulary;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one vocabulary: every constant has both labels, former names still read, the circles hold. */
class VocabularyTest {

    @Test
    void every_constant_has_a_dutch_and_an_english_label() throws Exception {
        for (String bundle : List.of("messages/vocabulary.properties", "messages/vocabulary_en.properties")) {
            Properties p = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (LifeDomain d : LifeDomain.values()) {
                assertThat(p.getProperty(d.labelKey())).as(bundle + " " + d).isNotBlank();
            }
            for (Layer l : Layer.values()) {
                assertThat(p.getProperty(l.labelKey())).as(bundle + " " + l).isNotBlank();
            }
            for (Intensity i : Intensity.values()) {
                assertThat(p.getProperty(i.labelKey())).as(bundle + " " + i).isNotBlank();
            }
            assertThat(p).hasSize(LifeDomain.values().length + Layer.values().length + Intensity.values().length);
        }
    }

    @Test
    void former_names_read_as_the_shared_constants() {
        assertThat(Layer.of("NATURAL")).isEqualTo(Layer.NETWORK);
        assertThat(Layer.of("COMMUNITY")).isEqualTo(Layer.GENERAL_COLLECTIVE);
        assertThat(Layer.of("GENERAL")).isEqualTo(Layer.GENERAL_COLLECTIVE);
        assertThat(Layer.of("PROFESSIONAL")).isEqualTo(Layer.INDIVIDUAL_PROFESSIONAL);
        assertThat(Intensity.of("STEUN")).isEqualTo(Intensity.SUPPORT);
        assertThat(Intensity.of("overname")).isEqualTo(Intensity.TAKEOVER);
        assertThat(LifeDomain.of("RELATIONSHIPS")).isEqualTo(LifeDomain.INTERPERSONAL_RELATIONS);
        assertThat(LifeDomain.of("RELATIONS")).isEqualTo(LifeDomain.INTERPERSONAL_RELATIONS);
        assertThatThrownBy(() -> Layer.of("ELSEWHERE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifeDomain.of("HAPPINESS")).isInstanceOf(IllegalArgumentException.class);
    }

    record Snapshot(Layer layer, Intensity intensity, List<LifeDomain> domains) {
    }

    @Test
    void a_plan_signed_before_the_one_vocabulary_still_reads() {
        var mapper = JsonMapper.builder().build();
        Snapshot s = mapper.readValue("{\"layer\":\"GENERAL\",\"intensity\":\"ZORG\",\"domains\":[\"RELATIONSHIPS\",\"RIGHTS\"]}",
                Snapshot.class);
        assertThat(s).isEqualTo(new Snapshot(Layer.GENERAL_COLLECTIVE, Intensity.CARE,
                List.of(LifeDomain.INTERPERSONAL_RELATIONS, LifeDomain.RIGHTS)));
        assertThat(mapper.writeValueAsString(s)).contains("\"GENERAL_COLLECTIVE\"", "\"CARE\"", "\"INTERPERSONAL_RELATIONS\"");
    }

    @Test
    void volunteers_share_the_third_circle_and_only_outer_layers_are_offers() {
        assertThat(Layer.VOLUNTEER.circle()).isEqualTo(Layer.GENERAL_COLLECTIVE.circle());
        assertThat(Layer.INDIVIDUAL_PROFESSIONAL.below()).containsExactly(Layer.OWN_STRENGTH, Layer.NETWORK, Layer.GENERAL_COLLECTIVE);
        assertThat(Layer.VOLUNTEER.below()).containsExactly(Layer.OWN_STRENGTH, Layer.NETWORK);
        assertThat(Layer.forOffers()).allMatch(Layer::isOfferLayer);
        assertThat(Layer.forNetworkMembers()).doesNotContain(Layer.OWN_STRENGTH);
    }
}
