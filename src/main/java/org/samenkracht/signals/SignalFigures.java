package org.samenkracht.signals;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Figures for the yearly evaluation of the signalling network (seed 001, §3.7): signals by kind of
 * partner, channel, urgency and how they ended; on time; cases and meetings; the isolation types. Counts
 * of 1 to 4 leave as "&lt;5" ({@link SmallNumbers}), so nobody can be recognised.
 */
@Service
public class SignalFigures {

    /** One table of the evaluation: a label key per row and the count as shown. */
    public record Table(String titleKey, Map<String, String> rows) {
    }

    /**
     * {@code shareOnTime}: triaged within the deadline, as a share of all received; {@code shareFeedback}: of the
     * signals from a partner (who follow a receipt), the share whose receipt already says taken up or not;
     * {@code firstActionHours}: the median time from receipt to the first outreach action. A share or median
     * over fewer than 5 signals is not shown ("&lt;5").
     */
    public record Figures(int year, String received, String triagedOnTime, String takenUp, String meetings,
                          String cases, List<Table> tables, String shareOnTime, String shareFeedback,
                          String firstActionHours) {
    }

    private final JdbcClient jdbc;

    SignalFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Figures year(int year) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople() && !user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("signals.refused.staffOnly");
        }
        UUID org = user.organisationId();
        String where = " from signal where organisation_id = ? and extract(year from received_at at time zone 'Europe/Amsterdam') = ?";
        List<Table> tables = new ArrayList<>();
        tables.add(group("signals.figures.byPartner", "signals.partnerKind.", "partner_kind", where, org, year));
        tables.add(group("signals.figures.byChannel", "signals.channel.", "channel", where, org, year));
        tables.add(group("signals.figures.byKind", "signals.kind.", "kind", where, org, year));
        tables.add(group("signals.figures.byConcern", "signals.concernKind.", "coalesce(concern_kind, 'NONE')", where, org, year));
        tables.add(group("signals.figures.byClose", "signals.closeReason.", "coalesce(close_reason, 'OPEN')", where, org, year));
        tables.add(group("signals.figures.byTypology", "signals.typology.", """
                case when typology_persistence is null then 'NONE' else case typology_persistence
                  when 1 then case when typology_oriented then 'ACTIVES' else 'SHELTERED' end
                  when 2 then case when typology_oriented then 'LEFT_BEHIND' else 'DEPENDANTS' end
                  when 3 then case when typology_oriented then 'COMPENSATORS' else 'OUTSIDERS' end
                  else case when typology_oriented then 'HOPEFULS' else 'SURVIVORS' end end end""", where, org, year));
        var totals = jdbc.sql("select count(*) as received, count(*) filter (where triaged_at is not null and triaged_at <= "
                        + "received_at + (select make_interval(hours => coalesce((select triage_within_hours from "
                        + "signal_deadline_profile p where p.organisation_id = signal.organisation_id and p.kind = signal.kind), 72)))) "
                        + "as on_time, count(*) filter (where taken_up) as taken_up, count(case_code) as cases, "
                        + "count(*) filter (where agreement_id is not null) as from_partner, "
                        + "count(*) filter (where agreement_id is not null and status <> 'RECEIVED') as feedback" + where)
                .params(org, year).query().singleRow();
        long meetings = jdbc.sql("select count(*) from signal_meeting where organisation_id = ? and extract(year from held_on) = ?")
                .params(org, year).query(Long.class).single();
        var first = jdbc.sql("""
                select count(*) as n, percentile_cont(0.5) within group (order by extract(epoch from f.first_at - s.received_at) / 3600)
                  as median_hours
                from signal s join (select signal_id, min(created_at) as first_at from signal_action group by signal_id) f
                  on f.signal_id = s.id
                where s.organisation_id = ? and extract(year from s.received_at at time zone 'Europe/Amsterdam') = ?""")
                .params(org, year).query().singleRow();
        long withAction = ((Number) first.get("n")).longValue();
        String firstAction = withAction < SMALL ? SmallNumbers.show(withAction)
                : Long.toString(Math.round(((Number) first.get("median_hours")).doubleValue()));
        return new Figures(year, show(totals.get("received")), show(totals.get("on_time")), show(totals.get("taken_up")),
                SmallNumbers.show(meetings), show(totals.get("cases")), tables,
                share(totals.get("on_time"), totals.get("received")), share(totals.get("feedback"), totals.get("from_partner")),
                firstAction);
    }

    private static final int SMALL = 5;

    /** A share in whole percents, not shown over fewer than 5 signals. */
    private static String share(Object part, Object whole) {
        long w = ((Number) whole).longValue();
        if (w < SMALL) {
            return SmallNumbers.show(w);
        }
        return Math.round(100.0 * ((Number) part).longValue() / w) + "%";
    }

    private Table group(String title, String labelPrefix, String expression, String where, UUID org, int year) {
        Map<String, String> rows = new LinkedHashMap<>();
        jdbc.sql("select " + expression + " as k, count(*) as n" + where + " group by 1 order by 2 desc, 1")
                .params(org, year)
                .query((rs, i) -> rows.put(labelPrefix + rs.getString("k"), SmallNumbers.show(rs.getLong("n")))).list();
        return new Table(title, rows);
    }

    private static String show(Object n) {
        return SmallNumbers.show(((Number) n).longValue());
    }
}
