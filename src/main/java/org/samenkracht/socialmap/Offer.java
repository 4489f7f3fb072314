package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An offer on the social map as pages and the API show it. */
public record Offer(UUID id, UUID providerId, String providerName, OfferTerms.ProviderKind providerKind,
                   String externalKey, String name, String description, String goalsServed,
                   List<LifeDomain> domains, List<OfferTerms.TargetGroup> targetGroups,
                   Layer layer, Intensity intensity, List<OfferData.Location> locations,
                   List<String> workingArea, String openingHours, OfferTerms.AccessRoute accessRoute,
                   BigDecimal costEur, boolean reductionPossible, List<String> languages,
                   List<OfferTerms.Accessibility> accessibility, int waitingWeeks, Integer freeCapacity,
                   String contactPhone, String contactEmail, String website, LocalDate lastChecked,
                   boolean stale, int openReports, int version) {

    public boolean free() {
        return costEur == null || costEur.signum() == 0;
    }

    public OfferData data() {
        return new OfferData(externalKey, providerName, providerKind, name, description, goalsServed, domains,
                targetGroups, layer, intensity, locations, workingArea, openingHours, accessRoute, costEur,
                reductionPossible, languages, accessibility, waitingWeeks, freeCapacity, contactPhone, contactEmail,
                website, lastChecked);
    }
}
