package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Layer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search on the social map: words (Dutch, accents do not matter, the last word may be
 * unfinished), facets (OR inside a facet, AND between facets), distance from a point, open at a
 * moment (minutes since Monday 00:00).
 */
public record SearchQuery(String text, Set<LifeDomain> domains, Set<OfferTerms.TargetGroup> targetGroups,
                          Set<Layer> layers, Set<Cost> costs, Set<OfferTerms.AccessRoute> accessRoutes,
                          Set<String> languages, Double latitude, Double longitude, Double maxKm,
                          Integer openAtMinute, int limit, int offset) {

    /** The longest text a search takes; longer is refused with a clear message. */
    public static final int MAX_TEXT = 200;

    public enum Cost { FREE, REDUCTION, PAID }

    public SearchQuery {
        domains = domains == null ? Set.of() : Set.copyOf(domains);
        targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
        layers = layers == null ? Set.of() : Set.copyOf(layers);
        costs = costs == null ? Set.of() : Set.copyOf(costs);
        accessRoutes = accessRoutes == null ? Set.of() : Set.copyOf(accessRoutes);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        limit = Math.max(1, Math.min(limit, 100));
        offset = Math.max(0, Math.min(offset, 100_000));
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, null, null, null, null, null, null, null, null, null, null, 20, 0);
    }

    /**
     * The words of a text as safe tsquery lexemes: letters and digits only (so no operator or quote of
     * the user ever reaches the query parser), at most 12 words. Empty when nothing searchable is left.
     */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && out.size() < 12) {
                out.add(w.length() > 40 ? w.substring(0, 40) : w);
            }
        }
        return out;
    }

    /** All words must match; the last one may be the start of a word (type-ahead). Null: no text filter. */
    public String prefixQuery() {
        List<String> w = words(text);
        if (w.isEmpty()) {
            return null;
        }
        boolean unfinished = text != null && !text.isEmpty() && Character.isLetterOrDigit(text.charAt(text.length() - 1));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.size(); i++) {
            sb.append(i == 0 ? "" : " & ").append(w.get(i));
            if (i == w.size() - 1 && unfinished && w.get(i).length() >= 2) {
                sb.append(":*");
            }
        }
        return sb.toString();
    }

    /** Any of the words may match (for a goal in the person's own words). Null: no words. */
    public static String anyQuery(String text) {
        List<String> w = words(text);
        return w.isEmpty() ? null : String.join(" | ", w);
    }
}
