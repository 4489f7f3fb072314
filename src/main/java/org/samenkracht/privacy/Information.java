package org.samenkracht.privacy;

import java.util.Arrays;
import java.util.List;

/**
 * A kind of information in a person's file, as a consent names it. Each {@link Part} of the file
 * belongs to exactly one kind; a consent for {@link #EVERYTHING} opens every part a consent can open.
 */
public enum Information {
    PERSON,
    /** The four questions, own story, conversations and logbook. */
    OWN_WORDS,
    /** Instrument answers, wishes, the assessment grid and profile. */
    EXPLORATION,
    NETWORK,
    PLAN,
    EVERYTHING,
    /**
     * What the team keeps about secrecy itself (consents, sharing decisions, concerns, emergency access,
     * the audit log, exports, erasure): no consent opens it, not even one for everything.
     */
    TEAM_ONLY;

    public String labelKey() {
        return "information." + name();
    }

    /** The parts a person can choose in a consent. */
    public static List<Information> choosable() {
        return Arrays.stream(values()).filter(i -> i != TEAM_ONLY).toList();
    }

    /** The kind of information an audit row's resource is about; {@link #EVERYTHING} for an unknown name. */
    public static Information of(String resource) {
        return Part.ofAuditResource(resource).map(Part::information).orElse(EVERYTHING);
    }
}
