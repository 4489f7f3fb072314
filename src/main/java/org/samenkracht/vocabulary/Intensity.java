package org.samenkracht.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;
import java.util.Map;

/**
 * Where support sits on the continuum: supporting the person who keeps doing it, caring for them, or
 * taking the task over (the seeds' steun / zorg / overname). Used by plan steps and social-map offers.
 * Label: {@code intensity.<CONSTANT>}.
 */
public enum Intensity {
    SUPPORT, CARE, TAKEOVER;

    private static final Map<String, Intensity> FORMER = Map.of("STEUN", SUPPORT, "ZORG", CARE, "OVERNAME", TAKEOVER);

    public String labelKey() {
        return "intensity." + name();
    }

    /**
     * The intensity of a code, also of the plan's former Dutch names (still in signed plan snapshots).
     *
     * @throws IllegalArgumentException for an unknown code
     */
    @JsonCreator
    public static Intensity of(String code) {
        if (code == null) {
            throw new IllegalArgumentException("intensity: null");
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        Intensity former = FORMER.get(c);
        return former != null ? former : valueOf(c);
    }
}
