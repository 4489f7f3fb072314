package org.samenkracht.socialmap;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.ORGANISATION;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Exchange with other directories in the Open Referral HSDS 3 shape, through the API and the page: an export
 * imports again without changing anything, a file of another directory goes through the same checks (all or
 * nothing, or only the good records), and a file that is no HSDS is a 422 naming the file, never a 500.
 */
@SamenkrachtTest
class HsdsExchangeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    long offers() {
        return jdbc.sql("select count(*) from socialmap_offer where organisation_id = ?").param(ORGANISATION)
                .query(Long.class).single();
    }

    byte[] export(String who) throws Exception {
        MvcResult streaming = mvc.perform(get("/api/v1/offers/export").param("format", "hsds").with(httpBasic(who, PASSWORD)))
                .andReturn();
        return mvc.perform(asyncDispatch(streaming)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andReturn().getResponse().getContentAsByteArray();
    }

    String finished(String id) throws Exception {
        return OfferImportTest.finished(mvc, id);
    }

    @Test
    void the_hsds_export_imports_again_without_changing_anything() throws Exception {
        byte[] export = export("sanne");  // a searcher may export, as with CSV
        String json = new String(export, StandardCharsets.UTF_8);
        long before = offers();
        assertThat((Integer) JsonPath.read(json, "$.total_items")).isEqualTo((int) before);
        assertThat(json).contains("Repaircafé").contains("samenkracht-life-domain");

        // no format given: a JSON body that is an object is read as HSDS
        MvcResult started = mvc.perform(post("/api/v1/offer-imports").param("fileName", "kaart.hsds.json")
                        .contentType("application/json").content(export).with(httpBasic("ahmed", PASSWORD)))
                .andExpect(status().isAccepted()).andReturn();
        String report = finished(JsonPath.read(started.getResponse().getContentAsString(), "$.id"));

        assertThat((String) JsonPath.read(report, "$.format")).isEqualTo("HSDS");
        assertThat((String) JsonPath.read(report, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(report, "$.unchanged")).isEqualTo((int) before);
        assertThat((Integer) JsonPath.read(report, "$.accepted") + (Integer) JsonPath.read(report, "$.changed")).isZero();
        assertThat(offers()).isEqualTo(before);
    }

    static String foreign(String goodKey, String badKey) {
        return """
                {"contents": [
                  {"id": "%s", "name": "Taalcafé in de bieb", "description": "Nederlands oefenen bij een kop koffie",
                   "status": "active", "assured_date": "2026-09-01",
                   "organization": {"id": "o1", "name": "Bibliotheek Lindenhoven", "description": "De bieb"},
                   "schedules": [{"id": "s1", "freq": "WEEKLY", "byday": "TU,WE,TH", "opens_at": "14:00", "closes_at": "16:00"}],
                   "service_at_locations": [{"id": "sal1", "location": {"id": "l1", "location_type": "physical",
                       "latitude": 51.05, "longitude": 4.4, "addresses": [{"id": "a1", "address_1": "Markt 3", "city": "Lindenhoven",
                       "postal_code": "", "state_province": "", "country": "NL", "address_type": "physical"}]}}],
                   "languages": [{"id": "t1", "code": "nld"}],
                   "cost_options": [{"id": "c1", "currency": "EUR", "amount": 2.5}],
                   "attributes": [
                     {"id": "x2", "taxonomy_term": {"id": "d", "code": "SOCIAL_INCLUSION", "name": "Meedoen", "taxonomy": "samenkracht-life-domain"}},
                     {"id": "x3", "taxonomy_term": {"id": "l", "code": "GENERAL_COLLECTIVE", "name": "Algemeen", "taxonomy": "samenkracht-layer"}},
                     {"id": "x4", "taxonomy_term": {"id": "i", "code": "SUPPORT", "name": "Steun", "taxonomy": "samenkracht-intensity"}}]},
                  {"id": "%s", "name": "Schuldhulp", "description": "Hulp bij schulden", "status": "active",
                   "assured_date": "2026-09-01", "organization": {"name": "Gemeente"},
                   "cost_options": [{"id": "c2", "currency": "EUR", "amount": -5}]}
                ], "total_items": 2}
                """.formatted(goodKey, badKey);
    }

    @Test
    void a_file_of_another_directory_imports_all_or_nothing_with_every_bad_record_named_by_pointer() throws Exception {
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        String file = foreign(good, bad);
        long before = offers();

        String problem = mvc.perform(post("/api/v1/offer-imports").param("format", "HSDS").contentType("application/json")
                        .content(file).header("Accept-Language", "en").with(httpBasic("ahmed", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andReturn().getResponse().getContentAsString();

        assertThat(offers()).isEqualTo(before);
        assertThat((Integer) JsonPath.read(problem, "$.totalRows")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(problem, "$.refusedRows")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(problem, "$.rows[*].line")).containsOnly(2);
        assertThat(JsonPath.<List<String>>read(problem, "$.rows[*].field")).contains(
                "/contents/1/cost_options/0/amount", "/contents/1/attributes");
        assertThat(JsonPath.<List<String>>read(problem, "$.rows[?(@.reason == 'hsdsTerm')].message"))
                .contains("Give at least one term of the taxonomy samenkracht-layer (in attributes).");
        assertThat(JsonPath.<Map<String, String>>read(problem, "$.fields")).containsKey("/contents/1/cost_options/0/amount");

        // only the good records, asked for: the other directory's service is on the map with harmless defaults
        MvcResult started = mvc.perform(post("/api/v1/offer-imports").param("format", "HSDS").param("onlyGood", "true")
                        .contentType("application/json").content(file).with(httpBasic("ahmed", PASSWORD)))
                .andExpect(status().isAccepted()).andReturn();
        String report = finished(JsonPath.read(started.getResponse().getContentAsString(), "$.id"));
        assertThat((String) JsonPath.read(report, "$.status")).isEqualTo("DONE");
        assertThat((Integer) JsonPath.read(report, "$.accepted")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(report, "$.refused")).isEqualTo(1);
        assertThat(offers()).isEqualTo(before + 1);
        Map<String, Object> stored = jdbc.sql("""
                        select o.opening_hours, o.access_route, o.cost_eur, array_to_string(o.target_groups, '|') groups,
                               array_to_string(o.languages, '|') languages, p.name provider, p.kind, l.address
                        from socialmap_offer o join socialmap_provider p on p.id = o.provider_id
                        join socialmap_location l on l.offer_id = o.id where o.organisation_id = ? and o.external_key = ?""")
                .params(ORGANISATION, good).query().singleRow();
        assertThat(stored).containsEntry("opening_hours", "TU-TH 14:00-16:00").containsEntry("access_route", "FREE")
                .containsEntry("groups", "EVERYONE").containsEntry("languages", "nl")
                .containsEntry("provider", "Bibliotheek Lindenhoven").containsEntry("kind", "ORGANISATION")
                .containsEntry("address", "Markt 3, Lindenhoven");
        assertThat((java.math.BigDecimal) stored.get("cost_eur")).isEqualByComparingTo("2.5");
    }

    @Test
    void a_file_that_is_no_hsds_is_a_422_naming_the_file_never_a_500() throws Exception {
        for (String body : List.of("{\"contents\": [", "{\"items\": []}", "42", "{\"contents\": [}", "[1, 2")) {
            String problem = mvc.perform(post("/api/v1/offer-imports").param("format", "HSDS").contentType("application/json")
                            .content(body).with(httpBasic("ahmed", PASSWORD)))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<List<String>>read(problem, "$.rows[*].field")).as(body).containsExactly("file");
            assertThat(JsonPath.<Map<String, String>>read(problem, "$.fields")).as(body).containsKey("file");
        }
        mvc.perform(post("/api/v1/offer-imports").param("format", "XML").contentType("application/json").content("{}")
                        .with(httpBasic("ahmed", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.fields.format").exists());
    }

    @Test
    void only_an_administrator_imports_hsds() throws Exception {
        mvc.perform(post("/api/v1/offer-imports").param("format", "HSDS").contentType("application/json")
                .content("{\"contents\": []}").with(httpBasic("sanne", PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void the_page_offers_the_hsds_download_and_lists_bad_records_by_number_and_pointer() throws Exception {
        var ahmed = user(users.loadUserByUsername("ahmed"));
        String page = mvc.perform(get("/socialmap/import").with(ahmed)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("/socialmap/export.hsds.json").contains("value=\"HSDS\"");

        MvcResult streaming = mvc.perform(get("/socialmap/export.hsds.json").with(ahmed)).andReturn();
        String export = mvc.perform(asyncDispatch(streaming)).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"sociale-kaart.hsds.json\""))
                .andReturn().getResponse().getContentAsString();
        assertThat(export).startsWith("{\"contents\":[");

        String bad = UUID.randomUUID().toString();
        var file = new MockMultipartFile("file", "andere-kaart.json", "application/json",
                foreign(bad, UUID.randomUUID().toString()).replace("\"amount\": 2.5", "\"amount\": \"veel\"")
                        .getBytes(StandardCharsets.UTF_8));
        long before = offers();
        String refused = mvc.perform(multipart("/socialmap/import").file(file).param("format", "").with(ahmed).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(offers()).isEqualTo(before);
        assertThat(refused).contains("Record").contains("/contents/0/cost_options/0/amount")
                .contains("/contents/1/attributes").contains("niets geïmporteerd");
    }
}
