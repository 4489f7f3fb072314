package org.samenkracht.insights;

import org.samenkracht.common.disclosure.AreaTree;
import org.samenkracht.common.disclosure.Disclosure;
import org.samenkracht.common.disclosure.Level;
import org.samenkracht.common.disclosure.Shown;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.insights.internal.Collector;
import org.samenkracht.insights.internal.InsightsStore;
import org.samenkracht.network.NetworkFacts;
import org.samenkracht.person.PersonFacts;
import org.samenkracht.plan.PlanFacts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The insights module's API: the figures of one view (one geographic level, one period at one time level), always
 * through {@link Disclosure}; the freshness of the aggregates; a refresh on demand (the analyst) or on a schedule.
 * Only a role that sees aggregates, or an administrator, may read them; no figure names or lists a person.
 */
@Service
public class Insights {

    /** One view: a level, a time level and the period in it ("2026", "2026-Q3", "2026-09"). */
    public record Filter(Level level, TimeLevel time, String period) {

        private static final Pattern YEAR = Pattern.compile("(\\d{4})");
        private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
        private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

        /** Reads a filter from request parameters; a bad one is a 422 naming the field. */
        public static Filter parse(String level, String time, String period, LocalDate today) {
            Level l = parseEnum(Level.class, level, "level", Level.DISTRICT);
            TimeLevel t = parseEnum(TimeLevel.class, time, "time", TimeLevel.YEAR);
            String p = period == null || period.isBlank() ? defaultPeriod(t, today) : period.trim();
            Filter f = new Filter(l, t, p);
            f.from();  // validates
            return f;
        }

