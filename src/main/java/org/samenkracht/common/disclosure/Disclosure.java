package org.samenkracht.common.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one gate of disclosure control: every figure of this module leaves through here, whatever the path (page,
 * chart, CSV, PDF, API), as {@link Shown} numbers that only this class makes. The rules:
 * <ul>
 *   <li><b>Primary</b>: an area whose count of people, or any cell, is 1 up to the threshold (default 5, so 1–4;
 *       an organisation setting from 3 to 10; a sensitive topic uses the sensitive threshold, up to 10) is held back.</li>
 *   <li><b>Disclosive zeros</b>: an area where everyone falls in one category ("0 of 12 have X" tells that all 12
 *       have not-X) is held back.</li>
 *   <li><b>Dominance</b> for magnitudes (hours): fewer contributors than the threshold, the largest contributor
 *       above 50 % or the two largest above 85 % of the total: held back.</li>
 *   <li><b>Secondary</b>: figures are computed for the whole tree of areas at once (neighbourhood, district,
 *       municipality), so an area is held back the same way in every view and every linked table. What counts is
 *       what stays <b>unknown</b> after subtracting every shown figure: a held-back area's <i>leftover</i> is the
 *       area minus the shown areas below it (reached through held-back areas). So a held-back district whose only
 *       held-back neighbourhood is all that is left of it is one unknown with it, not two; and a held-back area
 *       whose leftover is zero hides nothing, so it protects no sibling. Under a parent that shows, anything held
 *       back needs at least two held-back children with a leftover, and their leftovers together (the parent minus
 *       every shown figure below it) are no small group, have no small cell and no disclosive zero ("onthullende
 *       nul in de rest"); a held-back area that is not empty always keeps a leftover (all its children never show).
 *       Where that does not hold a further partner is held back: a shown sibling, else a shown area below a
 *       held-back sibling, else the parent. So the parent minus the others never gives a held-back area.</li>
 *   <li><b>Levels</b>: one geographic level and one time level per view, and every published count rounded to
 *       base 5 (a zero stays 0), so a year minus its months, or a district minus its neighbourhoods, never gives
 *       a small cell exactly. (The rounding can be turned off only to test the secondary suppression alone.)</li>
 * </ul>
 * Rows that linked tables hold back (the people counted in an area) are passed in, so they are held back here too.
 */
public final class Disclosure {

    /** What a held-back number shows as, in tables and exports. */
    public static final String MARK = "x";

    /** The organisation's thresholds: counts from 1 below these are held back. */
    public record Rules(int threshold, int sensitiveThreshold, boolean roundToFive) {
        public Rules(int threshold, int sensitiveThreshold) {
            this(threshold, sensitiveThreshold, true);
        }

        public Rules {
            if (threshold < 3 || threshold > 10) {
                throw new IllegalArgumentException("threshold must be 3 to 10");
            }
            if (sensitiveThreshold < threshold || sensitiveThreshold > 10) {
                throw new IllegalArgumentException("sensitive threshold must be from the threshold up to 10");
            }
        }

        public static Rules standard() {
            return new Rules(5, 10);
        }

        public int threshold(boolean sensitive) {
            return sensitive ? sensitiveThreshold : threshold;
        }
    }

    /** A magnitude of a leaf: the total (e.g. hours), how many contributed, and the two largest contributions. */
    public record Magnitude(double total, long contributors, double top1, double top2) {
        public static final Magnitude NONE = new Magnitude(0, 0, 0, 0);

        Magnitude plus(Magnitude o) {
            double[] tops = {top1, top2, o.top1, o.top2};
            java.util.Arrays.sort(tops);
            return new Magnitude(total + o.total, contributors + o.contributors, tops[3], tops[2]);
        }
    }

    /** One area's row of a published figure. */
    public record Row(String code, String name, Shown n, List<Shown> cells) {
        public boolean suppressed() {
            return n.isSuppressed() || cells.stream().anyMatch(Shown::isSuppressed);
        }
    }

    private final Rules rules;

    public Disclosure(Rules rules) {
        this.rules = rules;
    }

    public Rules rules() {
        return rules;
    }

    /**
     * A table of counts per area: for each neighbourhood the count per category (mutually exclusive, so the row's
     * sum is its count of people); {@code linked} names areas a linked table holds back.
     */
    public Protected counts(AreaTree tree, int categories, Map<String, long[]> leaves, Set<String> linked,
                            boolean sensitive) {
        int t = rules.threshold(sensitive);
        Map<String, long[]> values = sumUp(tree, categories, leaves);
        Set<String> held = new HashSet<>(linked);
        values.forEach((code, cells) -> {
            if (primary(cells, t)) {
                held.add(code);
            }
        });
        secondary(tree, held, t, code -> sum(values.get(code)), code -> nonZero(values.get(code)), values::get);
        return new Protected(tree, values, null, held, rules.roundToFive());
    }

    /** Primary suppression of one cell of counts: a small total, a small cell, or everyone in one category. */
    private static boolean primary(long[] cells, int t) {
        long n = sum(cells);
        boolean small = n >= 1 && n < t;
        boolean smallCell = false;
        boolean concentrated = false;
        for (long c : cells) {
            smallCell |= c >= 1 && c < t;
            concentrated |= cells.length >= 2 && n >= 1 && c == n;
        }
        return small || smallCell || concentrated;
    }

    /** The periods of one year as a tree: the year, its quarters and its months ("2026", "2026-Q1", "2026-01"). */
    public static AreaTree year(int year) {
        List<AreaTree.Area> periods = new ArrayList<>();
        String y = Integer.toString(year);
        periods.add(new AreaTree.Area(y, y, Level.MUNICIPALITY, null));
        for (int q = 1; q <= 4; q++) {
            String quarter = y + "-Q" + q;
            periods.add(new AreaTree.Area(quarter, quarter, Level.DISTRICT, y));
            for (int m = 3 * q - 2; m <= 3 * q; m++) {
                String month = y + "-" + (m < 10 ? "0" : "") + m;
                periods.add(new AreaTree.Area(month, month, Level.NEIGHBOURHOOD, quarter));
            }
        }
        return new AreaTree(periods);
    }

    /**
     * A table of counts per area <b>and</b> period, protected as one table: {@code leaves} holds per leaf period (a month)
     * the counts per neighbourhood; every period of the tree (months, quarters, the year) and every area (neighbourhoods,
     * districts, the municipality) is summed up, primary suppression applies to each cell, and secondary suppression runs
     * along both trees until nothing changes: a year minus its shown months, a quarter minus two months, a district minus
     * its neighbourhoods in some month never gives a held-back cell. {@code linked} names per period the areas a linked
     * table holds back. Returns the protected figure of each period.
     */
    public Map<String, Protected> countsOverTime(AreaTree tree, AreaTree periods, int categories,
                                                 Map<String, Map<String, long[]>> leaves, Map<String, Set<String>> linked,
                                                 boolean sensitive) {
        int t = rules.threshold(sensitive);
        Map<String, Map<String, long[]>> values = new HashMap<>();
        for (String p : periods.bottomUp()) {
            List<String> kids = periods.children(p);
            if (kids.isEmpty()) {
                values.put(p, sumUp(tree, categories, leaves.getOrDefault(p, Map.of())));
                continue;
            }
            Map<String, long[]> v = new HashMap<>();
            for (String a : tree.bottomUp()) {
                long[] cells = new long[categories];
                for (String k : kids) {
                    add(cells, values.get(k).get(a));
                }
                v.put(a, cells);
            }
            values.put(p, v);
        }
        Map<String, Set<String>> held = new HashMap<>();
        for (String p : periods.bottomUp()) {
            Set<String> h = new HashSet<>(linked.getOrDefault(p, Set.of()));
            values.get(p).forEach((a, cells) -> {
                if (primary(cells, t)) {
                    h.add(a);
                }
            });
            held.put(p, h);
        }
        joint(tree, periods, held, t, (p, a) -> sum(values.get(p).get(a)), (p, a) -> nonZero(values.get(p).get(a)),
                (p, a) -> values.get(p).get(a));
        Map<String, Protected> out = new HashMap<>();
        for (String p : periods.bottomUp()) {
            out.put(p, new Protected(tree, values.get(p), null, held.get(p), rules.roundToFive()));
        }
        return out;
    }

    /** Magnitudes per area and period under the dominance rule, protected as one table (as {@link #countsOverTime}). */
    public Map<String, Protected> magnitudesOverTime(AreaTree tree, AreaTree periods, Map<String, Map<String, Magnitude>> leaves,
                                                     Map<String, Set<String>> linked) {
        int t = rules.threshold(false);
        Map<String, Map<String, Magnitude>> values = new HashMap<>();
        for (String p : periods.bottomUp()) {
            List<String> kids = periods.children(p);
            Map<String, Magnitude> v = new HashMap<>();
            for (String a : tree.bottomUp()) {
                Magnitude m = Magnitude.NONE;
                if (kids.isEmpty()) {
                    m = leaves.getOrDefault(p, Map.of()).getOrDefault(a, Magnitude.NONE);
                    for (String child : tree.children(a)) {
                        m = m.plus(v.get(child));
                    }
                } else {
                    for (String k : kids) {
                        m = m.plus(values.get(k).get(a));
                    }
                }
                v.put(a, m);
            }
            values.put(p, v);
        }
        Map<String, Set<String>> held = new HashMap<>();
        for (String p : periods.bottomUp()) {
            Set<String> h = new HashSet<>(linked.getOrDefault(p, Set.of()));
            values.get(p).forEach((a, m) -> {
                if (dominated(m, t)) {
                    h.add(a);
                }
            });
            held.put(p, h);
        }
        joint(tree, periods, held, t, (p, a) -> values.get(p).get(a).contributors(),
                (p, a) -> values.get(p).get(a).contributors() > 0 ? 1 : 0, null);
        Map<String, Protected> out = new HashMap<>();
        for (String p : periods.bottomUp()) {
            Map<String, long[]> counts = new HashMap<>();
            Map<String, Double> totals = new HashMap<>();
            values.get(p).forEach((a, m) -> {
                counts.put(a, new long[]{m.contributors()});
                totals.put(a, m.total());
            });
            out.put(p, new Protected(tree, counts, totals, held.get(p), rules.roundToFive()));
        }
        return out;
    }

    private static boolean dominated(Magnitude m, int t) {
        boolean few = m.contributors() >= 1 && m.contributors() < t;
        boolean dominant = m.total() > 0 && (m.top1() > 0.5 * m.total() || m.top1() + m.top2() > 0.85 * m.total());
        return few || dominant;
    }

    /**
     * Secondary suppression over two trees at once (areas × periods): within each period along the areas, within each
     * area along the periods, again until neither adds a held-back cell.
     */
    private static void joint(AreaTree tree, AreaTree periods, Map<String, Set<String>> held, int t,
                              java.util.function.ToLongBiFunction<String, String> size,
                              java.util.function.ToIntBiFunction<String, String> mixed,
                              java.util.function.BiFunction<String, String, long[]> cells) {
        List<String> ps = periods.bottomUp();
        List<String> as = tree.bottomUp();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String p : ps) {
                Set<String> h = held.get(p);
                int before = h.size();
                secondary(tree, h, t, a -> size.applyAsLong(p, a), a -> mixed.applyAsInt(p, a),
                        cells == null ? null : a -> cells.apply(p, a));
                changed |= h.size() != before;
            }
            for (String a : as) {
                Set<String> hp = new HashSet<>();
                for (String p : ps) {
                    if (held.get(p).contains(a)) {
                        hp.add(p);
                    }
                }
                int before = hp.size();
                secondary(periods, hp, t, p -> size.applyAsLong(p, a), p -> mixed.applyAsInt(p, a),
                        cells == null ? null : p -> cells.apply(p, a));
                if (hp.size() != before) {
                    changed = true;
                    for (String p : hp) {
                        held.get(p).add(a);
                    }
                }
            }
        }
    }

    /** A magnitude per area (e.g. hours of support a week), under the dominance rule. */
    public Protected magnitudes(AreaTree tree, Map<String, Magnitude> leaves, Set<String> linked) {
        int t = rules.threshold(false);
        Map<String, Magnitude> values = new HashMap<>();
        for (String code : tree.bottomUp()) {
            Magnitude m = leaves.getOrDefault(code, Magnitude.NONE);
            for (String child : tree.children(code)) {
                m = m.plus(values.get(child));
            }
            values.put(code, m);
        }
        Set<String> held = new HashSet<>(linked);
        values.forEach((code, m) -> {
            if (dominated(m, t)) {
                held.add(code);
            }
        });
        secondary(tree, held, t, code -> values.get(code).contributors(), code -> values.get(code).contributors() > 0 ? 1 : 0, null);
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Double> totals = new HashMap<>();
        values.forEach((code, m) -> {
            counts.put(code, new long[]{m.contributors()});
            totals.put(code, m.total());
        });
        return new Protected(tree, counts, totals, held, rules.roundToFive());
    }

    /** A median (of days, of a change in score) over n people: shown only when n reaches the threshold and the area shows. */
    public Shown median(long n, Double median, boolean areaHeld, boolean sensitive) {
        if (areaHeld || median == null || n < rules.threshold(sensitive)) {
            return Shown.suppressed();
        }
        return Shown.of(median, false);
    }

    /**
     * Secondary suppression over the tree until nothing changes. What counts is what stays <b>unknown</b> to one who
     * subtracts every shown figure: a held-back area's leftover is the area minus its shown descendants (those reached
     * through held-back areas only), so a held-back district whose one held-back neighbourhood is all that is left of
     * it is one unknown with that neighbourhood, and a held-back area whose leftover is zero hides nothing and protects
     * no sibling. (1) A shown parent never has exactly one held-back child with a leftover (the parent minus the shown
     * figures would give it); (2) a held-back area that is not empty always keeps a leftover (it is never the sum of
     * shown figures); (3) the leftovers of the held-back children of a shown parent, taken together (the parent minus
     * every shown figure below it), are never a small group, in total or in any category, nor all in some categories
     * and none in another (that disclosive zero would hold for each of them). Where a rule does not hold, a further
     * partner is held back: a shown child first, else a shown figure below a held-back child, else the parent.
     */
    private static void secondary(AreaTree tree, Set<String> held, int t, java.util.function.ToLongFunction<String> size,
                                  java.util.function.ToIntFunction<String> mixed,
                                  java.util.function.Function<String, long[]> cells) {
        Comparator<String> partner = Comparator.<String>comparingInt(c -> -mixed.applyAsInt(c))
                .thenComparingLong(size::applyAsLong).thenComparing(c -> c);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String parent : tree.bottomUp()) {
                List<String> kids = tree.children(parent);
                if (kids.isEmpty()) {
                    continue;
                }
                List<String> shownKids = new ArrayList<>();
                List<String> parts = new ArrayList<>();     // held-back children with a leftover: the unknowns
                List<String> emptyHeld = new ArrayList<>(); // held-back children whose leftover is zero
                for (String k : kids) {
                    if (!held.contains(k)) {
                        shownKids.add(k);
                    } else if (unknownSize(tree, held, k, size) > 0) {
                        parts.add(k);
                    } else {
                        emptyHeld.add(k);
                    }
                }
                if (held.contains(parent)) {
                    // (2) a held-back area is not the sum of shown figures below it: it has a held-back child, and
                    // when it is not empty, one with a leftover; where the shown figures that give it away lie under a
                    // held-back child, that child (earlier, bottom-up) holds one back of its own. An empty area
                    // held back (by a linked table) holds back an empty child, so that its zero is not read off below.
                    boolean noneHeld = parts.isEmpty() && emptyHeld.isEmpty();
                    if (noneHeld || (parts.isEmpty() && size.applyAsLong(parent) > 0)) {
                        var candidate = shownKids.stream().filter(k -> size.applyAsLong(k) > 0).min(partner);
                        if (candidate.isEmpty() && noneHeld) {
                            candidate = shownKids.stream().min(partner);
                        }
                        if (candidate.isPresent()) {
                            held.add(candidate.get());
                            changed = true;
                        }
                    }
                    continue;
                }
                if (parts.isEmpty() && emptyHeld.isEmpty()) {
                    continue;  // nothing held back below a shown parent
                }
                if (parts.size() < 2) {
                    // (1) two unknowns with a leftover: a shown child with something in it, else a shown figure below
                    // a held-back child that is all known (an empty partner protects nothing where its zero is known
                    // from elsewhere: a month to come, a parent shown as 0); else the parent, equal to the one unknown
                    java.util.function.Predicate<String> nonEmpty = k -> size.applyAsLong(k) > 0;
                    held.add(partner(tree, held, shownKids, emptyHeld, nonEmpty, partner).orElse(parent));
                    changed = true;
                    continue;
                }
                // (3) the parent minus every shown figure below it gives the leftovers together
                List<String> below = new ArrayList<>(emptyHeld);
                below.addAll(parts);
                long together = 0;
                for (String k : parts) {
                    together += unknownSize(tree, held, k, size);
                }
                long[] sumCells = null;
                if (cells != null) {
                    for (String k : parts) {
                        long[] c = unknownCells(tree, held, k, cells);
                        sumCells = sumCells == null ? c : add(sumCells, c);
                    }
                }
                int smallColumn = -1;
                int zeroColumn = -1;
                if (sumCells != null) {
                    for (int col = 0; col < sumCells.length; col++) {
                        if (smallColumn < 0 && sumCells[col] >= 1 && sumCells[col] < t) {
                            smallColumn = col;
                        }
                        if (zeroColumn < 0 && sumCells.length >= 2 && together >= 1 && sumCells[col] == 0) {
                            zeroColumn = col;
                        }
                    }
                }
                if ((together >= 1 && together < t) || smallColumn >= 0) {
                    final int column = smallColumn;
                    java.util.function.Predicate<String> adds = k -> column < 0 ? size.applyAsLong(k) > 0 : cells.apply(k)[column] > 0;
                    held.add(partner(tree, held, shownKids, below, adds, partner).orElse(parent));
                    changed = true;
                    continue;
                }
                if (zeroColumn >= 0) {
                    final int column = zeroColumn;
                    Comparator<String> most = Comparator.<String>comparingLong(k -> -cells.apply(k)[column]).thenComparing(k -> k);
                    held.add(partner(tree, held, shownKids, below, k -> cells.apply(k)[column] > 0, most).orElse(parent));
                    changed = true;
                }
            }
        }
    }

    /**
     * A further partner to hold back: the best shown child that passes {@code fits}, else the best shown figure below
     * the given held-back children (holding it back adds to what stays unknown of them).
     */
    private static java.util.Optional<String> partner(AreaTree tree, Set<String> held, List<String> shownKids,
                                                      List<String> heldKids, java.util.function.Predicate<String> fits,
                                                      Comparator<String> best) {
        var kid = shownKids.stream().filter(fits).min(best);
        if (kid.isPresent()) {
            return kid;
        }
        List<String> below = new ArrayList<>();
        for (String k : heldKids) {
            shownBelow(tree, held, k, below);
        }
        return below.stream().filter(fits).min(best);
    }

    /** The shown areas below a held-back area that are reached through held-back areas only: what can be subtracted. */
    private static void shownBelow(AreaTree tree, Set<String> held, String code, List<String> out) {
        for (String k : tree.children(code)) {
            if (held.contains(k)) {
                shownBelow(tree, held, k, out);
            } else {
                out.add(k);
            }
        }
    }

    /** What stays unknown of a held-back area: its size minus that of every shown area below it (its leftover). */
    private static long unknownSize(AreaTree tree, Set<String> held, String code, java.util.function.ToLongFunction<String> size) {
        long left = size.applyAsLong(code);
        List<String> below = new ArrayList<>();
        shownBelow(tree, held, code, below);
        for (String s : below) {
            left -= size.applyAsLong(s);
        }
        return left;
    }

    /** The leftover of a held-back area per category: its cells minus those of every shown area below it. */
    private static long[] unknownCells(AreaTree tree, Set<String> held, String code, java.util.function.Function<String, long[]> cells) {
        long[] left = cells.apply(code).clone();
        List<String> below = new ArrayList<>();
        shownBelow(tree, held, code, below);
        for (String s : below) {
            long[] c = cells.apply(s);
            for (int i = 0; i < left.length; i++) {
                left[i] -= c[i];
            }
        }
        return left;
    }

    private static long[] add(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        return a;
    }

    private static Map<String, long[]> sumUp(AreaTree tree, int categories, Map<String, long[]> leaves) {
        Map<String, long[]> values = new HashMap<>();
        for (String code : tree.bottomUp()) {
            long[] cells = new long[categories];
            long[] own = leaves.get(code);
            if (own != null) {
                if (own.length != categories) {
                    throw new IllegalArgumentException("row of " + code + " has " + own.length + " cells, not " + categories);
                }
                for (int i = 0; i < categories; i++) {
                    if (own[i] < 0) {
                        throw new IllegalArgumentException("negative count for " + code);
                    }
                    cells[i] += own[i];
                }
            }
            for (String child : tree.children(code)) {
                long[] c = values.get(child);
                for (int i = 0; i < categories; i++) {
                    cells[i] += c[i];
                }
            }
            values.put(code, cells);
        }
        return values;
    }

    static long sum(long[] cells) {
        long s = 0;
        for (long c : cells) {
            s += c;
        }
        return s;
    }

    private static int nonZero(long[] cells) {
        int k = 0;
        for (long c : cells) {
            if (c > 0) {
                k++;
            }
        }
        return k;
    }

    /**
     * A share in percent of a published row: cell over n, from the published (rounded) numbers only, so it tells
     * nothing the row does not; held back with the row.
     */
    public static Shown percent(Row row, int cell) {
        Shown k = row.cells().get(cell);
        if (k.isSuppressed() || row.n().isSuppressed() || row.n().value() == 0) {
            return Shown.suppressed();
        }
        return Shown.of(Math.round(1000.0 * k.value() / row.n().value()) / 10.0, k.rounded());
    }

    static double roundTo5(double v) {
        return Math.floor(v / 5.0 + 0.5) * 5.0;
    }

    /** A figure protected over the whole tree of areas; a view shows one level of it. */
    public static final class Protected {
        private final AreaTree tree;
        private final Map<String, long[]> values;
        private final Map<String, Double> totals;
        private final Set<String> held;
        private final boolean round;

        private Protected(AreaTree tree, Map<String, long[]> values, Map<String, Double> totals, Set<String> held,
                          boolean round) {
            this.tree = tree;
            this.values = values;
            this.totals = totals;
            this.held = Set.copyOf(held);
            this.round = round;
        }

        /** The areas held back (to pass on to linked tables). */
        public Set<String> held() {
            return held;
        }

        public boolean isHeld(String code) {
            return held.contains(code);
        }

        /** The rows of one level: n and the cells (for magnitudes the one cell is the total). */
        public List<Row> view(Level level) {
            return tree.at(level).stream().map(a -> row(a.code())).toList();
        }

        public Row row(String code) {
            AreaTree.Area a = tree.area(code);
            if (held.contains(code)) {
                int k = totals != null ? 1 : values.get(code).length;
                return new Row(code, a.name(), Shown.suppressed(), java.util.Collections.nCopies(k, Shown.suppressed()));
            }
            long[] cells = values.get(code);
            Shown n = Shown.of(round ? roundTo5(sum(cells)) : sum(cells), round);
            List<Shown> shown = new ArrayList<>();
            if (totals != null) {
                double total = totals.get(code);
                shown.add(Shown.of(round ? roundTo5(total) : total, round));
            } else {
                for (long c : cells) {
                    shown.add(Shown.of(round ? roundTo5(c) : c, round));
                }
            }
            return new Row(code, a.name(), n, shown);
        }
    }
}
