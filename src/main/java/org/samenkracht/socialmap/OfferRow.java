package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an offer written as text fields (a CSV row, a JSON object, a form) into {@link OfferData},
 * and checks every rule of the map. Lists are separated by {@code |}; a location is
 * {@code "address@latitude;longitude"}. One reader for every way in, so the rules are the same.
 */
public final class OfferRow {

    /** The columns of the CSV and JSON formats, in order. */
    public static final List<String> COLUMNS = List.of("external_key", "provider", "provider_kind", "name",
            "description", "goals_served", "domains", "target_groups", "layer", "intensity", "locations",
            "working_area", "opening_hours", "access_route", "cost_eur", "reduction_possible", "languages",
            "accessibility", "waiting_weeks", "free_capacity", "contact_phone", "contact_email", "website",
            "last_checked");

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Why a field was refused: the message key {@code socialmap.invalid.<reason>} with the value. */
    public record Problem(String field, String reason, String value) {
    }

    public sealed interface Result {
    }

    public record Valid(OfferData data) implements Result {
    }

    public record Invalid(List<Problem> problems) implements Result {
    }

    private final Map<String, String> fields;
    private final List<Problem> problems = new ArrayList<>();

    private OfferRow(Map<String, String> fields) {
        this.fields = fields;
    }

    public static Result read(Map<String, String> fields) {
        return new OfferRow(fields).read();
    }

