package org.samenkracht.deliberation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps and questions of each method and what must be there before the next move (seed 003, P1
 * and L13). Answers are keyed by question; a question belongs to one step of one method. Rules answer
 * with a message key when they refuse, so pages and API say the same thing.
 */
public final class DeliberationRules {

    private DeliberationRules() {
    }

    /** A step of a method and its questions, in order. */
    public record Step(String key, List<String> questions) {
    }

    /** The gps (L13 a, c, d, e, f). The values table and the actions are kept apart from these answers. */
    static final List<Step> GPS = List.of(
            new Step("clarify", List.of("gutReaction", "knot", "keyQuestion", "consultWhom", "consultWhy")),
            new Step("breadth", List.of("facts", "suspicions", "involved", "conflictKind", "expectations", "supportAll")),
            new Step("height", List.of("laws", "codes", "rights", "margin")),
            new Step("depth", List.of("goodRightUnacceptable", "sociallyJust")),
            new Step("decision", List.of("decisiveArguments", "desirable", "feasible")));

    /** The ten-step dilemma method. */
    static final List<Step> DILEMMA_METHOD = List.of(
            new Step("agreements", List.of("confidentialityAgreements")),
            new Step("case", List.of("casePresented", "clarifyingQuestions")),
            new Step("dilemma", List.of("keyQuestion", "options")),
            new Step("breadth", List.of("facts", "suspicions", "involved", "conflictKind")),
            new Step("height", List.of("laws", "codes", "rights")),
            new Step("depth", List.of("goodRightUnacceptable")),
            new Step("arguments", List.of("argumentsFor", "argumentsAgainst")),
            new Step("weighing", List.of("decisiveArguments", "desirable", "feasible")),
            new Step("decision", List.of("decisionNote")),
            new Step("evaluation", List.of("sessionEvaluation")));

    /** The Socratic conversation (L13 e, l.986–998): understanding, no decision. */
    static final List<Step> SOCRATIC = List.of(
            new Step("question", List.of("centralQuestion")),
            new Step("example", List.of("experience")),
            new Step("statements", List.of("statements", "yesAnd")),
            new Step("understanding", List.of("understanding")));

    /** Kinds of conflict the breadth asks about (l.894–897). */
    public enum ConflictKind { LOYALTY, ROLE, INTEREST, VALUE }

    /** The values seed 003 names for the depth (l.967–968); others may be typed. */
    public static final List<String> VALUES = List.of("truthfulness", "integrity", "safety", "trust", "autonomy", "health");

    public static List<Step> steps(Method method) {
        return switch (method) {
            case GPS -> GPS;
            case DILEMMA_METHOD -> DILEMMA_METHOD;
            case SOCRATIC -> SOCRATIC;
        };
    }

