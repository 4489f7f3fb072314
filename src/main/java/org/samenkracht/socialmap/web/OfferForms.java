package org.samenkracht.socialmap.web;

import org.samenkracht.socialmap.Offer;
import org.samenkracht.socialmap.OfferRow;
import org.springframework.util.MultiValueMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The offer form's fields as text (the same fields as the import formats). */
final class OfferForms {

    private OfferForms() {
    }

    /** From a form post: checkbox groups and the lines of a text area become {@code |}-lists. */
    static Map<String, String> fields(MultiValueMap<String, String> params) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : OfferRow.COLUMNS) {
            List<String> values = params.getOrDefault(column, List.of());
            fields.put(column, String.join("|", values.stream()
                    .flatMap(v -> java.util.Arrays.stream(v.split("\\r?\\n"))).map(String::trim)
                    .filter(v -> !v.isEmpty()).toList()));
        }
        return fields;
    }

    /** From an offer, for editing: lists one per line where a text area shows them. */
    static Map<String, String> fields(Offer offer) {
        Map<String, String> fields = OfferRow.fieldsOf(OfferRow.valuesOf(offer.data()));
        fields.put("locations", fields.get("locations").replace("|", "\n"));
        fields.put("working_area", fields.get("working_area").replace("|", "\n"));
        return fields;
    }

    static Map<String, String> empty() {
        Map<String, String> fields = new LinkedHashMap<>();
        OfferRow.COLUMNS.forEach(c -> fields.put(c, ""));
        fields.put("languages", "nl");
        fields.put("last_checked", java.time.LocalDate.now().toString());
        return fields;
    }
}
