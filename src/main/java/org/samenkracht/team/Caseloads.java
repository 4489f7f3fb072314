package org.samenkracht.team;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Caseload as bandwidth. A worker sees their own caseload weighed person by person (the weights read
 * through the access gate, as that worker); what it weighed is kept as a figure without names, so the
 * coach sees the team's load against the bandwidth the team agreed without opening anyone's file.
 */
@Service
public class Caseloads {

    /** Used until the team agrees its own bandwidth. */
    public static final double DEFAULT_BANDWIDTH = 20.0;

    public record Row(UUID personId, String name, Map<String, Double> weights, double points, int workerChanges) {
    }

    public record Mine(List<Row> rows, double points, double bandwidth, int percent, BandwidthPolicy.Level level,
                       boolean bandwidthAgreed) {
    }

    public record Colleague(UUID accountId, String name, long persons, long withoutDisclosure, Double points,
                            Instant measuredAt, Integer percent, BandwidthPolicy.Level level) {
    }

    public record Team(List<Colleague> colleagues, double bandwidthPerProfessional, boolean bandwidthAgreed,
                       LocalDate agreedOn, int version, double points, double teamBandwidth, int percent) {
    }

    public record Agree(
            @NotNull(message = "{validation.required}") @DecimalMin(value = "1", message = "{team.validation.range}")
            @DecimalMax(value = "200", message = "{team.validation.range}") BigDecimal pointsPerProfessional,
            Integer version) {
    }

    private final JdbcClient jdbc;
    private final Persons persons;
    private final CareTeam careTeam;
    private final PersonAccess access;
    private final List<CaseloadWeight> weights;
    private final Handovers handovers;

    Caseloads(JdbcClient jdbc, Persons persons, CareTeam careTeam, PersonAccess access, List<CaseloadWeight> weights,
              Handovers handovers) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.careTeam = careTeam;
        this.access = access;
        this.weights = weights;
        this.handovers = handovers;
    }

    @Transactional
    public Mine mine() {
        return mine(true);
    }

    /**
     * The user's own caseload. With {@code weigh}, the figure the coach's team view shows is recorded
     * too (every look at one's own caseload weighs it again); without, nothing is written, as when the
     * page is shown again around a refused form, which must leave everything as it was.
     */
    @Transactional
    public Mine mine(boolean weigh) {
        CurrentUser user = staff();
        List<PersonView> caseload = persons.caseload();
        List<UUID> ids = access.readable(caseload.stream().map(PersonView::id).toList(), Part.PERSON);
        Map<String, Map<UUID, Double>> byWeight = new LinkedHashMap<>();
        for (CaseloadWeight w : weights) {
            byWeight.put(w.key(), w.weigh(ids));
        }
        List<Row> rows = new ArrayList<>();
        double total = 0;
        for (PersonView p : caseload) {
            if (!ids.contains(p.id())) {
                continue;
            }
            Map<String, Double> mine = new LinkedHashMap<>();
            double points = BandwidthPolicy.BASE_PER_PERSON;
            for (var e : byWeight.entrySet()) {
                double v = e.getValue().getOrDefault(p.id(), 0.0);
                mine.put(e.getKey(), v);
                points += v;
            }
            total += points;
            rows.add(new Row(p.id(), p.fullName(), mine, points, handovers.changesInLastYear(p.id())));
        }
        rows.sort((a, b) -> Double.compare(b.points(), a.points()));
        var agreed = bandwidth(user.organisationId());
        double bandwidth = agreed == null ? DEFAULT_BANDWIDTH : agreed.doubleValue();
        if (weigh) {
            jdbc.sql("""
                    insert into caseload_figure (account_id, organisation_id, persons, points) values (?, ?, ?, ?)
                    on conflict (account_id) do update set persons = excluded.persons, points = excluded.points, measured_at = now()""")
                    .params(user.id(), user.organisationId(), rows.size(), BigDecimal.valueOf(total)).update();
        }
        return new Mine(rows, total, bandwidth, BandwidthPolicy.percent(total, bandwidth), BandwidthPolicy.level(total, bandwidth),
                agreed != null);
    }

    /** The team's load per professional against the agreed bandwidth: figures only, no names of persons. */
    @Transactional(readOnly = true)
    public Team team() {
        CurrentUser user = CurrentUser.get();
        if (!(user.is(Role.COACH) || user.is(Role.ADMINISTRATOR))) {
            throw new AccessRefused("access.refused.coachOnly");
        }
        var agreed = jdbc.sql("select points_per_professional, agreed_on, version from team_bandwidth where organisation_id = ?")
                .param(user.organisationId())
                .query((rs, i) -> new Object[] {rs.getBigDecimal(1), rs.getObject(2, LocalDate.class), rs.getInt(3)})
                .optional().orElse(null);
        double bandwidth = agreed == null ? DEFAULT_BANDWIDTH : ((BigDecimal) agreed[0]).doubleValue();
        Map<UUID, Object[]> figures = new LinkedHashMap<>();
        jdbc.sql("select account_id, points, measured_at from caseload_figure where organisation_id = ?")
                .param(user.organisationId())
                .query((rs, i) -> figures.put(rs.getObject(1, UUID.class),
                        new Object[] {rs.getBigDecimal(2).doubleValue(), rs.getTimestamp(3).toInstant()}))
                .list();
        List<Colleague> colleagues = new ArrayList<>();
        double total = 0;
        for (CareTeam.CaseloadFigure f : careTeam.caseloadFigures()) {
            Object[] fig = figures.get(f.userId());
            Double points = fig == null ? null : (Double) fig[0];
            total += points == null ? f.persons() * BandwidthPolicy.BASE_PER_PERSON : points;
            colleagues.add(new Colleague(f.userId(), f.displayName(), f.persons(), f.withoutDisclosure(), points,
                    fig == null ? null : (Instant) fig[1], points == null ? null : BandwidthPolicy.percent(points, bandwidth),
                    points == null ? null : BandwidthPolicy.level(points, bandwidth)));
        }
        double teamBandwidth = bandwidth * colleagues.size();
        return new Team(colleagues, bandwidth, agreed != null, agreed == null ? null : (LocalDate) agreed[1],
                agreed == null ? 0 : (Integer) agreed[2], total, teamBandwidth, BandwidthPolicy.percent(total, teamBandwidth));
    }

    /** The coach records the bandwidth the team agreed (points per professional). */
    @Transactional
    public void agree(Agree c) {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.COACH)) {
            throw new AccessRefused("access.refused.coachOnly");
        }
        int changed = jdbc.sql("""
                update team_bandwidth set points_per_professional = ?, agreed_on = current_date, agreed_by = ?, version = version + 1
                where organisation_id = ? and version = ?""")
                .params(c.pointsPerProfessional(), user.id(), user.organisationId(), c.version() == null ? -1 : c.version()).update();
        if (changed == 0) {
            int inserted = jdbc.sql("""
                    insert into team_bandwidth (organisation_id, points_per_professional, agreed_on, agreed_by)
                    values (?, ?, current_date, ?) on conflict (organisation_id) do nothing""")
                    .params(user.organisationId(), c.pointsPerProfessional(), user.id()).update();
            if (inserted == 0) {
                throw new OptimisticLockingFailureException("bandwidth changed meanwhile");
            }
        }
    }

    private BigDecimal bandwidth(UUID organisationId) {
        return jdbc.sql("select points_per_professional from team_bandwidth where organisation_id = ?")
                .param(organisationId).query(BigDecimal.class).optional().orElse(null);
    }

    private static CurrentUser staff() {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople()) {
            throw new AccessRefused("access.refused.coachOnly");
        }
        return user;
    }
}
