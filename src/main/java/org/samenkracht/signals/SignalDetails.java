package org.samenkracht.signals;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The details of a signal beyond what was seen: the kind of concern (an agreement says which kinds a
 * partner may pass), how often and since when, whether the person knows it is passed on, and the
 * preconditions an agreement sets before a partner passes a concern on.
 */
public final class SignalDetails {

    private SignalDetails() {
    }

    /**
     * The kind of concern; an agreement lists the kinds its partner may pass on. Threatening debts (an eviction, a
     * cut-off of energy or water) have a short deadline of their own by default (see {@link ConcernDeadline}).
     */
    public enum ConcernKind { MONEY_DEBTS, THREATENING_DEBTS, HOUSING_NEGLECT, HEALTH_MEDICINES, CONFUSION, LONELINESS, SAFETY, OTHER }

    public enum Frequency { ONCE, SOMETIMES, OFTEN }

    /** Whether the person knows the concern is passed on. */
    public enum PersonKnows { YES, NO, UNKNOWN }

    /** What an agreement may require the partner to have done first (for example a housing corporation). */
    public enum Precondition { WRITTEN_REMINDER_SENT, PERSONAL_CONTACT_TRIED, HELP_POINTED_TO }

    /** Stored as a comma-separated list of names; {@code null} or blank is none. */
    static <E extends Enum<E>> Set<E> parse(Class<E> type, String stored) {
        Set<E> set = EnumSet.noneOf(type);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(s -> set.add(Enum.valueOf(type, s)));
        }
        return set;
    }

    /** The preconditions stored on a signal (for the module's row reader). */
    public static Set<Precondition> preconditions(String stored) {
        return parse(Precondition.class, stored);
    }

    static String store(Collection<? extends Enum<?>> values) {
        return values == null ? "" : values.stream().filter(java.util.Objects::nonNull).map(Enum::name).distinct().sorted()
                .collect(Collectors.joining(","));
    }
}
