package org.samenkracht.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Locale;
import java.util.Map;

/**
 * The eight quality-of-life domains (Schalock; the seeds' "acht domeinen van kwaliteit van bestaan").
 * One list for the exploration's instruments, the plan's goals, the social map's offers and matching.
 * Label: {@code lifeDomain.<CONSTANT>}.
 */
public enum LifeDomain {
    EMOTIONAL_WELLBEING, INTERPERSONAL_RELATIONS, MATERIAL_WELLBEING, PERSONAL_DEVELOPMENT, PHYSICAL_WELLBEING,
    SELF_DETERMINATION, SOCIAL_INCLUSION, RIGHTS;

    /** Names used before the one vocabulary (plan, exploration instruments), still found in signed plan snapshots. */
    private static final Map<String, LifeDomain> FORMER = Map.of(
            "RELATIONSHIPS", INTERPERSONAL_RELATIONS, "RELATIONS", INTERPERSONAL_RELATIONS,
            "EMOTIONAL", EMOTIONAL_WELLBEING, "PHYSICAL", PHYSICAL_WELLBEING, "MATERIAL", MATERIAL_WELLBEING,
            "INCLUSION", SOCIAL_INCLUSION, "DEVELOPMENT", PERSONAL_DEVELOPMENT);

    /** The message key of the label. */
    public String labelKey() {
        return "lifeDomain." + name();
    }

    /**
     * The domain of a code, also of a former name (for stored JSON); unknown codes are refused.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    @JsonCreator
    public static LifeDomain of(String code) {
        if (code == null) {
            throw new IllegalArgumentException("life domain: null");
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        LifeDomain former = FORMER.get(c);
        return former != null ? former : valueOf(c);
    }
}
