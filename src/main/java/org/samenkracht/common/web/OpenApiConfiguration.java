package org.samenkracht.common.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI document of /api/v1: every way in as a security scheme (HTTP Basic; a browser session
 * with its CSRF token; an API token as a bearer token), the error answers of every operation as problem+json with examples, and
 * schema names that cannot collide (a nested record is named with its enclosing type,
 * {@code Plans.Text} and {@code Labels.Text} stay two schemas).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    @Bean
    OpenAPI samenkrachtApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Samenkracht API")
                        .version("v1")
                        .contact(new Contact().name("Samenkracht"))
                        .description("Every capability of Samenkracht as JSON under /api/v1. The same access rules as the "
                                + "pages apply: sign in with HTTP Basic (or a browser session with its CSRF token, or a program's "
                                + "API token as `Authorization: Bearer skt_…`, within the token's scope); only the "
                                + "person and their care team see a person's data, and every access is audited. Every "
                                + "error is application/problem+json in the language of Accept-Language (Dutch or English); "
                                + "`fields` names each refused field and why."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An account's user name and password; for programs."))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("SESSION")
                                .description("The browser session after signing in at /login."))
                        .addSecuritySchemes("csrf", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-CSRF-TOKEN")
                                .description("With a session, every request but GET carries the session's CSRF token."))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("skt_…")
                                .description("An API token an administrator made for a program (Administration, API "
                                        + "tokens): no session and no CSRF token; only the parts and the reading or "
                                        + "writing the token's scope allows (outside it: 403)."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("session").addList("csrf"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    /** Nested records are named Outer.Inner, so two records called Text never share one schema. */
    @Bean
    ModelResolver nestedTypeNames() {
        return new ModelResolver(Json.mapper(), new NestedTypeNames());
    }

    static final class NestedTypeNames extends TypeNameResolver {
        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            for (Class<?> outer = type.getEnclosingClass(); outer != null && !getUseFqn(); outer = outer.getEnclosingClass()) {
                name = outer.getSimpleName() + "." + name;
            }
            return name;
        }
    }

    /** The error answers every operation can give, documented once and referenced from each operation. */
    @Bean
    OpenApiCustomizer documentedErrorAnswers() {
        return api -> {
            // springdoc builds the components from the controllers; the shared parts are added here
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            samenkrachtApi().getComponents().getSecuritySchemes().forEach(api.getComponents()::addSecuritySchemes);
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                boolean hasBody = op.getRequestBody() != null;
                add(responses, 400, "The request is not readable: broken JSON or multipart, a value of the wrong kind "
                        + "(named in `fields`), a missing parameter.", badRequest());
                add(responses, 401, "Not signed in. The answer carries `WWW-Authenticate: Basic realm=\"Samenkracht\"`.", null);
                add(responses, 403, "Signed in, but refused: not in the person's care team, no consent, a missing CSRF "
                        + "token; `detail` says why.", null);
                if (path.contains("{")) {
                    add(responses, 404, "Nothing with this id exists, or not any more.", null);
                }
                add(responses, 406, "The Accept header asks for something other than JSON.", null);
                if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.POST
                        || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
                    add(responses, 409, "Someone else changed this meanwhile (optimistic locking); nothing was saved.", null);
                }
                if (hasBody) {
                    add(responses, 415, "The body is not JSON (Content-Type).", null);
                }
                if (hasBody || method != PathItem.HttpMethod.GET) {
                    add(responses, 422, "A rule refused the input: each refused field is named in `fields` with why "
                            + "(too long, required, not a choice).", invalid());
                }
                add(responses, 500, "A fault of ours; the answer never contains a stack trace.", null);
                op.setResponses(responses);
            }));
        };
    }

    private static void add(ApiResponses responses, int status, String description, Example example) {
        String code = String.valueOf(status);
        if (responses.containsKey(code) && responses.get(code).getContent() != null
                && responses.get(code).getContent().containsKey(PROBLEM_JSON)) {
            return;
        }
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        problem.addExamples(example != null ? "example" : "answer", example != null ? example
                : new Example().value(Map.of("type", "about:blank", "title", title(status), "status", status)));
        ApiResponse answer = responses.getOrDefault(code, new ApiResponse().description(description));
        if (answer.getDescription() == null || answer.getDescription().isBlank()) {
            answer.setDescription(description);
        }
        answer.setContent((answer.getContent() == null ? new Content() : answer.getContent()).addMediaType(PROBLEM_JSON, problem));
        responses.addApiResponse(code, answer);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Dat begrijpen we niet";
            case 401 -> "Eerst aanmelden";
            case 403 -> "Geen toegang";
            case 404 -> "Niet gevonden";
            case 406 -> "Dit formaat hebben we niet";
            case 409 -> "Intussen gewijzigd";
            case 415 -> "Dit formaat lezen we niet";
            case 422 -> "Niet goed ingevuld";
            default -> "Er ging iets mis";
        };
    }

    private static Example badRequest() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", "Dat begrijpen we niet");
        p.put("status", 400);
        p.put("detail", "Het verzoek was niet volledig of niet leesbaar.");
        p.put("fields", Map.of("dateOfBirth", "Deze waarde kunnen we niet lezen. Kijk of het soort waarde klopt "
                + "(bijvoorbeeld een datum als 2026-05-31)."));
        return new Example().summary("A number where a date belongs").value(p);
    }

    private static Example invalid() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", "Niet goed ingevuld");
        p.put("status", 422);
        p.put("detail", "Niet alle velden zijn goed ingevuld.");
        p.put("fields", Map.of("text", "Dit is te lang (ten hoogste 4000 tekens)."));
        return new Example().summary("A text over its limit").value(p);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fields = new MapSchema().additionalProperties(new StringSchema())
                .description("Each refused field (its name or JSON path) with why, in the requester's language.");
        return new ObjectSchema()
                .description("RFC 9457 problem details, in the language of Accept-Language (Dutch or English).")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Niet goed ingevuld"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().example("Niet alle velden zijn goed ingevuld."))
                .addProperty("instance", new StringSchema())
                .addProperty("fields", fields);
    }
}
