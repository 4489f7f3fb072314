package org.samenkracht.signals;

import java.util.ArrayList;
import java.util.List;

/**
 * The urgency and question-clarification scheme of the Twente neighbourhood networks (seed 001, §3.3):
 * nature (safety, health, well-being, each 0 no risk / 1 moderate / 2 severe), extent (scored once: an
 * individual 0, more people 1, someone under 18 or over 75: 2) and duration (incidental 0, structural
 * under half a year 1, longer 2). The total, 0 to 10, is a thermometer beside the professional's own
 * judgement; it suggests an action on the report and one toward the reporter.
 */
public final class UrgencyScheme {

    private UrgencyScheme() {
    }

    public enum Extent {
        INDIVIDUAL(0), MORE_PEOPLE(1), UNDER_18(2), OVER_75(2);
        final int points;

        Extent(int points) {
            this.points = points;
        }
    }

    public enum Duration {
        INCIDENTAL(0), STRUCTURAL_SHORT(1), STRUCTURAL_LONG(2);
        final int points;

        Duration(int points) {
            this.points = points;
        }
    }

    /** What the scheme suggests to do about the report. */
    public enum ReportAction { NONE, WEIGH_WITH_TEAM, ACTIVE_TOWARD_SERVICES, CHECK_HELP_PRESENT, ACUTE_HELP }

    /** What the scheme suggests toward the reporter: information, advice and support, plus feedback above 6. */
    public enum ReporterAction { INFORMATION_ADVICE_SUPPORT, FEEDBACK_ON_ACTION }

    public record Scores(int safety, int health, int wellbeing, Extent extent, Duration duration) {
        public Scores {
            check("safety", safety);
            check("health", health);
            check("wellbeing", wellbeing);
            if (extent == null || duration == null) {
                throw new IllegalArgumentException(extent == null ? "extent" : "duration");
            }
        }

        private static void check(String item, int v) {
            if (v < 0 || v > 2) {
                throw new IllegalArgumentException(item + " must be 0, 1 or 2");
            }
        }

        public int total() {
            return safety + health + wellbeing + extent.points + duration.points;
        }
    }

    public record Suggestion(int total, DeadlineKind kind, List<ReportAction> onReport, List<ReporterAction> towardReporter) {
    }

    /**
     * The suggestion for a total. The source names &lt;5, &gt;6 and 10; 5 and 6 have no stated action
     * (a gap in the source), so Samenkracht suggests weighing them with the team (targeted consultation).
     */
    public static Suggestion suggest(Scores scores) {
        int total = scores.total();
        List<ReportAction> report = new ArrayList<>();
        List<ReporterAction> reporter = new ArrayList<>(List.of(ReporterAction.INFORMATION_ADVICE_SUPPORT));
        DeadlineKind kind;
        if (total >= 10) {
            report.add(ReportAction.ACUTE_HELP);
            kind = DeadlineKind.ACUTE;
        } else if (total > 6) {
            report.add(ReportAction.ACTIVE_TOWARD_SERVICES);
            report.add(ReportAction.CHECK_HELP_PRESENT);
            kind = DeadlineKind.URGENT;
        } else if (total >= 5) {
            report.add(ReportAction.WEIGH_WITH_TEAM);
            kind = DeadlineKind.REGULAR;
        } else {
            report.add(ReportAction.NONE);
            kind = DeadlineKind.WEAK;
        }
        if (total > 6) {
            reporter.add(ReporterAction.FEEDBACK_ON_ACTION);
        }
        return new Suggestion(total, kind, List.copyOf(report), List.copyOf(reporter));
    }
}
