package org.samenkracht.socialmap;

import java.util.List;
import java.util.Map;

/** One page of search results with the counts per facet value over all results. */
public record SearchResult(List<Hit> hits, long total, Map<String, Map<String, Long>> facets) {

    public record Hit(Offer offer, Double distanceKm) {
    }
}
