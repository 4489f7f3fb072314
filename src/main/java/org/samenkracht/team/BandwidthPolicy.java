package org.samenkracht.team;

/**
 * Caseload as bandwidth: each person counts one point, plus what their support weighs (see
 * {@link CaseloadWeight}); the sum is set against the points per professional the team agreed.
 * Above 100% the worker is over their bandwidth; from 85% it is tight.
 */
public final class BandwidthPolicy {

    private BandwidthPolicy() {
    }

    public enum Level { ROOM, TIGHT, OVER }

    public static final double BASE_PER_PERSON = 1.0;

    public static int percent(double points, double bandwidth) {
        return bandwidth <= 0 ? 0 : (int) Math.round(points * 100 / bandwidth);
    }

    public static Level level(double points, double bandwidth) {
        int p = percent(points, bandwidth);
        return p > 100 ? Level.OVER : p >= 85 ? Level.TIGHT : Level.ROOM;
    }

    /** Plan complexity: a quarter point per step, half a point per goal beyond the first, at most 3. */
    public static double planComplexity(int goals, int steps) {
        return Math.min(3.0, Math.max(0, goals - 1) * 0.5 + steps * 0.25);
    }

    /** Network load: one point per member with a load warning, at most 2. */
    public static double networkLoad(int warnings) {
        return Math.min(2.0, warnings);
    }

    /** An evaluation due or overdue: one point, one and a half when more than 30 days overdue. */
    public static double evaluationDue(long daysOverdue) {
        return daysOverdue > 30 ? 1.5 : 1.0;
    }
}
