package org.samenkracht.operations;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP client of a running Samenkracht, as a browser would be: signs in through the login
 * form (session cookie in PostgreSQL), then calls pages and the JSON API with the CSRF token.
 */
public final class AppClient {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The htmx header on the body: Thymeleaf pages write its quotes as &quot;, compiled (jte) pages as &#34;. */
    private static final Pattern HEADER_TOKEN = Pattern.compile("(?:&quot;|&#34;)X-CSRF-TOKEN(?:&quot;|&#34;): (?:&quot;|&#34;)([^&]+)(?:&quot;|&#34;)");

    public record Answer(int status, String body) {
    }

    private final String base;
    private final HttpClient http;
    private String csrf;

    public AppClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public AppClient signIn(String username, String password) throws IOException, InterruptedException {
        signInWithoutAPage(username, password);
        Matcher h = HEADER_TOKEN.matcher(get("/persons").body());
        if (!h.find()) {
            throw new IllegalStateException("no CSRF token after sign-in");
        }
        csrf = h.group(1);
        return this;
    }

    /** Signs in and asks nothing more: the session has no CSRF token yet. */
    public AppClient signInWithoutAPage(String username, String password) throws IOException, InterruptedException {
        Matcher m = FORM_TOKEN.matcher(get("/login").body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        Answer login = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.status() != 302 || login.body().contains("error")) {
            throw new IllegalStateException("sign-in failed: " + login.status());
        }
        return this;
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer postJson(String path, String json) throws IOException, InterruptedException {
        return send(jsonRequest(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer putJson(String path, String json) throws IOException, InterruptedException {
        return send(jsonRequest(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder jsonRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-TOKEN", csrf).timeout(Duration.ofSeconds(30));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A JSON string literal. */
    static String str(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
