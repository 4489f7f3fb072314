package org.samenkracht.network;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Protect the network: weigh carrying capacity (draagkracht) against burden (draaglast) so informal
 * carers are not overloaded (seed 002; seed-001 rule 5). A warning is raised when the burden is
 * high, when it is rising, or when one person carries (almost) all the informal hours alone.
 */
public final class NetworkLoadPolicy {

    /** On the scale 1..5, from here on the burden is heavy. */
    public static final int HIGH_BURDEN = 4;
    /** A rise only warns once the burden is at least middling. */
    public static final int RISING_FROM = 3;
    /** One person carries it alone when they do this share of the informal hours … */
    public static final double ALONE_SHARE = 0.75;
    /** … and those hours are substantial. */
    public static final double ALONE_MIN_HOURS = 4;

    private NetworkLoadPolicy() {
    }

    /**
     * The warnings for one informal carer.
     *
     * @param reports          their load reports, oldest first
     * @param otherInformalHours the hours per week all other informal carers do (latest reports)
     */
    public static Set<LoadWarning> assess(List<LoadReport> reports, double otherInformalHours) {
        EnumSet<LoadWarning> warnings = EnumSet.noneOf(LoadWarning.class);
        if (reports.isEmpty()) {
            return warnings;
        }
        LoadReport latest = reports.get(reports.size() - 1);
        if (latest.burden() >= HIGH_BURDEN || latest.burden() > latest.capacity()) {
            warnings.add(LoadWarning.HIGH);
        }
        if (reports.size() >= 2) {
            LoadReport previous = reports.get(reports.size() - 2);
            if (latest.burden() > previous.burden() && latest.burden() >= RISING_FROM) {
                warnings.add(LoadWarning.RISING);
            }
        }
        double own = latest.hoursPerWeek();
        if (own >= ALONE_MIN_HOURS && own / (own + Math.max(0, otherInformalHours)) >= ALONE_SHARE) {
            warnings.add(LoadWarning.ALONE);
        }
        return warnings;
    }

    /** Every member with the warnings of their load, seen against the whole informal network. */
    public static List<MemberProfile> assessAll(List<MemberProfile> members) {
        double informalHours = members.stream().filter(MemberProfile::informal).mapToDouble(MemberProfile::hoursPerWeek).sum();
        List<MemberProfile> result = new ArrayList<>(members.size());
        for (MemberProfile m : members) {
            result.add(m.informal()
                    ? m.withWarnings(List.copyOf(assess(m.loads(), informalHours - m.hoursPerWeek())))
                    : m.withWarnings(List.of()));
        }
        return result;
    }
}
