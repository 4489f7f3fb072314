package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An offer as it is written: by an administrator, by its provider through an invitation, or as a
 * row of an import. The same record, and the same {@link OfferValidation}, serve all three.
 * Lists are already split; {@code openingHours} is in the form {@code "MO 09:00-12:00, TU 13:00-17:00"}.
 */
public record OfferData(
        String externalKey,
        String providerName,
        OfferTerms.ProviderKind providerKind,
        String name,
        String description,
        String goalsServed,
        List<LifeDomain> domains,
        List<OfferTerms.TargetGroup> targetGroups,
        Layer layer,
        Intensity intensity,
        List<Location> locations,
        List<String> workingArea,
        String openingHours,
        OfferTerms.AccessRoute accessRoute,
        BigDecimal costEur,
        boolean reductionPossible,
        List<String> languages,
        List<OfferTerms.Accessibility> accessibility,
        int waitingWeeks,
        Integer freeCapacity,
        String contactPhone,
        String contactEmail,
        String website,
        LocalDate lastChecked) {

    public record Location(String address, double latitude, double longitude) {
    }

    public OfferData {
        domains = List.copyOf(domains);
        targetGroups = List.copyOf(targetGroups);
        locations = List.copyOf(locations);
        workingArea = List.copyOf(workingArea);
        languages = List.copyOf(languages);
        accessibility = List.copyOf(accessibility);
        goalsServed = goalsServed == null ? "" : goalsServed;
        openingHours = openingHours == null ? "" : openingHours;
    }

    /**
     * A fingerprint of everything written, so a re-import of the same row is recognised as unchanged.
     * Order inside the lists counts as written (a file that reorders is a change an admin may want to see).
     */
    public String contentHash() {
        String canonical = String.join("\u001f", externalKey, providerName, String.valueOf(providerKind), name,
                description, goalsServed, domains.toString(), targetGroups.toString(), String.valueOf(layer),
                String.valueOf(intensity), locations.toString(), workingArea.toString(), openingHours,
                String.valueOf(accessRoute), costEur == null ? "" : costEur.stripTrailingZeros().toPlainString(),
                String.valueOf(reductionPossible), languages.toString(), accessibility.toString(),
                String.valueOf(waitingWeeks), String.valueOf(freeCapacity), String.valueOf(contactPhone),
                String.valueOf(contactEmail), String.valueOf(website), String.valueOf(lastChecked));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public OfferData withLastChecked(LocalDate date) {
        return new OfferData(externalKey, providerName, providerKind, name, description, goalsServed, domains,
                targetGroups, layer, intensity, locations, workingArea, openingHours, accessRoute, costEur,
                reductionPossible, languages, accessibility, waitingWeeks, freeCapacity, contactPhone, contactEmail,
                website, date);
    }
}
