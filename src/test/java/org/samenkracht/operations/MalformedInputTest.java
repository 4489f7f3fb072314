package org.samenkracht.operations;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.demo.DemoIds;
import org.samenkracht.operations.internal.backup.DatabaseTables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds every form and API endpoint (found in the request mappings, so a new route is covered
 * without editing this test) through real HTTP on the started server with generated malformed
 * input: wrong types, huge strings, Unicode edge cases, HTML and script, SQL fragments, missing and
 * extra fields, broken JSON, bad path values, hostile query parameters, and varied Accept and
 * Content-Type headers, form, JSON and multipart bodies (with and without boundary). No answer may be
 * a 5xx or show a stack trace; every refusal under /api is problem+json; a refused request changes
 * no table (proved cheaply: a row trigger on every table counts changed rows while refused input is
 * sent, instead of checksumming every table); script stored as valid text is never rendered unescaped.
 */
@SamenkrachtTest
class MalformedInputTest {

    static final int TOTAL = 10_200;
    static final String SCRIPT = "<script>alert('sk')</script>";
    static final String IMG = "<img src=x onerror=alert('sk')>";
    static final List<String> HOSTILE = List.of(SCRIPT, IMG, "\"><svg onload=alert(1)>", "'; drop table person; --",
            "' or '1'='1", "1; select pg_sleep(5)", "${7*7}", "[[${7*7}]]", "__${T(java.lang.Runtime)}__::.x",
            "\u202Eevil\u202C", "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69", "e\u0301\u0301\u0301", "\uFEFF", "\u200B",
            "Zoë Çelik-Ñandú", "\\", "%00", "../../etc/passwd", "\r\nSet-Cookie: x=1", "null", "NaN", "-1",
            "\uD800", "a\u0000b", "ﷺ", "𝕊𝕒𝕞𝕖𝕟", "مرحبا بالعالم", "שלום");
    /** Tables a refused request may still write: the audit of who was refused, sessions. */
    static final Set<String> UNCHECKED_TABLES = Set.of("audit_event", "spring_session", "spring_session_attributes",
            "fuzz_changed_row",
            // written in the background (the audit sealer) or by sign-in throttling, not by the request's input
            "audit_seal", "throttle");
    static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "*/*",
            "application/xml", "text/html", "text/html,application/xhtml+xml", "image/png", "application/json;q=0.1, text/csv",
            "", "garbage/", "application/*");
    static final List<String> ODD_CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=", "application/json; charset=x-unknown", "application/octet-stream",
            "application/x-www-form-urlencoded", "image/png", "garbage");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    /** The schema's owner: the application's own role may not create the counting trigger. */
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource dataSource;
    @LocalServerPort
    int port;
    /** Its scheduled escalation writes in the background; brought up to date before the rounds. */
    @Autowired
    org.samenkracht.signals.Signals signals;

    final ObjectMapper json = new ObjectMapper();
    final JsonNodeFactory nodes = JsonNodeFactory.instance;
    final Random random = new Random(20260101);
    final Map<String, String> pathValues = new LinkedHashMap<>();
    int sent;
    /** Requests of rounds 1 to 3, each carrying malformed input (a bad path value, query or body): the count. */
    int malformedSent;
    final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    final Map<Class<?>, Integer> lastVersion = new java.util.HashMap<>();
    final List<String> failures = new ArrayList<>();
    HttpClient http;
    String csrf;

    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, Class<?> body, boolean json, List<String> params) {
        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)[^}]*}").matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    /** One request as it goes over the wire. */
    static final class Req {
        final HttpMethod method;
        final String path;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        boolean anonymous;

        Req(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }

        Req header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Req body(String type, String text) {
            if (type != null) {
                headers.put("Content-Type", type);
            }
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }
    }

    record Res(int status, String contentType, String body) {
    }

    @Test
    void every_endpoint_survives_malformed_input_without_500_stack_trace_change_or_unescaped_script() throws Exception {
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn();
        prepareTarget();
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/api/v1/persons/{id}", "/persons/{id}/edit",
                "/api/v1/persons/{personId}/plan/goals", "/persons/{personId}/network");
        List<Endpoint> withInput = endpoints.stream().filter(e -> e.body() != null).toList();
        List<Endpoint> withPath = endpoints.stream().filter(e -> !e.variables().isEmpty()).toList();
        List<Endpoint> withParams = endpoints.stream().filter(e -> !e.params().isEmpty()).toList();
        int pathEach = 15;
        int paramEach = 15;
        // every endpoint with input gets at least 30 malformed bodies; together about TOTAL inputs, not more
        int bodyEach = Math.max(30, -Math.floorDiv(-(TOTAL - pathEach * withPath.size() - paramEach * withParams.size()),
                Math.max(1, withInput.size())));
        System.out.println("Fuzz: " + withPath.size() + " routes with path values × " + pathEach + ", " + withParams.size()
                + " with query parameters × " + paramEach + ", " + withInput.size() + " with a body × " + bodyEach);
        // background work due now is done before the watching starts, so its writes are not taken for the input's
        signals.escalateOverdue();
        signals.purgeExpired();

        try (ChangedRows changes = new ChangedRows(dataSource)) {
            // 1. bad path values, odd headers: never a 5xx, never a change
            for (Endpoint e : withPath) {
                for (int i = 0; i < pathEach; i++) {
                    Object[] vars = e.variables().stream().map(v -> (Object) pick(HOSTILE_PATH)).toArray();
                    Req r = new Req(e.method(), expand(e.pattern(), vars) + (random.nextInt(3) == 0 ? hostileQuery() : ""));
                    varyHeaders(r, e);
                    send(e, r, "path");
                    malformedSent++;
                }
            }
            changes.assertNone("bad path values", failures);

            // 2. hostile query parameters, declared ones and unknown ones
            for (Endpoint e : withParams) {
                for (int i = 0; i < paramEach; i++) {
                    StringBuilder q = new StringBuilder();
                    for (String name : e.params()) {
                        if (random.nextInt(4) != 0) {
                            q.append(q.isEmpty() ? "?" : "&").append(enc(name)).append('=').append(enc(pick(HOSTILE_PARAM)));
                        }
                    }
                    String query = q + (random.nextBoolean() ? hostileQuery().replaceFirst("^\\?", q.isEmpty() ? "?" : "&") : "");
                    Req r = new Req(e.method(), expand(e.pattern(), pathVars(e)) + query);
                    if (e.body() != null) {
                        Object input = malformed(e.body(), e.json());
                        withBody(r, e, input);
                    }
                    varyHeaders(r, e);
                    int status = send(e, r, "query").status();
                    malformedSent++;
                    if (e.body() != null && e.method() != HttpMethod.GET && accepted(e, status)) {
                        failures.add("accepted malformed input (" + status + ") with hostile query to " + e.method() + " " + e.pattern());
                    }
                    // a request without a body may legitimately be accepted (a change, rightly made); only a
                    // refusal must leave every table as it was, so each answer is judged on its own
                    if (status >= 400 && status < 500) {
                        changes.assertNone("hostile query parameters (" + status + ") to " + e.method() + " " + r.path, failures);
                    } else {
                        changes.forget();
                    }
                }
            }

            // 3. malformed bodies and forms, as JSON, form or multipart: each breaks at least one rule
            for (Endpoint e : withInput) {
                for (int i = 0; i < bodyEach; i++) {
                    Object input = malformed(e.body(), e.json());
                    Req r = withBody(new Req(e.method(), expand(e.pattern(), pathVars(e))), e, input);
                    varyHeaders(r, e);
                    int status = send(e, r, "malformed").status();
                    malformedSent++;
                    if (e.method() != HttpMethod.GET && accepted(e, status)) {
                        String shown = input.toString();
                        failures.add("accepted malformed input (" + status + ") to " + e.method() + " " + e.pattern() + ": "
                                + shown.substring(0, Math.min(300, shown.length())));
                    }
                }
                changes.assertNone(e.method() + " " + e.pattern(), failures);
            }
        }

        // 4. valid but hostile text: may be stored, must come back escaped
        for (Endpoint e : withInput) {
            for (int i = 0; i < 15; i++) {
                sendValidHostile(e);
            }
        }
        for (Endpoint e : endpoints) {
            if (e.method() == HttpMethod.GET && !e.json() && e.pattern().startsWith("/persons")) {
                Res page = send(e, new Req(HttpMethod.GET, expand(e.pattern(), pathVars(e))), "render");
                if (page.body().contains(SCRIPT) || page.body().contains(IMG) || page.body().contains("<svg onload")) {
                    failures.add("unescaped script on " + e.pattern());
                }
            }
        }
        // a fresh person: the fuzzed one may meanwhile carry a (valid) processing restriction
        String id = json.readTree(call(new Req(HttpMethod.POST, "/api/v1/persons")
                .body("application/json", "{\"givenName\":\"Fuzz\",\"familyName\":\"Weergave\"}")).body()).get("id").asString();
        int version = json.readTree(call(new Req(HttpMethod.GET, "/api/v1/persons/" + id)).body()).get("version").asInt();
        assertThat(call(new Req(HttpMethod.PUT, "/api/v1/persons/" + id).body("application/json",
                toJson(Map.of("givenName", "Fuzz", "familyName", SCRIPT, "version", version)).toString())).status()).isEqualTo(200);
        String dossier = call(new Req(HttpMethod.GET, "/persons/" + id)).body();
        assertThat(dossier).as("the hostile name was stored and is shown escaped").contains("&lt;script&gt;");

        System.out.println("Fuzz: " + sent + " requests through HTTP, " + malformedSent + " of them with malformed input; answers by status: "
                + statuses);
        assertThat(failures).isEmpty();
        assertThat(malformedSent).as("malformed inputs tried (the issue's aim: at least 10 000)").isGreaterThanOrEqualTo(10_000);
        assertThat(statuses.keySet()).as("the fuzz reached the refusals it is meant to reach")
                .contains(400, 404, 406, 415, 422);
        assertThat(statuses.keySet().stream().filter(s -> s >= 500)).isEmpty();
    }

    static boolean accepted(Endpoint e, int status) {
        return e.json() ? status < 300 : status >= 300 && status < 400;
    }

    static final List<String> HOSTILE_PARAM = List.of("", "abc", "-1", "0", "99999999999999999999", "1e400", "NaN",
            "2026-13-45", "12345", "<script>", "' or 1=1 --", "%00", "😀", "x".repeat(3000), "مرحبا", "true", "null",
            "00000000-0000-0000-0000-00000000000g", "[]", "{}", "a,b,c");

    String hostileQuery() {
        return "?" + enc(pick(List.of("q", "page", "size", "sort", "from", "to", "lang", "day", "x", "version", "kind")))
                + "=" + enc(pick(HOSTILE_PARAM)) + (random.nextBoolean() ? "&" + enc(pick(HOSTILE)) + "=" + enc(pick(HOSTILE)) : "");
    }

    static final List<String> HOSTILE_PATH = List.of("abc", "0", "-1", "null", "00000000-0000-0000-0000-00000000000g",
            "' or 1=1 --", "<script>", "%00", "..", "x".repeat(5000), "\u202E", "😀", "{id}", "1e400",
            UUID.randomUUID().toString(), "00000000-0000-4000-8000-000000000201' --");

    // ---- endpoints ------------------------------------------------------------------------------

    List<Endpoint> endpoints() {
        List<Endpoint> list = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod h = m.getValue();
            if (!h.getBeanType().getPackageName().startsWith("org.samenkracht")) {
                continue;
            }
            Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
            Class<?> body = null;
            boolean isJson = false;
            List<String> params = new ArrayList<>();
            for (MethodParameter p : h.getMethodParameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value()
                            : p.getParameterName();
                    if (name != null) {
                        params.add(name);
                    }
                }
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    body = p.getParameterType();
                    isJson = true;
                } else if (p.hasParameterAnnotation(ModelAttribute.class) && p.getParameterType().isRecord()) {
                    body = p.getParameterType();
                }
            }
            boolean restController = h.getBeanType().isAnnotationPresent(
                    org.springframework.web.bind.annotation.RestController.class);
            for (String pattern : m.getKey().getPatternValues()) {
                for (RequestMethod rm : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    list.add(new Endpoint(HttpMethod.valueOf(rm.name()), pattern, h, body, isJson || restController, params));
                }
            }
        }
        list.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name()));
        return list;
    }

    // ---- requests -------------------------------------------------------------------------------

    /** Signs in once through the login form: the session cookie and its CSRF token carry every request. */
    void signIn() throws Exception {
        String login = call(new Req(HttpMethod.GET, "/login")).body();
        Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(m.find()).isTrue();
        Res signedIn = call(new Req(HttpMethod.POST, "/login").body("application/x-www-form-urlencoded",
                "username=sanne&password=" + DemoIds.PASSWORD + "&_csrf=" + enc(m.group(1))));
        assertThat(signedIn.status()).isEqualTo(302);
        Matcher h = java.util.regex.Pattern.compile("(?:&quot;|&#34;)X-CSRF-TOKEN(?:&quot;|&#34;): (?:&quot;|&#34;)([^&]+)(?:&quot;|&#34;)")
                .matcher(call(new Req(HttpMethod.GET, "/persons")).body());
        assertThat(h.find()).as("CSRF token after sign-in").isTrue();
        csrf = h.group(1);
    }

    void prepareTarget() throws Exception {
        String created = call(new Req(HttpMethod.POST, "/api/v1/persons")
                .body("application/json", "{\"givenName\":\"Fuzz\",\"familyName\":\"Doelwit\"}")).body();
        String id = json.readTree(created).get("id").asString();
        call(new Req(HttpMethod.POST, "/api/v1/persons/" + id + "/plan"));
        String wishes = call(new Req(HttpMethod.POST, "/api/v1/persons/" + id + "/wishes")
                .body("application/json", "{\"text\":\"Een doel\"}")).body();
        String wish = json.readTree(wishes).get(0).get("id").asString();
        String plan = call(new Req(HttpMethod.POST, "/api/v1/persons/" + id + "/plan/goals").body("application/json",
                "{\"wishId\":\"" + wish + "\",\"ownWords\":\"Doel\",\"intendedResult\":\"Resultaat\",\"term\":\"SHORT\",\"version\":0}")).body();
        String member = call(new Req(HttpMethod.POST, "/api/v1/persons/" + id + "/network-members").body("application/json",
                "{\"name\":\"Buur Fuzz\",\"relation\":\"NEIGHBOUR\",\"layer\":\"NETWORK\"}")).body();
        pathValues.put("id", id);
        pathValues.put("personId", id);
        pathValues.put("goalId", json.readTree(plan).get("goals").get(0).get("id").asString());
        pathValues.put("memberId", json.readTree(member).get("id").asString());
        pathValues.put("networkMemberId", pathValues.get("memberId"));
        pathValues.put("professionalId", DemoIds.PROFESSIONAL_SANNE.toString());
    }

    Object[] pathVars(Endpoint e) {
        return e.variables().stream().map(v -> (Object) pathValues.getOrDefault(v, UUID.randomUUID().toString())).toArray();
    }

    static String expand(String pattern, Object[] vars) {
        return UriComponentsBuilder.fromPath(pattern).buildAndExpand(vars).encode().toUriString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The body as the endpoint reads it (JSON or form), sometimes as multipart or with a wrong type. */
    Req withBody(Req r, Endpoint e, Object input) {
        if (e.json()) {
            String type = random.nextInt(12) == 0 ? pick(ODD_CONTENT_TYPES) : "application/json";
            return r.body(type, input.toString());
        }
        if (!(input instanceof Map<?, ?>)) {
            return r.body("application/x-www-form-urlencoded", "broken=" + enc(input.toString()));
        }
        @SuppressWarnings("unchecked") Map<String, List<String>> form = (Map<String, List<String>>) input;
        int how = random.nextInt(10);
        if (how == 0) {
            String boundary = "fz" + random.nextInt(1_000_000);
            StringBuilder b = new StringBuilder();
            form.forEach((k, vs) -> vs.forEach(v -> b.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(k.replace("\"", "")).append("\"\r\n\r\n")
                    .append(v).append("\r\n")));
            if (random.nextBoolean()) {
                b.append("--").append(boundary).append("--\r\n"); // well-formed; otherwise cut short
            }
            return r.body("multipart/form-data; boundary=" + boundary, b.toString());
        }
        if (how == 1) {
            return r.body(pick(List.of("multipart/form-data", "application/json", "text/plain")), "description=x&text=y");
        }
        StringBuilder b = new StringBuilder();
        form.forEach((k, vs) -> vs.forEach(v -> b.append(b.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v))));
        return r.body("application/x-www-form-urlencoded", b.toString());
    }

    /** Accept varies for every request; Accept-Language sometimes; now and then no CSRF token. */
    void varyHeaders(Req r, Endpoint e) {
        String accept = pick(ACCEPTS);
        if (!accept.isEmpty()) {
            r.header("Accept", accept);
        }
        if (random.nextInt(4) == 0) {
            r.header("Accept-Language", pick(List.of("en", "nl-NL,nl;q=0.9", "ar", "*", "xx-;;", "en-US,en;q=0.5")));
        }
        if (random.nextInt(50) == 0) {
            r.anonymous = true;
        }
    }

    Res send(Endpoint e, Req r, String kind) {
        sent++;
        try {
            Res res = call(r);
            statuses.merge(res.status(), 1, Integer::sum);
            if (res.status() >= 500) {
                failures.add(res.status() + " on " + kind + " " + e.method() + " " + e.pattern() + " (" + r.headers + ")");
            }
            String body = res.body();
            if (body.contains("\tat ") || body.contains("Exception: ") || body.contains("Exception\n")
                    || body.contains(".java:")) {
                failures.add("stack trace in answer to " + kind + " " + e.method() + " " + e.pattern());
            }
            if (r.path.startsWith("/api/") && res.status() >= 400
                    && (res.contentType() == null || !res.contentType().startsWith("application/problem+json"))) {
                failures.add("not problem+json (" + res.status() + ", " + res.contentType() + ") on " + kind + " "
                        + e.method() + " " + e.pattern() + " (" + r.headers + ")");
            }
            return res;
        } catch (Exception ex) {
            failures.add("unhandled " + ex.getClass().getSimpleName() + " on " + kind + " " + e.method() + " " + e.pattern());
            return new Res(0, null, "");
        }
    }

    Res call(Req r) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + r.path))
                .timeout(Duration.ofSeconds(60))
                .method(r.method.name(), r.body.length == 0 && (r.method == HttpMethod.GET || r.method == HttpMethod.DELETE)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body));
        if (!r.anonymous && csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        r.headers.forEach(b::header);
        HttpResponse<String> res = (r.anonymous ? anonymousClient() : http).send(b.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Res(res.statusCode(), res.headers().firstValue("Content-Type").orElse(null), res.body());
    }

    HttpClient anonymous;

    HttpClient anonymousClient() {
        if (anonymous == null) {
            anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return anonymous;
    }

    void sendValidHostile(Endpoint e) {
        if (!e.body().isRecord()) {
            return; // only records have a known valid shape to fill with hostile text
        }
        // the version field, when there is one, is unknown here: try the versions in turn, a stale one is a 409
        boolean versioned = java.util.Arrays.stream(e.body().getRecordComponents()).anyMatch(c -> c.getName().equals("version"));
        Map<String, Object> values = valid(e.body(), true);
        int start = lastVersion.getOrDefault(e.body(), 0);
        List<Integer> tries = new ArrayList<>(List.of(start, start + 1, start + 2));
        for (int v = 0; versioned && v < 80; v++) {
            tries.add(v);
        }
        for (int v : versioned ? tries : List.of(0)) {
            if (versioned) {
                values.put("version", v);
            }
            Req r = new Req(e.method(), expand(e.pattern(), pathVars(e)));
            if (e.json()) {
                r.body("application/json", toJson(values).toString());
            } else {
                StringBuilder b = new StringBuilder();
                toForm(values).forEach((k, vs) -> vs.forEach(x -> b.append(b.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(x))));
                r.body("application/x-www-form-urlencoded", b.toString());
            }
            Res res = send(e, r, "hostile");
            if (res.status() != 409) {
                lastVersion.put(e.body(), v + 1);
                return;
            }
        }
    }

    /**
     * Counts the rows that change while refused input is sent: an AFTER row trigger on every table
     * (but the audit trail and sessions) inserts a line per changed row. Cheap: nothing runs unless a
     * row really changes; checking is one count. Removed again afterwards, so no other test sees it.
     */
    static final class ChangedRows implements AutoCloseable {
        private final DataSource dataSource;
        private final List<String> tables = new ArrayList<>();

        ChangedRows(DataSource dataSource) throws Exception {
            this.dataSource = dataSource;
            try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("create table if not exists fuzz_changed_row (table_name text not null, op text not null)");
                st.execute("""
                        create or replace function fuzz_count_change() returns trigger language plpgsql security definer as $$
                        begin insert into fuzz_changed_row values (tg_table_name, tg_op); return null; end $$""");
                for (String t : DatabaseTables.inDependencyOrder(c)) {
                    if (!UNCHECKED_TABLES.contains(t)) {
                        st.execute("create trigger fuzz_changed after insert or update or delete on \"" + t
                                + "\" for each row execute function fuzz_count_change()");
                        tables.add(t);
                    }
                }
            }
            assertThat(tables).contains("person", "support_plan");
        }

        /** Fails for every row changed since the last look, and forgets them (one statement reads and clears). */
        void assertNone(String what, List<String> failures) throws Exception {
            for (String change : take()) {
                failures.add("rejected input to " + what + " changed rows: " + change);
            }
        }

        /** Forgets the changes counted so far: they were made by a request that was accepted. */
        void forget() throws Exception {
            take();
        }

        private List<String> take() throws Exception {
            List<String> changes = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("""
                         with taken as (delete from fuzz_changed_row returning table_name, op)
                         select table_name || ' ' || op || ' × ' || count(*) from taken group by table_name, op""")) {
                while (rs.next()) {
                    changes.add(rs.getString(1));
                }
            }
            return changes;
        }

        @Override
        public void close() throws Exception {
            try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
                for (String t : tables) {
                    st.execute("drop trigger if exists fuzz_changed on \"" + t + "\"");
                }
                st.execute("drop table if exists fuzz_changed_row");
                st.execute("drop function if exists fuzz_count_change()");
            }
        }
    }

    // ---- input generation ---------------------------------------------------------------------

    /** Valid values (hostile text where text is free), by the record's own constraints. */
    Map<String, Object> valid(Class<?> type, boolean hostile) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!type.isRecord()) {
            return values;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            values.put(c.getName(), validValue(c, hostile));
        }
        return values;
    }

    Object validValue(RecordComponent c, boolean hostile) {
        Class<?> t = c.getType();
        Field f = field(c);
        if (pathValues.containsKey(c.getName())) {
            return pathValues.get(c.getName());
        }
        if (t == String.class) {
            Pattern p = f.getAnnotation(Pattern.class);
            if (p != null) {
                if (p.regexp().matches("[A-Z_|]+")) {
                    return pick(List.of(p.regexp().split("\\|")));
                }
                return "";
            }
            if (f.isAnnotationPresent(Email.class)) {
                return "iemand@example.org";
            }
            int max = f.isAnnotationPresent(Size.class) ? f.getAnnotation(Size.class).max() : 100;
            String s = hostile ? pick(HOSTILE) + " x" : "Tekst";
            return s.length() > max ? s.substring(0, max) : s;
        }
        if (t == Integer.class || t == int.class) {
            return 0;
        }
        if (t == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (t == LocalDate.class) {
            return c.getName().toLowerCase().contains("birth") ? "1980-05-05" : LocalDate.now().plusMonths(2).toString();
        }
        if (t.isEnum()) {
            return pick(List.of(t.getEnumConstants())).toString();
        }
        if (Set.class.isAssignableFrom(t) || List.class.isAssignableFrom(t)) {
            Class<?> element = element(c);
            return element != null && element.isEnum() ? List.of(element.getEnumConstants()[0].toString()) : List.of();
        }
        if (t == Boolean.class || t == boolean.class) {
            return true;
        }
        return null;
    }

    /** A body or form that breaks at least one rule of the record, with hostile text elsewhere. */
    Object malformed(Class<?> type, boolean asJson) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            // not a record (a plain class or a map): unknown fields with hostile text and a wrong type
            return java.util.Map.of("unknownField", "<script>alert(1)</script>", "version", "not-a-number");
        }
        List<RecordComponent> required = new ArrayList<>();
        List<RecordComponent> typed = new ArrayList<>();
        List<RecordComponent> limited = new ArrayList<>();
        for (RecordComponent c : components) {
            Field f = field(c);
            if (f.isAnnotationPresent(NotNull.class) || f.isAnnotationPresent(NotBlank.class)) {
                required.add(c);
            }
            if (c.getType() != String.class) {
                typed.add(c);
            }
            if (f.isAnnotationPresent(Size.class) || f.isAnnotationPresent(Pattern.class)) {
                limited.add(c);
            }
        }
        Map<String, Object> values = valid(type, true);
        if (random.nextInt(4) == 0) {
            values.put(pick(List.of("id", "organisationId", "__proto__", "constructor", "personId", "admin", "x".repeat(300))),
                    pick(HOSTILE));
        }
        int strategy = random.nextInt(asJson ? 6 : 4);
        if (strategy == 0 && !required.isEmpty()) {
            RecordComponent c = pick(required);
            if (random.nextBoolean() || c.getType() != String.class) {
                values.remove(c.getName());
            } else {
                values.put(c.getName(), pick(List.of("", "   ", "\t\n", " \r\n ")));
            }
        } else if (strategy == 1 && !typed.stream().filter(c -> isStrictlyTyped(c)).toList().isEmpty()) {
            RecordComponent c = pick(typed.stream().filter(this::isStrictlyTyped).toList());
            values.put(c.getName(), pick(List.of("abc", "2026-13-45", "1e400", "-", "00000000-0000-0000-0000",
                    "NOT_A_VALUE", SCRIPT, "' or 1=1 --", "99999999999999999999", "😀")));
            if (!asJson && random.nextBoolean()) {
                values.put(c.getName(), "x".repeat(1 + random.nextInt(3000)));
            }
        } else if (strategy == 2 && !limited.isEmpty()) {
            RecordComponent c = pick(limited);
            Field f = field(c);
            int max = f.isAnnotationPresent(Size.class) ? f.getAnnotation(Size.class).max() : 200;
            String unit = pick(List.of("a", "é", "😀", "<b>", "'", "\u0301"));
            int length = max + 1 + random.nextInt(random.nextInt(100) == 0 ? 100_000 : 2 * max + 10);
            String s = unit.repeat(length); // at least max+1 code points, whatever the unit
            values.put(c.getName(), f.isAnnotationPresent(Pattern.class) && !f.isAnnotationPresent(Size.class)
                    && !p(f).regexp().contains("{") ? "NOT A CHOICE " + s.substring(0, 20) : s);
        } else if (asJson && strategy == 3) {
            return pick(List.of("{", "[1,2", "nul", "{\"a\":}", "", "\u0000", "[".repeat(5000), "{\"x\":\"\\ud800\"",
                    "<xml/>", "givenName=x", "{\"givenName\": 'x'}", "{,}", "{\"a\":1}}"));
        } else if (asJson && strategy == 4) {
            return pick(List.of("[]", "123", "\"text\"", "true", "null", "[{}]"));
        } else {
            // no applicable rule picked: remove every required field, or break the JSON
            if (required.isEmpty()) {
                return asJson ? "{\"unclosed\": " : Map.of("_csrf", List.of("x"));
            }
            required.forEach(c -> values.remove(c.getName()));
        }
        return asJson ? toJson(values) : toForm(values);
    }

    boolean isStrictlyTyped(RecordComponent c) {
        Class<?> t = c.getType();
        return t == UUID.class || t == Integer.class || t == int.class || t == LocalDate.class || t.isEnum();
    }

    Object toJson(Map<String, Object> values) {
        ObjectNode o = nodes.objectNode();
        values.forEach((k, v) -> {
            if (v == null) {
                o.putNull(k);
            } else if (v instanceof Integer i) {
                o.put(k, i);
            } else if (v instanceof List<?> list) {
                ArrayNode a = o.putArray(k);
                list.forEach(x -> a.add(x.toString()));
            } else if (v instanceof Boolean b) {
                o.put(k, b);
            } else {
                o.put(k, v.toString());
            }
        });
        return json.writeValueAsString(o);
    }

    Map<String, List<String>> toForm(Map<String, Object> values) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof List<?> list) {
                form.put(k, list.stream().map(Object::toString).toList());
            } else if (v != null) {
                form.put(k, List.of(v.toString()));
            }
        });
        return form;
    }

    static Field field(RecordComponent c) {
        try {
            return c.getDeclaringRecord().getDeclaredField(c.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    static Pattern p(Field f) {
        return f.getAnnotation(Pattern.class);
    }

    static Class<?> element(RecordComponent c) {
        if (c.getGenericType() instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return null;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
