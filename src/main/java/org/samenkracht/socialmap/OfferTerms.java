package org.samenkracht.socialmap;

/**
 * The reference lists of the social map. Each constant has a Dutch and an English label in
 * {@code messages/socialmap*.properties} under {@code <list>.<CONSTANT>}.
 */
public final class OfferTerms {

    private OfferTerms() {
    }

    /** Who offers it. */
    public enum ProviderKind { ORGANISATION, ASSOCIATION, VOLUNTEER_GROUP, INFORMAL_INITIATIVE }

    /**
     * The layer of support, from the inside out (the natural network sits below all of these and is
     * not an offer). Volunteer offers sit closest to the network, then general and collective
     * facilities, then individual professional ones (R13: general before specialist).
     */
    public enum Layer {
        VOLUNTEER, GENERAL_COLLECTIVE, INDIVIDUAL_PROFESSIONAL;

        /** 0 is closest to the person; a lower step is preferred. */
        public int step() {
            return ordinal();
        }
    }

    /** How much of the task the offer takes over: steun, zorg, overname. */
    public enum Intensity { SUPPORT, CARE, TAKEOVER }

    /** How to get in. */
    public enum AccessRoute { FREE, REFERRAL, INDICATION }

    /** The eight quality-of-life domains. */
    public enum LifeDomain {
        EMOTIONAL_WELLBEING, INTERPERSONAL_RELATIONS, MATERIAL_WELLBEING, PERSONAL_DEVELOPMENT,
        PHYSICAL_WELLBEING, SELF_DETERMINATION, SOCIAL_INCLUSION, RIGHTS
    }

    /** Who an offer is meant for. EVERYONE fits every person. */
    public enum TargetGroup {
        EVERYONE, CHILDREN_YOUTH, ADULTS, ELDERLY, FAMILIES, CAREGIVERS, NEWCOMERS, DISABILITY, MENTAL_HEALTH,
        LOW_INCOME
    }

    public enum Accessibility { WHEELCHAIR, HEARING_LOOP, EASY_LANGUAGE, HOME_VISITS, ONLINE }

    /** Languages an offer can be given in (ISO 639-1). */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "uk", "so");
}
