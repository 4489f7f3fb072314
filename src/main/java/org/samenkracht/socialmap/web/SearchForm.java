package org.samenkracht.socialmap.web;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.OpeningHours;
import org.samenkracht.socialmap.SearchQuery;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;

/** The search form as the page and the API bind it from request parameters. */
public record SearchForm(String q, List<LifeDomain> domain, List<OfferTerms.TargetGroup> group,
                         List<Layer> layer, List<SearchQuery.Cost> cost,
                         List<OfferTerms.AccessRoute> access, List<String> language, String place, Double km,
                         DayOfWeek day,
                         @org.springframework.format.annotation.DateTimeFormat(pattern = "HH:mm") LocalTime time,
                         Integer page) {

    public static final int PAGE_SIZE = 20;

    public SearchForm {
        domain = domain == null ? List.of() : domain;
        group = group == null ? List.of() : group;
        layer = layer == null ? List.of() : layer;
        cost = cost == null ? List.of() : cost;
        access = access == null ? List.of() : access;
        language = language == null ? List.of() : language;
    }

    public int pageNumber() {
        return page == null || page < 1 ? 1 : Math.min(page, 1000);
    }

    public SearchQuery query(double[] at) {
        Integer openAt = day != null ? OpeningHours.minuteOfWeek(day, time == null ? LocalTime.NOON : time) : null;
        return new SearchQuery(q, new HashSet<>(domain), new HashSet<>(group), new HashSet<>(layer), new HashSet<>(cost),
                new HashSet<>(access), new HashSet<>(language), at == null ? null : at[0], at == null ? null : at[1],
                at == null ? null : km, openAt, PAGE_SIZE, (pageNumber() - 1) * PAGE_SIZE);
    }

    public boolean has(String facet, String value) {
        List<?> values = switch (facet) {
            case "domain" -> domain;
            case "targetGroup" -> group;
            case "layer" -> layer;
            case "cost" -> cost;
            case "access" -> access;
            default -> language;
        };
        return values.stream().anyMatch(v -> v.toString().equals(value));
    }
}
