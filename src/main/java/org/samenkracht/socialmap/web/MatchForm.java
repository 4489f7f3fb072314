package org.samenkracht.socialmap.web;

import org.samenkracht.socialmap.Matching;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;

import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The preferences as the form sends them. {@code chosenFor} is the goal whose facts the professional saw and
 * changed: for that goal the ticked domains (also none) and the words box count; otherwise (first visit, another
 * goal chosen) the goal's own domains and words.
 */
public record MatchForm(UUID goal, List<LifeDomain> domain, UUID chosenFor, Boolean words,
                        List<OfferTerms.TargetGroup> group, String language,
                        List<DayOfWeek> day, List<Layer> refuseLayer, List<Intensity> refuseIntensity,
                        String place) {
    public Matching.Preferences preferences() {
        boolean chosen = chosenFor != null && chosenFor.equals(goal);
        return new Matching.Preferences(chosen ? set(domain) : null, chosen ? Boolean.TRUE.equals(words) : null,
                set(group), language, set(day), set(refuseLayer), set(refuseIntensity), place);
    }

    private static <T> HashSet<T> set(List<T> list) {
        return list == null ? new HashSet<>() : new HashSet<>(list);
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
