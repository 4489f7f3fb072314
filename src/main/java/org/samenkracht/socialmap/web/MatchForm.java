package org.samenkracht.socialmap.web;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.socialmap.Matching;
import org.samenkracht.socialmap.OfferTerms;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/** The preferences as the form sends them. */
public record MatchForm(UUID goal, LifeDomain domain, List<OfferTerms.TargetGroup> group, String language,
                        List<DayOfWeek> day, List<Layer> refuseLayer, List<Intensity> refuseIntensity,
                        String place) {
    public Matching.Preferences preferences() {
        return new Matching.Preferences(domain, group == null ? null : new java.util.HashSet<>(group), language,
                day == null ? null : new java.util.HashSet<>(day),
                refuseLayer == null ? null : new java.util.HashSet<>(refuseLayer),
                refuseIntensity == null ? null : new java.util.HashSet<>(refuseIntensity), place);
    }

    public boolean has(String list, String value) {
        List<?> values = switch (list) {
            case "group" -> group;
            case "day" -> day;
            case "refuseLayer" -> refuseLayer;
            default -> refuseIntensity;
        };
        return values != null && values.stream().anyMatch(v -> v.toString().equals(value));
    }
}

