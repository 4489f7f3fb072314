package org.samenkracht.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The versions of a plan and the side-by-side comparison of two of them. */
public final class PlanVersions {

    private PlanVersions() {
    }

    /** A version in the list: signed ones are kept as they were signed; the current draft has no date. */
    public record Entry(int versionNo, Instant signedAt, boolean current) {
        public java.time.LocalDate signedOn() {
            return signedAt == null ? null : signedAt.atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        }
    }

    /** Two versions side by side, goal by goal (matched on the goal, which keeps its id over versions). */
    public record Comparison(PlanView left, PlanView right, List<Row> rows) {
    }

    public record Row(String ownWordsLeft, String ownWordsRight, List<String> stepsLeft, List<String> stepsRight,
                      boolean changed) {
    }

    public static Comparison compare(PlanView left, PlanView right) {
        List<Row> rows = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        left.goals().forEach(g -> ids.add(g.id()));
        right.goals().stream().map(PlanView.Goal::id).filter(id -> !ids.contains(id)).forEach(ids::add);
        for (UUID id : ids) {
            PlanView.Goal l = find(left, id);
            PlanView.Goal r = find(right, id);
            List<String> ls = l == null ? List.of() : l.steps().stream().map(PlanVersions::line).toList();
            List<String> rs = r == null ? List.of() : r.steps().stream().map(PlanVersions::line).toList();
            String lw = l == null ? null : l.ownWords();
            String rw = r == null ? null : r.ownWords();
            rows.add(new Row(lw, rw, ls, rs, !Objects.equals(lw, rw) || !ls.equals(rs)));
        }
        return new Comparison(left, right, rows);
    }

    private static String line(PlanView.Step s) {
        return s.description() + (s.takerName() != null ? " — " + s.takerName() : s.provider() != null ? " — " + s.provider() : "");
    }

    private static PlanView.Goal find(PlanView plan, UUID id) {
        return plan.goals().stream().filter(g -> g.id().equals(id)).findFirst().orElse(null);
    }
}
