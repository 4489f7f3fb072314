package org.samenkracht.common.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.demo.DemoIds;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers at the edges, through real HTTP (a started server, as a client sees them): every
 * answer under /api is problem+json in the requester's language, naming the bad field; 406, 415,
 * 400 and 401 where they belong; a refused page form gives back what was typed.
 */
@SamenkrachtTest
class AnswersAtTheEdgesTest {

    static final String SANNE = "Basic " + Base64.getEncoder().encodeToString(("sanne:" + DemoIds.PASSWORD).getBytes());
    static final String PERSONS = "/api/v1/persons";

    @LocalServerPort
    int port;
    final ObjectMapper json = new ObjectMapper();
    HttpClient http;

    @BeforeEach
    void client() {
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", SANNE)
                .timeout(Duration.ofSeconds(30));
    }

    HttpResponse<String> send(HttpRequest.Builder r) throws Exception {
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception", "\tat ", ".java");
        return p;
    }

    @Test
    void an_accept_the_api_cannot_answer_is_406_as_problem_json() throws Exception {
        for (String accept : new String[]{"application/xml", "text/html", "image/png"}) {
            problem(send(api(PERSONS).header("Accept", accept)), 406);
            problem(send(api(PERSONS + "/" + DemoIds.PERSON_JONAS).header("Accept", accept)), 406);
        }
        assertThat(send(api(PERSONS).header("Accept", "application/json")).statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_type_the_api_does_not_read_is_415_and_a_broken_multipart_400() throws Exception {
        problem(send(api(PERSONS).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<person/>"))), 415);
        problem(send(api(PERSONS).header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n"))), 400);
        problem(send(api(PERSONS).header("Content-Type", "multipart/form-data; boundary=zzz")
                .POST(HttpRequest.BodyPublishers.ofString("--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\ncut"))), 400);
        problem(send(api(PERSONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\": "))), 400);
    }

    @Test
    void a_wrong_value_is_named_by_its_field_and_a_number_is_no_date() throws Exception {
        JsonNode p = problem(send(api(PERSONS).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"givenName\":\"A\",\"familyName\":\"B\",\"dateOfBirth\":12345}"))), 400);
        assertThat(p.get("fields").has("dateOfBirth")).as(p.toString()).isTrue();

        p = problem(send(api(PERSONS).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"givenName\":\"\",\"familyName\":\"" + "x".repeat(101) + "\"}"))), 422);
        assertThat(p.get("fields").get("givenName").asString()).isEqualTo("Vul dit veld in.");
        assertThat(p.get("fields").get("familyName").asString()).contains("100").doesNotContain("{max}");
    }

    @Test
    void length_limits_of_rules_answer_422_with_the_field_and_the_limit() throws Exception {
        JsonNode p = problem(send(api(PERSONS + "/" + DemoIds.PERSON_JONAS + "/concerns").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + "z".repeat(4001) + "\"}"))), 422);
        assertThat(p.get("fields").get("description").asString()).contains("4000").doesNotContain("{");
    }

    @Test
    void a_path_the_firewall_refuses_is_400_as_problem_json_under_the_api_and_the_error_page_elsewhere() throws Exception {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (String path : new String[]{"/%2500", "/a;b", "/%2F..%2Fx", "/..%2F", "/%5C", "/a%0Ab", "/%2e%2e/x", "/x%3Bjsessionid=1"}) {
            for (String accept : new String[]{"application/json", "application/xml", "garbage/"}) {
                HttpResponse<String> r = send(api(PERSONS + path).header("Accept", accept).header("Accept-Language", "en"));
                if (r.statusCode() != 400 || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        || !r.body().contains("We do not understand that")) {
                    wrong.add("API " + path + " " + accept + ": " + r.statusCode() + " " + r.headers().firstValue("Content-Type"));
                }
            }
            HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/persons" + path))
                    .header("Cookie", "samenkracht-lang=en"));
            if (page.statusCode() != 400 || !page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                    || !page.body().contains("We do not understand that") || page.body().contains("Tomcat")) {
                wrong.add("page " + path + ": " + page.statusCode() + " " + page.headers().firstValue("Content-Type"));
            }
        }
        // longer than the container reads (64 KB): refused before the application, still in its words; the
        // container could not read the path, so it cannot tell an API request and sends the plain page
        String tooLong = "/" + "x".repeat(70_000);
        HttpResponse<String> api = send(api(PERSONS + tooLong).header("Accept-Language", "en"));
        if (api.statusCode() < 400 || api.statusCode() >= 500 || api.body().contains("Tomcat")
                || !api.body().contains("Dat begrijpen we niet")) {
            wrong.add("API too long: " + api.statusCode() + " " + api.headers().firstValue("Content-Type") + " " + api.body());
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/persons" + tooLong)));
        if (page.statusCode() < 400 || page.statusCode() >= 500 || page.body().contains("Tomcat")
                || !page.body().contains("Dat begrijpen we niet")) {
            wrong.add("page too long: " + page.statusCode() + " " + page.headers().firstValue("Content-Type"));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void an_error_answer_is_problem_json_whatever_the_accept_header() throws Exception {
        for (String accept : new String[]{"application/xml", "text/html", "image/png", "garbage/", "application/json;q=0.1, text/csv"}) {
            problem(send(api(PERSONS).header("Accept", accept).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"\",\"familyName\":\"B\"}"))), 422);
            problem(send(api(PERSONS).header("Accept", accept).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\": "))), 400);
            problem(send(api(PERSONS + "/" + java.util.UUID.randomUUID()).header("Accept", accept)), 403);
            problem(send(api("/api/v1/no-such-thing").header("Accept", accept)), 404);
        }
    }

    @Test
    void the_requesters_language_is_honoured() throws Exception {
        JsonNode en = problem(send(api("/api/v1/no-such-thing").header("Accept-Language", "en-GB,en;q=0.9")), 404);
        assertThat(en.get("title").asString()).isEqualTo("Not found");
        JsonNode nl = problem(send(api("/api/v1/no-such-thing").header("Accept-Language", "nl-NL")), 404);
        assertThat(nl.get("title").asString()).isEqualTo("Niet gevonden");
        JsonNode fallback = problem(send(api("/api/v1/no-such-thing").header("Accept-Language", "fr")), 404);
        assertThat(fallback.get("title").asString()).isEqualTo("Niet gevonden");
    }

    @Test
    void anonymous_and_nul_requests_get_problem_json_and_a_way_in() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PERSONS)));
        problem(anonymous, 401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Basic realm=\"Samenkracht\""));

        HttpResponse<String> anonymousPost = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + PERSONS))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(anonymousPost.statusCode()).isIn(401, 403);
        problem(anonymousPost, anonymousPost.statusCode());

        problem(send(api(PERSONS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"a\\u0000b\",\"familyName\":\"c\"}"))), 400);
        problem(send(api(PERSONS + "?q=%00")), 400);
    }

    @Test
    void a_refused_page_form_comes_back_with_what_was_typed() throws Exception {
        String base = "http://localhost:" + port;
        String login = send(HttpRequest.newBuilder(URI.create(base + "/login"))).body();
        String token = token(login, "name=\"_csrf\" value=\"([^\"]+)\"");
        send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=sanne&password=" + DemoIds.PASSWORD + "&_csrf=" + token)));
        String page = send(HttpRequest.newBuilder(URI.create(base + "/persons/" + DemoIds.PERSON_JONAS + "/privacy"))).body();
        String csrf = token(page, "name=\"_csrf\" value=\"([^\"]+)\"");
        String typed = "Zorg over " + "de situatie thuis, ".repeat(250) + "einde مرحبا";
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(base + "/persons/" + DemoIds.PERSON_JONAS + "/privacy/concerns"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + csrf + "&description=" + URLEncoder.encode(typed, StandardCharsets.UTF_8))));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("ten hoogste 4000 tekens").doesNotContain("{max}")
                .contains("einde مرحبا").contains("<main");
    }

    static String token(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertThat(m.find()).as("token on the page").isTrue();
        return m.group(1);
    }
}