        private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, E fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RuleViolation(field, "insights.filter.invalid");
            }
        }

        static String defaultPeriod(TimeLevel t, LocalDate today) {
            return switch (t) {
                case YEAR -> Integer.toString(today.getYear());
                case QUARTER -> today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
                case MONTH -> YearMonth.from(today).toString();
            };
        }

        public LocalDate from() {
            Matcher m = switch (time) {
                case YEAR -> YEAR.matcher(period);
                case QUARTER -> QUARTER.matcher(period);
                case MONTH -> MONTH.matcher(period);
            };
            if (!m.matches()) {
                throw new RuleViolation("period", "insights.filter.period");
            }
            int year = Integer.parseInt(m.group(1));
            if (year < 2000 || year > 2100) {
                throw new RuleViolation("period", "insights.filter.period");
            }
            return switch (time) {
                case YEAR -> LocalDate.of(year, 1, 1);
                case QUARTER -> LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
                case MONTH -> LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
            };
        }

        public LocalDate to() {
            return switch (time) {
                case YEAR -> from().plusYears(1);
                case QUARTER -> from().plusMonths(3);
                case MONTH -> from().plusMonths(1);
            };
        }
    }

    /** One area's line of a figure: the people (or evaluations) counted, the cells, the shares, a median if any. */
    public record Line(String code, String name, Shown n, List<Shown> cells, List<Shown> percents, Shown median) {
    }

    public record FigureView(Figure figure, List<String> categories, List<Line> lines) {
    }

    public record Freshness(UUID refreshId, Instant finishedAt, long tookMillis, int personsCounted, String trigger) {
    }

    /**
     * The figures of one view; {@code version} names the aggregates and settings it was made from (the refresh, the
     * settings' version and the filter), so a page may keep what it renders from it until either changes.
     */
    public record View(Filter filter, Optional<Freshness> freshness, int threshold, int sensitiveThreshold, List<FigureView> figures,
                       String version) {
    }

    /**
     * Views already through the gate, per organisation, refresh, settings version and filter: the aggregates change
     * only at a refresh and the protection only with the settings, so a view is computed once per refresh and reused
     * (a new refresh or a change of settings gives a new key). Bounded: the least recently used go first.
     */
    private final Map<String, View> views = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
            return size() > VIEWS_KEPT;
        }
    });
    /** Room for the views a refresh makes ready (2 years × 17 periods × 3 levels) and as many of the previous refresh. */
    static final int VIEWS_KEPT = 2 * Insights.YEARS_READY * 17 * 3 + 64;
    /** How many views a reader had to wait for (not made ready by a refresh); for the tests. */
    final java.util.concurrent.atomic.AtomicLong computedOnRead = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Forgets the views kept (for a benchmark of the first view after a refresh, or after areas were changed in the
     * database by hand); every view and page is computed anew.
     */
    public void forgetViews() {
        generation.incrementAndGet();
        views.clear();
        periodLists.clear();
    }

    private final Map<String, List<String>> periodLists = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > 16;
        }
    });

    private final InsightsStore store;
    private final Accounts accounts;
    private final PersonFacts personFacts;
    private final PlanFacts planFacts;
    private final NetworkFacts networkFacts;
    private final org.samenkracht.signals.SignalFacts signalFacts;
    private final org.samenkracht.exploration.ExplorationFacts explorationFacts;
    private final TransactionTemplate tx;
    private final org.samenkracht.privacy.ErasedPersons erasedPersons;
    private final org.springframework.context.ApplicationEventPublisher events;

    Insights(InsightsStore store, Accounts accounts, PersonFacts personFacts, PlanFacts planFacts, NetworkFacts networkFacts,
             org.samenkracht.signals.SignalFacts signalFacts, org.samenkracht.exploration.ExplorationFacts explorationFacts,
             PlatformTransactionManager transactions, org.samenkracht.privacy.ErasedPersons erasedPersons,
             org.springframework.context.ApplicationEventPublisher events) {
        this.erasedPersons = erasedPersons;
        this.events = events;
        this.signalFacts = signalFacts;
        this.explorationFacts = explorationFacts;
        this.store = store;
        this.accounts = accounts;
        this.personFacts = personFacts;
        this.planFacts = planFacts;
        this.networkFacts = networkFacts;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Who may see the figures: a role that sees only aggregates, and the organisation's administrator. */
    public static boolean mayView(CurrentUser user) {
        return user.role().seesOnlyAggregates() || user.is(Role.ADMINISTRATOR);
    }

    private static CurrentUser viewer() {
        CurrentUser user = CurrentUser.get();
        if (!mayView(user)) {
            throw new AccessRefused("access.refused.insightsOnly");
        }
        return user;
    }

    /** The figures of one view, every number through the disclosure gate (computed once per refresh and settings). */
    public View view(Filter filter) {
        CurrentUser user = viewer();
        UUID org = user.organisationId();
        Optional<Freshness> freshness = freshness(org);
        InsightsStore.Setting setting = store.setting(org);
        String version = version(org, freshness, setting, store.areas(org), filter);
        View cached = views.get(version);
        if (cached != null) {
            return cached;
        }
        computedOnRead.incrementAndGet();
        Disclosure gate = new Disclosure(setting.rules());
        Optional<AreaTree> tree = store.tree(org);
        List<FigureView> figures = new ArrayList<>();
        if (tree.isPresent()) {
            LocalDate year = LocalDate.of(filter.from().getYear(), 1, 1);
            figures = figures(gate, tree.get(), store.cells(org, year, year.plusYears(1)), filter.level(), filter);
        }
        View view = new View(filter, freshness, gate.rules().threshold(), gate.rules().sensitiveThreshold(), List.copyOf(figures), version);
        views.put(version, view);
        return view;
    }

    /** The key of a view: the aggregates (refresh), the settings and areas they are protected with, the level and period. */
    private String version(UUID org, Optional<Freshness> freshness, InsightsStore.Setting setting, List<String[]> areas, Filter filter) {
        return generation.get() + "/" + org + "/" + freshness.map(f -> f.refreshId().toString()).orElse("-") + "/" + setting.version() + "/"
                + setting.rules().threshold() + "-" + setting.rules().sensitiveThreshold() + "/"
                + java.util.Arrays.deepHashCode(areas.toArray()) + "/" + filter.level() + "/" + filter.period();
    }

    /**
     * The views a refresh makes ready before its aggregates are swapped in: every level × period (year, quarters,
     * months) of the current and the previous year, through the same gate as {@link #view}. Listeners (the pages) write
     * what they keep per view, such as the figures' HTML in both languages, in the same moment.
     */
    public record ViewsReady(UUID organisation, List<View> views) {
    }

    /** How many years back (the current one included) a refresh makes the views ready for. */
    static final int YEARS_READY = 2;

    /**
     * Inside the refresh's transaction, after the new aggregates are written and before they are committed: protects the
     * new cells once per year and keeps every view of those years under the key readers will use once the refresh is
     * committed. Until then readers see the previous refresh and its views; after it, every view they open is ready.
     */
    private List<View> prepareViews(UUID org, List<InsightsStore.Cell> cells, LocalDate today) {
        Optional<AreaTree> tree = store.tree(org);
        if (tree.isEmpty()) {
            return List.of();
        }
        Optional<Freshness> freshness = freshness(org);  // the new refresh row, seen inside this transaction
        InsightsStore.Setting setting = store.setting(org);
        List<String[]> areas = store.areas(org);
        Disclosure gate = new Disclosure(setting.rules());
        List<View> ready = new ArrayList<>();
        for (int y = today.getYear() - YEARS_READY + 1; y <= today.getYear(); y++) {
            Year year = protect(gate, tree.get(), cells, y);
            for (String period : year.periodCodes()) {
                TimeLevel time = period.length() == 4 ? TimeLevel.YEAR : period.contains("Q") ? TimeLevel.QUARTER : TimeLevel.MONTH;
                for (Level level : Level.values()) {
                    Filter filter = new Filter(level, time, period);
                    String version = version(org, freshness, setting, areas, filter);
                    View view = new View(filter, freshness, gate.rules().threshold(), gate.rules().sensitiveThreshold(),
                            List.copyOf(year.figures(level, period)), version);
                    views.put(version, view);
                    ready.add(view);
                }
            }
        }
        // the list of periods for the filter, from the same cells (as store.months would read them after the commit)
        String refresh = freshness.map(f -> f.refreshId().toString()).orElse("-");
        List<LocalDate> months = cells.stream().map(InsightsStore.Cell::month).distinct().sorted(java.util.Comparator.reverseOrder()).toList();
        for (TimeLevel time : TimeLevel.values()) {
            periodLists.put(org + "/" + refresh + "/" + time, periodsOf(months, time));
        }
        return ready;
    }

    /**
     * The figures of one period at one level. Every figure is protected over the whole year the period lies in, as one
     * table of areas × periods (months, quarters, the year), so no view of another level or period can be subtracted
     * from this one to reveal a held-back cell.
     */
    static List<FigureView> figures(Disclosure gate, AreaTree tree, List<InsightsStore.Cell> raw, Level level, Filter filter) {
        return protect(gate, tree, raw, filter.from().getYear()).figures(level, filter.period());
    }

    /**
     * One year's figures through the gate: every figure protected once over areas × periods (months, quarters, the
     * year); the views of every level and period of that year are then read from it without protecting again, which
     * is what the refresh does for the views people open.
     */
    static Year protect(Disclosure gate, AreaTree tree, List<InsightsStore.Cell> raw, int year) {
        AreaTree periods = Disclosure.year(year);
        // per figure, month, neighbourhood and category: n, total and the two largest contributions
        Map<Figure, Map<String, Map<String, Map<String, double[]>>>> sums = new HashMap<>();
        for (InsightsStore.Cell c : raw) {
            if (c.month().getYear() != year) {
                continue;
            }
            Figure f;
            try {
                f = Figure.valueOf(c.figure());
            } catch (IllegalArgumentException e) {
                continue;
            }
            String area = tree.contains(c.area()) ? c.area() : InsightsStore.UNKNOWN;
            double[] v = sums.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(YearMonth.from(c.month()).toString(), k -> new HashMap<>())
                    .computeIfAbsent(area, k -> new HashMap<>()).computeIfAbsent(c.category(), k -> new double[4]);
            v[0] += c.n();
            v[1] += c.total();
            double[] tops = {v[2], v[3], c.top1(), c.top2()};
            java.util.Arrays.sort(tops);
            v[2] = tops[3];
            v[3] = tops[2];
        }
        Map<String, Disclosure.Protected> peopleOverTime = gate.countsOverTime(tree, periods, 1, leaves(sums, Figure.PEOPLE),
                Map.of(), false);
        Map<String, Set<String>> peopleHeld = new HashMap<>();
        peopleOverTime.forEach((p, prot) -> peopleHeld.put(p, prot.held()));
        Map<Figure, Map<String, Disclosure.Protected>> protectedByFigure = new java.util.EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            if (f.kind() == Figure.Kind.HISTOGRAM) {
                continue;
            }
            if (f.kind() == Figure.Kind.MEDIANS) {
                Map<String, Map<String, long[]>> n = new HashMap<>();
                sums.getOrDefault(f, Map.of()).forEach((month, byArea) -> byArea.forEach((area, cats) -> n.computeIfAbsent(month, k -> new HashMap<>())
                        .put(area, new long[]{cats.containsKey("PEOPLE") ? (long) cats.get("PEOPLE")[0] : 0})));
                protectedByFigure.put(f, gate.countsOverTime(tree, periods, 1, n, peopleHeld, f.sensitive()));
                continue;
            }
            protectedByFigure.put(f, f == Figure.PEOPLE ? peopleOverTime : f.kind() == Figure.Kind.MAGNITUDE
                    ? gate.magnitudesOverTime(tree, periods, magnitudes(sums.getOrDefault(f, Map.of())), Map.of())
                    : gate.countsOverTime(tree, periods, f.categories().size(), leaves(sums, f),
                    f.linked() ? peopleHeld : Map.of(), f.sensitive()));
        }
        return new Year(gate, tree, periods, sums, protectedByFigure);
    }

    /** One year protected by {@link #protect}; {@link #figures(Level, String)} gives the figures of one view in it. */
    record Year(Disclosure gate, AreaTree tree, AreaTree periods, Map<Figure, Map<String, Map<String, Map<String, double[]>>>> sums,
                Map<Figure, Map<String, Disclosure.Protected>> protectedByFigure) {

        /** The periods of the year: the year, its quarters and its months. */
        List<String> periodCodes() {
            return periods.all().stream().map(AreaTree.Area::code).toList();
        }

        List<FigureView> figures(Level level, String period) {
            Set<String> monthsOfView = new java.util.HashSet<>(periods.leavesUnder(period));
            List<FigureView> out = new ArrayList<>();
            for (Figure f : Figure.values()) {
                if (f.kind() == Figure.Kind.HISTOGRAM) {
                    continue;
                }
                Disclosure.Protected p = protectedByFigure.get(f).get(period);
                if (f.kind() == Figure.Kind.MEDIANS) {
                    out.add(medians(gate, tree, sums.getOrDefault(f, Map.of()), f, p, level, monthsOfView));
                    continue;
                }
                Figure histogram = f == Figure.TIME_TO_PLAN ? Figure.WEEKS_TO_PLAN : f == Figure.TIME_TO_SUPPORT ? Figure.WEEKS_TO_SUPPORT : null;
                List<Line> lines = new ArrayList<>();
                for (Disclosure.Row row : p.view(level)) {
                    List<Shown> percents = new ArrayList<>();
                    if (f.kind() == Figure.Kind.COUNT && f.categories().size() > 1) {
                        for (int i = 0; i < row.cells().size(); i++) {
                            percents.add(Disclosure.percent(row, i));
                        }
                    }
                    Shown median = null;
                    if (histogram != null) {
                        TreeMap<Integer, Long> h = new TreeMap<>();
                        for (String month : monthsOfView) {
                            Map<String, Map<String, double[]>> byArea = sums.getOrDefault(histogram, Map.of()).getOrDefault(month, Map.of());
                            for (String leaf : tree.leavesUnder(row.code())) {
                                byArea.getOrDefault(leaf, Map.of())
                                        .forEach((week, v) -> h.merge(Integer.parseInt(week), (long) v[0], Long::sum));
                            }
                        }
                        long n = h.values().stream().mapToLong(Long::longValue).sum();
                        median = gate.median(n, median(h, n), p.isHeld(row.code()), false);
                    }
                    lines.add(new Line(row.code(), row.name(), row.n(), row.cells(), percents, median));
                }
                out.add(new FigureView(f, f.categories(), lines));
            }
            return out;
        }
    }

    /** Medians per category (life domain) per area; the n (people) as a count linked to the people counted. */
    private static FigureView medians(Disclosure gate, AreaTree tree, Map<String, Map<String, Map<String, double[]>>> byMonth, Figure f,
                                      Disclosure.Protected counted, Level level, Set<String> monthsOfView) {
        List<Line> lines = new ArrayList<>();
        for (Disclosure.Row row : counted.view(level)) {
            List<Shown> cells = new ArrayList<>();
            for (String category : f.categories()) {
                TreeMap<Integer, Long> h = new TreeMap<>();
                for (String month : monthsOfView) {
                    Map<String, Map<String, double[]>> byArea = byMonth.getOrDefault(month, Map.of());
                    for (String leaf : tree.leavesUnder(row.code())) {
                        byArea.getOrDefault(leaf, Map.of()).forEach((key, v) -> {
                            if (key.startsWith(category + ":")) {
                                h.merge(Integer.parseInt(key.substring(category.length() + 1)), (long) v[0], Long::sum);
                            }
                        });
                    }
                }
                long k = h.values().stream().mapToLong(Long::longValue).sum();
                cells.add(gate.median(k, median(h, k), counted.isHeld(row.code()), f.sensitive()));
            }
            lines.add(new Line(row.code(), row.name(), row.n(), cells, List.of(), null));
        }
        return new FigureView(f, f.categories(), lines);
    }

    private static Double median(TreeMap<Integer, Long> histogram, long n) {
        if (n == 0) {
            return null;
        }
        long seen = 0;
        for (var e : histogram.entrySet()) {
            seen += e.getValue();
            if (2 * seen >= n) {
                return (double) e.getKey();
            }
        }
        return null;
    }

    private static Map<String, Map<String, long[]>> leaves(Map<Figure, Map<String, Map<String, Map<String, double[]>>>> sums, Figure f) {
        Map<String, Map<String, long[]>> out = new HashMap<>();
        sums.getOrDefault(f, Map.of()).forEach((month, byArea) -> byArea.forEach((area, cats) -> {
            long[] row = new long[f.categories().size()];
            for (int i = 0; i < row.length; i++) {
                double[] v = cats.get(f.categories().get(i));
                row[i] = v == null ? 0 : (long) v[0];
            }
            out.computeIfAbsent(month, k -> new HashMap<>()).put(area, row);
        }));
        return out;
    }

    private static Map<String, Map<String, Disclosure.Magnitude>> magnitudes(Map<String, Map<String, Map<String, double[]>>> byMonth) {
        Map<String, Map<String, Disclosure.Magnitude>> out = new HashMap<>();
        byMonth.forEach((month, byArea) -> byArea.forEach((area, cats) -> cats.values().forEach(v ->
                out.computeIfAbsent(month, k -> new HashMap<>()).put(area, new Disclosure.Magnitude(v[1], (long) v[0], v[2], v[3])))));
        return out;
    }

    /** The periods with figures at a time level, newest first (for the filter); read once per refresh. */
    public List<String> periods(TimeLevel time) {
        UUID org = viewer().organisationId();
        String key = org + "/" + store.latest(org).map(r -> r.id().toString()).orElse("-") + "/" + time;
        List<String> known = periodLists.get(key);
        if (known != null) {
            return known;
        }
        List<String> list = periodsOf(store.months(org), time);
        periodLists.put(key, list);
        return list;
    }

    private static List<String> periodsOf(List<LocalDate> monthsNewestFirst, TimeLevel time) {
        Set<String> out = new LinkedHashSet<>();
        for (LocalDate m : monthsNewestFirst) {
            out.add(switch (time) {
                case YEAR -> Integer.toString(m.getYear());
                case QUARTER -> m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
                case MONTH -> YearMonth.from(m).toString();
            });
        }
        return List.copyOf(out);
    }

    private Optional<Freshness> freshness(UUID org) {
        return store.latest(org).map(r -> new Freshness(r.id(), r.finishedAt(),
                r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli(), r.personsCounted(), r.trigger()));
    }

    /** A refresh the analyst asks for (or an administrator; then in the name of the organisation's analyst). */
    public Freshness refreshNow() {
        CurrentUser user = viewer();
        UUID actor = user.role().seesOnlyAggregates() ? user.id()
                : accounts.withRole(user.organisationId(), Role.POLICY_ANALYST).stream().findFirst()
                .map(Accounts.Account::id).orElseThrow(() -> new RuleViolation("refresh", "insights.refresh.noAnalyst"));
        return refresh(user.organisationId(), actor, "ANALYST", user.id());
    }

    /**
     * Collects every module's facts in one set-based query each, as work the application does on behalf of the
     * organisation's analyst (no audit row per person), turns them into aggregate cells and replaces the organisation's
     * aggregates in one transaction, with one refresh row.
     */
    public Freshness refresh(UUID org, UUID analystAccount, String trigger, UUID requestedBy) {
        Instant started = Instant.now();
        List<PersonFacts.Fact>[] persons = new List[1];
        List<PlanFacts.Fact>[] plans = new List[1];
        List<NetworkFacts.Fact>[] networks = new List[1];
        List<org.samenkracht.signals.SignalFacts.Fact>[] signals = new List[1];
        List<org.samenkracht.exploration.ExplorationFacts.Fact>[] qol = new List[1];
        accounts.onBehalfOf(analystAccount, () -> {
            persons[0] = personFacts.of(org);
            plans[0] = planFacts.of(org);
            networks[0] = networkFacts.of(org);
            signals[0] = signalFacts.of(org);
            qol[0] = explorationFacts.of(org);
        });
        // an erased person is never counted again (their record stays, blanked, for the pseudonymised log)
        Set<UUID> erased = erasedPersons.of(org);
        if (!erased.isEmpty()) {
            persons[0] = persons[0].stream().filter(p -> !erased.contains(p.personId())).toList();
            signals[0] = signals[0].stream().filter(x -> x.personId() == null || !erased.contains(x.personId())).toList();
        }
        List<InsightsStore.Cell> cells = Collector.cells(store.neighbourhoodCodes(org), persons[0], plans[0], networks[0], signals[0], qol[0]);
        List<UUID> counted = persons[0].stream().map(PersonFacts.Fact::personId).toList();
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            InsightsStore.Refresh r = new InsightsStore.Refresh(id, started, Instant.now(), counted.size(), trigger);
            store.replace(org, r, requestedBy, cells, counted);
            // the views people open, ready before the new aggregates are committed (readers keep the previous ones until then)
            events.publishEvent(new ViewsReady(org, prepareViews(org, cells, LocalDate.now())));
        });
        return freshness(org).orElseThrow();
    }

    /** The scheduled refresh: every organisation with areas and an analyst, nightly by default. */
    @Scheduled(cron = "${samenkracht.insights.refresh-cron:0 30 3 * * *}", zone = "Europe/Amsterdam")
    public void scheduledRefresh() {
        for (UUID org : store.organisations()) {
            accounts.withRole(org, Role.POLICY_ANALYST).stream().findFirst()
                    .ifPresent(a -> refresh(org, a.id(), "SCHEDULE", null));
        }
    }

    /** When a person was last counted in the figures; for the person's own "who looked" (never by whom). */
    public Optional<Instant> countedAt(UUID personId) {
        return store.countedAt(personId);
    }
}
