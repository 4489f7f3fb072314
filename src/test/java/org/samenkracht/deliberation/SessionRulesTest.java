package org.samenkracht.deliberation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SessionRulesTest {

    static final List<String> ADVICE = List.of("je moet", "heb je al geprobeerd", "you should");

    @Test
    void the_incident_method_takes_seventy_minutes_in_seven_rounds() {
        assertThat(SessionRules.totalMinutes(SessionRules.Kind.INTERVISION)).isEqualTo(70);
        assertThat(SessionRules.rounds(SessionRules.Kind.INTERVISION)).hasSize(7)
                .extracting(SessionRules.Round::key).containsSubsequence("questions", "advice");
    }

    @Test
    void no_advice_in_the_question_round_of_intervision() {
        assertThat(SessionRules.mayRecordRound(SessionRules.Kind.INTERVISION, "questions",
                "Wat zei ze precies? Heb je al geprobeerd haar zus te bellen?", ADVICE, true, false))
                .contains("session.refused.noAdviceYet");
        assertThat(SessionRules.mayRecordRound(SessionRules.Kind.INTERVISION, "questions",
                "Wat zei ze precies?\n- Hoe reageerde je?", ADVICE, true, false)).isEmpty();
        // In the advice round advice is what is asked for.
        assertThat(SessionRules.mayRecordRound(SessionRules.Kind.INTERVISION, "advice", "Je moet haar zus erbij halen.",
                ADVICE, true, false)).isEmpty();
        // Coaching has no such round.
        assertThat(SessionRules.mayRecordRound(SessionRules.Kind.COACHING, "questions", "x", ADVICE, true, false))
                .contains("session.refused.notARound");
    }

    @Test
    void rounds_go_in_order_and_a_session_closes_with_lessons() {
        assertThat(SessionRules.mayRecordRound(SessionRules.Kind.INTERVISION, "advice", "x", ADVICE, false, false))
                .contains("session.refused.inOrder");
        assertThat(SessionRules.mayRecordRound(SessionRules.Kind.INTERVISION, "advice", "x", ADVICE, true, true))
                .contains("session.refused.closed");
        assertThat(SessionRules.mayClose(false, "les", false)).contains("session.refused.roundsOpen");
        assertThat(SessionRules.mayClose(true, " ", false)).contains("session.refused.lessonsNeeded");
        assertThat(SessionRules.mayClose(true, "les", false)).isEmpty();
    }
}
