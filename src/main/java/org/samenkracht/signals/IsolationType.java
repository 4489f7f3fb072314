package org.samenkracht.signals;

/**
 * The typology of socially isolated older people (seed 001, §3.5): four degrees of persistence, each
 * oriented to participation or not, with the interventions that fit. Kept per case of the network meeting.
 */
public enum IsolationType {
    ACTIVES(1, true), SHELTERED(1, false),
    LEFT_BEHIND(2, true), DEPENDANTS(2, false),
    COMPENSATORS(3, true), OUTSIDERS(3, false),
    HOPEFULS(4, true), SURVIVORS(4, false);

    private final int persistence;
    private final boolean oriented;

    IsolationType(int persistence, boolean oriented) {
        this.persistence = persistence;
        this.oriented = oriented;
    }

    public int persistence() {
        return persistence;
    }

    public boolean oriented() {
        return oriented;
    }

    public static IsolationType of(int persistence, boolean oriented) {
        for (IsolationType t : values()) {
            if (t.persistence == persistence && t.oriented == oriented) {
                return t;
            }
        }
        throw new IllegalArgumentException("persistence must be 1 to 4");
    }

    /** Message key of the fitting interventions (one text per degree of persistence). */
    public String interventionsKey() {
        return "signals.typology.interventions." + persistence;
    }
}
