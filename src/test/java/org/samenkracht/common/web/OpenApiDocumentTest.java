package org.samenkracht.common.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document (/v3/api-docs), read by a real OpenAPI parser, is complete: every route of every
 * API controller is in it with its error answers and a way in; every request body's schema has the
 * fields of its record (no two records share a schema name); every page action has an API twin.
 */
@SamenkrachtTest
class OpenApiDocumentTest {

    /**
     * Page actions without a JSON twin today, each with the reason. A new page action that is not
     * listed here and has no twin fails the test.
     */
    static final Map<String, String> WITHOUT_TWIN = Map.ofEntries(
            Map.entry("POST /login/second-factor", "the second step of a browser sign-in; API clients authenticate per request"),
            Map.entry("POST /account/second-factor/start", "setting up a second factor is a browser step of one's own account (security, issue 14)"),
            Map.entry("POST /account/second-factor/confirm", "setting up a second factor is a browser step of one's own account (security, issue 14)"),
            Map.entry("POST /account/second-factor/remove", "setting up a second factor is a browser step of one's own account (security, issue 14)"),
            Map.entry("POST /persons/{id}/privacy/restriction/lift", "twin has another shape: DELETE /api/v1/persons/{id}/restriction"),
            Map.entry("POST /persons/{id}/privacy/team", "twin has another name: POST /api/v1/persons/{id}/care-team"),
            Map.entry("POST /persons/{personId}/network/members/{memberId}", "twin has another method: PUT /api/v1/persons/{id}/network-members/{memberId}"),
            Map.entry("POST /persons/{personId}/network/members/{memberId}/remove", "twin has another method: DELETE /api/v1/persons/{id}/network-members/{memberId}"),
            Map.entry("POST /persons/{personId}/plan/start", "twin has another shape: POST /api/v1/persons/{id}/plan"),
            Map.entry("POST /socialmap/fiche/{token}", "a provider's own fiche form reached by a token link, not a user's action (socialmap, issue 16)"),
            Map.entry("POST /socialmap/import", "twin has another name: POST /api/v1/offer-imports"),
            Map.entry("POST /admin/accounts/{id}/activate", "twin named as a noun: POST /api/v1/admin/accounts/{id}/activation"),
            Map.entry("POST /admin/accounts/{id}/deactivate", "twin named as a noun: POST /api/v1/admin/accounts/{id}/deactivation"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    @Qualifier("nestedTypeNames")
    ModelResolver nestedTypeNames;
    @Autowired
    List<ModelConverter> contextConverters;
    @LocalServerPort
    int port;
    OpenAPI api;

    @BeforeEach
    void parse() throws Exception {
        String document = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString()).body();
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document);
        assertThat(result.getMessages()).as("the parser's complaints").isEmpty();
        api = result.getOpenAPI();
        assertThat(api).isNotNull();
    }

    record Route(String method, String path, HandlerMethod handler) {
        /** The path with every variable as {}, so /persons/{id} and /persons/{personId} compare equal. */
        String shape() {
            return path.replaceAll("\\{[^}]*}", "{}");
        }
    }

