package org.samenkracht.insights;

import java.util.List;

/**
 * The figures, each counted over the people whose first contact fell in the period (the cohort), per neighbourhood.
 * Categories of a count figure are mutually exclusive; a figure linked to the people counted is held back wherever
 * the people counted are. Labels: {@code insights.figure.<NAME>} and {@code insights.category.<CATEGORY>}.
 */
public enum Figure {
    PEOPLE(Kind.COUNT, List.of("ALL"), false),
    TIME_TO_PLAN(Kind.COUNT, List.of("WITHIN_4_WEEKS", "WITHIN_8_WEEKS", "LATER", "NOT_YET"), true),
    TIME_TO_SUPPORT(Kind.COUNT, List.of("WITHIN_4_WEEKS", "WITHIN_8_WEEKS", "LATER", "NOT_YET"), true),
    LAYER_OWN_STRENGTH(Kind.COUNT, List.of("YES", "NO"), true),
    LAYER_NETWORK(Kind.COUNT, List.of("YES", "NO"), true),
    LAYER_GENERAL_COLLECTIVE(Kind.COUNT, List.of("YES", "NO"), true),
    LAYER_VOLUNTEER(Kind.COUNT, List.of("YES", "NO"), true),
    LAYER_INDIVIDUAL_PROFESSIONAL(Kind.COUNT, List.of("YES", "NO"), true),
    NETWORK_THREE_OR_MORE(Kind.COUNT, List.of("YES", "NO"), true),
    LOAD_WARNING(Kind.COUNT, List.of("YES", "NO"), true),
    EVALUATIONS_ON_TIME(Kind.COUNT, List.of("ON_TIME", "LATE"), false),
    NETWORK_HOURS(Kind.MAGNITUDE, List.of("HOURS"), false),
    /** Signals (not people) by urgency, in the month they came in; a sensitive topic (the sensitive threshold). */
    SIGNALS(Kind.COUNT, List.of("ACUTE", "URGENT", "REGULAR", "WEAK"), false, true),
    SIGNALS_FOLLOWED_UP(Kind.COUNT, List.of("IN_TIME", "LATE"), false, true),
    /**
     * The median change in quality of life per life domain, from the first to the latest "How am I doing?" (qol-self),
     * of the people who filled it in at least twice; medians only over enough people.
     */
    QOL_CHANGE(Kind.MEDIANS, java.util.Arrays.stream(org.samenkracht.vocabulary.LifeDomain.values()).map(Enum::name).toList(), true),
    /** Weeks from first contact to the first signed plan: a histogram, for the median. */
    WEEKS_TO_PLAN(Kind.HISTOGRAM, List.of(), false),
    WEEKS_TO_SUPPORT(Kind.HISTOGRAM, List.of(), false);

    public enum Kind { COUNT, MAGNITUDE, HISTOGRAM, MEDIANS }

    private final Kind kind;
    private final List<String> categories;
    private final boolean linked;
    private final boolean sensitive;

    Figure(Kind kind, List<String> categories, boolean linked) {
        this(kind, categories, linked, false);
    }

    Figure(Kind kind, List<String> categories, boolean linked, boolean sensitive) {
        this.kind = kind;
        this.categories = categories;
        this.linked = linked;
        this.sensitive = sensitive;
    }

    /** A sensitive topic: held back under the organisation's sensitive threshold (up to 10). */
    public boolean sensitive() {
        return sensitive;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> categories() {
        return categories;
    }

    /** Held back wherever the people counted are held back (same people, same areas). */
    public boolean linked() {
        return linked;
    }

    public String labelKey() {
        return "insights.figure." + name();
    }
}
