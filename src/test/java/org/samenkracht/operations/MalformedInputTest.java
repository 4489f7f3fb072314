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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Feeds every form and API endpoint (found in the request mappings, so a new route is covered
 * without editing this test) with generated malformed input: wrong types, huge strings, Unicode edge
 * cases, HTML and script, SQL fragments, missing and extra fields, broken JSON, bad path values.
 * No answer may be a 5xx or show a stack trace; a rejected request changes no table; script that
 * was stored as valid text is never rendered unescaped.
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
            "\uD800", "a\u0000b", "ﷺ", "𝕊𝕒𝕞𝕖𝕟");
    static final Set<String> UNCHECKED_TABLES = Set.of("audit_event", "spring_session", "spring_session_attributes");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;

    final ObjectMapper json = new ObjectMapper();
    final JsonNodeFactory nodes = JsonNodeFactory.instance;
    final Random random = new Random(20260101);
    UserDetails sanne;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    int sent;
    final Map<Class<?>, Integer> lastVersion = new java.util.HashMap<>();
    final List<String> failures = new ArrayList<>();

    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, Class<?> body, boolean json) {
        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)[^}]*}").matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    @Test
    void every_endpoint_survives_malformed_input_without_500_stack_trace_change_or_unescaped_script() throws Exception {
        sanne = users.loadUserByUsername("sanne");
        prepareTarget();
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern).contains("/api/v1/persons/{id}", "/persons/{id}/edit",
                "/api/v1/persons/{personId}/plan/goals", "/persons/{personId}/network");
        List<Endpoint> withInput = endpoints.stream().filter(e -> e.body() != null).toList();
        List<Endpoint> withPath = endpoints.stream().filter(e -> !e.variables().isEmpty()).toList();
        int pathEach = 40;
        int bodyEach = Math.max(200, (TOTAL - pathEach * withPath.size()) / Math.max(1, withInput.size()));

        // 1. bad path values: never a 5xx, never a change
        Map<String, String> before = checksums();
        for (Endpoint e : withPath) {
            for (int i = 0; i < pathEach; i++) {
                Object[] vars = e.variables().stream().map(v -> (Object) pick(HOSTILE_PATH)).toArray();
                send(e, request(e.method(), e.pattern(), vars), "path");
            }
        }
        assertUnchanged(before, "bad path values");

        // 2. malformed bodies and forms: each one breaks at least one rule, so none may change anything
        for (Endpoint e : withInput) {
            before = checksums();
            for (int i = 0; i < bodyEach; i++) {
                Object input = malformed(e.body(), e.json());
                int status = send(e, withBody(e, input, e.json()), "malformed").getStatus();
                if (e.method() != HttpMethod.GET && (e.json() ? status < 300 : status >= 300 && status < 400)) {
                    String shown = input.toString();
                    failures.add("accepted malformed input (" + status + ") to " + e.method() + " " + e.pattern() + ": "
                            + shown.substring(0, Math.min(300, shown.length())));
                }
            }
            assertUnchanged(before, e.method() + " " + e.pattern());
        }

        // 3. valid but hostile text: may be stored, must come back escaped
        for (Endpoint e : withInput) {
            for (int i = 0; i < 20; i++) {
                sendValidHostile(e);
            }
        }
        for (Endpoint e : endpoints) {
            if (e.method() == HttpMethod.GET && !e.json() && e.pattern().startsWith("/persons")) {
                MockHttpServletResponse page = send(e, request(HttpMethod.GET, e.pattern(), pathVars(e)), "render");
                String body = page.getContentAsString();
                if (body.contains(SCRIPT) || body.contains(IMG) || body.contains("<svg onload")) {
                    failures.add("unescaped script on " + e.pattern());
                }
            }
        }
        // a fresh person: the fuzzed one may meanwhile carry a (valid) processing restriction
        String id = json.readTree(mvc.perform(request(HttpMethod.POST, "/api/v1/persons").with(user(sanne)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"givenName\":\"Fuzz\",\"familyName\":\"Weergave\"}"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        int version = json.readTree(mvc.perform(request(HttpMethod.GET, "/api/v1/persons/{id}", id).with(user(sanne)).with(csrf()))
                .andReturn().getResponse().getContentAsString()).get("version").asInt();
        assertThat(mvc.perform(request(HttpMethod.PUT, "/api/v1/persons/{id}", id).with(user(sanne)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(toJson(Map.of("givenName", "Fuzz", "familyName", SCRIPT, "version", version)).toString()))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
        String dossier = mvc.perform(request(HttpMethod.GET, "/persons/{id}", id).with(user(sanne)).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(dossier).as("the hostile name was stored and is shown escaped").contains("&lt;script&gt;");

        assertThat(failures).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(10_000);
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
            for (MethodParameter p : h.getMethodParameters()) {
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
                    list.add(new Endpoint(HttpMethod.valueOf(rm.name()), pattern, h, body, isJson || restController));
                }
            }
        }
        list.sort(java.util.Comparator.comparing(Endpoint::pattern).thenComparing(e -> e.method().name()));
        return list;
    }

    // ---- requests -------------------------------------------------------------------------------

    void prepareTarget() throws Exception {
        String created = mvc.perform(request(HttpMethod.POST, "/api/v1/persons").with(user(sanne)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"givenName\":\"Fuzz\",\"familyName\":\"Doelwit\"}"))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asString();
        mvc.perform(request(HttpMethod.POST, "/api/v1/persons/{id}/plan", id).with(user(sanne)).with(csrf()));
        String wishes = mvc.perform(request(HttpMethod.POST, "/api/v1/persons/{id}/wishes", id).with(user(sanne)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Een doel\"}"))
                .andReturn().getResponse().getContentAsString();
        String wish = json.readTree(wishes).get(0).get("id").asString();
        String plan = mvc.perform(request(HttpMethod.POST, "/api/v1/persons/{id}/plan/goals", id).with(user(sanne)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"wishId\":\"" + wish
                        + "\",\"ownWords\":\"Doel\",\"intendedResult\":\"Resultaat\",\"term\":\"SHORT\",\"version\":0}"))
                .andReturn().getResponse().getContentAsString();
        String member = mvc.perform(request(HttpMethod.POST, "/api/v1/persons/{id}/network-members", id).with(user(sanne)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Buur Fuzz\",\"relation\":\"NEIGHBOUR\",\"layer\":\"NETWORK\"}"))
                .andReturn().getResponse().getContentAsString();
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

    MockHttpServletRequestBuilder withBody(Endpoint e, Object input, boolean asJson) {
        MockHttpServletRequestBuilder r = request(e.method(), e.pattern(), pathVars(e));
        if (asJson) {
            r.contentType(random.nextInt(20) == 0 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
                    .content(input.toString());
        } else {
            @SuppressWarnings("unchecked") Map<String, List<String>> form = (Map<String, List<String>>) input;
            r.contentType(MediaType.APPLICATION_FORM_URLENCODED);
            form.forEach((k, vs) -> vs.forEach(v -> r.param(k, v)));
        }
        return r;
    }

    MockHttpServletResponse send(Endpoint e, MockHttpServletRequestBuilder r, String kind) {
        sent++;
        try {
            MockHttpServletResponse res = mvc.perform(r.with(user(sanne)).with(csrf())).andReturn().getResponse();
            String body = res.getContentAsString();
            if (res.getStatus() >= 500) {
                failures.add(res.getStatus() + " on " + kind + " " + e.method() + " " + e.pattern());
            }
            if (body.contains("\tat ") || body.contains("Exception: ") || body.contains("Exception\n")
                    || body.contains(".java:")) {
                failures.add("stack trace in answer to " + kind + " " + e.method() + " " + e.pattern());
            }
            return res;
        } catch (Exception ex) {
            failures.add("unhandled " + ex.getClass().getSimpleName() + " on " + kind + " " + e.method() + " " + e.pattern());
            return new MockHttpServletResponse();
        }
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
            MockHttpServletResponse res = send(e, withBody(e, e.json() ? toJson(values) : toForm(values), e.json()), "hostile");
            if (res.getStatus() != 409) {
                lastVersion.put(e.body(), v + 1);
                return;
            }
        }
    }

    void assertUnchanged(Map<String, String> before, String what) throws Exception {
        Map<String, String> after = checksums();
        before.forEach((table, sum) -> {
            if (!sum.equals(after.get(table))) {
                failures.add("table " + table + " changed by rejected input to " + what);
            }
        });
    }

    Map<String, String> checksums() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> sums = new LinkedHashMap<>();
            for (String t : DatabaseTables.inDependencyOrder(c)) {
                if (!UNCHECKED_TABLES.contains(t)) {
                    sums.put(t, DatabaseTables.checksum(c, t));
                }
            }
            return sums;
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