    /** A row from the ordered values of the columns. */
    public static Map<String, String> fieldsOf(List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size() && i < values.size(); i++) {
            map.put(COLUMNS.get(i), values.get(i));
        }
        return map;
    }

    /** The text fields of an offer, the inverse of {@link #read}. */
    public static List<String> valuesOf(OfferData d) {
        return List.of(d.externalKey(), d.providerName(), d.providerKind().name(), d.name(), d.description(),
                d.goalsServed(), join(d.domains()), join(d.targetGroups()), d.layer().name(), d.intensity().name(),
                String.join("|", d.locations().stream().map(l -> l.address() + "@" + l.latitude() + ";" + l.longitude()).toList()),
                String.join("|", d.workingArea()), d.openingHours(), d.accessRoute().name(),
                d.costEur().stripTrailingZeros().toPlainString(), String.valueOf(d.reductionPossible()),
                String.join("|", d.languages()), join(d.accessibility()), String.valueOf(d.waitingWeeks()),
                d.freeCapacity() == null ? "" : String.valueOf(d.freeCapacity()), nz(d.contactPhone()),
                nz(d.contactEmail()), nz(d.website()), d.lastChecked().toString());
    }

    private Result read() {
        String key = text("external_key", 100, true);
        if (key != null && !KEY.matcher(key).matches()) {
            problem("external_key", "key", key);
        }
        String provider = text("provider", 200, true);
        var providerKind = one("provider_kind", OfferTerms.ProviderKind.class, true);
        String name = text("name", 200, true);
        String description = text("description", 4000, true);
        String goals = text("goals_served", 1000, false);
        var domains = many("domains", LifeDomain.class, true);
        var groups = many("target_groups", OfferTerms.TargetGroup.class, true);
        var layer = one("layer", Layer.class, true);
        if (layer != null && !layer.isOfferLayer()) {
            problem("layer", "choice", layer.name());  // own strength and the network are never offers
            layer = null;
        }
        var intensity = one("intensity", Intensity.class, true);
        var locations = locations();
        List<String> area = list("working_area").stream().map(String::trim).toList();
        if (area.stream().anyMatch(a -> a.length() > 100)) {
            problem("working_area", "tooLong", String.join("|", area));
        }
        String hours = text("opening_hours", 300, false);
        if (hours != null && OpeningHours.parse(hours).isEmpty()) {
            problem("opening_hours", "hours", hours);
        }
        var access = one("access_route", OfferTerms.AccessRoute.class, true);
        BigDecimal cost = decimal("cost_eur");
        boolean reduction = bool("reduction_possible");
        List<String> languages = list("languages").stream().map(s -> s.trim().toLowerCase()).toList();
        for (String l : languages) {
            if (!OfferTerms.LANGUAGES.contains(l)) {
                problem("languages", "language", l);
            }
        }
        if (languages.isEmpty()) {
            languages = List.of("nl");
        }
        var accessibility = many("accessibility", OfferTerms.Accessibility.class, false);
        Integer waiting = integer("waiting_weeks", 0, 520);
        Integer capacity = integer("free_capacity", 0, 1_000_000);
        String phone = text("contact_phone", 40, false);
        String email = text("contact_email", 200, false);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problem("contact_email", "email", email);
        }
        String website = text("website", 300, false);
        if (website != null && !(website.startsWith("https://") || website.startsWith("http://"))) {
            problem("website", "website", website);
        }
        LocalDate checked = date("last_checked");
        if (!problems.isEmpty()) {
            return new Invalid(List.copyOf(problems));
        }
        return new Valid(new OfferData(key, provider, providerKind, name, description, goals, domains, groups, layer,
                intensity, locations, area, hours, access, cost, reduction, languages, accessibility,
                waiting == null ? 0 : waiting, capacity, phone, email, website, checked));
    }

    private String raw(String field) {
        String v = fields.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private String text(String field, int max, boolean required) {
        String v = raw(field);
        if (v == null) {
            if (required) {
                problem(field, "required", "");
            }
            return null;
        }
        if (v.length() > max) {
            problem(field, "tooLong", v.substring(0, 40) + "…");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                problem(field, "control", "");
                break;
            }
        }
        return v;
    }

    private List<String> list(String field) {
        String v = raw(field);
        return v == null ? List.of() : Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private <E extends Enum<E>> E one(String field, Class<E> type, boolean required) {
        String v = raw(field);
        if (v == null) {
            if (required) {
                problem(field, "required", "");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase());
        } catch (IllegalArgumentException e) {
            problem(field, "choice", v);
            return null;
        }
    }

    private <E extends Enum<E>> List<E> many(String field, Class<E> type, boolean required) {
        List<E> out = new ArrayList<>();
        for (String v : list(field)) {
            try {
                E e = Enum.valueOf(type, v.toUpperCase());
                if (!out.contains(e)) {
                    out.add(e);
                }
            } catch (IllegalArgumentException e) {
                problem(field, "choice", v);
            }
        }
        if (required && out.isEmpty() && problems.stream().noneMatch(p -> p.field().equals(field))) {
            problem(field, "required", "");
        }
        return out;
    }

    private List<OfferData.Location> locations() {
        List<OfferData.Location> out = new ArrayList<>();
        for (String v : list("locations")) {
            int at = v.lastIndexOf('@');
            String[] coords = at < 0 ? new String[0] : v.substring(at + 1).split(";");
            try {
                if (at < 1 || coords.length != 2) {
                    throw new NumberFormatException();
                }
                double lat = Double.parseDouble(coords[0].trim());
                double lon = Double.parseDouble(coords[1].trim());
                String address = v.substring(0, at).trim();
                if (Double.isNaN(lat) || Double.isNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180
                        || address.isEmpty() || address.length() > 300) {
                    throw new NumberFormatException();
                }
                out.add(new OfferData.Location(address, lat, lon));
            } catch (NumberFormatException e) {
                problem("locations", "location", v);
            }
        }
        return out;
    }

    private BigDecimal decimal(String field) {
        String v = raw(field);
        if (v == null) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal d = new BigDecimal(v.replace(',', '.'));
            if (d.signum() < 0 || d.compareTo(new BigDecimal("999999.99")) > 0 || d.scale() > 2) {
                problem(field, "amount", v);
            }
            return d;
        } catch (NumberFormatException e) {
            problem(field, "amount", v);
            return BigDecimal.ZERO;
        }
    }

    private boolean bool(String field) {
        String v = raw(field);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase()) {
            case "true", "yes", "ja", "1" -> true;
            case "false", "no", "nee", "0" -> false;
            default -> {
                problem(field, "boolean", v);
                yield false;
            }
        };
    }

    private Integer integer(String field, int min, int max) {
        String v = raw(field);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                problem(field, "range", v);
            }
            return i;
        } catch (NumberFormatException e) {
            problem(field, "number", v);
            return null;
        }
    }

    private LocalDate date(String field) {
        String v = raw(field);
        if (v == null) {
            problem(field, "required", "");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isAfter(LocalDate.now().plusDays(1)) || d.getYear() < 1990) {
                problem(field, "date", v);
            }
            return d;
        } catch (DateTimeParseException e) {
            problem(field, "date", v);
            return null;
        }
    }

    private void problem(String field, String reason, String value) {
        problems.add(new Problem(field, reason, value));
    }

    private static String join(List<? extends Enum<?>> values) {
        return String.join("|", values.stream().map(Enum::name).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
