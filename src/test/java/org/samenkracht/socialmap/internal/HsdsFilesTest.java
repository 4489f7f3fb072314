package org.samenkracht.socialmap.internal;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.socialmap.OfferData;
import org.samenkracht.socialmap.OfferRow;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The Open Referral HSDS 3 shape of the social map, without a database. */
class HsdsFilesTest {

    /** Every offer of the demo map plus the corners of each field. */
    static List<OfferData> offers() throws Exception {
        byte[] csv;
        try (var in = HsdsFilesTest.class.getResourceAsStream("/socialmap/lindenhoven.csv")) {
            csv = in.readAllBytes();
        }
        List<OfferData> out = new ArrayList<>();
        List<OfferFiles.RawRow> rows = OfferFiles.readCsv(csv);
        for (OfferFiles.RawRow row : rows) {
            out.add(((OfferRow.Valid) OfferRow.read(row.fields())).data());
        }
        Map<String, String> corner = new java.util.LinkedHashMap<>(rows.get(0).fields());
        corner.putAll(Map.of("external_key", "0b7f4a52-2d2e-4a43-9a55-5b8e1f0c9d11", "cost_eur", "6,50",
                "opening_hours", "MO 09:00-12:00, WE 09:00-12:00, SA-SU 18:00-24:00", "free_capacity", "",
                "contact_email", "", "website", "", "contact_phone", "",
                "locations", "Kerkstraat 2, bus 3, 1234 AB Lindenhoven@51.1;4.45|Zonder komma@51.2;4.5"));
        corner.putAll(Map.of("goals_served", "", "reduction_possible", "ja", "waiting_weeks", "3"));
        out.add(((OfferRow.Valid) OfferRow.read(corner)).data());
        return out;
    }

    static byte[] export(List<OfferData> offers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HsdsFiles.Writer w = new HsdsFiles.Writer(out, key -> key.startsWith("layer.") ? "laag" : null);
        offers.forEach(w::write);
        w.finish();
        return out.toByteArray();
    }

    @Test
    void an_export_reads_back_to_the_same_offers_field_for_field() throws Exception {
        List<OfferData> offers = offers();
        var checked = HsdsFiles.check(export(offers));

        assertThat(checked.refusals()).isEmpty();
        assertThat(checked.good()).hasSize(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            // the content hash covers every field: the importer sees such a record as unchanged
            assertThat(checked.good().get(i).data().contentHash()).as(offers.get(i).externalKey())
                    .isEqualTo(offers.get(i).contentHash());
        }
        assertThat(checked.good().get(offers.size() - 1).data().openingHours())
                .isEqualTo("MO 09:00-12:00, WE 09:00-12:00, SA-SU 18:00-24:00");
    }

