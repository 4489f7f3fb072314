package org.samenkracht.privacy;

import java.util.Arrays;
import java.util.List;

/**
 * What part of a person's file a consent covers. A resource named in {@link PersonAccess#require}
 * belongs to the part whose prefix it starts with ("plan", "plan/goals" → {@link #PLAN}); a resource
 * no part claims is covered only by {@link #EVERYTHING}.
 */
public enum Information {
    PERSON("person"),
    OWN_WORDS("four-questions", "story", "conversation", "logbook"),
    EXPLORATION("exploration", "wishes", "assessment", "profile"),
    NETWORK("network"),
    PLAN("plan"),
    EVERYTHING,
    /**
     * What the team keeps about secrecy itself (consents, sharing decisions, concerns, emergency access,
     * the audit log, exports, erasure): no consent opens it, not even one for everything.
     */
    TEAM_ONLY("consent", "sharing", "concern", "emergency", "audit", "export", "care-team", "restriction", "erasure");

    private final List<String> prefixes;

    Information(String... prefixes) {
        this.prefixes = List.of(prefixes);
    }

    /** The resource names this part claims (what {@link #of} matches on). */
    public List<String> prefixes() {
        return prefixes;
    }

    public String labelKey() {
        return "information." + name();
    }

    /** The parts a person can choose in a consent. */
    public static List<Information> choosable() {
        return Arrays.stream(values()).filter(i -> i != TEAM_ONLY).toList();
    }

    /** The part a resource belongs to; {@link #EVERYTHING} when no part claims it. */
    public static Information of(String resource) {
        if (resource == null) {
            return EVERYTHING;
        }
        return Arrays.stream(values())
                .filter(i -> i.prefixes.stream().anyMatch(p -> resource.equals(p)
                        || (resource.startsWith(p) && !Character.isLetterOrDigit(resource.charAt(p.length())))))
                .findFirst().orElse(EVERYTHING);
    }
}
