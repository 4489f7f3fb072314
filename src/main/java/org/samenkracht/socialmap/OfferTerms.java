package org.samenkracht.socialmap;

/**
 * The reference lists of the social map. Each constant has a Dutch and an English label in
 * {@code messages/socialmap*.properties} under {@code <list>.<CONSTANT>}. Life domain, layer and
 * intensity are the shared ones of {@code org.samenkracht.vocabulary}.
 */
public final class OfferTerms {

    private OfferTerms() {
    }

    /** Who offers it. */
    public enum ProviderKind { ORGANISATION, ASSOCIATION, VOLUNTEER_GROUP, INFORMAL_INITIATIVE }

    /** How to get in. */
    public enum AccessRoute { FREE, REFERRAL, INDICATION }

    /** Who an offer is meant for. EVERYONE fits every person. */
    public enum TargetGroup {
        EVERYONE, CHILDREN_YOUTH, ADULTS, ELDERLY, FAMILIES, CAREGIVERS, NEWCOMERS, DISABILITY, MENTAL_HEALTH,
        LOW_INCOME
    }

    public enum Accessibility { WHEELCHAIR, HEARING_LOOP, EASY_LANGUAGE, HOME_VISITS, ONLINE }

    /** Languages an offer can be given in (ISO 639-1). */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "uk", "so");
}
