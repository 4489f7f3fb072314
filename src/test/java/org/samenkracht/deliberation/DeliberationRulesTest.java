package org.samenkracht.deliberation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeliberationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static Map<String, String> worked() {
        Map<String, String> a = new HashMap<>();
        a.put("keyQuestion", "Zwijgen of een stap naar buiten?");
        a.put("facts", "Ze zegt dat hij haar slaat.");
        a.put("laws", "Beroepsgeheim");
        a.put("decisiveArguments", "Geen acuut gevaar.");
        return a;
    }

    static String refusal(Optional<DeliberationRules.Refusal> r) {
        return r.map(DeliberationRules.Refusal::messageKey).orElse(null);
    }

    @Test
    void the_gps_has_the_five_moves_of_the_seed_with_facts_and_suspicions_apart() {
        assertThat(DeliberationRules.steps(Method.GPS)).extracting(DeliberationRules.Step::key)
                .containsExactly("clarify", "breadth", "height", "depth", "decision");
        assertThat(DeliberationRules.stepOf(Method.GPS, "facts")).contains("breadth");
        assertThat(DeliberationRules.stepOf(Method.GPS, "suspicions")).contains("breadth");
        assertThat(DeliberationRules.steps(Method.DILEMMA_METHOD)).hasSize(10);
        assertThat(DeliberationRules.steps(Method.DILEMMA_METHOD).get(0).questions()).containsExactly("confidentialityAgreements");
        assertThat(DeliberationRules.steps(Method.DILEMMA_METHOD).get(9).questions()).containsExactly("sessionEvaluation");
    }

    @Test
    void only_the_methods_own_questions_can_be_answered() {
        assertThat(refusal(DeliberationRules.mayAnswer(Method.GPS, false, false, Map.of(), Map.of("facts", "x")))).isNull();
        assertThat(refusal(DeliberationRules.mayAnswer(Method.GPS, false, false, Map.of(), Map.of("understanding", "x"))))
                .isEqualTo("deliberation.refused.notAQuestion");
        assertThat(refusal(DeliberationRules.mayAnswer(Method.GPS, false, true, Map.of(), Map.of("facts", "x"))))
                .isEqualTo("deliberation.refused.closed");
        assertThat(refusal(DeliberationRules.mayAnswer(Method.GPS, true, false, Map.of(), Map.of("facts", "x"))))
                .isEqualTo("deliberation.refused.decided");
    }

    @Test
    void the_dilemma_method_starts_with_confidentiality_agreements() {
        assertThat(refusal(DeliberationRules.mayAnswer(Method.DILEMMA_METHOD, false, false, Map.of(), Map.of("facts", "x"))))
                .isEqualTo("deliberation.refused.agreementsFirst");
        assertThat(refusal(DeliberationRules.mayAnswer(Method.DILEMMA_METHOD, false, false, Map.of(),
                Map.of("confidentialityAgreements", "Wat hier gezegd wordt blijft hier", "facts", "x")))).isNull();
        assertThat(refusal(DeliberationRules.mayAnswer(Method.DILEMMA_METHOD, false, false,
                Map.of("confidentialityAgreements", "ja"), Map.of("facts", "x")))).isNull();
        // Clearing the agreements while answering on is refused too.
        assertThat(refusal(DeliberationRules.mayAnswer(Method.DILEMMA_METHOD, false, false,
                Map.of("confidentialityAgreements", "ja"), Map.of("confidentialityAgreements", "", "facts", "x"))))
                .isEqualTo("deliberation.refused.agreementsFirst");
        // After the decision, the session can still be evaluated.
        assertThat(refusal(DeliberationRules.mayAnswer(Method.DILEMMA_METHOD, true, false,
                Map.of("confidentialityAgreements", "ja"), Map.of("sessionEvaluation", "goed")))).isNull();
    }

    @Test
    void a_decision_needs_key_question_facts_a_norm_values_in_tension_and_decisive_arguments() {
        assertThat(refusal(DeliberationRules.mayDecide(Method.GPS, false, worked(), 2, "Geen stap naar buiten"))).isNull();
        for (String missing : List.of("keyQuestion", "facts", "decisiveArguments")) {
            Map<String, String> a = worked();
            a.remove(missing);
            assertThat(refusal(DeliberationRules.mayDecide(Method.GPS, false, a, 2, "x")))
                    .isEqualTo("deliberation.refused.needed." + missing);
        }
        Map<String, String> noNorm = worked();
        noNorm.remove("laws");
        assertThat(refusal(DeliberationRules.mayDecide(Method.GPS, false, noNorm, 2, "x"))).isEqualTo("deliberation.refused.needed.norm");
        noNorm.put("rights", "Rechten van het kind");
        assertThat(refusal(DeliberationRules.mayDecide(Method.GPS, false, noNorm, 2, "x"))).isNull();
        assertThat(refusal(DeliberationRules.mayDecide(Method.GPS, false, worked(), 1, "x"))).isEqualTo("deliberation.refused.needed.values");
        assertThat(refusal(DeliberationRules.mayDecide(Method.GPS, false, worked(), 2, " "))).isEqualTo("validation.required");
        assertThat(refusal(DeliberationRules.mayDecide(Method.GPS, true, worked(), 2, "x"))).isEqualTo("deliberation.refused.decided");
    }

    @Test
    void a_socratic_conversation_never_decides_and_closes_on_understanding() {
        assertThat(refusal(DeliberationRules.mayDecide(Method.SOCRATIC, false, worked(), 5, "x")))
                .isEqualTo("deliberation.refused.socraticNoDecision");
        assertThat(refusal(DeliberationRules.mayClose(Method.SOCRATIC, false, false, Map.of(), 0)))
                .isEqualTo("deliberation.refused.needed.understanding");
        assertThat(refusal(DeliberationRules.mayClose(Method.SOCRATIC, false, false, Map.of("understanding", "meer begrip"), 0))).isNull();
    }

    @Test
    void actions_follow_the_decision_and_are_evaluated_after_today() {
        assertThat(refusal(DeliberationRules.mayAddAction(false, TODAY.plusDays(1), TODAY))).isEqualTo("deliberation.refused.decideFirst");
        assertThat(refusal(DeliberationRules.mayAddAction(true, TODAY, TODAY))).isEqualTo("deliberation.refused.evaluateAhead");
        assertThat(refusal(DeliberationRules.mayAddAction(true, null, TODAY))).isEqualTo("validation.required");
        assertThat(refusal(DeliberationRules.mayAddAction(true, TODAY.plusDays(1), TODAY))).isNull();
    }

    @Test
    void closing_needs_the_decision_an_action_and_for_the_dilemma_method_the_session_evaluation() {
        assertThat(refusal(DeliberationRules.mayClose(Method.GPS, false, false, worked(), 0))).isEqualTo("deliberation.refused.decideFirst");
        assertThat(refusal(DeliberationRules.mayClose(Method.GPS, true, false, worked(), 0))).isEqualTo("deliberation.refused.needed.action");
        assertThat(refusal(DeliberationRules.mayClose(Method.GPS, true, false, worked(), 1))).isNull();
        assertThat(refusal(DeliberationRules.mayClose(Method.DILEMMA_METHOD, true, false, worked(), 1)))
                .isEqualTo("deliberation.refused.needed.sessionEvaluation");
        Map<String, String> evaluated = worked();
        evaluated.put("sessionEvaluation", "Goed gesprek");
        assertThat(refusal(DeliberationRules.mayClose(Method.DILEMMA_METHOD, true, false, evaluated, 1))).isNull();
        assertThat(refusal(DeliberationRules.mayClose(Method.GPS, true, true, worked(), 1))).isEqualTo("deliberation.refused.closed");
    }

    @Test
    void progress_shows_each_step_done_when_all_its_questions_have_an_answer() {
        Map<String, Boolean> p = DeliberationRules.progress(Method.GPS, Map.of("laws", "a", "codes", "b", "rights", "c", "margin", "d"));
        assertThat(p).containsEntry("height", true).containsEntry("clarify", false);
    }
}