    @Test
    void the_export_is_an_hsds_page_of_services_with_our_fields_as_taxonomy_terms() throws Exception {
        List<OfferData> offers = offers();
        String json = new String(export(offers), StandardCharsets.UTF_8);

        assertThat((Integer) JsonPath.read(json, "$.total_items")).isEqualTo(offers.size());
        String first = "$.contents[0]";
        assertThat((String) JsonPath.read(json, first + ".name")).isEqualTo("Open inloop Buurthuis De Linde");
        assertThat((String) JsonPath.read(json, first + ".status")).isEqualTo("active");
        assertThat((String) JsonPath.read(json, first + ".organization.name")).isEqualTo("Buurthuis De Linde");
        assertThat((String) JsonPath.read(json, first + ".schedules[0].byday")).isEqualTo("MO,TU,WE,TH,FR");
        assertThat((String) JsonPath.read(json, first + ".schedules[0].opens_at")).isEqualTo("09:00");
        assertThat((String) JsonPath.read(json, first + ".service_at_locations[0].location.addresses[0].address_1"))
                .isEqualTo("Lindeplein 1");
        assertThat((String) JsonPath.read(json, first + ".service_at_locations[0].location.addresses[0].city"))
                .isEqualTo("Lindenhoven-Centrum");
        assertThat(JsonPath.<List<String>>read(json, first + ".languages[*].code")).containsExactly("nl", "fr", "ar");
        assertThat(JsonPath.<List<String>>read(json, first
                + ".attributes[?(@.taxonomy_term.taxonomy == 'samenkracht-life-domain')].taxonomy_term.code"))
                .containsExactly("INTERPERSONAL_RELATIONS", "SOCIAL_INCLUSION", "EMOTIONAL_WELLBEING");
        assertThat(JsonPath.<List<String>>read(json, first
                + ".attributes[?(@.taxonomy_term.taxonomy == 'samenkracht-layer')].taxonomy_term.name"))
                .containsExactly("laag");
        assertThat(JsonPath.<List<String>>read(json, first
                + ".attributes[?(@.taxonomy_term.code == 'external_key')].value")).containsExactly("LH-001");
        assertThat(String.valueOf((Object) JsonPath.read(json, "$.contents[-1].cost_options[0].amount"))).isEqualTo("6.5");
        // a key that is a UUID is the service's own id
        assertThat((String) JsonPath.read(json, "$.contents[-1].id")).isEqualTo("0b7f4a52-2d2e-4a43-9a55-5b8e1f0c9d11");
        // the same map gives the same file (ids are derived, not random)
        assertThat(new String(export(offers), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    static final String FOREIGN = """
            {"contents": [
              {"id": "5a1e2b7c-0000-4000-8000-000000000001", "name": "Taalcafé", "description": "Nederlands oefenen bij koffie",
               "status": "active", "assured_date": "2026-09-01", "email": "info@bieb.example", "url": "https://bieb.example",
               "organization": {"id": "o1", "name": "Bibliotheek Lindenhoven", "description": "De bieb"},
               "phones": [{"id": "p1", "number": "011 22 33 44"}],
               "schedules": [{"id": "s1", "freq": "WEEKLY", "byday": "TU,WE,TH", "opens_at": "14:00:00+01:00", "closes_at": "16:00+01:00"},
                             {"id": "s2", "description": "ook op afspraak"}],
               "service_areas": [{"id": "a1", "name": "Lindenhoven-Centrum"}],
               "service_at_locations": [{"id": "sal1", "location": {"id": "l1", "location_type": "physical", "name": "Bieb",
                   "latitude": 51.05, "longitude": 4.4, "addresses": [{"id": "ad1", "address_1": "Markt 3", "city": "Lindenhoven",
                   "postal_code": "1234 AB", "state_province": "", "country": "NL", "address_type": "physical"}]}},
                 {"id": "sal2", "location": {"id": "l2", "location_type": "virtual", "url": "https://bieb.example/online"}}],
               "languages": [{"id": "t1", "code": "nld"}, {"id": "t2", "code": "ara"}],
               "cost_options": [{"id": "c1", "currency": "EUR", "amount": 2.5}],
               "attributes": [{"id": "x1", "taxonomy_term": {"id": "y", "code": "10", "name": "Onderwijs", "taxonomy": "other-directory"}}]},
              {"id": "5a1e2b7c-0000-4000-8000-000000000002", "name": "Schuldhulp", "description": "Hulp bij schulden",
               "status": "inactive", "organization": {"name": "Gemeente"},
               "schedules": [{"id": "s3", "freq": "MONTHLY", "byday": "2MO", "opens_at": "09:00", "closes_at": "12:00"}],
               "cost_options": [{"id": "c2", "currency": "USD", "amount": -5}]},
              "geen dienst"
            ], "total_items": 3}
            """;

    static final String OTHER_TERMS = "\"attributes\": [{\"id\": \"x1\", \"taxonomy_term\": {\"id\": \"y\", "
            + "\"code\": \"10\", \"name\": \"Onderwijs\", \"taxonomy\": \"other-directory\"}}]";

    static final String TERMS = """
            "attributes": [
              {"id": "x2", "taxonomy_term": {"id": "d", "code": "SOCIAL_INCLUSION", "name": "Meedoen", "taxonomy": "samenkracht-life-domain"}},
              {"id": "x3", "taxonomy_term": {"id": "l", "code": "GENERAL_COLLECTIVE", "name": "Algemeen", "taxonomy": "samenkracht-layer"}},
              {"id": "x4", "taxonomy_term": {"id": "i", "code": "SUPPORT", "name": "Steun", "taxonomy": "samenkracht-intensity"}}]""";

    @Test
    void a_service_of_another_directory_without_our_terms_is_refused_naming_the_taxonomy_and_where() {
        var checked = HsdsFiles.check(FOREIGN.getBytes(StandardCharsets.UTF_8));

        assertThat(checked.total()).isEqualTo(3);
        assertThat(checked.good()).isEmpty();
        assertThat(checked.refusedRows()).isEqualTo(3);
        assertThat(checked.refusals()).extracting(OfferImporter.Refusal::line, OfferImporter.Refusal::field,
                OfferImporter.Refusal::reason, OfferImporter.Refusal::value).contains(
                tuple(1, "/contents/0/attributes", "hsdsTerm", "samenkracht-life-domain"),
                tuple(1, "/contents/0/attributes", "hsdsTerm", "samenkracht-layer"),
                tuple(1, "/contents/0/attributes", "hsdsTerm", "samenkracht-intensity"),
                tuple(2, "/contents/1/status", "hsdsStatus", "inactive"),
                tuple(2, "/contents/1/cost_options/0/currency", "hsdsCurrency", "USD"),
                tuple(2, "/contents/1/cost_options/0/amount", "amount", "-5"),
                tuple(2, "/contents/1/schedules/0", "hsdsSchedule", "MONTHLY 2MO 09:00-12:00"),
                tuple(2, "/contents/1/assured_date", "required", ""),
                tuple(3, "/contents/2", "notAnObject", ""));
    }

    @Test
    void with_our_three_terms_a_foreign_service_gets_the_harmless_defaults_and_its_hsds_fields() {
        String file = FOREIGN.replace(OTHER_TERMS, TERMS);
        var checked = HsdsFiles.check(file.getBytes(StandardCharsets.UTF_8));

        assertThat(checked.good()).hasSize(1);
        OfferData d = checked.good().get(0).data();
        assertThat(d.externalKey()).isEqualTo("5a1e2b7c-0000-4000-8000-000000000001");
        assertThat(d.providerName()).isEqualTo("Bibliotheek Lindenhoven");
        assertThat(d.providerKind().name()).isEqualTo("ORGANISATION");
        assertThat(d.targetGroups()).extracting(Enum::name).containsExactly("EVERYONE");
        assertThat(d.accessRoute().name()).isEqualTo("FREE");
        assertThat(d.layer().name()).isEqualTo("GENERAL_COLLECTIVE");
        assertThat(d.openingHours()).isEqualTo("TU-TH 14:00-16:00");
        assertThat(d.locations()).containsExactly(new OfferData.Location("Markt 3, 1234 AB Lindenhoven", 51.05, 4.4));
        assertThat(d.languages()).containsExactly("nl", "ar");
        assertThat(d.costEur()).isEqualByComparingTo("2.5");
        assertThat(d.contactPhone()).isEqualTo("011 22 33 44");
        assertThat(d.lastChecked()).hasToString("2026-09-01");
        assertThat(d.workingArea()).containsExactly("Lindenhoven-Centrum");
    }

    @Test
    void an_unknown_code_of_our_taxonomy_is_named_where_it_stands() {
        String file = FOREIGN.replace(OTHER_TERMS,
                TERMS.replace("\"SUPPORT\"", "\"ASTROLOGY\""));
        var checked = HsdsFiles.check(file.getBytes(StandardCharsets.UTF_8));
        assertThat(checked.refusals()).extracting(OfferImporter.Refusal::line, OfferImporter.Refusal::field,
                OfferImporter.Refusal::reason).contains(tuple(1, "/contents/0/attributes/2/taxonomy_term/code", "choice"));
    }

    @Test
    void text_where_a_list_belongs_and_a_list_where_text_belongs_are_named() {
        var checked = HsdsFiles.check("[{\"id\": \"k\", \"name\": {\"nl\": \"x\"}, \"schedules\": \"altijd\"}]"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(checked.refusals()).extracting(OfferImporter.Refusal::field, OfferImporter.Refusal::reason)
                .contains(tuple("/0/name", "hsdsType"), tuple("/0/schedules", "hsdsList"));
    }

    @Test
    void a_number_with_a_huge_exponent_is_refused_as_out_of_range_not_written_out() {
        String file = FOREIGN.replace(OTHER_TERMS, TERMS).replace("\"amount\": 2.5", "\"amount\": 1e999999999")
                .replace("\"latitude\": 51.05", "\"latitude\": -1e999999999")
                .replaceFirst("\"phones\"", "\"capacities\": [{\"id\": \"c\", \"available\": 2e999999999}], \"phones\"");
        var checked = HsdsFiles.check(file.getBytes(StandardCharsets.UTF_8));
        assertThat(checked.refusals()).extracting(OfferImporter.Refusal::line, OfferImporter.Refusal::field,
                OfferImporter.Refusal::reason).contains(tuple(1, "/contents/0/cost_options/0/amount", "amount"),
                tuple(1, "/contents/0/service_at_locations", "location"),
                tuple(1, "/contents/0/capacities/0/available", "number"));
    }

    @Test
    void an_organization_with_its_services_reads_too() {
        var checked = HsdsFiles.check(("{\"services\": [{\"id\": \"k1\", \"name\": \"Dienst\", \"description\": \"iets\", "
                + "\"assured_date\": \"2026-01-01\", " + TERMS + "}], \"id\": \"o\", \"name\": \"Buurtwerk\"}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(checked.refusals()).isEmpty();
        assertThat(checked.good().get(0).data().providerName()).isEqualTo("Buurtwerk");
    }

    @Test
    void a_file_that_is_no_json_or_no_hsds_is_unreadable_as_a_whole() {
        assertThatThrownBy(() -> HsdsFiles.check("{\"contents\": [".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(OfferFiles.Unreadable.class, e -> assertThat(e.key()).isIn("json", "truncated"));
        assertThatThrownBy(() -> HsdsFiles.check("{\"items\": []}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(OfferFiles.Unreadable.class, e -> assertThat(e.key()).isEqualTo("hsdsShape"));
        assertThatThrownBy(() -> HsdsFiles.check("42".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(OfferFiles.Unreadable.class, e -> assertThat(e.key()).isEqualTo("hsdsShape"));
        assertThatThrownBy(() -> HsdsFiles.check("{\"contents\": [}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(OfferFiles.Unreadable.class, e -> assertThat(e.key()).isEqualTo("json"));
    }
}
