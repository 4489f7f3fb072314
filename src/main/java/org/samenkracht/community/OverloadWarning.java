package org.samenkracht.community;

import org.samenkracht.common.domain.RuleViolation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposing this volunteer would overload them (issue 20: overlapping matches that overload a volunteer warn): the
 * coordinator sees the load figures and may confirm ({@code confirmOverload}), after which the match is proposed and
 * the figures are kept with it. Answered as a refused form (422, field {@code confirmOverload}); the API adds the
 * figures as {@code load} and what makes it too much as {@code over} (message keys).
 */
public class OverloadWarning extends RuleViolation {

    private final String volunteerName;
    private final transient VolunteerMatchingPolicy.Load load;
    private final List<String> over;

    public OverloadWarning(String volunteerName, VolunteerMatchingPolicy.Load load, List<String> over) {
        super("confirmOverload", load.reportedLoad() == null ? "community.match.overloadWarning"
                        : "community.match.overloadWarningWithLoad", volunteerName, load.openMatches(), load.maxMatches(),
                load.hoursWithThis(), load.offeredHours(), load.reportedLoad() == null ? 0 : load.reportedLoad());
        this.volunteerName = volunteerName;
        this.load = load;
        this.over = List.copyOf(over);
    }

    public String volunteerName() {
        return volunteerName;
    }

    public VolunteerMatchingPolicy.Load load() {
        return load;
    }

    public List<String> over() {
        return over;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("load", load);
        d.put("over", over);
        return d;
    }
}
