package org.samenkracht.privacy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.PrivacyScene.Scene;
import org.samenkracht.privacy.PrivacyScene.Subject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.privacy.PrivacyScene.Subject.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;


/**
 * Every route of the application × every role and relation to a person: self, another person, team
 * professional and coach, same organisation outside the team, administrator, another organisation,
 * network member with and without consent, emergency access. Routes are found in the running
 * application, so a new route without a line in {@link #ROUTES} fails this test.
 *
 * <p><b>Adding a route?</b> Add one line to {@link #ROUTES}: the route as {@code "METHOD /path/{var}"},
 * who may use it (one of the sets below, or your own {@code EnumSet}), and for a POST/PUT a sample
 * input that passes validation (form fields for pages, JSON for {@code /api}) so the access check is
 * what decides. Path variables {@code {id}}/{@code {personId}} become the scene's person; other
 * variables a random id (then "allowed" shows as 404, "refused" as 403). Each request runs in a
 * transaction that is rolled back.
 */
@SamenkrachtTest
class AccessMatrixTest {

    // Who may use a route, by role and relation to the person in the path.
    static final Set<Subject> EVERYONE = EnumSet.allOf(Subject.class);
    /** The person's file: the person, the team, emergency access, a network member with consent (for everything, in this scene). */
    static final Set<Subject> READ_FILE = EnumSet.of(SELF, TEAM_PROFESSIONAL, TEAM_COACH, EMERGENCY, NETWORK_WITH_CONSENT);
    /** The team's own work on secrecy (consents, decisions, concerns, the log): no consent opens it. */
    static final Set<Subject> TEAM_READ = EnumSet.of(SELF, TEAM_PROFESSIONAL, TEAM_COACH, EMERGENCY);
    static final Set<Subject> AS_PERSON = EnumSet.of(SELF, TEAM_PROFESSIONAL, TEAM_COACH);
    static final Set<Subject> TEAM_WRITE = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH);
    static final Set<Subject> PROFESSIONALS = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH, SAME_ORG_PROFESSIONAL, SAME_ORG_COACH,
            OTHER_ORG_PROFESSIONAL, EMERGENCY);
    static final Set<Subject> COACH_OR_ADMIN = EnumSet.of(TEAM_COACH, SAME_ORG_COACH, ADMINISTRATOR);
    static final Set<Subject> ADMIN = EnumSet.of(ADMINISTRATOR);

    record Rule(Set<Subject> allowed, String sample) {
    }

    /** THE TABLE: one line per route. */
    static final Map<String, Rule> ROUTES = table(
            // identity
            route("GET /", EVERYONE),
            route("GET /login", EVERYONE),
            // person
            route("GET /persons", EVERYONE),
            route("GET /persons/new", EVERYONE),  // the empty form; registering itself is checked below
            route("POST /persons", PROFESSIONALS, "givenName=Matrix&familyName=Test"),
            route("GET /persons/{id}", READ_FILE),
            route("GET /persons/{id}/edit", READ_FILE),
            route("POST /persons/{id}/edit", TEAM_WRITE, "givenName=Test&familyName=Scene&version=0"),
            route("GET /persons/{id}/questions", READ_FILE),
            route("POST /persons/{id}/questions", AS_PERSON, "whatMatters=a&ownStrength=b&needs=c&whoCanHelp=d"),
            route("GET /api/v1/persons", EVERYONE),
            route("POST /api/v1/persons", PROFESSIONALS, "{\"givenName\":\"Matrix\",\"familyName\":\"Test\"}"),
            route("GET /api/v1/persons/{id}", READ_FILE),
            route("PUT /api/v1/persons/{id}", TEAM_WRITE, "{\"givenName\":\"Test\",\"familyName\":\"Scene\",\"version\":0}"),
            route("GET /api/v1/persons/{id}/four-questions", READ_FILE),
            route("POST /api/v1/persons/{id}/four-questions", AS_PERSON,
                    "{\"whatMatters\":\"a\",\"ownStrength\":\"b\",\"needs\":\"c\",\"whoCanHelp\":\"d\"}"),
            // network
            route("GET /persons/{personId}/network", READ_FILE),
            route("POST /persons/{personId}/network", TEAM_WRITE, "name=Ria&relation=NEIGHBOUR&layer=NATURAL"),
            route("GET /api/v1/persons/{personId}/network-members", READ_FILE),
            route("GET /api/v1/persons/{personId}/network-members/{memberId}", READ_FILE),
            route("POST /api/v1/persons/{personId}/network-members", TEAM_WRITE,
                    "{\"name\":\"Ria\",\"relation\":\"NEIGHBOUR\",\"layer\":\"NATURAL\"}"),
            // plan
            route("GET /persons/{personId}/plan", READ_FILE),
            route("POST /persons/{personId}/plan/start", TEAM_WRITE),
            route("POST /persons/{personId}/plan/goals", TEAM_WRITE, "ownWords=Zelf koken&version=0"),
            route("POST /persons/{personId}/plan/steps", TEAM_WRITE, "goalId={uuid}&description=x&taker=PERSON&version=0"),
            route("POST /persons/{personId}/plan/evaluation-date", TEAM_WRITE, "evaluationDate=2099-01-01&version=0"),
            route("GET /api/v1/persons/{personId}/plan", READ_FILE),
            route("POST /api/v1/persons/{personId}/plan", TEAM_WRITE),
            route("POST /api/v1/persons/{personId}/plan/goals", TEAM_WRITE, "{\"ownWords\":\"Zelf koken\",\"version\":0}"),
            route("POST /api/v1/persons/{personId}/plan/steps", TEAM_WRITE,
                    "{\"goalId\":\"{uuid}\",\"description\":\"x\",\"taker\":\"PERSON\",\"version\":0}"),
            route("PUT /api/v1/persons/{personId}/plan/evaluation-date", TEAM_WRITE, "{\"evaluationDate\":\"2099-01-01\",\"version\":0}"),
            // privacy: pages
            route("GET /persons/{id}/privacy", TEAM_READ),
            route("POST /persons/{id}/privacy/team", TEAM_WRITE, "userId={uuid}&teamRole=PROFESSIONAL"),
            route("POST /persons/{id}/privacy/disclosure", TEAM_WRITE, "disclosedOn=2026-01-05&how=LETTER"),
            route("POST /persons/{id}/privacy/consents", AS_PERSON,
                    "information=PLAN&recipientKind=ROLE&recipientRole=COACH&purpose=x&validFrom=2026-01-01&givenHow=SPOKEN&givenBy=PERSON"),
            route("POST /persons/{id}/privacy/consents/{consentId}/revoke", AS_PERSON),
            route("POST /persons/{id}/privacy/sharing", TEAM_WRITE, "recipientKind=EXTERNAL&recipient=x&information=y&purpose=z"),
            route("POST /persons/{id}/privacy/concerns", TEAM_WRITE, "description=zorg"),
            route("POST /persons/{id}/privacy/acute-danger", TEAM_WRITE, "description=val&actionTaken=geholpen&whoWasCalled=112"),
            route("POST /persons/{id}/privacy/concerns/{concernId}/{step}", TEAM_WRITE, "version=0&note=x"),
            route("POST /persons/{id}/privacy/emergency/{grantId}/review", TEAM_WRITE, "note=terecht"),
            route("POST /persons/{id}/privacy/questions/{questionId}/answer", TEAM_WRITE, "answer=x"),
            route("POST /persons/{id}/privacy/restriction", AS_PERSON, "reason=even niet"),
            route("POST /persons/{id}/privacy/restriction/lift", AS_PERSON),
            route("POST /persons/{id}/privacy/erasure", TEAM_WRITE),
            route("GET /persons/{id}/access-log", TEAM_READ),
            route("POST /persons/{id}/access-log/{eventId}/questions", AS_PERSON, "question=wie?"),
            route("GET /persons/{id}/export.pdf", AS_PERSON),
            route("GET /privacy/emergency", PROFESSIONALS),
            route("POST /privacy/emergency", PROFESSIONALS, "personId={person}&reason=Niemand doet open, zorgen."),
            route("GET /privacy/team", COACH_OR_ADMIN),
            route("GET /privacy/notifications", EVERYONE),  // one's own messages only; none for persons
            route("GET /privacy/audit", ADMIN),
            route("POST /privacy/retention", ADMIN, "fileYears=15"),
            route("GET /login/second-factor", EVERYONE),
            route("POST /login/second-factor", EVERYONE, "code=000000"),
            route("GET /account/second-factor", EVERYONE),
            route("POST /account/second-factor/start", EVERYONE),
            route("POST /account/second-factor/confirm", EVERYONE, "code=000000"),
            route("POST /account/second-factor/remove", EVERYONE, "code=000000"),
            // privacy: API
            route("GET /api/v1/persons/{id}/care-team", TEAM_READ),
            route("POST /api/v1/persons/{id}/care-team", TEAM_WRITE, "{\"userId\":\"{uuid}\",\"teamRole\":\"PROFESSIONAL\"}"),
            route("PUT /api/v1/persons/{id}/care-team/disclosure", TEAM_WRITE, "{\"disclosedOn\":\"2026-01-05\",\"how\":\"LETTER\"}"),
            route("GET /api/v1/persons/{id}/consents", TEAM_READ),
            route("POST /api/v1/persons/{id}/consents", AS_PERSON, "{\"information\":[\"PLAN\"],\"recipientKind\":\"ROLE\","
                    + "\"recipientRole\":\"COACH\",\"purpose\":\"x\",\"validFrom\":\"2026-01-01\",\"givenHow\":\"SPOKEN\",\"givenBy\":\"PERSON\"}"),
            route("POST /api/v1/persons/{id}/consents/{consentId}/revoke", AS_PERSON),
            route("GET /api/v1/persons/{id}/sharing-decisions", TEAM_READ),
            route("POST /api/v1/persons/{id}/sharing-decisions", TEAM_WRITE,
                    "{\"recipientKind\":\"EXTERNAL\",\"recipient\":\"x\",\"information\":\"y\",\"purpose\":\"z\"}"),
            route("GET /api/v1/persons/{id}/concerns", TEAM_READ),
            route("POST /api/v1/persons/{id}/concerns", TEAM_WRITE, "{\"text\":\"zorg\"}"),
            route("POST /api/v1/persons/{id}/acute-danger", TEAM_WRITE,
                    "{\"description\":\"val\",\"actionTaken\":\"geholpen\",\"whoWasCalled\":\"112\"}"),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/{step}", TEAM_WRITE, "{\"version\":0,\"note\":\"x\"}"),
            route("GET /api/v1/persons/{id}/emergency-access", TEAM_READ),
            route("POST /api/v1/persons/{id}/emergency-access", PROFESSIONALS, "{\"text\":\"Niemand doet open, zorgen.\"}"),
            route("POST /api/v1/persons/{id}/emergency-access/{grantId}/review", TEAM_WRITE, "{\"text\":\"terecht\"}"),
            route("GET /api/v1/persons/{id}/access-log", TEAM_READ),
            route("GET /api/v1/persons/{id}/access-log/questions", TEAM_READ),
            route("POST /api/v1/persons/{id}/access-log/{eventId}/questions", AS_PERSON, "{\"text\":\"wie?\"}"),
            route("GET /api/v1/persons/{id}/export", AS_PERSON),
            route("POST /api/v1/persons/{id}/restriction", AS_PERSON, "{\"text\":\"even niet\"}"),
            route("DELETE /api/v1/persons/{id}/restriction", AS_PERSON),
            route("POST /api/v1/persons/{id}/erasure", TEAM_WRITE, "{}"),
            route("GET /api/v1/caseload-figures", COACH_OR_ADMIN),
            route("GET /api/v1/audit/verification", ADMIN),
            route("PUT /api/v1/organisation/retention", ADMIN, "{\"fileYears\":15}")
    );

    static Scene scene;
    static long eventId;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void scene(@Autowired PrivacyScene scenes, @Autowired JdbcClient jdbc) {
        scene = scenes.create(Set.of());
        eventId = jdbc.sql("select min(id) from audit_event where person_id = ?").param(scene.person()).query(Long.class).single();
    }

    @Test
    void every_route_has_a_line_in_the_table() {
        Set<String> routes = routes();
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(ROUTES.keySet());
        Set<String> stale = new TreeSet<>(ROUTES.keySet());
        stale.removeAll(routes);
        assertThat(missing).as("""
                These routes have no line in AccessMatrixTest.ROUTES (src/test/java/org/samenkracht/privacy).
                Add one line per route saying who may use it, for example
                    route("GET /persons/{id}/things", READ_FILE),
                    route("POST /persons/{id}/things", TEAM_WRITE, "field=value"),
                Missing""").isEmpty();
        assertThat(stale).as("These lines in AccessMatrixTest.ROUTES name routes the application no longer has; remove them")
                .isEmpty();
    }

    @Test
    void every_role_and_relation_gets_exactly_the_access_the_table_gives() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<String> wrong = new ArrayList<>();
        Set<String> routes = routes();
        for (var entry : ROUTES.entrySet()) {
            if (!routes.contains(entry.getKey())) {
                continue;
            }
            for (Subject subject : Subject.values()) {
                boolean expected = entry.getValue().allowed().contains(subject);
                int status = tx.execute(s -> {
                    s.setRollbackOnly();
                    try {
                        return mvc.perform(request(entry.getKey(), entry.getValue().sample(), subject))
                                .andReturn().getResponse().getStatus();
                    } catch (Exception e) {
                        throw new IllegalStateException(entry.getKey() + " as " + subject, e);
                    }
                });
                boolean allowed = status != 401 && status != 403;
                if (status >= 500 || allowed != expected || (!expected && status != 403)) {
                    wrong.add("%-60s as %-24s expected %-7s got %d".formatted(entry.getKey(), subject,
                            expected ? "allowed" : "403", status));
                }
            }
        }
        assertThat(wrong).as("Routes whose access differs from AccessMatrixTest.ROUTES").isEmpty();
    }

    private MockHttpServletRequestBuilder request(String route, String sample, Subject subject) {
        String[] parts = route.split(" ", 2);
        String path = fill(parts[1]);
        var builder = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(HttpMethod.valueOf(parts[0]), path)
                .with(authentication(PrivacyScene.authentication(scene.as(subject)))).with(csrf());
        boolean api = path.startsWith("/api/");
        if (api) {
            builder.accept(MediaType.APPLICATION_JSON);
        }
        if (sample != null) {
            String body = sample.replace("{uuid}", UUID.randomUUID().toString()).replace("{person}", scene.person().toString());
            if (api) {
                builder.contentType(MediaType.APPLICATION_JSON).content(body);
            } else {
                for (String pair : body.split("&")) {
                    String[] kv = pair.split("=", 2);
                    builder.param(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
        } else if (api && !parts[0].equals("GET") && !parts[0].equals("DELETE")) {
            builder.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return builder;
    }

    private static String fill(String pattern) {
        Matcher m = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "id", "personId" -> scene.person().toString();
                case "eventId" -> String.valueOf(eventId);
                case "step" -> "weighing";
                case "memberId" -> scene.consentedMember().toString();
                case "consentId" -> scene.consentId().toString();
                default -> UUID.randomUUID().toString();
            };
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The application's own routes (not the framework's: errors, actuator, API docs). */
    private Set<String> routes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    if (!method.getBeanType().getName().startsWith("org.samenkracht.")) {
                        return;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String path : info.getPatternValues()) {
                        if (methods.isEmpty()) {
                            routes.add("ANY " + path);
                        }
                        methods.forEach(m -> routes.add(m.name() + " " + path));
                    }
                }));
        return routes;
    }

    private static Map.Entry<String, Rule> route(String route, Set<Subject> allowed) {
        return Map.entry(route, new Rule(allowed, null));
    }

    private static Map.Entry<String, Rule> route(String route, Set<Subject> allowed, String sample) {
        return Map.entry(route, new Rule(allowed, sample));
    }

    @SafeVarargs
    private static Map<String, Rule> table(Map.Entry<String, Rule>... entries) {
        Map<String, Rule> table = new LinkedHashMap<>();
        for (var e : entries) {
            if (table.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("AccessMatrixTest.ROUTES names " + e.getKey() + " twice");
            }
        }
        return table;
    }
}
