package org.samenkracht.deliberation;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Coaching and intervision sessions. Intervision follows the incident method: seven timeboxed rounds
 * of about seventy minutes in all, in which the question round asks only to understand (no advice yet).
 */
public final class SessionRules {

    private SessionRules() {
    }

    public enum Kind { INTERVISION, COACHING }

    /** A round and its timebox in minutes. */
    public record Round(String key, int minutes) {
    }

    /** The incident method: 5 + 10 + 15 + 10 + 15 + 10 + 5 = 70 minutes. */
    static final List<Round> INCIDENT_METHOD = List.of(new Round("introduction", 5), new Round("incident", 10),
            new Round("questions", 15), new Round("problem", 10), new Round("advice", 15), new Round("reflection", 10),
            new Round("evaluation", 5));

    static final List<Round> COACHING = List.of(new Round("question", 15), new Round("exploration", 25),
            new Round("agreements", 15), new Round("evaluation", 5));

    public static List<Round> rounds(Kind kind) {
        return kind == Kind.INTERVISION ? INCIDENT_METHOD : COACHING;
    }

    public static int totalMinutes(Kind kind) {
        return rounds(kind).stream().mapToInt(Round::minutes).sum();
    }

    /** In the question round of intervision no advice yet: a note that reads as advice is refused. */
    public static Optional<String> mayRecordRound(Kind kind, String round, String notes, Collection<String> advicePhrases,
                                                  boolean earlierRoundsDone, boolean closed) {
        if (closed) {
            return Optional.of("session.refused.closed");
        }
        if (rounds(kind).stream().noneMatch(r -> r.key().equals(round))) {
            return Optional.of("session.refused.notARound");
        }
        if (!earlierRoundsDone) {
            return Optional.of("session.refused.inOrder");
        }
        if (kind == Kind.INTERVISION && round.equals("questions") && readsAsAdvice(notes, advicePhrases)) {
            return Optional.of("session.refused.noAdviceYet");
        }
        return Optional.empty();
    }

    /** Whether a line of the notes starts like advice ("you should", "have you tried", …). */
    public static boolean readsAsAdvice(String notes, Collection<String> advicePhrases) {
        if (notes == null) {
            return false;
        }
        for (String line : notes.toLowerCase(Locale.ROOT).split("[\\n.?!;]+")) {
            String l = line.strip().replaceFirst("^[-*•\\d.)\\s]+", "");
            for (String phrase : advicePhrases) {
                String p = phrase.strip().toLowerCase(Locale.ROOT);
                if (!p.isEmpty() && l.startsWith(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Closing keeps the lessons: required, and every round done. */
    public static Optional<String> mayClose(boolean allRoundsDone, String lessons, boolean closed) {
        if (closed) {
            return Optional.of("session.refused.closed");
        }
        if (!allRoundsDone) {
            return Optional.of("session.refused.roundsOpen");
        }
        return lessons == null || lessons.isBlank() ? Optional.of("session.refused.lessonsNeeded") : Optional.empty();
    }
}
