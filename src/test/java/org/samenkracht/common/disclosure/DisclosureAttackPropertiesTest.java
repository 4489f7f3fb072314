package org.samenkracht.common.disclosure;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differencing attacks on what {@link Disclosure} publishes. The attacker sees every published number at every level
 * (neighbourhoods, districts, the municipality; the people counted and a linked table of categories) and solves for
 * the held-back ones by searching all tables of whole numbers that agree with everything shown. A leak is a small
 * count (1 to 4) or an "everyone in one category" that every agreeing table shares.
 */
class DisclosureAttackPropertiesTest {

    static final int T = 5;
    static final int BOUND = 14;  // the attacker may assume no neighbourhood cell above this (values are drawn up to 12)

    record Scenario(List<Integer> districtSizes, int categories, List<Integer> values) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Integer>> sizes = Arbitraries.integers().between(1, 3).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Integer> cats = Arbitraries.integers().between(2, 3);
        // small values on purpose, often below the threshold, sometimes zero
        Arbitrary<List<Integer>> values = Arbitraries.integers().between(0, 12).edgeCases(e -> e.add(0).add(1).add(4).add(5))
                .list().ofSize(27);
        return Combinators.combine(sizes, cats, values).as(Scenario::new)
                .filter(s -> s.districtSizes().stream().mapToInt(i -> i).sum() * s.categories() <= 18);
    }

    @Property(tries = 300)
    void no_differencing_across_levels_and_linked_tables_pins_a_small_cell(@ForAll("scenarios") Scenario s) {
        Disclosure d = new Disclosure(new Disclosure.Rules(T, 10, false));  // exact: the secondary suppression alone must hold
        List<String> leaves = new ArrayList<>();
        AreaTree tree = municipality(s.districtSizes(), leaves);
        int c = s.categories();
        Map<String, long[]> cells = new HashMap<>();
        Map<String, long[]> people = new HashMap<>();
        int k = 0;
        for (String leaf : leaves) {
            long[] row = new long[c];
            for (int j = 0; j < c; j++) {
                row[j] = s.values().get(k++);
            }
            cells.put(leaf, row);
            people.put(leaf, new long[]{Disclosure.sum(row)});
        }
        var base = d.counts(tree, 1, people, Set.of(), false);
        var table = d.counts(tree, c, cells, base.held(), false);

        Attack attack = new Attack(tree, leaves, c, cells);
        for (AreaTree.Area a : tree.all()) {
            var n = base.row(a.code()).n();
            if (!n.isSuppressed()) {
                attack.knownTotal(a.code(), n.value().longValue());
            }
            var row = table.row(a.code());
            for (int j = 0; j < c; j++) {
                if (!row.cells().get(j).isSuppressed()) {
                    attack.knownCell(a.code(), j, row.cells().get(j).value().longValue());
                }
            }
        }
        List<String> leaks = new ArrayList<>();
        for (AreaTree.Area a : tree.all()) {
            long[] truth = attack.truth(a.code());
            long n = Disclosure.sum(truth);
            for (int j = 0; j < c; j++) {
                final int col = j;
                if (truth[j] >= 1 && truth[j] < T && attack.determined(a.code(), sol -> sol[col])) {
                    leaks.add(a.code() + " cell " + j + " = " + truth[j]);
                }
                if (n >= 1 && truth[j] == n && attack.determined(a.code(), sol -> Disclosure.sum(sol) == sol[col] ? 1 : 0)) {
                    leaks.add(a.code() + " everyone in category " + j);
                }
            }
            if (n >= 1 && n < T && attack.determined(a.code(), Disclosure::sum)) {
                leaks.add(a.code() + " people = " + n);
            }
        }
        assertThat(leaks).as("held-back numbers the attacker worked out, in %s", s).isEmpty();
    }

    /**
     * Found by the property above (seed -3832200127988765569, try 9400 of 25 000; shrunk): WK0 holds back BU01 (0 of 5
     * in category 0) beside the shown BU00 (0 of 0) and BU02 (5 and 5); WK1 is its one neighbourhood BU10 (0 and 1).
     * Both districts are held back, and together they are 5 and 11: no disclosive zero. But the municipality minus what
     * is shown below it (BU00, BU02) is BU01 plus BU10 = 0 and 6: a zero in the leftover, so both are all in category
     * 1. The secondary suppression must look at what stays unknown, not at the held-back districts as a whole.
     */
    @Example
    void a_disclosive_zero_in_what_is_left_after_the_shown_neighbourhoods_is_not_published() {
        no_differencing_across_levels_and_linked_tables_pins_a_small_cell(scenario(List.of(3, 1), 0, 0, 0, 5, 5, 5, 0, 1));
    }

    /**
     * The same leak the other way round, found by the property with seed 42 at try 212 of the usual 300 (shrunk):
     * WK0 is its one neighbourhood BU00 (0 and 1); WK1 holds back BU10 (0 of 5) beside the shown BU11 (5 and 5). The
     * municipality minus BU11 is BU00 plus BU10 = 0 and 6.
     */
    @Example
    void a_disclosive_zero_in_the_leftover_when_the_one_neighbourhood_district_comes_first() {
        no_differencing_across_levels_and_linked_tables_pins_a_small_cell(scenario(List.of(1, 2), 0, 1, 0, 5, 5, 5));
    }

    /** A scenario with these first neighbourhood cells, the rest zero. */
    private static Scenario scenario(List<Integer> districtSizes, Integer... first) {
        List<Integer> values = new ArrayList<>(List.of(first));
        while (values.size() < 27) {
            values.add(0);
        }
        return new Scenario(districtSizes, 2, values);
    }

    /**
     * A year minus its months, a quarter minus two months: months, quarters and the year are protected as one tree
     * through the same gate (secondary suppression over the periods) and rounded to base 5; a small month is never
     * pinned. The attacker cannot tell a small held-back number from a large one held back beside it.
     */
    @Property(tries = 300)
    void a_year_minus_its_months_never_pins_a_small_month(
            @ForAll("months") List<Integer> months, @ForAll @IntRange(min = 0, max = 11) int target) {
        Disclosure d = new Disclosure(new Disclosure.Rules(T, 10));
        int truth = months.get(target);
        if (truth < 1 || truth >= T) {
            return;
        }
        List<AreaTree.Area> periods = new ArrayList<>();
        periods.add(new AreaTree.Area("Y", "Y", Level.MUNICIPALITY, null));
        Map<String, long[]> leaves = new HashMap<>();
        for (int q = 0; q < 4; q++) {
            periods.add(new AreaTree.Area("Q" + q, "Q", Level.DISTRICT, "Y"));
            for (int m = 3 * q; m < 3 * q + 3; m++) {
                periods.add(new AreaTree.Area("M" + m, "M", Level.NEIGHBOURHOOD, "Q" + q));
                leaves.put("M" + m, new long[]{months.get(m)});
            }
        }
        var p = d.counts(new AreaTree(periods), 1, leaves, Set.of(), false);
        List<Set<Integer>> monthCan = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            monthCan.add(possible(p.row("M" + m).n()));
        }
        List<Set<Integer>> quarterCan = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            quarterCan.add(possible(p.row("Q" + q).n()));
        }
        Set<Integer> yearCan = possible(p.row("Y").n());

        // The target month can have v when some choice of every month (each within what is shown of it), every quarter
        // and the year agrees with v. Only the target's quarter depends on v: what the three other quarters can add up
        // to, and so which totals of the target's quarter still leave the year possible, is worked out once.
        int targetQuarter = target / 3;
        Set<Integer> others = Set.of(0);
        for (int q = 0; q < 4; q++) {
            if (q != targetQuarter) {
                Set<Integer> qs = sums(sums(monthCan.get(3 * q), monthCan.get(3 * q + 1)), monthCan.get(3 * q + 2));
                qs.retainAll(quarterCan.get(q));
                others = sums(others, qs);
            }
        }
        Set<Integer> quarterLeavesYear = new HashSet<>();
        for (int y : yearCan) {
            for (int o : others) {
                if (y >= o) {
                    quarterLeavesYear.add(y - o);
                }
            }
        }
        Set<Integer> restOfQuarter = Set.of(0);
        for (int m = 3 * targetQuarter; m < 3 * targetQuarter + 3; m++) {
            if (m != target) {
                restOfQuarter = sums(restOfQuarter, monthCan.get(m));
            }
        }
        Set<Integer> targetCan = new TreeSet<>();
        for (int v : monthCan.get(target)) {
            for (int rest : restOfQuarter) {
                if (quarterCan.get(targetQuarter).contains(v + rest) && quarterLeavesYear.contains(v + rest)) {
                    targetCan.add(v);
                    break;
                }
            }
        }
        assertThat(targetCan).as("values month %d (truly %d) can have, of %s", target, truth, months).hasSizeGreaterThan(1);
    }

    record AreaTimeScenario(List<Integer> districtSizes, List<Integer> values) {
    }

    @Provide
    Arbitrary<AreaTimeScenario> areaTime() {
        Arbitrary<List<Integer>> sizes = Arbitraries.integers().between(1, 2).list().ofMinSize(1).ofMaxSize(2);
        // a month is mostly empty or small (a year of one-person months), sometimes large
        Arbitrary<Integer> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(0)), net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 4)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(5, 12)));
        return Combinators.combine(sizes, value.list().ofSize(48)).as(AreaTimeScenario::new);
    }

    /**
     * Areas × periods together: the attacker sees every published count of every view, every level (neighbourhood,
     * district, municipality) at every time level (month, quarter, year) of one year, and works out each held-back cell
     * as far as the linear equations and the bounds (no negative counts) allow. A leak is a small count (1 to 4) that
     * is pinned exactly, in any area and any period. Exact counts (no rounding), so the suppression alone must hold.
     */
    @Property(tries = 200)
    void no_view_of_another_level_or_period_pins_a_small_cell(@ForAll("areaTime") AreaTimeScenario s) {
        Disclosure d = new Disclosure(new Disclosure.Rules(T, 10, false));
        List<String> leaves = new ArrayList<>();
        AreaTree tree = municipality(s.districtSizes(), leaves);
        AreaTree periods = Disclosure.year(2026);
        List<String> months = periods.leavesUnder("2026");
        Map<String, Map<String, long[]>> data = new HashMap<>();
        long[][] truth = new long[leaves.size()][months.size()];
        for (int a = 0; a < leaves.size(); a++) {
            for (int m = 0; m < months.size(); m++) {
                truth[a][m] = s.values().get(a * 12 + m);
                data.computeIfAbsent(months.get(m), k -> new HashMap<>()).put(leaves.get(a), new long[]{truth[a][m]});
            }
        }
        Map<String, Disclosure.Protected> published = d.countsOverTime(tree, periods, 1, data, Map.of(), false);

        // every cell of every view is a node; the attacker knows each shown one (a rounded count stands for r-2..r+2,
        // at least the threshold; a zero is exact) and that a parent is the sum of its children along either tree
        List<String> nodes = new ArrayList<>();
        Map<String, long[]> bounds = new HashMap<>();
        Map<String, Long> truthOf = new HashMap<>();
        for (AreaTree.Area p : periods.all()) {
            for (AreaTree.Area a : tree.all()) {
                String key = p.code() + "|" + a.code();
                nodes.add(key);
                long value = 0;
                for (String leaf : tree.leavesUnder(a.code())) {
                    for (String month : periods.leavesUnder(p.code())) {
                        value += truth[leaves.indexOf(leaf)][months.indexOf(month)];
                    }
                }
                truthOf.put(key, value);
                Shown n = published.get(p.code()).row(a.code()).n();
                if (n.isSuppressed()) {
                    bounds.put(key, new long[]{0, 10_000});
                } else if (!n.rounded() || n.value() == 0) {
                    bounds.put(key, new long[]{n.value().longValue(), n.value().longValue()});
                } else {
                    bounds.put(key, new long[]{Math.max(T, n.value().longValue() - 2), n.value().longValue() + 2});
                }
            }
        }
        List<List<String>> sums = new ArrayList<>();  // [parent, child...]
        for (AreaTree.Area p : periods.all()) {
            for (AreaTree.Area a : tree.all()) {
                if (!tree.children(a.code()).isEmpty()) {
                    List<String> eq = new ArrayList<>(List.of(p.code() + "|" + a.code()));
                    tree.children(a.code()).forEach(k -> eq.add(p.code() + "|" + k));
                    sums.add(eq);
                }
                if (!periods.children(p.code()).isEmpty()) {
                    List<String> eq = new ArrayList<>(List.of(p.code() + "|" + a.code()));
                    periods.children(p.code()).forEach(k -> eq.add(k + "|" + a.code()));
                    sums.add(eq);
                }
            }
        }
        for (boolean tightened = true; tightened; ) {
            tightened = false;
            for (List<String> eq : sums) {
                long[] parent = bounds.get(eq.get(0));
                long kidsLo = 0;
                long kidsHi = 0;
                for (String k : eq.subList(1, eq.size())) {
                    kidsLo += bounds.get(k)[0];
                    kidsHi += bounds.get(k)[1];
                }
                tightened |= tighten(parent, kidsLo, kidsHi);
                for (String k : eq.subList(1, eq.size())) {
                    long[] b = bounds.get(k);
                    tightened |= tighten(b, parent[0] - (kidsHi - b[1]), parent[1] - (kidsLo - b[0]));
                }
            }
        }
        List<String> leaks = new ArrayList<>();
        for (String key : nodes) {
            long value = truthOf.get(key);
            long[] b = bounds.get(key);
            if (value >= 1 && value < T && b[0] == b[1]) {
                leaks.add(key + " = " + value);
            }
        }
        assertThat(leaks).as("held-back small cells the attacker pinned, in %s", s).isEmpty();
    }

    private static boolean tighten(long[] b, long lo, long hi) {
        boolean changed = false;
        if (lo > b[0]) {
            b[0] = lo;
            changed = true;
        }
        if (hi < b[1]) {
            b[1] = hi;
            changed = true;
        }
        return changed;
    }

    private static double[] indicator(AreaTree tree, AreaTree periods, List<String> leaves, List<String> months,
                                      String area, String period, int vars) {
        double[] row = new double[vars];
        for (String leaf : tree.leavesUnder(area)) {
            for (String month : periods.leavesUnder(period)) {
                row[leaves.indexOf(leaf) * 12 + months.indexOf(month)] = 1;
            }
        }
        return row;
    }

    /** Whether the target is a linear combination of the shown rows (then its value follows by differencing). */
    private static boolean inRowSpace(List<double[]> rows, double[] target) {
        int vars = target.length;
        List<double[]> basis = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        for (double[] r : rows) {
            double[] x = reduce(r.clone(), basis, pivots);
            int pivot = firstNonZero(x);
            if (pivot >= 0) {
                double f = x[pivot];
                for (int v = 0; v < vars; v++) {
                    x[v] /= f;
                }
                basis.add(x);
                pivots.add(pivot);
            }
        }
        return firstNonZero(reduce(target.clone(), basis, pivots)) < 0;
    }

    private static double[] reduce(double[] x, List<double[]> basis, List<Integer> pivots) {
        for (int b = 0; b < basis.size(); b++) {
            double f = x[pivots.get(b)];
            if (Math.abs(f) > 1e-9) {
                for (int v = 0; v < x.length; v++) {
                    x[v] -= f * basis.get(b)[v];
                }
            }
        }
        return x;
    }

    private static int firstNonZero(double[] x) {
        for (int v = 0; v < x.length; v++) {
            if (Math.abs(x[v]) > 1e-9) {
                return v;
            }
        }
        return -1;
    }

    @Provide
    Arbitrary<List<Integer>> months() {
        return Arbitraries.integers().between(0, 14).edgeCases(e -> e.add(0).add(1).add(5)).list().ofSize(12);
    }

    /** The values a published number can stand for: a rounded value ±2 that was not held back, or anything up to 14·12 when held back. */
    private static Set<Integer> possible(Shown shown) {
        Set<Integer> can = new HashSet<>();
        if (shown.isSuppressed()) {
            for (int v = 0; v <= 14 * 12; v++) {
                can.add(v);
            }
            return can;
        }
        int r = shown.value().intValue();
        for (int v = Math.max(0, r - 2); v <= r + 2; v++) {
            if (v == 0 || v >= T) {
                can.add(v);
            }
        }
        return can;
    }

    private static Set<Integer> sums(Set<Integer> a, Set<Integer> b) {
        Set<Integer> out = new HashSet<>();
        for (int x : a) {
            for (int y : b) {
                out.add(x + y);
            }
        }
        return out;
    }

    /** The attacker: unknown neighbourhood cells, equations from every shown number, whole numbers 0..BOUND. */
    static final class Attack {
        private final AreaTree tree;
        private final List<String> leaves;
        private final int c;
        private final Map<String, long[]> truth;
        private final List<long[]> equations = new ArrayList<>();  // [target, var...]: a row per equation; vars as indexes
        private final List<int[]> eqVars = new ArrayList<>();

        Attack(AreaTree tree, List<String> leaves, int c, Map<String, long[]> truth) {
            this.tree = tree;
            this.leaves = leaves;
            this.c = c;
            this.truth = truth;
        }

        private List<String> leavesUnder(String code) {
            List<String> out = new ArrayList<>();
            if (tree.children(code).isEmpty()) {
                out.add(code);
            }
            for (String child : tree.children(code)) {
                out.addAll(leavesUnder(child));
            }
            return out;
        }

        private int var(String leaf, int col) {
            return leaves.indexOf(leaf) * c + col;
        }

        void knownCell(String code, int col, long value) {
            eqVars.add(leavesUnder(code).stream().mapToInt(l -> var(l, col)).toArray());
            equations.add(new long[]{value});
        }

        void knownTotal(String code, long value) {
            List<Integer> vars = new ArrayList<>();
            for (String l : leavesUnder(code)) {
                for (int j = 0; j < c; j++) {
                    vars.add(var(l, j));
                }
            }
            eqVars.add(vars.stream().mapToInt(i -> i).toArray());
            equations.add(new long[]{value});
        }

        long[] truth(String code) {
            long[] sum = new long[c];
            for (String l : leavesUnder(code)) {
                for (int j = 0; j < c; j++) {
                    sum[j] += truth.get(l)[j];
                }
            }
            return sum;
        }

        /** True when every table agreeing with what is shown gives the same value of f over the area's cells. */
        boolean determined(String code, java.util.function.ToLongFunction<long[]> f) {
            long want = f.applyAsLong(truth(code));
            int vars = leaves.size() * c;
            // the last variable of each equation, so it is checked as soon as it is complete
            last = new int[equations.size()];
            target = new long[equations.size()];
            sum = new long[equations.size()];
            List<List<Integer>> having = new ArrayList<>();
            for (int v = 0; v < vars; v++) {
                having.add(new ArrayList<>());
            }
            for (int e = 0; e < equations.size(); e++) {
                last[e] = java.util.Arrays.stream(eqVars.get(e)).max().orElse(-1);
                target[e] = equations.get(e)[0];
                for (int vi : eqVars.get(e)) {
                    having.get(vi).add(e);
                }
            }
            containing = new int[vars][];
            for (int v = 0; v < vars; v++) {
                containing[v] = having.get(v).stream().mapToInt(Integer::intValue).toArray();
            }
            areaVars = leavesUnder(code).stream().flatMapToInt(l -> java.util.stream.IntStream.range(0, c).map(j -> var(l, j)))
                    .toArray();
            long[] x = new long[vars];
            steps = 0;
            for (int e = 0; e < target.length; e++) {
                if (target[e] < 0 || last[e] < 0 && target[e] != 0) {
                    return true;  // no table of whole numbers agrees: nothing else can be found
                }
            }
            try {
                return !search(0, x, f, want);
            } catch (SearchTooLarge tooLarge) {
                // an exhaustive search this large would hold the suite for many minutes: this try is
                // not counted (jqwik rejects it), the many smaller ones are searched to the end
                net.jqwik.api.Assume.that(false);
                return true;
            }
        }

        /** Steps of the exhaustive search beyond which a try is left out rather than run for minutes. */
        static final long STEP_BUDGET = 20_000_000L;
        private long steps;
        /** Per equation: its last variable, its shown value, the sum of its variables set so far. */
        private int[] last;
        private long[] target;
        private long[] sum;
        /** Per variable: the equations it is in. The variables of the attacked area, as (leaf, column) indexes. */
        private int[][] containing;
        private int[] areaVars;

        static final class SearchTooLarge extends RuntimeException {
            SearchTooLarge() {
                super(null, null, false, false);
            }
        }

        /**
         * Searches for a table that agrees with everything shown but gives another value; true when found. Variables
         * are set in order, each to 0..BOUND; a value is kept while every equation it is in still holds: a complete
         * equation (its last variable set) sums to its shown value, an incomplete one does not exceed it. Equations
         * without this variable are as the step before left them, so only this variable's equations are summed again
         * (kept as running sums): the same search, step for step, without re-adding every equation at every step.
         */
        private boolean search(int i, long[] x, java.util.function.ToLongFunction<long[]> f, long want) {
            if (i == x.length) {
                long[] area = new long[c];
                for (int k = 0; k < areaVars.length; k++) {
                    area[k % c] += x[areaVars[k]];
                }
                return f.applyAsLong(area) != want;
            }
            int[] mine = containing[i];
            for (long v = 0; v <= BOUND; v++) {
                if (++steps > STEP_BUDGET) {
                    for (int e : mine) {
                        sum[e] -= x[i];
                    }
                    x[i] = 0;
                    throw new SearchTooLarge();
                }
                for (int e : mine) {
                    sum[e] += v - x[i];
                }
                x[i] = v;
                boolean ok = true;
                for (int k = 0; k < mine.length && ok; k++) {
                    int e = mine[k];
                    ok = last[e] == i ? sum[e] == target[e] : sum[e] <= target[e];
                }
                if (ok && search(i + 1, x, f, want)) {
                    return true;
                }
            }
            for (int e : mine) {
                sum[e] -= x[i];
            }
            x[i] = 0;
            return false;
        }
    }

    /** One municipality GM with a district WKi per size and that many neighbourhoods BUij; the leaves in order. */
    private static AreaTree municipality(List<Integer> districtSizes, List<String> leaves) {
        List<AreaTree.Area> areas = new ArrayList<>();
        areas.add(new AreaTree.Area("GM", "M", Level.MUNICIPALITY, null));
        for (int i = 0; i < districtSizes.size(); i++) {
            areas.add(new AreaTree.Area("WK" + i, "D" + i, Level.DISTRICT, "GM"));
            for (int j = 0; j < districtSizes.get(i); j++) {
                String code = "BU" + i + j;
                areas.add(new AreaTree.Area(code, code, Level.NEIGHBOURHOOD, "WK" + i));
                leaves.add(code);
            }
        }
        return new AreaTree(areas);
    }
}
