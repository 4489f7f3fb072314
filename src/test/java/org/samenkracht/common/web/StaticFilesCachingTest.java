package org.samenkracht.common.web;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.demo.DemoIds;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser keeps the static files (a webjar for a year, our own CSS and script until they change),
 * and never a page or an API answer with someone's file in it.
 */
@SamenkrachtTest
class StaticFilesCachingTest {

    @LocalServerPort
    int port;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cacheControl(HttpResponse<?> r) {
        return r.headers().firstValue("Cache-Control").orElse("");
    }

    @Test
    void a_webjar_is_kept_for_a_year_without_asking_again() throws Exception {
        HttpResponse<String> htmx = get("/webjars/htmx.org/2.0.7/dist/htmx.min.js");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(cacheControl(htmx)).contains("max-age=31536000", "public", "immutable").doesNotContain("no-store");
    }

    @Test
    void our_own_css_and_script_are_asked_again_and_answered_not_modified_while_unchanged() throws Exception {
        for (String path : new String[] {"/css/samenkracht.css", "/js/samenkracht.js"}) {
            HttpResponse<String> first = get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertThat(cacheControl(first)).as(path).contains("no-cache").doesNotContain("no-store");
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<String> again = get(path, "If-Modified-Since", lastModified);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }
        assertThat(get("/js/samenkracht.css").statusCode()).as("a stylesheet is not a script").isEqualTo(404);
    }

    @Test
    void a_page_and_an_api_answer_are_never_stored() throws Exception {
        String sanne = "Basic " + Base64.getEncoder().encodeToString(("sanne:" + DemoIds.PASSWORD).getBytes());
        HttpResponse<String> api = get("/api/v1/persons", "Authorization", sanne);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(cacheControl(api)).contains("no-store");
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(cacheControl(login)).contains("no-store");
    }
}