    /** Every question key of every method (to pick the answers out of a posted form). */
    public static java.util.Set<String> allQuestions() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (Method m : Method.values()) {
            steps(m).forEach(s -> all.addAll(s.questions()));
        }
        return all;
    }

    public static Optional<String> stepOf(Method method, String question) {
        return steps(method).stream().filter(s -> s.questions().contains(question)).map(Step::key).findFirst();
    }

    /** Refusal as a field and a message key; empty when allowed. */
    public record Refusal(String field, String messageKey) {
    }

    /** Answers may be given to the method's own questions; the dilemma method starts with the agreements. */
    public static Optional<Refusal> mayAnswer(Method method, boolean decided, boolean closed, Map<String, String> current,
                                              Map<String, String> given) {
        if (closed) {
            return Optional.of(new Refusal("answers", "deliberation.refused.closed"));
        }
        for (String key : given.keySet()) {
            Optional<String> step = stepOf(method, key);
            if (step.isEmpty()) {
                return Optional.of(new Refusal(key, "deliberation.refused.notAQuestion"));
            }
            if (decided && !step.get().equals("evaluation")) {
                return Optional.of(new Refusal(key, "deliberation.refused.decided"));
            }
        }
        if (method == Method.DILEMMA_METHOD) {
            Map<String, String> after = merged(current, given);
            boolean agreed = filled(after, "confidentialityAgreements");
            boolean other = given.keySet().stream().anyMatch(k -> !k.equals("confidentialityAgreements") && filled(given, k));
            if (other && !agreed) {
                return Optional.of(new Refusal("confidentialityAgreements", "deliberation.refused.agreementsFirst"));
            }
        }
        return Optional.empty();
    }

    /**
     * A decision needs the work done: the key question, the facts, a norm, values in tension (two rows at
     * least) and the decisive arguments. A Socratic conversation ends without a decision.
     */
    public static Optional<Refusal> mayDecide(Method method, boolean decided, Map<String, String> answers, int values,
                                              String decision) {
        if (method == Method.SOCRATIC) {
            return Optional.of(new Refusal("decision", "deliberation.refused.socraticNoDecision"));
        }
        if (decided) {
            return Optional.of(new Refusal("decision", "deliberation.refused.decided"));
        }
        if (method == Method.DILEMMA_METHOD && !filled(answers, "confidentialityAgreements")) {
            return Optional.of(new Refusal("confidentialityAgreements", "deliberation.refused.agreementsFirst"));
        }
        for (String needed : List.of("keyQuestion", "facts", "decisiveArguments")) {
            if (!filled(answers, needed)) {
                return Optional.of(new Refusal(needed, "deliberation.refused.needed." + needed));
            }
        }
        if (!filled(answers, "laws") && !filled(answers, "codes") && !filled(answers, "rights")) {
            return Optional.of(new Refusal("laws", "deliberation.refused.needed.norm"));
        }
        if (values < 2) {
            return Optional.of(new Refusal("values", "deliberation.refused.needed.values"));
        }
        if (decision == null || decision.isBlank()) {
            return Optional.of(new Refusal("decision", "validation.required"));
        }
        return Optional.empty();
    }

    /** An action follows a decision and has an evaluation date ahead. */
    public static Optional<Refusal> mayAddAction(boolean decided, LocalDate evaluateOn, LocalDate today) {
        if (!decided) {
            return Optional.of(new Refusal("description", "deliberation.refused.decideFirst"));
        }
        if (evaluateOn == null) {
            return Optional.of(new Refusal("evaluateOn", "validation.required"));
        }
        return evaluateOn.isAfter(today) ? Optional.empty()
                : Optional.of(new Refusal("evaluateOn", "deliberation.refused.evaluateAhead"));
    }

    /**
     * Closing: the gps and the dilemma method close after a decision with at least one action; the
     * dilemma method also needs the session evaluated; a Socratic conversation needs its understanding.
     */
    public static Optional<Refusal> mayClose(Method method, boolean decided, boolean closed, Map<String, String> answers,
                                             int actions) {
        if (closed) {
            return Optional.of(new Refusal("answers", "deliberation.refused.closed"));
        }
        if (method == Method.SOCRATIC) {
            return filled(answers, "understanding") ? Optional.empty()
                    : Optional.of(new Refusal("understanding", "deliberation.refused.needed.understanding"));
        }
        if (!decided) {
            return Optional.of(new Refusal("decision", "deliberation.refused.decideFirst"));
        }
        if (actions == 0) {
            return Optional.of(new Refusal("description", "deliberation.refused.needed.action"));
        }
        if (method == Method.DILEMMA_METHOD && !filled(answers, "sessionEvaluation")) {
            return Optional.of(new Refusal("sessionEvaluation", "deliberation.refused.needed.sessionEvaluation"));
        }
        return Optional.empty();
    }

    /** How far the work is: per step, whether all its questions have an answer. */
    public static Map<String, Boolean> progress(Method method, Map<String, String> answers) {
        Map<String, Boolean> done = new LinkedHashMap<>();
        for (Step s : steps(method)) {
            done.put(s.key(), s.questions().stream().allMatch(q -> filled(answers, q)));
        }
        return done;
    }

    static Map<String, String> merged(Map<String, String> current, Map<String, String> given) {
        Map<String, String> m = new LinkedHashMap<>(current);
        given.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                m.remove(k);
            } else {
                m.put(k, v.strip());
            }
        });
        return m;
    }

    static boolean filled(Map<String, String> answers, String key) {
        String v = answers.get(key);
        return v != null && !v.isBlank();
    }
}
