package org.samenkracht.insights.internal;

import org.samenkracht.insights.Figure;
import org.samenkracht.network.NetworkFacts;
import org.samenkracht.person.PersonFacts;
import org.samenkracht.plan.PlanFacts;
import org.samenkracht.vocabulary.Layer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the modules' facts per person into the aggregate cells: per figure, month of first contact, neighbourhood
 * code and category a count (for hours also the total and the two largest contributions). Pure: no database.
 */
public final class Collector {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Map<String, String> codes;
    private final Map<List<Object>, double[]> cells = new HashMap<>();

    public Collector(Map<String, String> neighbourhoodCodes) {
        this.codes = neighbourhoodCodes;
    }

    public static List<InsightsStore.Cell> cells(Map<String, String> codes, List<PersonFacts.Fact> persons,
                                                 List<PlanFacts.Fact> plans, List<NetworkFacts.Fact> networks,
                                                 List<org.samenkracht.signals.SignalFacts.Fact> signals,
                                                 List<org.samenkracht.exploration.ExplorationFacts.Fact> qualityOfLife) {
        Collector c = new Collector(codes);
        Map<UUID, String> areaOf = new HashMap<>();
        for (PersonFacts.Fact p : persons) {
            areaOf.put(p.personId(), c.area(p));
        }
        for (var s : signals) {
            // the signal's own neighbourhood (chosen, or taken from its file) first; else its person's; else unknown
            String area = s.neighbourhood() != null ? c.area(s.neighbourhood())
                    : s.personId() == null ? InsightsStore.UNKNOWN : areaOf.getOrDefault(s.personId(), InsightsStore.UNKNOWN);
            LocalDate month = s.receivedAt().atZone(ZONE).toLocalDate().withDayOfMonth(1);
            c.count(Figure.SIGNALS, month, area, s.kind());
            c.count(Figure.SIGNALS_FOLLOWED_UP, month, area, s.followedUpInTime() ? "IN_TIME" : "LATE");
        }
        Map<UUID, PlanFacts.Fact> plan = plans.stream().collect(Collectors.toMap(PlanFacts.Fact::personId, Function.identity()));
        Map<UUID, NetworkFacts.Fact> net = networks.stream().collect(Collectors.toMap(NetworkFacts.Fact::personId, Function.identity()));
        Map<UUID, org.samenkracht.exploration.ExplorationFacts.Fact> qol = qualityOfLife.stream()
                .collect(Collectors.toMap(org.samenkracht.exploration.ExplorationFacts.Fact::personId, Function.identity()));
        for (PersonFacts.Fact p : persons) {
            c.person(p, plan.get(p.personId()), net.get(p.personId()));
            var q = qol.get(p.personId());
            if (q != null && !q.change().isEmpty()) {
                LocalDate month = p.firstContact().atZone(ZONE).toLocalDate().withDayOfMonth(1);
                String area = c.area(p);
                c.count(Figure.QOL_CHANGE, month, area, "PEOPLE");
                q.change().forEach((domain, delta) -> c.count(Figure.QOL_CHANGE, month, area, domain.name() + ":" + delta));
            }
        }
        return c.result();
    }

    String area(PersonFacts.Fact p) {
        return area(p.neighbourhood());
    }

    String area(String neighbourhood) {
        return neighbourhood == null ? InsightsStore.UNKNOWN
                : codes.getOrDefault(neighbourhood.trim().toLowerCase(Locale.ROOT), InsightsStore.UNKNOWN);
    }

    void person(PersonFacts.Fact p, PlanFacts.Fact plan, NetworkFacts.Fact net) {
        String area = area(p);
        LocalDate first = p.firstContact().atZone(ZONE).toLocalDate();
        LocalDate month = first.withDayOfMonth(1);
        count(Figure.PEOPLE, month, area, "ALL");
        Instant signed = plan == null ? null : plan.firstPlan();
        weeks(Figure.TIME_TO_PLAN, Figure.WEEKS_TO_PLAN, month, area, first,
                signed == null ? null : signed.atZone(ZONE).toLocalDate());
        weeks(Figure.TIME_TO_SUPPORT, Figure.WEEKS_TO_SUPPORT, month, area, first, plan == null ? null : plan.firstSupport());
        if (plan != null && !plan.layers().isEmpty()) {
            for (Layer l : Layer.values()) {
                count(Figure.valueOf("LAYER_" + l.name()), month, area, plan.layers().contains(l) ? "YES" : "NO");
            }
        }
        if (plan != null && plan.evaluations() > 0) {
            add(Figure.EVALUATIONS_ON_TIME, month, area, "ON_TIME", plan.evaluationsOnTime(), 0);
            add(Figure.EVALUATIONS_ON_TIME, month, area, "LATE", plan.evaluations() - plan.evaluationsOnTime(), 0);
        }
        count(Figure.NETWORK_THREE_OR_MORE, month, area, net != null && net.activeMembers() >= 3 ? "YES" : "NO");
        if (net != null && net.activeMembers() > 0) {
            count(Figure.LOAD_WARNING, month, area, net.loadWarning() ? "YES" : "NO");
        }
        if (net != null && net.hoursPerWeek() > 0) {
            add(Figure.NETWORK_HOURS, month, area, "HOURS", 1, net.hoursPerWeek());
        }
    }

    private void weeks(Figure bands, Figure histogram, LocalDate month, String area, LocalDate from, LocalDate to) {
        if (to == null) {
            count(bands, month, area, "NOT_YET");
            return;
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to));
        count(bands, month, area, days <= 28 ? "WITHIN_4_WEEKS" : days <= 56 ? "WITHIN_8_WEEKS" : "LATER");
        count(histogram, month, area, Long.toString(Math.min(days / 7, 104)));
    }

    private void count(Figure f, LocalDate month, String area, String category) {
        add(f, month, area, category, 1, 0);
    }

    private void add(Figure f, LocalDate month, String area, String category, long n, double magnitude) {
        double[] cell = cells.computeIfAbsent(List.of(f, month, area, category), k -> new double[4]);
        cell[0] += n;
        cell[1] += magnitude;
        if (magnitude > cell[2]) {
            cell[3] = cell[2];
            cell[2] = magnitude;
        } else if (magnitude > cell[3]) {
            cell[3] = magnitude;
        }
    }

    List<InsightsStore.Cell> result() {
        List<InsightsStore.Cell> out = new ArrayList<>(cells.size());
        cells.forEach((k, v) -> out.add(new InsightsStore.Cell(((Figure) k.get(0)).name(), (LocalDate) k.get(1),
                (String) k.get(2), (String) k.get(3), (long) v[0], v[1], v[2], v[3])));
        return out;
    }
}
