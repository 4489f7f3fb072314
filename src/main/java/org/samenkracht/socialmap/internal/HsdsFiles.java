package org.samenkracht.socialmap.internal;

import org.samenkracht.socialmap.OfferData;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.OpeningHours;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The social map in the Open Referral HSDS 3 JSON shape, so a municipality can exchange its map with other
 * directories. The export is the HSDS API's page of services ({@code contents} with {@code total_items} …),
 * each service with its organization, service_at_locations (location, addresses), schedules, service_areas,
 * languages, phones, cost_options and capacities. What HSDS has no field for (life domains, layer, intensity,
 * target groups, provider kind, access route, accessibility, our external key, goals served, waiting time,
 * reduction) goes into {@code attributes}: terms of our own taxonomies ({@link Taxonomy}), with a value where
 * the field is not a list of terms. So an export imports again without loss.
 *
 * <p>The import reads a page ({@code {"contents": [services]}}), a bare array of services, or an organization
 * with its {@code services}, and turns each service into the same text fields as a CSV row, so
 * {@link OfferImporter#check} applies the same rules. A refusal names the record (its number, 1-based) and
 * the field as a JSON pointer into the file ({@code /contents/3/cost_options/0/amount}). A service from
 * another directory without our terms gets defaults where a guess is harmless (provider kind ORGANISATION,
 * target group EVERYONE, access FREE, language nl) and is refused, naming our taxonomy, where a guess would
 * mislead matching (life domain, layer, intensity).
 */
public final class HsdsFiles {

    /** Our taxonomies in {@code attributes}; {@code column} is the field of {@link org.samenkracht.socialmap.OfferRow}. */
    public enum Taxonomy {
        LIFE_DOMAIN("samenkracht-life-domain", "domains", "lifeDomain."),
        LAYER("samenkracht-layer", "layer", "layer."),
        INTENSITY("samenkracht-intensity", "intensity", "intensity."),
        TARGET_GROUP("samenkracht-target-group", "target_groups", "socialmap.targetGroup."),
        PROVIDER_KIND("samenkracht-provider-kind", "provider_kind", "socialmap.providerKind."),
        ACCESS_ROUTE("samenkracht-access-route", "access_route", "socialmap.access."),
        ACCESSIBILITY("samenkracht-accessibility", "accessibility", "socialmap.accessibility."),
        /** Single values HSDS has no field for; the term's code is our column, the attribute's value the value. */
        OFFER_FIELD("samenkracht-offer-field", null, null);

        public final String id;
        final String column;
        final String labelPrefix;

        Taxonomy(String name, String column, String labelPrefix) {
            this.id = name;
            this.column = column;
            this.labelPrefix = labelPrefix;
        }

        UUID uuid() {
            return HsdsFiles.uuid("taxonomy", id);
        }

        static Taxonomy of(JsonNode term) {
            String byId = term.path("taxonomy_id").asString("");
            String byName = term.path("taxonomy").isString() ? term.path("taxonomy").asString()
                    : term.path("taxonomy_detail").path("name").asString("");
            for (Taxonomy t : values()) {
                if (t.uuid().toString().equalsIgnoreCase(byId) || t.id.equals(byName) || t.id.equals(byId)) {
                    return t;
                }
            }
            return null;
        }
    }

    static final List<String> VALUED = List.of("external_key", "goals_served", "waiting_weeks", "reduction_possible");

    /** The columns whose text comes from our taxonomies, and the taxonomy that names them in a refusal. */
    private static final Map<String, Taxonomy> TERM_COLUMNS = new LinkedHashMap<>();

    static {
        for (Taxonomy t : Taxonomy.values()) {
            if (t.column != null) {
                TERM_COLUMNS.put(t.column, t);
            }
        }
    }

    /** ISO 639-2/3 codes of the languages we know, for a directory that writes {@code nld} rather than {@code nl}. */
    private static final Map<String, String> THREE_LETTER = Map.ofEntries(Map.entry("nld", "nl"), Map.entry("dut", "nl"),
            Map.entry("fra", "fr"), Map.entry("fre", "fr"), Map.entry("eng", "en"), Map.entry("deu", "de"),
            Map.entry("ger", "de"), Map.entry("ara", "ar"), Map.entry("tur", "tr"), Map.entry("pol", "pl"),
            Map.entry("ron", "ro"), Map.entry("rum", "ro"), Map.entry("ukr", "uk"), Map.entry("som", "so"));
    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final String COUNTRY = "NL";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private HsdsFiles() {
    }

    // ------------------------------------------------------------------ export

    /** Writes the page of services; {@code label} gives a term's name from its message key (or null). */
    public static final class Writer {
        private final JsonGenerator g;
        private final Function<String, String> label;
        private int count;

        public Writer(OutputStream out, Function<String, String> label) {
            this.g = JSON.createGenerator(out);
            this.label = label;
            g.writeStartObject();
            g.writeName("contents");
            g.writeStartArray();
        }

        public void write(OfferData offer) {
            g.writeTree(service(offer, label));
            count++;
        }

        public void finish() {
            g.writeEndArray();
            g.writeNumberProperty("total_items", count);
            g.writeNumberProperty("total_pages", 1);
            g.writeNumberProperty("page_number", 1);
            g.writeNumberProperty("size", count);
            g.writeBooleanProperty("first_page", true);
            g.writeBooleanProperty("last_page", true);
            g.writeBooleanProperty("empty", count == 0);
            g.writeEndObject();
            g.flush();
        }
    }

    /** One offer as an HSDS 3 service (ids are derived from the external key, so an export is stable). */
    public static ObjectNode service(OfferData d, Function<String, String> label) {
        String id = isUuid(d.externalKey()) ? d.externalKey().toLowerCase(Locale.ROOT) : uuid("service", d.externalKey()).toString();
        String orgId = uuid("organization", d.providerName()).toString();
        ObjectNode s = JSON.createObjectNode();
        s.put("id", id);
        s.put("organization_id", orgId);
        s.put("name", d.name());
        s.put("description", d.description());
        if (d.website() != null) {
            s.put("url", d.website());
        }
        if (d.contactEmail() != null) {
            s.put("email", d.contactEmail());
        }
        s.put("status", "active");
        s.put("assured_date", d.lastChecked().toString());
        ObjectNode org = s.putObject("organization");
        org.put("id", orgId);
        org.put("name", d.providerName());
        org.put("description", d.providerName());
        ArrayNode phones = s.putArray("phones");
        if (d.contactPhone() != null) {
            ObjectNode phone = phones.addObject();
            phone.put("id", uuid(id, "phone", 0).toString());
            phone.put("service_id", id);
            phone.put("number", d.contactPhone());
        }
        ArrayNode schedules = s.putArray("schedules");
        List<OpeningHours.Part> parts = OpeningHours.parts(d.openingHours());
        for (int i = 0; i < parts.size(); i++) {
            OpeningHours.Part part = parts.get(i);
            ObjectNode sc = schedules.addObject();
            sc.put("id", uuid(id, "schedule", i).toString());
            sc.put("service_id", id);
            sc.put("freq", "WEEKLY");
            List<String> days = new ArrayList<>();
            for (int day = part.first().getValue(); day <= part.last().getValue(); day++) {
                days.add(DAYS.get(day - 1));
            }
            sc.put("byday", String.join(",", days));
            sc.put("opens_at", time(part.open()));
            sc.put("closes_at", time(part.close()));
        }
        ArrayNode areas = s.putArray("service_areas");
        for (int i = 0; i < d.workingArea().size(); i++) {
            ObjectNode area = areas.addObject();
            area.put("id", uuid(id, "service_area", i).toString());
            area.put("service_id", id);
            area.put("name", d.workingArea().get(i));
        }
        ArrayNode sals = s.putArray("service_at_locations");
        for (int i = 0; i < d.locations().size(); i++) {
            OfferData.Location l = d.locations().get(i);
            String locationId = uuid("location", l.address() + "@" + l.latitude() + ";" + l.longitude()).toString();
            ObjectNode sal = sals.addObject();
            sal.put("id", uuid(id, "service_at_location", i).toString());
            sal.put("service_id", id);
            sal.put("location_id", locationId);
            ObjectNode location = sal.putObject("location");
            location.put("id", locationId);
            location.put("location_type", "physical");
            location.put("name", l.address());
            location.put("latitude", l.latitude());
            location.put("longitude", l.longitude());
            ObjectNode address = location.putArray("addresses").addObject();
            int comma = l.address().lastIndexOf(',');
            address.put("id", uuid(locationId, "address", 0).toString());
            address.put("location_id", locationId);
            address.put("address_1", comma < 0 ? l.address() : l.address().substring(0, comma).trim());
            address.put("city", comma < 0 ? "" : l.address().substring(comma + 1).trim());
            address.put("state_province", "");
            address.put("postal_code", "");
            address.put("country", COUNTRY);
            address.put("address_type", "physical");
        }
        ArrayNode languages = s.putArray("languages");
        for (int i = 0; i < d.languages().size(); i++) {
            ObjectNode language = languages.addObject();
            language.put("id", uuid(id, "language", i).toString());
            language.put("service_id", id);
            language.put("code", d.languages().get(i));
        }
        ObjectNode cost = s.putArray("cost_options").addObject();
        cost.put("id", uuid(id, "cost_option", 0).toString());
        cost.put("service_id", id);
        cost.put("currency", "EUR");
        cost.put("amount", new java.math.BigDecimal(d.costEur().stripTrailingZeros().toPlainString()));
        ArrayNode capacities = s.putArray("capacities");
        if (d.freeCapacity() != null) {
            ObjectNode capacity = capacities.addObject();
            capacity.put("id", uuid(id, "capacity", 0).toString());
            capacity.put("service_id", id);
            ObjectNode unit = capacity.putObject("unit");
            unit.put("id", uuid("unit", "place").toString());
            unit.put("name", "place");
            capacity.put("available", d.freeCapacity());
            capacity.put("updated", d.lastChecked() + "T00:00:00Z");
        }
        ArrayNode attributes = s.putArray("attributes");
        Attributes a = new Attributes(attributes, id, label);
        a.value("external_key", d.externalKey());
        d.domains().forEach(v -> a.term(Taxonomy.LIFE_DOMAIN, v.name()));
        a.term(Taxonomy.LAYER, d.layer().name());
        a.term(Taxonomy.INTENSITY, d.intensity().name());
        d.targetGroups().forEach(v -> a.term(Taxonomy.TARGET_GROUP, v.name()));
        a.term(Taxonomy.PROVIDER_KIND, d.providerKind().name());
        a.term(Taxonomy.ACCESS_ROUTE, d.accessRoute().name());
        d.accessibility().forEach(v -> a.term(Taxonomy.ACCESSIBILITY, v.name()));
        if (!d.goalsServed().isEmpty()) {
            a.value("goals_served", d.goalsServed());
        }
        a.value("waiting_weeks", String.valueOf(d.waitingWeeks()));
        a.value("reduction_possible", String.valueOf(d.reductionPossible()));
        return s;
    }

    private record Attributes(ArrayNode out, String serviceId, Function<String, String> label) {
        void term(Taxonomy t, String code) {
            add(t, code, null);
        }

        void value(String field, String value) {
            add(Taxonomy.OFFER_FIELD, field, value);
        }

        private void add(Taxonomy t, String code, String value) {
            UUID termId = uuid("term", t.id + "/" + code);
            ObjectNode a = out.addObject();
            a.put("id", uuid(serviceId, "attribute", out.size()).toString());
            a.put("link_id", serviceId);
            a.put("link_entity", "service");
            a.put("taxonomy_term_id", termId.toString());
            if (value != null) {
                a.put("value", value);
            }
            String name = t.labelPrefix == null ? code : label.apply(t.labelPrefix + code);
            ObjectNode term = a.putObject("taxonomy_term");
            term.put("id", termId.toString());
            term.put("code", code);
            term.put("name", name == null ? code : name);
            term.put("description", name == null ? code : name);
            term.put("taxonomy", t.id);
            term.put("taxonomy_id", t.uuid().toString());
            term.put("language", "nl");
            ObjectNode taxonomy = term.putObject("taxonomy_detail");
            taxonomy.put("id", t.uuid().toString());
            taxonomy.put("name", t.id);
            taxonomy.put("description", "Samenkracht: " + (t.column == null ? "offer fields" : t.column));
        }
    }

    private static String time(LocalTime t) {
        return t.equals(LocalTime.MAX) ? "24:00" : String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    static UUID uuid(String kind, String name) {
        return UUID.nameUUIDFromBytes(("samenkracht hsds " + kind + " " + name).getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(String parent, String kind, int index) {
        return uuid(kind, parent + "/" + index);
    }

    private static boolean isUuid(String s) {
        try {
            return s.length() == 36 && UUID.fromString(s) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ import

    /** A problem HSDS itself gives (not our rules): where (JSON pointer), why, with what value. */
    record Problem(String pointer, String reason, String value) {
    }

    /**
     * One service as read: its number in the file (1-based), its JSON pointer, the text fields of an
     * {@link org.samenkracht.socialmap.OfferRow}, where each field came from, and the problems of its HSDS shape.
     */
    record Record(int number, String base, Map<String, String> fields, Map<String, String> pointers,
                  List<Problem> problems) {
    }

    /**
     * Reads an HSDS file and checks every service with the rules of every other way in. The refusals name the
     * record number as their line and a JSON pointer as their field; nothing is written.
     *
     * @throws OfferFiles.Unreadable when the file is no JSON or has no services where HSDS puts them
     */
    public static OfferImporter.Checked check(byte[] content) {
        List<Record> records = read(content);
        List<OfferFiles.RawRow> rows = records.stream().map(r -> new OfferFiles.RawRow(r.number(), r.fields())).toList();
        return locate(records, OfferImporter.check(rows));
    }

    static List<Record> read(byte[] content) {
        List<Record> records = new ArrayList<>();
        try (JsonParser p = JSON.createParser(content)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                services(p, "", records);
            } else if (first == JsonToken.START_OBJECT) {
                boolean found = false;
                String orgName = null;
                int before = 0;
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (("contents".equals(name) || "services".equals(name)) && value == JsonToken.START_ARRAY) {
                        before = records.size();
                        services(p, "/" + name, records);
                        found = true;
                    } else if ("name".equals(name) && value == JsonToken.VALUE_STRING) {
                        orgName = p.getString();
                    } else {
                        p.skipChildren();
                    }
                }
                if (!found) {
                    throw new OfferFiles.Unreadable("hsdsShape", 1);
                }
                if (orgName != null) {
                    // an organization with its services: a service without its own organization is the top one's
                    for (Record r : records.subList(before, records.size())) {
                        if (r.fields().get("provider") == null || r.fields().get("provider").isBlank()) {
                            r.fields().put("provider", orgName);
                            r.pointers().put("provider", "/name");
                        }
                    }
                }
            } else {
                throw new OfferFiles.Unreadable("hsdsShape", 1);
            }
        } catch (JacksonException e) {
            throw new OfferFiles.Unreadable("json", e.getLocation() == null ? 1 : e.getLocation().getLineNr());
        }
        return records;
    }

    private static void services(JsonParser p, String prefix, List<Record> records) {
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new OfferFiles.Unreadable("truncated", p.currentLocation().getLineNr());
            }
            JsonNode node = JSON.readTree(p);
            records.add(record(records.size() + 1, prefix + "/" + index, node));
            index++;
        }
    }

    /** One HSDS service as the text fields of a row. */
    static Record record(int number, String base, JsonNode s) {
        Map<String, String> f = new LinkedHashMap<>();
        Map<String, String> at = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Record r = new Record(number, base, f, at, problems);
        if (!s.isObject()) {
            f.put("_notAnObject", "true");
            return r;
        }
        Reader in = new Reader(s, base, f, at, problems);
        String status = in.text("status", null);
        if (status != null && !status.isBlank() && !"active".equalsIgnoreCase(status.trim())) {
            problems.add(new Problem(base + "/status", "hsdsStatus", status));
        }
        Map<Taxonomy, List<String>> terms = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<JsonNode> attributes = in.objects("attributes");
        for (int i = 0; i < attributes.size(); i++) {
            JsonNode a = attributes.get(i);
            JsonNode term = a.path("taxonomy_term");
            Taxonomy t = Taxonomy.of(term);
            if (t == null) {
                continue;  // another directory's taxonomy: not ours to read
            }
            String code = term.path("code").asString("").trim();
            if (t == Taxonomy.OFFER_FIELD) {
                if (VALUED.contains(code)) {
                    values.putIfAbsent(code, a.path("value").isNull() ? "" : a.path("value").asString(""));
                    at.putIfAbsent(code, base + "/attributes/" + i + "/value");
                }
            } else {
                terms.computeIfAbsent(t, k -> new ArrayList<>()).add(code);
                at.putIfAbsent(t.column, base + "/attributes/" + i + "/taxonomy_term/code");
                at.putIfAbsent(t.column + "=" + code, base + "/attributes/" + i + "/taxonomy_term/code");
            }
        }
        String key = values.get("external_key");
        if (key == null) {
            key = in.text("id", "external_key");
        }
        f.put("external_key", key);
        JsonNode org = s.path("organization");
        if (org.isObject()) {
            f.put("provider", new Reader(org, base + "/organization", f, at, problems).text("name", "provider"));
        } else {
            at.put("provider", base + "/organization/name");
        }
        f.put("name", in.text("name", "name"));
        f.put("description", in.text("description", "description"));
        f.put("goals_served", values.getOrDefault("goals_served", ""));
        for (Taxonomy t : TERM_COLUMNS.values()) {
            List<String> codes = terms.getOrDefault(t, List.of());
            at.putIfAbsent(t.column, base + "/attributes");
            f.put(t.column, String.join("|", codes));
        }
        defaultTerm(f, "provider_kind", OfferTerms.ProviderKind.ORGANISATION.name());
        defaultTerm(f, "target_groups", OfferTerms.TargetGroup.EVERYONE.name());
        defaultTerm(f, "access_route", OfferTerms.AccessRoute.FREE.name());
        f.put("locations", locations(in, base, at, problems));
        f.put("working_area", String.join("|", in.objects("service_areas").stream()
                .map(a -> a.path("name").asString("").trim()).filter(n -> !n.isEmpty()).toList()));
        at.put("working_area", base + "/service_areas");
        f.put("opening_hours", hours(in, s, base, at, problems));
        List<JsonNode> costs = in.objects("cost_options");
        if (!costs.isEmpty()) {
            JsonNode cost = costs.get(0);
            String currency = cost.path("currency").asString("").trim();
            if (!currency.isEmpty() && !"EUR".equalsIgnoreCase(currency)) {
                problems.add(new Problem(base + "/cost_options/0/currency", "hsdsCurrency", currency));
            }
            JsonNode amount = cost.path("amount");
            f.put("cost_eur", amount.isNumber() ? number(amount) : amount.asString(""));
            at.put("cost_eur", base + "/cost_options/0/amount");
        } else {
            at.put("cost_eur", base + "/cost_options");
        }
        f.put("reduction_possible", values.getOrDefault("reduction_possible", ""));
        List<String> languages = new ArrayList<>();
        for (JsonNode l : in.objects("languages")) {
            String code = l.path("code").asString("").trim().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                code = l.path("name").asString("").trim().toLowerCase(Locale.ROOT);
            }
            if (!code.isEmpty()) {
                languages.add(THREE_LETTER.getOrDefault(code, code));
            }
        }
        f.put("languages", String.join("|", languages));
        at.put("languages", base + "/languages");
        f.put("waiting_weeks", values.getOrDefault("waiting_weeks", ""));
        List<JsonNode> capacities = in.objects("capacities");
        if (!capacities.isEmpty()) {
            JsonNode available = capacities.get(0).path("available");
            f.put("free_capacity", available.isIntegralNumber() ? available.bigIntegerValue().toString()
                    : available.isNumber() ? number(available) : available.asString(""));
            at.put("free_capacity", base + "/capacities/0/available");
        }
        List<JsonNode> phones = in.objects("phones");
        if (!phones.isEmpty()) {
            f.put("contact_phone", phones.get(0).path("number").asString(""));
            at.put("contact_phone", base + "/phones/0/number");
        }
        f.put("contact_email", in.text("email", "contact_email"));
        f.put("website", in.text("url", "website"));
        String checked = in.text("assured_date", "last_checked");
        if (checked == null || checked.isBlank()) {
            String modified = in.text("last_modified", null);
            if (modified != null && modified.length() >= 10) {
                checked = modified.substring(0, 10);
                at.put("last_checked", base + "/last_modified");
            }
        }
        f.put("last_checked", checked);
        f.values().removeIf(java.util.Objects::isNull);
        return r;
    }

    /**
     * A JSON number as text for the row reader. A huge exponent ({@code 1e999999999}) stays in scientific form:
     * written out in full it would be a billion digits. The reader refuses it as out of range.
     */
    private static String number(JsonNode n) {
        java.math.BigDecimal v = n.decimalValue();
        return v.scale() < -20 || v.scale() > 20 ? v.toString() : v.toPlainString();
    }

    private static void defaultTerm(Map<String, String> f, String column, String value) {
        if (f.get(column).isEmpty()) {
            f.put(column, value);
        }
    }

    /** The physical locations as {@code address@latitude;longitude}; virtual and postal ones are not places. */
    private static String locations(Reader in, String base, Map<String, String> at, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        List<JsonNode> sals = in.objects("service_at_locations");
        for (int i = 0; i < sals.size(); i++) {
            JsonNode l = sals.get(i).path("location");
            String type = l.path("location_type").asString("physical");
            if (!l.isObject() || "virtual".equalsIgnoreCase(type) || "postal".equalsIgnoreCase(type)) {
                continue;
            }
            String address = l.path("name").asString("").trim();
            JsonNode addresses = l.path("addresses");
            JsonNode a = null;
            for (JsonNode candidate : addresses.isArray() ? addresses.values() : List.<JsonNode>of()) {
                if (a == null || "physical".equalsIgnoreCase(candidate.path("address_type").asString(""))) {
                    a = a == null || !"physical".equalsIgnoreCase(a.path("address_type").asString("")) ? candidate : a;
                }
            }
            if (a != null && a.isObject()) {
                String street = join(", ", a.path("address_1").asString(""), a.path("address_2").asString(""));
                String place = join(" ", a.path("postal_code").asString(""), a.path("city").asString(""));
                String written = join(", ", street, place);
                if (!written.isEmpty()) {
                    address = written;
                }
            }
            String lat = l.path("latitude").isNumber() ? number(l.path("latitude")) : l.path("latitude").asString("");
            String lon = l.path("longitude").isNumber() ? number(l.path("longitude")) : l.path("longitude").asString("");
            out.add(address.replace("|", "/").replace("@", " ") + "@" + lat + ";" + lon);
        }
        at.put("locations", base + "/service_at_locations");
        return String.join("|", out);
    }

    private static String join(String sep, String a, String b) {
        a = a.trim();
        b = b.trim();
        return a.isEmpty() ? b : b.isEmpty() ? a : a + sep + b;
    }

    /**
     * The weekly schedules as our opening hours ({@code MO-FR 09:00-17:00}). A schedule with only a description
     * has no fixed hours; one we cannot write as weekly hours (monthly, the second Monday, no times) is refused.
     */
    private static String hours(Reader in, JsonNode s, String base, Map<String, String> at, List<Problem> problems) {
        String where = base + "/schedules";
        List<JsonNode> schedules = in.objects("schedules");
        if (schedules.isEmpty()) {
            // hours given per location only: the first location's
            JsonNode sals = s.path("service_at_locations");
            for (int i = 0; sals.isArray() && i < sals.size() && schedules.isEmpty(); i++) {
                JsonNode list = sals.get(i).path("schedules");
                if (list.isArray() && !list.isEmpty()) {
                    schedules = new ArrayList<>(list.values());
                    where = base + "/service_at_locations/" + i + "/schedules";
                }
            }
        }
        at.put("opening_hours", where);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            JsonNode sc = schedules.get(i);
            String byday = sc.path("byday").asString("").trim().toUpperCase(Locale.ROOT);
            String opens = sc.path("opens_at").asString("").trim();
            String closes = sc.path("closes_at").asString("").trim();
            if (byday.isEmpty() && opens.isEmpty() && closes.isEmpty()) {
                continue;
            }
            String freq = sc.path("freq").asString("WEEKLY").trim().toUpperCase(Locale.ROOT);
            int interval = sc.path("interval").asInt(1);
            List<String> days = Arrays.stream(byday.split("\\s*,\\s*")).filter(d -> !d.isEmpty()).toList();
            if (!"WEEKLY".equals(freq) && !freq.isEmpty() || interval != 1 || days.isEmpty()
                    || !DAYS.containsAll(days) || hhmm(opens) == null || hhmm(closes) == null) {
                String shown = sc.path("description").asString("");
                problems.add(new Problem(where + "/" + i, "hsdsSchedule",
                        shown.isBlank() ? join(" ", freq + " " + byday, opens + "-" + closes) : shown));
                continue;
            }
            List<Integer> sorted = days.stream().map(DAYS::indexOf).distinct().sorted(Comparator.naturalOrder()).toList();
            int from = 0;
            while (from < sorted.size()) {
                int to = from;
                while (to + 1 < sorted.size() && sorted.get(to + 1) == sorted.get(to) + 1) {
                    to++;
                }
                String range = to == from ? DAYS.get(sorted.get(from)) : DAYS.get(sorted.get(from)) + "-" + DAYS.get(sorted.get(to));
                parts.add(range + " " + hhmm(opens) + "-" + hhmm(closes));
                from = to + 1;
            }
        }
        return String.join(", ", parts);
    }

    /** {@code HH:MM} of an HSDS time ({@code 09:00}, {@code 09:00:00}, {@code 09:00Z}, {@code 09:00+01:00}). */
    private static String hhmm(String time) {
        return time.matches("\\d{1,2}:\\d{2}([:.]\\d{2})?(Z|[+-]\\d{2}(:?\\d{2})?)?") ? time.substring(0, time.indexOf(':') + 3) : null;
    }

    /** Reads fields of one object, noting where each came from and refusing a list or object where text belongs. */
    private record Reader(JsonNode node, String base, Map<String, String> fields, Map<String, String> at,
                          List<Problem> problems) {
        String text(String name, String column) {
            JsonNode v = node.path(name);
            if (column != null) {
                at.put(column, base + "/" + name);
            }
            if (v.isMissingNode() || v.isNull()) {
                return "";
            }
            if (v.isContainer()) {
                problems.add(new Problem(base + "/" + name, "hsdsType", v.isArray() ? "[…]" : "{…}"));
                return "";
            }
            return v.asString();
        }

        List<JsonNode> objects(String name) {
            JsonNode v = node.path(name);
            if (v.isMissingNode() || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                problems.add(new Problem(base + "/" + name, "hsdsList", ""));
                return List.of();
            }
            List<JsonNode> out = new ArrayList<>();
            int i = 0;
            for (JsonNode e : v.values()) {
                if (!e.isObject()) {
                    problems.add(new Problem(base + "/" + name + "/" + i, "notAnObject", ""));
                } else {
                    out.add(e);
                }
                i++;
            }
            return out;
        }
    }

    /**
     * Puts the refusals of {@link OfferImporter#check} where they are in the HSDS file (a JSON pointer instead of
     * our column) and adds the problems of the HSDS shape: a record with such a problem is refused too.
     */
    static OfferImporter.Checked locate(List<Record> records, OfferImporter.Checked checked) {
        List<OfferImporter.Refusal> refusals = new ArrayList<>();
        Set<Integer> refusedLines = new HashSet<>();
        for (OfferImporter.Refusal r : checked.refusals()) {
            Record record = records.get(r.line() - 1);
            refusedLines.add(r.line());
            String pointer = r.field().isEmpty() ? record.base()
                    : record.pointers().getOrDefault(r.field() + "=" + r.value(),
                    record.pointers().getOrDefault(r.field(), record.base() + "/" + r.field()));
            String reason = r.reason();
            String value = r.value();
            Taxonomy taxonomy = TERM_COLUMNS.get(r.field());
            if ("required".equals(reason) && taxonomy != null) {
                reason = "hsdsTerm";
                value = taxonomy.id;
            } else if ("duplicateKey".equals(reason)) {
                reason = "hsdsDuplicate";
            }
            refusals.add(new OfferImporter.Refusal(r.line(), pointer, reason, value));
        }
        List<OfferImporter.Good> good = new ArrayList<>(checked.good().size());
        int refused = checked.refusedRows();
        Set<Integer> shapeRefused = new HashSet<>();
        for (Record record : records) {
            for (Problem p : record.problems()) {
                refusals.add(new OfferImporter.Refusal(record.number(), p.pointer(), p.reason(), p.value()));
                shapeRefused.add(record.number());
            }
        }
        for (OfferImporter.Good g : checked.good()) {
            if (shapeRefused.contains(g.line())) {
                refused++;
            } else {
                good.add(g);
            }
        }
        refusals.sort(Comparator.comparingInt(OfferImporter.Refusal::line));
        return new OfferImporter.Checked(checked.total(), good, refused, refusals);
    }
}
