package org.samenkracht.signals;

import org.samenkracht.common.disclosure.AreaTree;
import org.samenkracht.common.disclosure.Disclosure;
import org.samenkracht.common.disclosure.DisclosureRules;
import org.samenkracht.common.disclosure.Level;
import org.samenkracht.common.disclosure.Shown;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Figures for the yearly evaluation of the signalling network (seed 001, §3.7; issue 19, item 9): signals by source
 * (kind of partner, channel), urgency, kind of concern, neighbourhood, how they ended and the isolation type; the
 * share triaged within the deadline, the share of partner signals with feedback, the median time to the first action.
 *
 * <p>Every number leaves through {@link Disclosure}, the same gate and the same organisation thresholds as the
 * insights (issue 22): counts from 1 below the threshold, disclosive zeros (everyone in one category) and, by
 * secondary suppression, a second neighbourhood are held back ("x"), and every count is rounded to base 5. The
 * neighbourhoods are the leaves of one tree under the organisation, so the total minus the shown neighbourhoods
 * never gives a held-back one. How many meetings were held is not about people and is shown as it is.
 */
@Service
public class SignalFigures {

    /** The code of the whole organisation (the root of the tree) and of "neighbourhood not known". */
    static final String ALL = "ALL";
    static final String UNKNOWN = "?";

    /** One row of a table: a message key for the label, or (for a neighbourhood) the label itself; the number as shown. */
    public record Row(String labelKey, String label, String value) {
    }

    /** One table of the evaluation. */
    public record Table(String titleKey, List<Row> rows) {
    }

    /**
     * {@code shareOnTime}: triaged within the deadline, as a share of all received; {@code shareFeedback}: of the
     * signals from a partner (who follow a receipt), the share whose receipt already says taken up or not;
     * {@code firstActionHours}: the median time from receipt to the first outreach action. Held back ("x") as the
     * disclosure rule says; {@code threshold} is the organisation's.
     */
    public record Figures(int year, String received, String triagedOnTime, String takenUp, String meetings,
                          String cases, List<Table> tables, String shareOnTime, String shareFeedback,
                          String firstActionHours, int threshold) {
    }

    /** One signal, as far as the figures need it. */
    record Line(String neighbourhood, String partnerKind, String channel, String kind, String concernKind,
                String closeReason, String typology, boolean onTime, boolean takenUp, boolean hasCase,
                boolean fromPartner, boolean feedback) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<DisclosureRules> rules;

