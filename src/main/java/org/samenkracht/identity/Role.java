package org.samenkracht.identity;

/** The roles an account can have. Access to a person's file is decided per person, not by role alone. */
public enum Role {
    PROFESSIONAL, COACH, ADMINISTRATOR, PERSON, NETWORK_MEMBER,
    // signals: a partner organisation's signaller (pharmacist, housing officer, …); never opens a file
    SIGNALLING_PARTNER,
    // community (issue 20): a volunteer sees only their own matches; a coordinator backs volunteers and makes matches
    VOLUNTEER, COORDINATOR,
    // insights (issue 22): a policy maker or analyst of the municipality; sees only figures, never a person
    POLICY_ANALYST;

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }

    /**
     * A role that sees only aggregated, disclosure-controlled figures: it is refused every route but its own
     * (the security configuration keeps it to the insights pages, its account and signing in and out).
     */
    public boolean seesOnlyAggregates() {
        return this == POLICY_ANALYST;
    }

    /** Roles that work in people's support and may register a person. */
    public boolean supportsPeople() {
        return this == PROFESSIONAL || this == COACH;
    }
}
