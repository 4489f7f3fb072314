package org.samenkracht.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The layers of support from the inside out (the seeds' Kanteling circles, R13): the person's own
 * strength, their natural network, general and collective facilities, volunteer offers, and only then
 * individual professional help. General facilities and volunteer offers share the third circle
 * ("collectief als het kan, vrijwilliger waar mogelijk, professioneel waar nodig"). Label:
 * {@code layer.<CONSTANT>}.
 *
 * <p>Who uses which: a plan step can sit in every layer; a network member sits in NETWORK,
 * GENERAL_COLLECTIVE, VOLUNTEER or INDIVIDUAL_PROFESSIONAL ({@link #forNetworkMembers()}); a social-map offer in
 * GENERAL_COLLECTIVE, VOLUNTEER or INDIVIDUAL_PROFESSIONAL ({@link #forOffers()}).
 */
public enum Layer {
    OWN_STRENGTH(1), NETWORK(2), GENERAL_COLLECTIVE(3), VOLUNTEER(3), INDIVIDUAL_PROFESSIONAL(4);

    private static final Map<String, Layer> FORMER = Map.of(
            "SELF", OWN_STRENGTH, "NATURAL", NETWORK, "COMMUNITY", GENERAL_COLLECTIVE, "GENERAL", GENERAL_COLLECTIVE,
            "PROFESSIONAL", INDIVIDUAL_PROFESSIONAL);

    private final int circle;

    Layer(int circle) {
        this.circle = circle;
    }

    /** The Kanteling circle, 1 (own strength) to 4 (individual professional); a lower circle comes first. */
    public int circle() {
        return circle;
    }

    /** The first layer of this layer's circle: VOLUNTEER counts as GENERAL_COLLECTIVE for the inside-out rule. */
    public Layer circleHead() {
        return this == VOLUNTEER ? GENERAL_COLLECTIVE : this;
    }

    /** One layer per circle, in order: the layers the inside-out rule asks about. */
    public static List<Layer> circles() {
        return List.of(OWN_STRENGTH, NETWORK, GENERAL_COLLECTIVE, INDIVIDUAL_PROFESSIONAL);
    }

    /** The circles that must be considered before this one (their head layers). */
    public List<Layer> below() {
        return circles().stream().filter(l -> l.circle < circle).toList();
    }

    /** The layers a network member can sit in (the person themself is the centre, not a member). */
    public static List<Layer> forNetworkMembers() {
        return List.of(NETWORK, GENERAL_COLLECTIVE, VOLUNTEER, INDIVIDUAL_PROFESSIONAL);
    }

    /** The layers a social-map offer can sit in. */
    public static List<Layer> forOffers() {
        return List.of(GENERAL_COLLECTIVE, VOLUNTEER, INDIVIDUAL_PROFESSIONAL);
    }

    public boolean isOfferLayer() {
        return circle >= 3;
    }

    public String labelKey() {
        return "layer." + name();
    }

    /**
     * The layer of a code, also of a former name (network NATURAL/COMMUNITY/PROFESSIONAL, plan GENERAL, still
     * in signed plan snapshots).
     *
     * @throws IllegalArgumentException for an unknown code
     */
    @JsonCreator
    public static Layer of(String code) {
        if (code == null) {
            throw new IllegalArgumentException("layer: null");
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        Layer former = FORMER.get(c);
        return former != null ? former : valueOf(c);
    }

}
