package org.samenkracht.privacy;

import java.util.Arrays;
import java.util.Optional;

/**
 * A part of a person's file, as the access gate guards it. Every read and write of personal data
 * names the part it touches, so a consent for one kind of {@link Information} opens exactly the
 * parts of that kind, and a new module cannot invent a name no consent claims: it adds a part here,
 * under the kind of information it is. The audit log stores the part's {@link #key()}.
 */
public enum Part {
    /** Name, date of birth, address and contact: who the person is. */
    PERSON(Information.PERSON, "person"),
    /** The four questions in the person's own words. */
    FOUR_QUESTIONS(Information.OWN_WORDS, "four-questions"),
    /** The own story, written by the person (and contributions beside it). */
    OWN_STORY(Information.OWN_WORDS, "own-story"),
    /** Conversations, their five phases and the report both agree to. */
    CONVERSATIONS(Information.OWN_WORDS, "conversation"),
    LOGBOOK(Information.OWN_WORDS, "logbook"),
    /** Answers to the instruments: assessment grid, personal profile, quality of life, self-reliance. */
    INSTRUMENT_RESPONSES(Information.EXPLORATION, "instrument-responses"),
    /** The person's wishes and their order. */
    WISHES(Information.EXPLORATION, "wishes"),
    /** The support system: members, kinds of support, load, the ecogram, its history. */
    NETWORK(Information.NETWORK, "network"),
    /** The support plan: goals, options, steps, sign-off, versions, the printable plan. */
    PLAN(Information.PLAN, "plan"),
    /** Evaluations of the plan, monitoring checks and the support timeline. */
    EVALUATIONS(Information.PLAN, "plan.evaluation"),
    /** Who is in the person's care team. */
    CARE_TEAM(Information.TEAM_ONLY, "care-team"),
    CONSENTS(Information.TEAM_ONLY, "consent"),
    SHARING_DECISIONS(Information.TEAM_ONLY, "sharing"),
    CONCERNS(Information.TEAM_ONLY, "concern"),
    EMERGENCY_ACCESS(Information.TEAM_ONLY, "emergency"),
    /** The audit log of the person's file ("who looked") and the person's questions about it. */
    AUDIT_LOG(Information.TEAM_ONLY, "audit"),
    /** A copy of everything (right of access). */
    EXPORT(Information.TEAM_ONLY, "export"),
    RESTRICTION(Information.TEAM_ONLY, "restriction"),
    ERASURE(Information.TEAM_ONLY, "erasure"),
    // signals: the signals passed on about the person, once linked to their file (no consent opens them)
    SIGNALS(Information.TEAM_ONLY, "signals"),

    // deliberation and team (issue 21): dilemmas weighed, handovers, reviews of the trajectory
    /** Ethical deliberations about the person's support (gps, dilemma method, Socratic conversation). */
    DELIBERATIONS(Information.TEAM_ONLY, "deliberation"),
    /** Warm handovers from one worker to another, which the person co-signs. */
    HANDOVERS(Information.TEAM_ONLY, "handover"),
    /** Reviews of the trajectory from several viewpoints, with who decides, and phase-out plans. */
    TRAJECTORY_REVIEWS(Information.TEAM_ONLY, "trajectory-review"),

    // community (issue 20)
    /** Buddy requests, the home visit, matches and their checks, group progress and activity sign-ups: support at the community layer. */
    COMMUNITY(Information.PLAN, "community");

    private final Information information;
    private final String key;

    Part(Information information, String key) {
        this.information = information;
        this.key = key;
    }

    /** The kind of information a consent must name (or {@link Information#EVERYTHING}) to open this part. */
    public Information information() {
        return information;
    }

    /** The stable name written into the audit log. */
    public String key() {
        return key;
    }

    /**
     * The part an audit row names, also for rows written before parts were typed ("plan.versions",
     * "instrument:…", "logbook-search"): the longest key the stored name starts with.
     */
    public static Optional<Part> ofAuditResource(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        String r = resource.startsWith("instrument") ? "instrument-responses"
                : resource.startsWith("conversation") ? "conversation"
                : resource.startsWith("audit") ? "audit"
                : resource.startsWith("emergency") ? "emergency" : resource;
        return Arrays.stream(values())
                .filter(p -> r.equals(p.key) || (r.startsWith(p.key) && !Character.isLetterOrDigit(r.charAt(p.key.length()))))
                .max(java.util.Comparator.comparingInt(p -> p.key.length()));
    }
}
