package org.samenkracht.exploration;

import org.junit.jupiter.api.Test;
import org.samenkracht.exploration.internal.InstrumentCatalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerRulesTest {

    private final Instrument self;
    private final Instrument reliance;

    AnswerRulesTest() throws Exception {
        InstrumentCatalogue catalogue = new InstrumentCatalogue();
        self = catalogue.find("qol-self", "1").orElseThrow();
        reliance = catalogue.find("self-reliance", "1").orElseThrow();
    }

    private static List<String> fields(List<AnswerRules.Problem> problems) {
        return problems.stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    @Test
    void a_draft_may_be_incomplete_but_a_completed_response_needs_every_required_answer() {
        Map<String, String> one = Map.of("qol.emotional.score", "3");
        assertThat(AnswerRules.check(self, one, false)).isEmpty();
        assertThat(fields(AnswerRules.check(self, one, true)))
                .hasSize(7).contains("qol.rights.score:exploration.answer.required")
                .doesNotContain("qol.emotional.score:exploration.answer.required");
    }

    @Test
    void out_of_range_unknown_and_non_numeric_answers_are_refused_even_in_a_draft() {
        Map<String, String> bad = Map.of("qol.emotional.score", "6", "qol.physical.score", "veel", "qol.nonsense", "1");
        assertThat(fields(AnswerRules.check(self, bad, false))).containsExactlyInAnyOrder(
                "qol.emotional.score:exploration.answer.outOfRange",
                "qol.physical.score:exploration.answer.notANumber",
                "qol.nonsense:exploration.answer.unknownItem");
    }

    @Test
    void an_over_long_text_is_refused() {
        assertThat(fields(AnswerRules.check(self, Map.of("qol.comment", "x".repeat(2001)), false)))
                .containsExactly("qol.comment:exploration.answer.tooLong");
        assertThat(AnswerRules.check(self, Map.of("qol.comment", "x".repeat(2000)), false)).isEmpty();
    }

    @Test
    void own_network_and_professional_shares_add_up_to_100_when_completed() {
        Map<String, String> answers = new HashMap<>();
        for (String d : List.of("living", "work", "learning", "recreation", "health", "self_care", "social", "meaning")) {
            answers.put("reliance." + d + ".score", "3");
        }
        answers.put("reliance.living.own", "50");
        answers.put("reliance.living.network", "30");
        assertThat(fields(AnswerRules.check(reliance, answers, true))).containsExactly("reliance.living:exploration.answer.sharesOf100");
        assertThat(AnswerRules.check(reliance, answers, false)).isEmpty();
        answers.put("reliance.living.professional", "20");
        assertThat(AnswerRules.check(reliance, answers, true)).isEmpty();
        answers.put("reliance.work.own", "101");
        assertThat(fields(AnswerRules.check(reliance, answers, false))).containsExactly("reliance.work.own:exploration.answer.outOfRange");
    }

    @Test
    void blank_answers_count_as_not_given() {
        Map<String, String> answers = new HashMap<>();
        answers.put("qol.emotional.score", "  ");
        assertThat(AnswerRules.normalise(answers)).isEmpty();
    }
}