    List<Route> routes(boolean api) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod h = m.getValue();
            if (!h.getBeanType().getPackageName().startsWith("org.samenkracht")
                    || h.getBeanType().isAnnotationPresent(RestController.class) != api) {
                continue;
            }
            Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
            for (String path : m.getKey().getPatternValues()) {
                for (RequestMethod rm : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(rm.name(), path, h));
                }
            }
        }
        return routes;
    }

    Set<String> documented() {
        Set<String> ops = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> ops.add(method.name() + " " + path.replaceAll("\\{[^}]*}", "{}"))));
        return ops;
    }

    @Test
    void every_api_route_is_documented_with_its_error_answers() {
        List<Route> routes = routes(true).stream().filter(r -> r.path().startsWith("/api/")).toList();
        assertThat(routes).hasSizeGreaterThan(50);
        Set<String> documented = documented();
        List<String> missing = routes.stream().map(r -> r.method() + " " + r.shape())
                .filter(r -> !documented.contains(r)).toList();
        assertThat(missing).as("API routes missing from /v3/api-docs").isEmpty();

        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            assertThat(op.getResponses()).as(method + " " + path).containsKeys("400", "401", "403", "406", "500");
            assertThat(op.getResponses().get("401").getContent()).as(method + " " + path).containsKey("application/problem+json");
            if (op.getRequestBody() != null) {
                assertThat(op.getResponses()).as(method + " " + path).containsKeys("415", "422");
            }
            op.getResponses().forEach((status, answer) -> {
                var problem = answer.getContent() == null ? null : answer.getContent().get("application/problem+json");
                if (problem != null) {
                    assertThat(problem.getExamples()).as("example of " + status + " on " + method + " " + path).isNotEmpty();
                }
            });
        }));
    }

    @Test
    void every_way_in_is_a_security_scheme_and_required() {
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("basic", "session", "csrf", "token");
        assertThat(api.getComponents().getSecuritySchemes().get("token").getScheme()).isEqualTo("bearer");
        assertThat(api.getSecurity()).extracting(s -> s.keySet())
                .contains(Set.of("basic"), Set.of("session", "csrf"), Set.of("token"));
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertThat(problem.getProperties()).containsKeys("title", "status", "detail", "fields");
        Operation register = api.getPaths().get("/api/v1/persons").getPost();
        assertThat(register.getResponses().get("422").getContent().get("application/problem+json").getExamples()).isNotEmpty();
    }

    /** A record documented under another record's name would show the wrong fields. */
    @Test
    void every_request_body_schema_has_the_fields_of_its_record() {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        List<String> wrong = new ArrayList<>();
        for (Route r : routes(true)) {
            for (MethodParameter p : r.handler().getMethodParameters()) {
                Class<?> type = p.getParameterType();
                if (!p.hasParameterAnnotation(RequestBody.class) || !type.isRecord()) {
                    continue;
                }
                String name = type.getEnclosingClass() == null ? type.getSimpleName()
                        : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
                Schema<?> schema = schemas.get(name);
                if (schema == null || schema.getProperties() == null) {
                    wrong.add(name + " has no schema (" + r.method() + " " + r.path() + ")");
                    continue;
                }
                for (RecordComponent c : type.getRecordComponents()) {
                    if (!schema.getProperties().containsKey(c.getName())) {
                        wrong.add(name + " lacks " + c.getName() + " (documented: " + schema.getProperties().keySet() + ")");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Two Java types under one schema name would show one type's fields for the other (a label
     * {nl,en} documented as a {text}). Every type an API operation reads or answers is resolved here
     * through the converters springdoc uses, and each schema name it defines must belong to one type,
     * and be in the document.
     */
    @Test
    void no_two_java_types_share_a_schema_name() {
        // this context's converters, with its naming resolver last (it resolves every type itself), not swagger's
        // global registry: where a run starts a second application context (the single-sign-on test's), the
        // registry may hold the other context's converters, or lose ours (CI failed on both)
        List<ModelConverter> converters = new ArrayList<>(contextConverters.stream()
                .filter(c -> !(c instanceof ModelResolver)).toList());
        converters.add(nestedTypeNames);
        Map<String, String> typeOfName = new java.util.TreeMap<>();
        Set<String> collisions = new TreeSet<>();
        ModelConverterContextImpl context = new ModelConverterContextImpl(converters) {
            @Override
            public void defineModel(String name, Schema model, AnnotatedType type, String prevName) {
                record(name, type == null ? null : type.getType());
                super.defineModel(name, model, type, prevName);
            }

            @Override
            public void defineModel(String name, Schema model, java.lang.reflect.Type type, String prevName) {
                record(name, type);
                super.defineModel(name, model, type, prevName);
            }

            void record(String name, java.lang.reflect.Type type) {
                if (name == null || type == null) {
                    return;
                }
                String canonical = Json.mapper().constructType(type).toCanonical();
                String before = typeOfName.putIfAbsent(name, canonical);
                if (before != null && !before.equals(canonical)) {
                    collisions.add(name + ": " + before + " and " + canonical);
                }
            }
        };
        int resolved = 0;
        for (Route r : routes(true)) {
            List<java.lang.reflect.Type> types = new ArrayList<>();
            types.add(r.handler().getReturnType().getGenericParameterType());
            for (MethodParameter p : r.handler().getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    types.add(p.getGenericParameterType());
                }
            }
            for (java.lang.reflect.Type type : types) {
                java.lang.reflect.Type body = answered(type);
                if (body != null) {
                    context.resolve(new AnnotatedType(body).resolveAsRef(true));
                    resolved++;
                }
            }
        }
        assertThat(resolved).as("API types resolved").isGreaterThan(50);
        assertThat(typeOfName).as("schema names of the application's own types").isNotEmpty();
        assertThat(typeOfName.keySet()).as("a nested record is named with its enclosing type (the naming springdoc uses)")
                .anyMatch(name -> name.matches("[A-Z]\\w*\\.[A-Z]\\w*"));
        assertThat(collisions).as("schema names given to two Java types").isEmpty();
        Set<String> ours = new TreeSet<>();
        typeOfName.forEach((name, type) -> {
            if (type.startsWith("org.samenkracht")) {
                ours.add(name);
            }
        });
        assertThat(api.getComponents().getSchemas().keySet()).as("the document holds the schemas of the application's types")
                .containsAll(ours);
    }

    /** The type of a body as springdoc documents it: without ResponseEntity or Optional around it; null for none or bytes. */
    static java.lang.reflect.Type answered(java.lang.reflect.Type type) {
        var javaType = Json.mapper().constructType(type);
        while (javaType.getRawClass() == org.springframework.http.ResponseEntity.class
                || javaType.getRawClass() == org.springframework.http.HttpEntity.class || javaType.getRawClass() == java.util.Optional.class) {
            javaType = javaType.containedTypeCount() == 0 ? null : javaType.containedType(0);
            if (javaType == null) {
                return null;
            }
        }
        Class<?> raw = javaType.getRawClass();
        if (raw == void.class || raw == Void.class || raw == byte[].class || raw == Object.class
                || org.springframework.core.io.Resource.class.isAssignableFrom(raw)) {
            return null;
        }
        return javaType;
    }

    @Test
    void every_page_action_has_an_api_twin() {
        Set<String> documented = documented();
        Set<String> lacking = new TreeSet<>();
        for (Route page : routes(false)) {
            if (page.method().equals("GET")) {
                continue; // pages that show; what they show is read through the API's GETs
            }
            String key = page.method() + " " + page.path();
            if (WITHOUT_TWIN.containsKey(key) || hasTwin(page, documented)) {
                continue;
            }
            lacking.add(key);
        }
        assertThat(lacking).as("page actions without an API twin (add the twin, or list it with a reason)").isEmpty();
        assertThat(WITHOUT_TWIN.keySet()).as("listed exceptions that are no page action any more")
                .allMatch(k -> routes(false).stream().anyMatch(r -> (r.method() + " " + r.path()).equals(k)));
    }

    /**
     * A twin is an API operation (any method: a page form posts what the API may PUT or DELETE)
     * whose path, under /api/v1, ends in the page path's last literal word with as many variables
     * before it, e.g. POST /persons/{id}/privacy/concerns and POST /api/v1/persons/{id}/concerns.
     */
    static boolean hasTwin(Route page, Set<String> documented) {
        String shape = page.shape();
        if (documented.stream().anyMatch(d -> d.substring(d.indexOf(' ') + 1).equals("/api/v1" + shape))) {
            return true;
        }
        String[] parts = shape.split("/");
        String last = "";
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].equals("{}") && !parts[i].isEmpty() && !Set.of("new", "edit", "delete", "remove").contains(parts[i])) {
                last = parts[i];
                break;
            }
        }
        long variables = shape.chars().filter(c -> c == '{').count();
        String word = last;
        return !word.isEmpty() && documented.stream().map(d -> d.substring(d.indexOf(' ') + 1))
                .anyMatch(d -> d.contains("/" + word) && d.chars().filter(c -> c == '{').count() >= Math.max(0, variables - 1));
    }
}