    SignalFigures(JdbcClient jdbc, ObjectProvider<DisclosureRules> rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public Figures year(int year) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople() && !user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("signals.refused.staffOnly");
        }
        UUID org = user.organisationId();
        List<Line> lines = jdbc.sql("""
                select neighbourhood, partner_kind, channel, kind, coalesce(concern_kind, 'NONE') as concern_kind,
                  coalesce(close_reason, 'OPEN') as close_reason,
                  case when typology_persistence is null then 'NONE' else case typology_persistence
                    when 1 then case when typology_oriented then 'ACTIVES' else 'SHELTERED' end
                    when 2 then case when typology_oriented then 'LEFT_BEHIND' else 'DEPENDANTS' end
                    when 3 then case when typology_oriented then 'COMPENSATORS' else 'OUTSIDERS' end
                    else case when typology_oriented then 'HOPEFULS' else 'SURVIVORS' end end end as typology,
                  coalesce(triaged_at <= received_at + make_interval(hours => coalesce((select triage_within_hours
                    from signal_deadline_profile p where p.organisation_id = signal.organisation_id and p.kind = signal.kind), 72)),
                    false) as on_time,
                  coalesce(taken_up, false) as taken_up, case_code is not null as has_case,
                  agreement_id is not null as from_partner, agreement_id is not null and status <> 'RECEIVED' as feedback
                from signal where organisation_id = ? and extract(year from received_at at time zone 'Europe/Amsterdam') = ?""")
                .params(org, year)
                .query((rs, i) -> new Line(rs.getString("neighbourhood"), rs.getString("partner_kind"), rs.getString("channel"),
                        rs.getString("kind"), rs.getString("concern_kind"), rs.getString("close_reason"), rs.getString("typology"),
                        rs.getBoolean("on_time"), rs.getBoolean("taken_up"), rs.getBoolean("has_case"),
                        rs.getBoolean("from_partner"), rs.getBoolean("feedback")))
                .list();
        long meetings = jdbc.sql("select count(*) from signal_meeting where organisation_id = ? and extract(year from held_on) = ?")
                .params(org, year).query(Long.class).single();
        var first = jdbc.sql("""
                select count(*) as n, percentile_cont(0.5) within group (order by extract(epoch from f.first_at - s.received_at) / 3600)
                  as median_hours
                from signal s join (select signal_id, min(created_at) as first_at from signal_action group by signal_id) f
                  on f.signal_id = s.id
                where s.organisation_id = ? and extract(year from s.received_at at time zone 'Europe/Amsterdam') = ?""")
                .params(org, year).query().singleRow();
        Object median = first.get("median_hours");
        DisclosureRules thresholds = rules.getIfAvailable();
        Disclosure.Rules r = thresholds == null ? Disclosure.Rules.standard() : thresholds.of(org);
        return compute(year, new Disclosure(r), lines, meetings,
                ((Number) first.get("n")).longValue(), median == null ? null : ((Number) median).doubleValue());
    }

    /** The figures from the year's signals, every number through the gate. Pure, for the tests. */
    static Figures compute(int year, Disclosure gate, List<Line> lines, long meetings, long withAction, Double medianHours) {
        // the tree: the organisation, with one leaf per neighbourhood as written (case and spaces aside) and one
        // for the signals whose neighbourhood nobody knows
        Map<String, String> names = new LinkedHashMap<>();
        for (Line l : lines) {
            names.putIfAbsent(leaf(l.neighbourhood()), l.neighbourhood() == null ? null : l.neighbourhood().strip());
        }
        List<AreaTree.Area> areas = new ArrayList<>();
        areas.add(new AreaTree.Area(ALL, "", Level.MUNICIPALITY, null));
        names.forEach((code, name) -> areas.add(new AreaTree.Area(code, name == null ? "" : name, Level.NEIGHBOURHOOD, ALL)));
        AreaTree tree = new AreaTree(areas);

        Disclosure.Protected received = gate.counts(tree, 1, count(lines, l -> 0, 1), Set.of(), false);
        Disclosure.Row all = received.row(ALL);
        Disclosure.Row onTime = split(gate, tree, lines, Line::onTime);
        Disclosure.Row takenUp = split(gate, tree, lines, Line::takenUp);
        Disclosure.Row cases = split(gate, tree, lines, Line::hasCase);
        Disclosure.Row feedback = split(gate, tree, lines.stream().filter(Line::fromPartner).toList(), Line::feedback);

        List<Table> tables = new ArrayList<>();
        tables.add(byCategory(gate, tree, lines, "signals.figures.byPartner", "signals.partnerKind.",
                names(PartnerKind.values()), Line::partnerKind));
        tables.add(byCategory(gate, tree, lines, "signals.figures.byChannel", "signals.channel.",
                names(Signals.Channel.values()), Line::channel));
        tables.add(byCategory(gate, tree, lines, "signals.figures.byKind", "signals.kind.",
                names(DeadlineKind.values()), Line::kind));
        tables.add(byCategory(gate, tree, lines, "signals.figures.byConcern", "signals.concernKind.",
                with(names(SignalDetails.ConcernKind.values()), "NONE"), Line::concernKind));
        tables.add(byCategory(gate, tree, lines, "signals.figures.byClose", "signals.closeReason.",
                with(names(Signals.CloseReason.values()), "OPEN"), Line::closeReason));
        tables.add(byCategory(gate, tree, lines, "signals.figures.byTypology", "signals.typology.",
                with(names(IsolationType.values()), "NONE"), Line::typology));
        List<Row> byArea = new ArrayList<>();
        for (Disclosure.Row row : received.view(Level.NEIGHBOURHOOD)) {
            boolean unknown = UNKNOWN.equals(row.code());
            byArea.add(new Row(unknown ? "signals.figures.neighbourhoodUnknown" : null, unknown ? null : row.name(),
                    row.n().text()));
        }
        tables.add(new Table("signals.figures.byNeighbourhood", byArea));

        Shown firstAction = gate.median(withAction, medianHours == null ? null : (double) Math.round(medianHours),
                all.suppressed(), false);
        return new Figures(year, all.n().text(), onTime.cells().get(0).text(), takenUp.cells().get(0).text(),
                Long.toString(meetings), cases.cells().get(0).text(), tables, percent(onTime), percent(feedback),
                firstAction.text(), gate.rules().threshold());
    }

    private static String leaf(String neighbourhood) {
        return neighbourhood == null || neighbourhood.isBlank() ? UNKNOWN
                : "N:" + neighbourhood.strip().toLowerCase(Locale.ROOT);
    }

    /** Per neighbourhood, a row of {@code size} cells: each signal counted in the cell {@code cell} gives. */
    private static Map<String, long[]> count(List<Line> lines, java.util.function.ToIntFunction<Line> cell, int size) {
        Map<String, long[]> leaves = new HashMap<>();
        for (Line l : lines) {
            leaves.computeIfAbsent(leaf(l.neighbourhood()), k -> new long[size])[cell.applyAsInt(l)]++;
        }
        return leaves;
    }

    /** Yes and no of one property (mutually exclusive, so the rule sees a disclosive "all yes"); the organisation's row. */
    private static Disclosure.Row split(Disclosure gate, AreaTree tree, List<Line> lines, java.util.function.Predicate<Line> yes) {
        return gate.counts(tree, 2, count(lines, l -> yes.test(l) ? 0 : 1, 2), Set.of(), false).row(ALL);
    }

    private static String percent(Disclosure.Row row) {
        Shown p = Disclosure.percent(row, 0);
        return p.isSuppressed() ? p.text() : Math.round(p.value()) + "%";
    }

    private static Table byCategory(Disclosure gate, AreaTree tree, List<Line> lines, String title, String labelPrefix,
                                    List<String> categories, Function<Line, String> category) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        int other = categories.size();  // a value no longer known (an old row): counted, shown with the total only
        Map<String, long[]> leaves = count(lines, l -> index.getOrDefault(category.apply(l), other), categories.size() + 1);
        Disclosure.Row row = gate.counts(tree, categories.size() + 1, leaves, Set.of(), false).row(ALL);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            rows.add(new Row(labelPrefix + categories.get(i), null, row.cells().get(i).text()));
        }
        return new Table(title, rows);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> with(List<String> names, String extra) {
        List<String> out = new ArrayList<>(names);
        out.add(extra);
        return out;
    }
}
