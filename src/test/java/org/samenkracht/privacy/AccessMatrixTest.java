package org.samenkracht.privacy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.exploration.Explorations;
import org.samenkracht.exploration.SaveResponse;
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
 * network member with and without consent, emergency access (asked by another organisation and
 * approved by the coach; and asked but not yet approved, which must be refused like any stranger).
 * Routes are found in the running
 * application, so a new route without a line in {@link #ROUTES} fails this test.
 *
 * <p><b>Adding a route?</b> Add one line to {@link #ROUTES}: the route as {@code "METHOD /path/{var}"},
 * who may use it (one of the sets below, or your own {@code EnumSet}), and for a POST/PUT a sample
 * input that passes validation (form fields for pages, JSON for {@code /api}) so the access check is
 * what decides. Path variables {@code {id}}/{@code {personId}} become the scene's person; other
 * variables a random id (then "allowed" shows as 404, "refused" as 403). Each request runs in a
 * transaction that is rolled back. A sample starting with {@code ?} sends the part up to the first space as
 * query parameters and the rest (if any) as the body; a GET's sample is always sent as query parameters.
 */
@SamenkrachtTest
class AccessMatrixTest {

    // Who may use a route, by role and relation to the person in the path.
    /** Everyone signed in except a role that sees only figures (the policy analyst is refused every route about people). */
    static final Set<Subject> EVERYONE = EnumSet.complementOf(EnumSet.of(Subject.POLICY_ANALYST));
    /** Everyone, the policy analyst too: signing in, one's own account and messages, and links whose token decides. */
    static final Set<Subject> ANYONE = EnumSet.allOf(Subject.class);
    /** Insights (issue 22): the figures, for the policy analyst and the administrator. */
    static final Set<Subject> INSIGHTS = EnumSet.of(Subject.POLICY_ANALYST, ADMINISTRATOR);
    /** The person's file: the person, the team, emergency access, a network member with consent (for everything, in this scene). */
    static final Set<Subject> READ_FILE = EnumSet.of(SELF, TEAM_PROFESSIONAL, TEAM_COACH, EMERGENCY, NETWORK_WITH_CONSENT);
    /** The team's own work on secrecy (consents, decisions, concerns, the log): no consent opens it. */
    static final Set<Subject> TEAM_READ = EnumSet.of(SELF, TEAM_PROFESSIONAL, TEAM_COACH, EMERGENCY);
    static final Set<Subject> AS_PERSON = EnumSet.of(SELF, TEAM_PROFESSIONAL, TEAM_COACH);
    static final Set<Subject> TEAM_WRITE = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH);
    static final Set<Subject> PROFESSIONALS = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH, SAME_ORG_PROFESSIONAL, SAME_ORG_COACH,
            OTHER_ORG_PROFESSIONAL, EMERGENCY, EMERGENCY_ASKED);
    static final Set<Subject> COACH_OR_ADMIN = EnumSet.of(TEAM_COACH, SAME_ORG_COACH, ADMINISTRATOR);
    static final Set<Subject> ADMIN = EnumSet.of(ADMINISTRATOR);
    /** Staff of any organisation (their own caseload, and for coaches and administrators the team's figures). */
    static final Set<Subject> STAFF = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH, SAME_ORG_PROFESSIONAL, SAME_ORG_COACH,
            OTHER_ORG_PROFESSIONAL, EMERGENCY, EMERGENCY_ASKED, ADMINISTRATOR);
    static final Set<Subject> COACHES = EnumSet.of(TEAM_COACH, SAME_ORG_COACH);
    /** No one of the scene: e.g. a session the scene's staff do not take part in. */
    static final Set<Subject> NOBODY = EnumSet.noneOf(Subject.class);
    /** The social map: professionals look things up for the people they support, administrators keep it. */
    static final Set<Subject> SOCIAL_MAP = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH, SAME_ORG_PROFESSIONAL, SAME_ORG_COACH,
            OTHER_ORG_PROFESSIONAL, EMERGENCY, EMERGENCY_ASKED, ADMINISTRATOR);
    /** A network member's own page: only accounts of network members, each sees only their own entries. */
    static final Set<Subject> NETWORK_MEMBERS = EnumSet.of(NETWORK_WITH_CONSENT, NETWORK_WITHOUT_CONSENT);
    /** The network member entry in the path ({memberId}) is linked to this account only. */
    static final Set<Subject> OWN_ENTRY = EnumSet.of(NETWORK_WITH_CONSENT);
    /** Signals are the organisation's records: its professionals and coaches work with them (issue 19). */
    static final Set<Subject> SIGNAL_STAFF = PROFESSIONALS;
    /** The yearly figures: staff and administrators. */
    static final Set<Subject> SIGNAL_FIGURES = SOCIAL_MAP;
    /** Only a signalling partner's account (not in this scene): everyone here is refused, and no partner sees a file. */
    static final Set<Subject> SIGNALLING_PARTNERS = EnumSet.noneOf(Subject.class);
    /** Only the one who filled in the draft in the path ({rid}: the person's own self-report) may change it. */
    static final Set<Subject> RESPONDENT = EnumSet.of(SELF);

    /** Community: volunteers are kept by coordinators of the organisation (and administrators). */
    static final Set<Subject> COORDINATORS = EnumSet.of(COORDINATOR, ADMINISTRATOR);
    /** A volunteer's own page; the scene's match ({mid}) is this volunteer's. */
    static final Set<Subject> VOLUNTEERS = EnumSet.of(VOLUNTEER);
    /** Support groups: staff of any organisation see the groups they lead (coordinators and administrators all of theirs). */
    static final Set<Subject> GROUP_STAFF = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH, SAME_ORG_PROFESSIONAL, SAME_ORG_COACH,
            OTHER_ORG_PROFESSIONAL, EMERGENCY, EMERGENCY_ASKED, ADMINISTRATOR, COORDINATOR);
    /** The scene's group ({gid}): its coach (TEAM_COACH) and the organisation's coordinators and administrators. */
    static final Set<Subject> GROUP_LEAD = EnumSet.of(TEAM_COACH, COORDINATOR, ADMINISTRATOR);
    /** Only the coach of the scene's group records topics and meetings. */
    static final Set<Subject> GROUP_COACH = EnumSet.of(TEAM_COACH);
    /** The scene's place ({pid}, the organisation's): staff of the organisation who support people, coordinators, administrators. */
    static final Set<Subject> PLACE_LOOK = EnumSet.of(TEAM_PROFESSIONAL, TEAM_COACH, SAME_ORG_PROFESSIONAL, SAME_ORG_COACH,
            ADMINISTRATOR, COORDINATOR);
    static final String KARIM = "00000000-0000-4000-8000-000000000752";

    record Rule(Set<Subject> allowed, String sample) {
    }

    /** THE TABLE: one line per route. */
    static final Map<String, Rule> ROUTES = table(
            // identity
            route("GET /", ANYONE),
            route("GET /login", ANYONE),
            // insights (issue 22): figures only, for the policy analyst and the administrator
            route("GET /insights", INSIGHTS),
            route("GET /insights/figures.csv", INSIGHTS),
            route("GET /insights/figures.pdf", INSIGHTS),
            route("POST /insights/refresh", INSIGHTS),
            route("GET /api/v1/insights/figures", INSIGHTS),
            route("POST /api/v1/insights/refresh", INSIGHTS),
            // insights settings: thresholds and areas, kept by the administrator only (not the analyst who reads the figures)
            route("GET /insights/settings", ADMIN),
            route("POST /insights/settings", ADMIN, "threshold=5&sensitiveThreshold=10&version=0"),
            route("POST /insights/settings/areas", ADMIN, "neighbourhood=Matrixbuurt&neighbourhoodCode=BU99990999"
                    + "&districtCode=WK999909&districtName=Matrixwijk&municipalityCode=GM9999&municipalityName=Lindenhoven&version=0"),
            route("POST /insights/settings/areas/remove", ADMIN, "neighbourhood=Kastanjebuurt&version=0"),
            route("GET /api/v1/insights/settings", ADMIN),
            route("PUT /api/v1/insights/settings/areas", ADMIN, "{\"neighbourhood\":\"Matrixbuurt\",\"neighbourhoodCode\":\"BU99990999\","
                    + "\"districtCode\":\"WK999909\",\"districtName\":\"Matrixwijk\",\"municipalityCode\":\"GM9999\","
                    + "\"municipalityName\":\"Lindenhoven\",\"version\":0}"),
            route("DELETE /api/v1/insights/settings/areas", ADMIN, "?neighbourhood=Kastanjebuurt&version=0"),
            route("PUT /api/v1/insights/settings", ADMIN, "{\"threshold\":5,\"sensitiveThreshold\":10,\"version\":0,\"areas\":[]}"),
            // identity: the administrator's work (pages and API twin); never through an API token
            route("GET /admin", ADMIN),
            route("POST /admin/accounts", ADMIN, "username=matrix.acc&displayName=Matrix&role=COACH"),
            route("POST /admin/accounts/import", ADMIN, "csv=username,displayName,role"),
            route("GET /admin/accounts/{id}", ADMIN),
            route("POST /admin/accounts/{id}", ADMIN, "displayName=M&role=COACH&organisationId={uuid}&version=0"),
            route("POST /admin/accounts/{id}/deactivate", ADMIN),
            route("POST /admin/accounts/{id}/activate", ADMIN),
            route("POST /admin/accounts/{id}/password-reset", ADMIN),
            route("POST /admin/accounts/{id}/second-factor-reset", ADMIN),
            route("GET /admin/tokens", ADMIN),
            route("POST /admin/tokens", ADMIN, "accountId={uuid}&name=x&parts=PERSON&expiresOn=2099-01-01"),
            route("POST /admin/tokens/{id}/revoke", ADMIN),
            route("GET /admin/tokens/{id}", ADMIN),
            route("GET /api/v1/admin/accounts", ADMIN),
            route("POST /api/v1/admin/accounts", ADMIN, "{\"username\":\"matrix.api\",\"displayName\":\"M\",\"role\":\"COACH\"}"),
            route("POST /api/v1/admin/accounts/import", ADMIN),
            route("GET /api/v1/admin/accounts/{id}", ADMIN),
            route("PUT /api/v1/admin/accounts/{id}", ADMIN,
                    "{\"displayName\":\"M\",\"role\":\"COACH\",\"organisationId\":\"{uuid}\",\"version\":0}"),
            route("POST /api/v1/admin/accounts/{id}/deactivation", ADMIN),
            route("POST /api/v1/admin/accounts/{id}/activation", ADMIN),
            route("POST /api/v1/admin/accounts/{id}/password-reset", ADMIN),
            route("POST /api/v1/admin/accounts/{id}/second-factor-reset", ADMIN),
            route("GET /api/v1/admin/account-events", ADMIN),
            route("GET /api/v1/admin/organisations", ADMIN),
            route("GET /api/v1/admin/tokens", ADMIN),
            route("POST /api/v1/admin/tokens", ADMIN,
                    "{\"accountId\":\"{uuid}\",\"name\":\"x\",\"parts\":[\"PERSON\"],\"expiresOn\":\"2099-01-01\"}"),
            route("DELETE /api/v1/admin/tokens/{id}", ADMIN),
            route("GET /api/v1/admin/tokens/{id}/uses", ADMIN),
            // interop: FHIR R4 (reads by person share the gate with the pages; the social map as for professionals)
            route("GET /fhir/metadata", EVERYONE),
            route("GET /fhir/Patient/{id}", READ_FILE),
            route("GET /fhir/Patient", READ_FILE, "_id={person}"),
            route("GET /fhir/Patient/{id}/$everything", READ_FILE),
            route("POST /fhir/Patient/{id}/$import-careplan", TEAM_WRITE),
            route("GET /fhir/RelatedPerson", READ_FILE, "patient={person}"),
            route("GET /fhir/CareTeam", TEAM_READ, "patient={person}"),
            route("GET /fhir/CarePlan", READ_FILE, "patient={person}"),
            route("GET /fhir/Goal", READ_FILE, "patient={person}"),
            route("GET /fhir/Questionnaire", EVERYONE),
            route("GET /fhir/QuestionnaireResponse", READ_FILE, "patient={person}"),
            route("GET /fhir/Observation", READ_FILE, "patient={person}"),
            route("GET /fhir/Consent", TEAM_READ, "patient={person}"),
            route("GET /fhir/AuditEvent", TEAM_READ, "patient={person}"),
            route("GET /fhir/Provenance", READ_FILE, "patient={person}"),
            route("GET /fhir/HealthcareService", SOCIAL_MAP, "name=buurt"),
            route("GET /fhir/Organization", SOCIAL_MAP, "name=buurt"),
            route("GET /fhir/Location", SOCIAL_MAP, "name=buurt"),
            route("GET /fhir/HealthcareService/{id}", SOCIAL_MAP),
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
            route("POST /api/v1/persons/possible-duplicates", PROFESSIONALS, "{\"givenName\":\"Matrix\",\"familyName\":\"Test\"}"),
            route("GET /api/v1/persons/{id}", READ_FILE),
            route("GET /api/v1/persons/{id}/dossier", READ_FILE),
            route("PUT /api/v1/persons/{id}", TEAM_WRITE, "{\"givenName\":\"Test\",\"familyName\":\"Scene\",\"version\":0}"),
            route("GET /api/v1/persons/{id}/four-questions", READ_FILE),
            route("POST /api/v1/persons/{id}/four-questions", AS_PERSON,
                    "{\"whatMatters\":\"a\",\"ownStrength\":\"b\",\"needs\":\"c\",\"whoCanHelp\":\"d\"}"),
            // person: own story, conversations, logbook
            route("GET /persons/{id}/story", READ_FILE),
            route("POST /persons/{id}/story", AS_PERSON, "text=Mijn verhaal"),
            route("GET /persons/{id}/story/{entryId}/edit", READ_FILE),
            route("POST /persons/{id}/story/{entryId}/edit", AS_PERSON, "text=Mijn verhaal&version=0"),
            route("GET /persons/{id}/conversations", READ_FILE),
            route("GET /persons/{id}/conversations/new", READ_FILE),
            route("POST /persons/{id}/conversations", TEAM_WRITE, "heldOn=2026-01-05&place=Thuis&strategy=INFORMING"),
            route("GET /persons/{id}/conversations/{cid}", READ_FILE),
            route("GET /persons/{id}/conversations/{cid}/edit", READ_FILE),
            route("POST /persons/{id}/conversations/{cid}/edit", TEAM_WRITE, "heldOn=2026-01-05&place=Thuis&strategy=INFORMING&version=0"),
            route("POST /persons/{id}/conversations/{cid}/agree", AS_PERSON, "version=0"),
            route("POST /persons/{id}/conversations/{cid}/remarks", AS_PERSON, "text=Klopt niet helemaal"),
            route("GET /persons/{id}/logbook", READ_FILE),
            route("POST /persons/{id}/logbook", TEAM_WRITE, "kind=CONTACT&text=Gebeld"),
            route("GET /logbook", EVERYONE, "q=gebeld"),  // searches only the user's own caseload
            route("GET /api/v1/persons/{id}/story", READ_FILE),
            route("POST /api/v1/persons/{id}/story", AS_PERSON, "{\"text\":\"Mijn verhaal\"}"),
            route("PUT /api/v1/persons/{id}/story/{entryId}", AS_PERSON, "{\"text\":\"Mijn verhaal\",\"version\":0}"),
            route("GET /api/v1/persons/{id}/conversations", READ_FILE),
            route("POST /api/v1/persons/{id}/conversations", TEAM_WRITE,
                    "{\"heldOn\":\"2026-01-05\",\"place\":\"Thuis\",\"strategy\":\"INFORMING\"}"),
            route("GET /api/v1/persons/{id}/conversations/{cid}", READ_FILE),
            route("PUT /api/v1/persons/{id}/conversations/{cid}", TEAM_WRITE,
                    "{\"heldOn\":\"2026-01-05\",\"place\":\"Thuis\",\"strategy\":\"INFORMING\",\"version\":0}"),
            route("POST /api/v1/persons/{id}/conversations/{cid}/agreement", AS_PERSON, "{\"version\":0}"),
            route("POST /api/v1/persons/{id}/conversations/{cid}/remarks", AS_PERSON, "{\"text\":\"Klopt niet helemaal\"}"),
            route("GET /api/v1/persons/{id}/logbook", READ_FILE),
            route("POST /api/v1/persons/{id}/logbook", TEAM_WRITE, "{\"kind\":\"CONTACT\",\"text\":\"Gebeld\"}"),
            route("GET /api/v1/logbook", EVERYONE, "q=gebeld"),  // searches only the user's own caseload
            // exploration
            route("GET /persons/{id}/exploration", READ_FILE),
            route("GET /persons/{id}/exploration/fill/{instrument}", AS_PERSON),  // a self-report: the person, or the team with them
            route("POST /persons/{id}/exploration/fill/{instrument}", AS_PERSON, "instrumentVersion=1&action=draft"),
            route("GET /persons/{id}/exploration/responses/{rid}", READ_FILE),
            route("POST /persons/{id}/exploration/responses/{rid}", RESPONDENT, "version=0&action=draft"),
            route("GET /persons/{id}/wishes", READ_FILE),
            route("POST /persons/{id}/wishes", AS_PERSON, "text=Weer zelf koken"),
            route("POST /persons/{id}/wishes/{wishId}/move", AS_PERSON, "direction=1"),
            route("GET /api/v1/instruments", EVERYONE),  // definitions only, no personal data
            route("GET /api/v1/instruments/{id}/{version}", EVERYONE),
            route("GET /api/v1/persons/{id}/progress", READ_FILE),
            route("GET /api/v1/persons/{id}/responses", READ_FILE),
            route("POST /api/v1/persons/{id}/responses", AS_PERSON,
                    "{\"instrument\":\"qol-self\",\"instrumentVersion\":\"1\",\"answers\":{},\"complete\":false}"),
            route("POST /api/v1/persons/{id}/exploration/fill/{instrument}", AS_PERSON,
                    "{\"instrumentVersion\":\"1\",\"answers\":{},\"complete\":false}"),
            route("GET /api/v1/persons/{id}/responses/{rid}", READ_FILE),
            route("PUT /api/v1/persons/{id}/responses/{rid}", RESPONDENT,
                    "{\"instrument\":\"qol-self\",\"instrumentVersion\":\"1\",\"answers\":{},\"complete\":false,\"version\":0}"),
            route("GET /api/v1/persons/{id}/wishes", READ_FILE),
            route("POST /api/v1/persons/{id}/wishes", AS_PERSON, "{\"text\":\"Weer zelf koken\"}"),
            route("PUT /api/v1/persons/{id}/wishes/order", AS_PERSON, "{\"order\":[]}"),
            route("POST /api/v1/persons/{id}/wishes/{wishId}/move", AS_PERSON, "{\"direction\":1}"),
            // network (the person draws their own network: writes are WRITE_AS_PERSON)
            route("GET /persons/{personId}/network", READ_FILE),
            route("POST /persons/{personId}/network", AS_PERSON, "name=Ria&relation=NEIGHBOUR&layer=NETWORK"),
            route("POST /persons/{personId}/network/members/{memberId}", AS_PERSON, "name=Ria&relation=NEIGHBOUR&layer=NETWORK&version=0"),
            route("POST /persons/{personId}/network/members/{memberId}/load", AS_PERSON,
                    "reportedOn=2026-01-05&hoursPerWeek=2&capacity=3&burden=2"),
            route("POST /persons/{personId}/network/members/{memberId}/remove", AS_PERSON, "tasks=NONE"),
            route("POST /persons/{personId}/network/merge", AS_PERSON, "kept={uuid}&merged={uuid}"),
            route("GET /persons/{personId}/network/history", READ_FILE),
            route("GET /network/mine", NETWORK_MEMBERS),
            route("POST /network/mine/{memberId}/load", OWN_ENTRY, "reportedOn=2026-01-05&hoursPerWeek=2&capacity=3&burden=2"),
            route("GET /api/v1/persons/{personId}/network/profiles", READ_FILE),
            route("POST /api/v1/persons/{personId}/network/profiles", AS_PERSON,
                    "{\"name\":\"Ria\",\"relation\":\"NEIGHBOUR\",\"layer\":\"NETWORK\"}"),
            route("PUT /api/v1/persons/{personId}/network/profiles/{memberId}", AS_PERSON,
                    "{\"name\":\"Ria\",\"relation\":\"NEIGHBOUR\",\"layer\":\"NETWORK\",\"version\":0}"),
            route("DELETE /api/v1/persons/{personId}/network/profiles/{memberId}", AS_PERSON, "?tasks=NONE"),
            route("POST /api/v1/persons/{personId}/network/merge", AS_PERSON, "?kept={uuid}&merged={uuid}"),
            route("POST /api/v1/persons/{personId}/network/profiles/{memberId}/load", AS_PERSON,
                    "{\"reportedOn\":\"2026-01-05\",\"hoursPerWeek\":2,\"capacity\":3,\"burden\":2}"),
            route("GET /api/v1/persons/{personId}/network/qualities", READ_FILE),
            route("GET /api/v1/persons/{personId}/network/duplicates", READ_FILE),
            route("GET /api/v1/persons/{personId}/network/history", READ_FILE, "on=2026-01-05"),
            route("GET /api/v1/network/mine", NETWORK_MEMBERS),
            route("POST /api/v1/network/mine/{memberId}/load", OWN_ENTRY,
                    "{\"reportedOn\":\"2026-01-05\",\"hoursPerWeek\":2,\"capacity\":3,\"burden\":2}"),
            route("GET /api/v1/persons/{personId}/network-members", READ_FILE),
            route("GET /api/v1/persons/{personId}/network-members/{memberId}", READ_FILE),
            route("POST /api/v1/persons/{personId}/network-members", AS_PERSON,
                    "{\"name\":\"Ria\",\"relation\":\"NEIGHBOUR\",\"layer\":\"NETWORK\"}"),
            // plan
            route("GET /persons/{personId}/plan", READ_FILE),
            route("POST /persons/{personId}/plan/start", TEAM_WRITE),
            route("POST /persons/{personId}/plan/goals", TEAM_WRITE,
                    "wishId={uuid}&ownWords=Zelf koken&intendedResult=Twee keer per week&term=SHORT&version=0"),
            route("POST /persons/{personId}/plan/options", TEAM_WRITE, "goalId={uuid}&description=Kookcursus&version=0"),
            route("POST /persons/{personId}/plan/options/choice", TEAM_WRITE, "goalId={uuid}&bestId={uuid}&version=0"),
            route("POST /persons/{personId}/plan/layers", TEAM_WRITE, "goalId={uuid}&layer=OWN_STRENGTH&answer=x&version=0"),
            route("POST /persons/{personId}/plan/steps", TEAM_WRITE, "goalId={uuid}&description=x&taker=PERSON&version=0"),
            route("POST /persons/{personId}/plan/steps/taker", TEAM_WRITE, "stepId={uuid}&taker=PERSON&version=0"),
            route("POST /persons/{personId}/plan/steps/remove", TEAM_WRITE, "stepId={uuid}&version=0"),
            // the step forms, loaded when opened on the plan page (or on their own page without JavaScript):
            // only for who may change the plan; an unknown step or goal is 404 for them, 403 for everyone else
            route("GET /persons/{personId}/plan/steps/{stepId}/edit", TEAM_WRITE),
            route("GET /persons/{personId}/plan/goals/{goalId}/steps/new", TEAM_WRITE),
            route("POST /persons/{personId}/plan/evaluation-date", TEAM_WRITE, "evaluationDate=2099-01-01&version=0"),
            route("POST /persons/{personId}/plan/sign-off/person", AS_PERSON, "onBehalf=Zus, op papier&version=0"),
            route("POST /persons/{personId}/plan/sign-off/professional", TEAM_WRITE, "version=0"),
            route("POST /persons/{personId}/plan/remarks", AS_PERSON, "remark=Liever later&version=0"),
            route("POST /persons/{personId}/plan/refusals", AS_PERSON, "reason=Nog niet&version=0"),
            route("POST /persons/{personId}/plan/family-views", TEAM_WRITE, "who=Zus&disagreement=Te veel&version=0"),
            route("POST /persons/{personId}/plan/first-support", TEAM_WRITE, "startedOn=2026-01-05"),
            route("GET /persons/{personId}/plan/versions/compare", READ_FILE, "left=1&right=1"),
            route("GET /persons/{personId}/plan/pdf", READ_FILE),
            route("GET /persons/{personId}/plan/evaluations", READ_FILE),
            route("POST /persons/{personId}/plan/evaluations", TEAM_WRITE, "heldOn=2026-01-05&decision=CONTINUE&version=0"),
            route("GET /plan/worklist", EVERYONE),  // the evaluations due in the user's own caseload
            route("GET /my/plan", EVERYONE),  // a redirect to one's own plan (or home)
            route("GET /api/v1/persons/{personId}/plan", READ_FILE),
            route("POST /api/v1/persons/{personId}/plan", TEAM_WRITE),
            route("POST /api/v1/persons/{personId}/plan/goals", TEAM_WRITE, "{\"wishId\":\"{uuid}\",\"ownWords\":\"Zelf koken\","
                    + "\"intendedResult\":\"Twee keer per week\",\"term\":\"SHORT\",\"version\":0}"),
            route("POST /api/v1/persons/{personId}/plan/options", TEAM_WRITE,
                    "{\"goalId\":\"{uuid}\",\"description\":\"Kookcursus\",\"version\":0}"),
            route("PUT /api/v1/persons/{personId}/plan/options/choice", TEAM_WRITE,
                    "{\"goalId\":\"{uuid}\",\"bestId\":\"{uuid}\",\"version\":0}"),
            route("PUT /api/v1/persons/{personId}/plan/layers", TEAM_WRITE,
                    "{\"goalId\":\"{uuid}\",\"layer\":\"OWN_STRENGTH\",\"answer\":\"x\",\"version\":0}"),
            route("PUT /api/v1/persons/{personId}/plan/steps/taker", TEAM_WRITE,
                    "{\"stepId\":\"{uuid}\",\"taker\":\"PERSON\",\"version\":0}"),
            route("DELETE /api/v1/persons/{personId}/plan/steps/{stepId}", TEAM_WRITE, "?version=0"),
            route("GET /api/v1/persons/{personId}/plan/sign-off", READ_FILE),
            route("POST /api/v1/persons/{personId}/plan/sign-off/person", AS_PERSON, "{\"onBehalf\":\"Zus, op papier\",\"version\":0}"),
            route("POST /api/v1/persons/{personId}/plan/sign-off/professional", TEAM_WRITE, "{\"version\":0}"),
            route("POST /api/v1/persons/{personId}/plan/remarks", AS_PERSON, "{\"remark\":\"Liever later\",\"version\":0}"),
            route("POST /api/v1/persons/{personId}/plan/refusals", AS_PERSON, "{\"reason\":\"Nog niet\",\"version\":0}"),
            route("POST /api/v1/persons/{personId}/plan/family-views", TEAM_WRITE,
                    "{\"who\":\"Zus\",\"disagreement\":\"Te veel\",\"version\":0}"),
            route("GET /api/v1/persons/{personId}/plan/versions", READ_FILE),
            route("GET /api/v1/persons/{personId}/plan/versions/{versionNo}", READ_FILE),
            route("GET /api/v1/persons/{personId}/plan/versions/compare", READ_FILE, "left=1&right=1"),
            route("GET /api/v1/persons/{personId}/plan/evaluations", READ_FILE),
            route("POST /api/v1/persons/{personId}/plan/evaluations", TEAM_WRITE,
                    "{\"heldOn\":\"2026-01-05\",\"decision\":\"CONTINUE\",\"version\":0}"),
            route("GET /api/v1/persons/{personId}/plan/timeline", READ_FILE),
            route("PUT /api/v1/persons/{personId}/plan/timeline/first-support", TEAM_WRITE, "{\"startedOn\":\"2026-01-05\"}"),
            route("GET /api/v1/persons/{personId}/plan/pdf", READ_FILE),
            route("GET /api/v1/plan/worklist", EVERYONE),  // the evaluations due in the user's own caseload
            route("POST /api/v1/persons/{personId}/plan/steps", TEAM_WRITE,
                    "{\"goalId\":\"{uuid}\",\"description\":\"x\",\"taker\":\"PERSON\",\"version\":0}"),
            route("PUT /api/v1/persons/{personId}/plan/evaluation-date", TEAM_WRITE, "{\"evaluationDate\":\"2099-01-01\",\"version\":0}"),
            // socialmap: search and fiches for professionals, curation for administrators
            route("GET /socialmap", SOCIAL_MAP),
            route("GET /socialmap/offers/{id}", SOCIAL_MAP),
            route("POST /socialmap/offers/{id}/reports", SOCIAL_MAP, "reason=Telefoonnummer klopt niet"),
            route("GET /socialmap/offers/new", ADMIN),
            route("POST /socialmap/offers", ADMIN, "name=Kookclub"),
            route("GET /socialmap/offers/{id}/edit", ADMIN),
            route("POST /socialmap/offers/{id}", ADMIN, "version=0&name=Kookclub"),
            route("POST /socialmap/offers/{id}/checked", ADMIN),
            route("POST /socialmap/offers/{id}/invitation", ADMIN),
            route("GET /socialmap/attention", ADMIN),
            route("POST /socialmap/reports/{id}/resolved", ADMIN),
            route("GET /socialmap/import", ADMIN),
            route("POST /socialmap/import", ADMIN),
            route("GET /socialmap/import/{id}", ADMIN),
            route("GET /socialmap/export.csv", SOCIAL_MAP),
            route("GET /socialmap/export.json", SOCIAL_MAP),
            route("GET /socialmap/export.hsds.json", SOCIAL_MAP),
            route("GET /socialmap/fiche/{token}", ANYONE),  // the provider's invitation: the token decides, no login
            route("POST /socialmap/fiche/{token}", ANYONE, "version=0&name=Kookclub"),
            route("GET /persons/{personId}/matching", READ_FILE),
            route("POST /persons/{personId}/matching/steps", TEAM_WRITE, "goal={uuid}&offer={uuid}&version=0"),
            route("GET /api/v1/offers", SOCIAL_MAP, "q=koken"),
            route("GET /api/v1/offers/{id}", SOCIAL_MAP),
            route("POST /api/v1/offers", ADMIN, "{\"name\":\"Kookclub\"}"),
            route("PUT /api/v1/offers/{id}", ADMIN, "?version=0 {\"name\":\"Kookclub\"}"),
            route("POST /api/v1/offers/{id}/checked", ADMIN),
            route("POST /api/v1/offers/{id}/reports", SOCIAL_MAP, "{\"reason\":\"Telefoonnummer klopt niet\"}"),
            route("POST /api/v1/offers/{id}/invitations", ADMIN),
            route("GET /api/v1/offers/attention", ADMIN),
            route("POST /api/v1/offer-reports/{id}/resolved", ADMIN),
            route("GET /api/v1/offers/export", SOCIAL_MAP),
            route("POST /api/v1/offer-imports", ADMIN, "?format=JSON&fileName=kaart.json []"),
            route("GET /api/v1/offer-imports/{id}", ADMIN),
            route("GET /api/v1/persons/{personId}/goals/{goalId}/matches", READ_FILE),
            route("POST /api/v1/persons/{personId}/goals/{goalId}/steps", TEAM_WRITE, "{\"offerId\":\"{uuid}\",\"version\":0}"),
            // operations
            route("GET /api/v1/operations/backup", ADMIN),
            // community: volunteers (coordinators), a volunteer's own page, buddy requests and matches (through the gate)
            route("GET /community", COORDINATORS),
            route("GET /community/volunteers/new", COORDINATORS),
            route("POST /community/volunteers", COORDINATORS, "name=Test&hoursPerWeek=2&maxMatches=2"),
            route("GET /community/volunteers/{vid}", COORDINATORS),
            route("POST /community/volunteers/{vid}", COORDINATORS, "name=Test&hoursPerWeek=2&maxMatches=2&version=0"),
            route("POST /community/volunteers/{vid}/screening", COORDINATORS, "step=INTAKE&on=2026-01-05"),
            route("POST /community/volunteers/{vid}/hours", COORDINATORS, "workedOn=2026-01-05&hours=2"),
            route("POST /community/volunteers/{vid}/recognition", COORDINATORS, "givenOn=2026-01-05&what=Dank"),
            route("POST /community/volunteers/{vid}/stop", COORDINATORS, "on=2026-01-05"),
            route("POST /community/volunteers/{vid}/training", COORDINATORS, "course=EHBO&followedOn=2026-01-05&givenBy=Rode Kruis"),
            route("POST /community/volunteers/{vid}/feedback/{fid}/reply", COORDINATORS, "reply=Dank&version=0"),
            route("POST /community/mine/feedback", VOLUNTEERS, "what=Gaat goed&howItGoes=4"),
            route("GET /community/mine", VOLUNTEERS),
            route("POST /community/mine/hours", VOLUNTEERS, "workedOn=2026-01-05&hours=2"),
            route("POST /community/mine/load", VOLUNTEERS, "load=3"),
            route("POST /community/mine/matches/{mid}/answer", VOLUNTEERS, "accept=true"),
            route("POST /community/mine/stop", VOLUNTEERS, "on=2026-01-05"),
            route("GET /persons/{id}/community", READ_FILE),
            route("POST /persons/{id}/community/requests", TEAM_WRITE, "whatFor=Maatje&coordinatorId=" + KARIM),
            route("GET /community/requests/{rid}", READ_FILE),
            route("POST /community/requests/{rid}/network-check", TEAM_WRITE, "networkGap=Niemand&version=0"),
            route("POST /community/requests/{rid}/home-visit", TEAM_WRITE, "visitedOn=2026-01-05&kindOfWork=BUDDY&hoursPerWeek=1&version=0"),
            route("POST /community/requests/{rid}/matches", TEAM_WRITE, "volunteerId={uuid}&sharedGoal=Wandelen"),
            route("POST /community/matches/{mid}/person-answer", AS_PERSON, "accept=true"),
            route("POST /community/matches/{mid}/contacts", TEAM_WRITE, "kind=SUPERVISION&heldOn=2026-01-05&withWhom=BOTH"),
            route("POST /community/matches/{mid}/rematch", TEAM_WRITE),
            route("POST /community/matches/{mid}/complete", TEAM_WRITE),
            route("GET /api/v1/community/volunteers", COORDINATORS),
            route("POST /api/v1/community/volunteers", COORDINATORS, "{\"name\":\"Test\",\"hoursPerWeek\":2,\"maxMatches\":2}"),
            route("GET /api/v1/community/volunteers/{vid}", COORDINATORS),
            route("PUT /api/v1/community/volunteers/{vid}", COORDINATORS, "{\"name\":\"Test\",\"hoursPerWeek\":2,\"maxMatches\":2,\"version\":0}"),
            route("POST /api/v1/community/volunteers/{vid}/screening", COORDINATORS, "{\"step\":\"INTAKE\",\"on\":\"2026-01-05\"}"),
            route("POST /api/v1/community/volunteers/{vid}/hours", COORDINATORS, "{\"workedOn\":\"2026-01-05\",\"hours\":2}"),
            route("POST /api/v1/community/volunteers/{vid}/recognition", COORDINATORS, "{\"givenOn\":\"2026-01-05\",\"what\":\"Dank\"}"),
            route("POST /api/v1/community/volunteers/{vid}/stop", COORDINATORS, "{\"on\":\"2026-01-05\"}"),
            route("POST /api/v1/community/volunteers/{vid}/training", COORDINATORS,
                    "{\"course\":\"EHBO\",\"followedOn\":\"2026-01-05\",\"givenBy\":\"Rode Kruis\"}"),
            route("POST /api/v1/community/volunteers/{vid}/feedback/{fid}/reply", COORDINATORS, "{\"reply\":\"Dank\",\"version\":0}"),
            route("POST /api/v1/community/mine/feedback", VOLUNTEERS, "{\"what\":\"Gaat goed\",\"howItGoes\":4}"),
            route("GET /api/v1/community/mine", VOLUNTEERS),
            route("POST /api/v1/community/mine/hours", VOLUNTEERS, "{\"workedOn\":\"2026-01-05\",\"hours\":2}"),
            route("POST /api/v1/community/mine/load", VOLUNTEERS, "{\"load\":3}"),
            route("POST /api/v1/community/mine/matches/{mid}/answer", VOLUNTEERS, "{\"accept\":true}"),
            route("POST /api/v1/community/mine/stop", VOLUNTEERS, "{\"on\":\"2026-01-05\"}"),
            route("GET /api/v1/community/requests", EVERYONE),  // the user's own open requests as coordinator (none for others)
            route("GET /api/v1/persons/{id}/community/requests", READ_FILE),
            route("POST /api/v1/persons/{id}/community/requests", TEAM_WRITE, "{\"whatFor\":\"Maatje\",\"coordinatorId\":\"" + KARIM + "\"}"),
            route("GET /api/v1/community/requests/{rid}", READ_FILE),
            route("GET /api/v1/community/requests/{rid}/network-check", READ_FILE),
            route("GET /api/v1/community/requests/{rid}/effects", READ_FILE),
            route("POST /api/v1/community/requests/{rid}/network-check", TEAM_WRITE, "{\"networkGap\":\"Niemand\",\"version\":0}"),
            route("POST /api/v1/community/requests/{rid}/home-visit", TEAM_WRITE,
                    "{\"visitedOn\":\"2026-01-05\",\"kindOfWork\":\"BUDDY\",\"hoursPerWeek\":1,\"version\":0}"),
            route("GET /api/v1/community/requests/{rid}/suggestions", READ_FILE),
            route("POST /api/v1/community/requests/{rid}/matches", TEAM_WRITE, "{\"volunteerId\":\"{uuid}\",\"sharedGoal\":\"Wandelen\"}"),
            route("POST /api/v1/community/matches/{mid}/person-answer", AS_PERSON, "{\"accept\":true}"),
            route("POST /api/v1/community/matches/{mid}/contacts", TEAM_WRITE, "{\"kind\":\"SUPERVISION\",\"heldOn\":\"2026-01-05\",\"withWhom\":\"BOTH\"}"),
            route("POST /api/v1/community/matches/{mid}/rematch", TEAM_WRITE),
            route("POST /api/v1/community/matches/{mid}/complete", TEAM_WRITE),
            // support groups: coordinators keep them, the coach leads them ({gid}: coach TEAM_COACH, the scene's person a member)
            route("GET /community/groups", GROUP_STAFF),
            route("POST /community/groups", COORDINATORS, "name=Test&coachId={uuid}&rhythm=Wekelijks"),
            route("GET /community/groups/{gid}", GROUP_LEAD),
            route("POST /community/groups/{gid}/members", TEAM_WRITE, "personId={person}"),
            route("POST /community/groups/{gid}/topics", GROUP_COACH, "topic=Slapen"),
            route("POST /community/groups/{gid}/meetings", GROUP_COACH,
                    "heldOn=2026-01-05&members[0].personId={person}&members[0].present=true&members[0].progress=Goed"),
            route("GET /api/v1/community/groups", GROUP_STAFF),
            route("POST /api/v1/community/groups", COORDINATORS, "{\"name\":\"Test\",\"coachId\":\"{uuid}\",\"rhythm\":\"Wekelijks\"}"),
            route("GET /api/v1/community/groups/{gid}", GROUP_LEAD),
            route("POST /api/v1/community/groups/{gid}/members", TEAM_WRITE, "{\"personId\":\"{person}\"}"),
            route("POST /api/v1/community/groups/{gid}/topics", GROUP_COACH, "{\"topic\":\"Slapen\"}"),
            route("POST /api/v1/community/groups/{gid}/meetings", GROUP_COACH,
                    "{\"heldOn\":\"2026-01-05\",\"members\":[{\"personId\":\"{person}\",\"present\":true,\"progress\":\"Goed\"}]}"),
            // community: neighbourhood places and activities (not personal data), sign-up, attendance and offers (the person's part)
            route("GET /community/places", GROUP_STAFF),
            route("POST /community/places", COORDINATORS, "name=Matrix&neighbourhood=Oost"),
            route("GET /community/places/{pid}", PLACE_LOOK),
            route("POST /community/places/{pid}", COORDINATORS, "name=Matrix&neighbourhood=Oost&version=0"),
            route("POST /community/places/{pid}/activities", COORDINATORS, "name=Koffie&weekday=MONDAY&startsAt=10:00"),
            route("POST /community/activities/{aid}/publish", ADMIN),
            route("POST /persons/{id}/community/groups", TEAM_WRITE, "groupId={group}"),
            route("POST /persons/{id}/community/groups/{gid}/leave", AS_PERSON),
            route("GET /api/v1/persons/{id}/community/groups", READ_FILE),
            route("POST /api/v1/persons/{id}/community/groups/{gid}/leave", AS_PERSON),
            route("POST /persons/{id}/community/signups", AS_PERSON, "activityId={activity}"),
            route("POST /persons/{id}/community/attendance", AS_PERSON, "activityId={activity}&attendedOn=2026-01-05"),
            route("POST /persons/{id}/community/signups/{aid}/sign-off", AS_PERSON),
            route("POST /persons/{id}/community/offers", AS_PERSON, "what=Fietsen maken&consent=true"),
            route("POST /persons/{id}/community/offers/{oid}/withdraw", AS_PERSON),
            route("GET /api/v1/community/places", GROUP_STAFF),
            route("POST /api/v1/community/places", COORDINATORS, "{\"name\":\"Matrix\",\"neighbourhood\":\"Oost\"}"),
            route("GET /api/v1/community/places/{pid}", PLACE_LOOK),
            route("PUT /api/v1/community/places/{pid}", COORDINATORS, "{\"name\":\"Matrix\",\"neighbourhood\":\"Oost\",\"version\":0}"),
            route("POST /api/v1/community/places/{pid}/activities", COORDINATORS,
                    "{\"name\":\"Koffie\",\"weekday\":\"MONDAY\",\"startsAt\":\"10:00\"}"),
            route("POST /api/v1/community/activities/{aid}/publish", ADMIN),
            route("POST /api/v1/persons/{id}/community/signups", AS_PERSON, "{\"activityId\":\"{activity}\"}"),
            route("POST /api/v1/persons/{id}/community/attendance", AS_PERSON, "{\"activityId\":\"{activity}\",\"attendedOn\":\"2026-01-05\"}"),
            route("POST /api/v1/persons/{id}/community/signups/{aid}/sign-off", AS_PERSON),
            route("GET /api/v1/persons/{id}/community/neighbourhood", READ_FILE),
            route("POST /api/v1/persons/{id}/community/offers", AS_PERSON, "{\"what\":\"Fietsen maken\",\"consent\":true}"),
            route("POST /api/v1/persons/{id}/community/offers/{oid}/withdraw", AS_PERSON),
            // privacy: pages
            route("GET /persons/{id}/privacy", TEAM_READ),
            route("POST /persons/{id}/privacy/team", TEAM_WRITE, "userId={uuid}&teamRole=PROFESSIONAL"),
            route("POST /persons/{id}/privacy/disclosure", TEAM_WRITE, "disclosedOn=2026-01-05&how=LETTER"),
            route("POST /persons/{id}/privacy/consents", AS_PERSON,
                    "information=PLAN&recipientKind=ROLE&recipientRole=COACH&purpose=x&validFrom=2026-01-01&givenHow=SPOKEN&givenBy=PERSON"),
            route("POST /persons/{id}/privacy/consents/{consentId}/revoke", AS_PERSON),
            route("POST /persons/{id}/privacy/sharing", TEAM_WRITE, "recipientKind=EXTERNAL&recipient=x&information=y&purpose=z&checkRequest=false"),
            route("POST /persons/{id}/privacy/concerns", TEAM_WRITE, "description=zorg"),
            route("POST /persons/{id}/privacy/acute-danger", TEAM_WRITE, "description=val&actionTaken=geholpen&whoWasCalled=112"),
            route("POST /persons/{id}/privacy/concerns/{concernId}/{step}", TEAM_WRITE, "version=0&note=x"),
            // the concern route along the five steps of the reporting code (issue 19, item 7)
            route("GET /persons/{id}/privacy/concerns/{concernId}", TEAM_READ),
            route("GET /persons/{id}/privacy/concerns/{concernId}/steps/{step}", TEAM_READ),
            route("POST /persons/{id}/privacy/concerns/{concernId}/consultation", TEAM_WRITE, "version=0&note=x&adviceLine=true"),
            route("POST /persons/{id}/privacy/concerns/{concernId}/conversation", TEAM_WRITE, "version=0&note=x"),
            route("POST /persons/{id}/privacy/concerns/{concernId}/conversation-skipped", TEAM_WRITE, "version=0&reason=x"),
            route("POST /persons/{id}/privacy/concerns/{concernId}/assessment", TEAM_WRITE, "version=0&suspicion=false&weighing=x"),
            route("POST /persons/{id}/privacy/concerns/{concernId}/help", TEAM_WRITE, "version=0&note=x"),
            route("POST /persons/{id}/privacy/concerns/{concernId}/report", TEAM_WRITE,
                    "version=0&recipient=Veilig Thuis&information=x&justification=y"),
            route("POST /persons/{id}/privacy/emergency/{grantId}/review", TEAM_WRITE, "note=terecht"),
            route("POST /persons/{id}/privacy/emergency/{grantId}/decision", EnumSet.of(TEAM_COACH), "approve=true&note=Akkoord"),
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
            route("GET /privacy/notifications", ANYONE),  // one's own messages only; none for persons
            route("GET /privacy/audit", ADMIN),
            route("POST /privacy/retention", ADMIN, "fileYears=15"),
            route("GET /login/second-factor", ANYONE),
            route("POST /login/second-factor", ANYONE, "code=000000"),
            route("GET /account/second-factor", ANYONE),
            route("POST /account/second-factor/start", ANYONE),
            route("POST /account/second-factor/confirm", ANYONE, "code=000000"),
            route("POST /account/second-factor/remove", ANYONE, "code=000000"),
            // signals (issue 19): pages
            route("GET /signals", SIGNAL_STAFF),
            route("POST /signals", SIGNAL_STAFF, "channel=PHONE&partnerKind=RESIDENT&subjectName=Mevrouw X&noticed=Ziet er slecht uit"),
            route("GET /signals/new", SIGNAL_STAFF),
            route("GET /signals/{signalId}", SIGNAL_STAFF),
            route("POST /signals/{signalId}/triage", SIGNAL_STAFF,
                    "safety=0&health=1&wellbeing=1&extent=INDIVIDUAL&duration=INCIDENTAL&takenUp=true&version=0"),
            route("POST /signals/{signalId}/actions", SIGNAL_STAFF, "kind=HOME_VISIT&plannedOn=2026-12-05"),
            route("POST /signals/{signalId}/actions/{actionId}/done", SIGNAL_STAFF, "outcome=Thuis getroffen"),
            route("POST /signals/{signalId}/link", SIGNAL_STAFF, "personId={person}&version=0"),
            route("POST /signals/{signalId}/open-file", SIGNAL_STAFF, "givenName=A&familyName=B&decision=Besloten&ground=CONSENT&consentGivenOn=2026-12-01&consentGivenBy=PERSON"),
            route("POST /signals/{signalId}/close", SIGNAL_STAFF, "reason=UNFOUNDED&version=0"),
            route("POST /signals/alerts/{alertId}/seen", SIGNAL_STAFF),
            route("GET /signals/radar", SIGNAL_STAFF),
            route("GET /signals/meetings", SIGNAL_STAFF),
            route("POST /signals/meetings", SIGNAL_STAFF, "heldOn=2026-12-01"),
            route("GET /signals/meetings/{meetingId}", SIGNAL_STAFF),
            route("POST /signals/meetings/{meetingId}/attendees", SIGNAL_STAFF, "name=A&represents=B"),
            route("GET /signals/partners", SIGNAL_FIGURES),
            route("POST /signals/partners/covenant", COACH_OR_ADMIN, "covenantVersion=1&privacyRulesVersion=1&version=0"),
            route("POST /signals/partners/{agreementId}/membership", COACH_OR_ADMIN, "membership=CORE&version=0"),
            route("POST /signals/partners/{agreementId}/signatures", COACH_OR_ADMIN, "signedBy=A. Partner&signedOn=2026-01-01&covenantVersion=1&privacyRulesVersion=1"),
            route("POST /signals/meetings/{meetingId}/cases", SIGNAL_STAFF, "signalId={uuid}"),
            route("POST /signals/meetings/{meetingId}/cases/{signalId}", SIGNAL_STAFF, "problems=Eenzaam"),
            route("POST /signals/meetings/{meetingId}/minutes", SIGNAL_STAFF, "minutes=Verslag&version=0"),
            route("POST /signals/meetings/{meetingId}/close", SIGNAL_STAFF),
            route("GET /signals/figures", SIGNAL_FIGURES),
            route("GET /signals/settings", COACH_OR_ADMIN),
            route("POST /signals/settings/profiles", COACH_OR_ADMIN, "kind=URGENT&triageWithinHours=24&contactWithinHours=72&version=0"),
            route("POST /signals/settings/concern-deadlines", COACH_OR_ADMIN, "concernKind=THREATENING_DEBTS&assessWithinWorkingDays=1&actWithinWorkingDays=3&version=0"),
            route("POST /signals/settings/postcode-areas", COACH_OR_ADMIN, "postcodes=9998&neighbourhood=Beukenwijk"),
            route("POST /signals/settings/postcode-areas/{postcodeAreaId}/remove", COACH_OR_ADMIN, "version=1"),
            route("POST /signals/settings/postcode-areas/{postcodeAreaId}", COACH_OR_ADMIN, "postcodes=9997&neighbourhood=Beukenwijk&version=1"),
            route("POST /signals/settings/on-duty", COACH_OR_ADMIN),
            route("POST /signals/settings/agreements", COACH_OR_ADMIN, "partnerName=Apotheek&partnerKind=PHARMACY&signedOn=2026-01-01&terms=Afspraken"),
            route("POST /signals/settings/agreements/{agreementId}/link", COACH_OR_ADMIN, "version=0"),
            route("GET /signals/partner", SIGNALLING_PARTNERS),
            route("POST /signals/partner", SIGNALLING_PARTNERS, "subjectName=Mevrouw X&noticed=Ziet er slecht uit"),
            route("GET /signals/link/{token}", ANYONE),  // a partner's link: the token decides, no login
            route("POST /signals/link/{token}", ANYONE, "subjectName=Mevrouw X&noticed=Ziet er slecht uit"),
            route("GET /signals/receipt/{token}", ANYONE),
            // signals: API
            route("GET /api/v1/signals", SIGNAL_STAFF),
            route("POST /api/v1/signals", SIGNAL_STAFF, "{\"channel\":\"PHONE\",\"partnerKind\":\"RESIDENT\",\"subjectName\":\"X\",\"noticed\":\"Y\",\"thinksAcute\":false}"),
            route("GET /api/v1/signals/{signalId}", SIGNAL_STAFF),
            route("POST /api/v1/signals/{signalId}/triage", SIGNAL_STAFF, "{\"safety\":0,\"health\":1,\"wellbeing\":1,"
                    + "\"extent\":\"INDIVIDUAL\",\"duration\":\"INCIDENTAL\",\"takenUp\":true,\"version\":0}"),
            route("GET /api/v1/signals/{signalId}/first-contact", SIGNAL_STAFF),
            route("POST /api/v1/signals/{signalId}/actions", SIGNAL_STAFF, "{\"kind\":\"HOME_VISIT\",\"plannedOn\":\"2026-12-05\"}"),
            route("POST /api/v1/signals/{signalId}/actions/{actionId}/done", SIGNAL_STAFF, "{\"outcome\":\"ok\"}"),
            route("POST /api/v1/signals/{signalId}/link", SIGNAL_STAFF, "{\"personId\":\"{person}\",\"version\":0}"),
            route("POST /api/v1/signals/{signalId}/open-file", SIGNAL_STAFF, "{\"givenName\":\"A\",\"familyName\":\"B\",\"decision\":\"C\",\"ground\":\"ACUTE_DANGER\",\"justification\":\"Gevaar\",\"version\":0}"),
            route("POST /api/v1/signals/{signalId}/close", SIGNAL_STAFF, "{\"reason\":\"UNFOUNDED\",\"version\":0}"),
            route("GET /api/v1/signals/radar", SIGNAL_STAFF),
            route("POST /api/v1/signals/alerts/{alertId}/seen", SIGNAL_STAFF),
            route("POST /api/v1/signals/partner", SIGNALLING_PARTNERS, "{\"subjectName\":\"X\",\"noticed\":\"Y\",\"thinksAcute\":false}"),
            route("GET /api/v1/signals/partner/receipts", SIGNALLING_PARTNERS),
            route("POST /api/v1/signals/link/{token}", ANYONE, "{\"subjectName\":\"X\",\"noticed\":\"Y\"}"),  // the token decides
            route("GET /api/v1/signals/receipt/{token}", ANYONE),
            route("GET /api/v1/signals/meetings", SIGNAL_STAFF),
            route("POST /api/v1/signals/meetings", SIGNAL_STAFF, "{\"heldOn\":\"2026-12-01\",\"urgent\":false}"),
            route("GET /api/v1/signals/meetings/{meetingId}", SIGNAL_STAFF),
            route("POST /api/v1/signals/meetings/{meetingId}/attendees", SIGNAL_STAFF, "{\"name\":\"A\",\"represents\":\"B\",\"present\":true}"),
            route("POST /api/v1/signals/meetings/{meetingId}/cases", SIGNAL_STAFF, "{\"signalId\":\"{uuid}\"}"),
            route("PUT /api/v1/signals/meetings/{meetingId}/cases/{signalId}", SIGNAL_STAFF, "{\"problems\":\"x\"}"),
            route("PUT /api/v1/signals/meetings/{meetingId}/minutes", SIGNAL_STAFF, "{\"minutes\":\"x\",\"version\":0}"),
            route("POST /api/v1/signals/meetings/{meetingId}/close", SIGNAL_STAFF),
            route("GET /api/v1/signals/figures", SIGNAL_FIGURES),
            route("GET /api/v1/signals/settings", COACH_OR_ADMIN),
            route("PUT /api/v1/signals/settings/on-duty", COACH_OR_ADMIN, "{\"accountId\":null}"),
            route("PUT /api/v1/signals/settings/profiles", COACH_OR_ADMIN, "{\"kind\":\"URGENT\",\"triageWithinHours\":24,\"contactWithinHours\":72,\"version\":0}"),
            route("PUT /api/v1/signals/settings/concern-deadlines", COACH_OR_ADMIN, "{\"concernKind\":\"THREATENING_DEBTS\",\"assessWithinWorkingDays\":1,\"actWithinWorkingDays\":3,\"version\":0}"),
            route("POST /api/v1/signals/settings/postcode-areas", COACH_OR_ADMIN, "{\"postcodes\":\"9999\",\"neighbourhood\":\"Beukenwijk\"}"),
            route("DELETE /api/v1/signals/settings/postcode-areas/{postcodeAreaId}", COACH_OR_ADMIN),
            route("PUT /api/v1/signals/settings/postcode-areas/{postcodeAreaId}", COACH_OR_ADMIN, "{\"postcodes\":\"9996\",\"neighbourhood\":\"Beukenwijk\",\"version\":1}"),
            route("GET /api/v1/signals/partners", SIGNAL_FIGURES),
            route("PUT /api/v1/signals/partners/covenant", COACH_OR_ADMIN, "{\"covenantVersion\":\"1\",\"privacyRulesVersion\":\"1\",\"version\":0}"),
            route("PUT /api/v1/signals/partners/{agreementId}/membership", COACH_OR_ADMIN, "{\"membership\":\"CORE\",\"version\":0}"),
            route("POST /api/v1/signals/partners/{agreementId}/signatures", COACH_OR_ADMIN, "{\"signedBy\":\"A. Partner\",\"signedOn\":\"2026-01-01\",\"covenantVersion\":\"1\",\"privacyRulesVersion\":\"1\"}"),
            route("POST /api/v1/signals/agreements", COACH_OR_ADMIN, "{\"partnerName\":\"x\",\"partnerKind\":\"PHARMACY\",\"signedOn\":\"2026-01-01\",\"terms\":\"y\"}"),
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
                    "{\"recipientKind\":\"EXTERNAL\",\"recipient\":\"x\",\"information\":\"y\",\"purpose\":\"z\",\"checkRequest\":false}"),
            route("GET /api/v1/persons/{id}/concerns", TEAM_READ),
            route("POST /api/v1/persons/{id}/concerns", TEAM_WRITE, "{\"text\":\"zorg\"}"),
            route("POST /api/v1/persons/{id}/acute-danger", TEAM_WRITE,
                    "{\"description\":\"val\",\"actionTaken\":\"geholpen\",\"whoWasCalled\":\"112\"}"),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/{step}", TEAM_WRITE, "{\"version\":0,\"note\":\"x\"}"),
            route("GET /api/v1/persons/{id}/concerns/{concernId}", TEAM_READ),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/consultation", TEAM_WRITE,
                    "{\"version\":0,\"note\":\"x\",\"adviceLine\":true}"),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/conversation", TEAM_WRITE, "{\"version\":0,\"note\":\"x\"}"),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/conversation-skipped", TEAM_WRITE, "{\"version\":0,\"reason\":\"x\"}"),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/assessment", TEAM_WRITE,
                    "{\"version\":0,\"suspicion\":false,\"weighing\":\"x\"}"),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/help", TEAM_WRITE, "{\"version\":0,\"note\":\"x\"}"),
            route("POST /api/v1/persons/{id}/concerns/{concernId}/report", TEAM_WRITE,
                    "{\"version\":0,\"recipient\":\"Veilig Thuis\",\"information\":\"x\",\"justification\":\"y\"}"),
            route("GET /api/v1/persons/{id}/emergency-access", TEAM_READ),
            route("POST /api/v1/persons/{id}/emergency-access", PROFESSIONALS, "{\"text\":\"Niemand doet open, zorgen.\"}"),
            route("POST /api/v1/persons/{id}/emergency-access/{grantId}/review", TEAM_WRITE, "{\"text\":\"terecht\"}"),
            // issue 14: across organisations emergency access is asked; only the person's coach (or the one on duty) decides
            route("POST /api/v1/persons/{id}/emergency-access/{grantId}/decision", EnumSet.of(TEAM_COACH),
                    "{\"approve\":true,\"note\":\"Akkoord, nacht\"}"),
            route("GET /api/v1/emergency-access/to-decide", PROFESSIONALS),
            route("GET /api/v1/emergency-access/mine", PROFESSIONALS),
            route("GET /api/v1/persons/{id}/access-log", TEAM_READ),
            route("GET /api/v1/persons/{id}/access-log/grouped", TEAM_READ),
            route("GET /api/v1/persons/{id}/access-log/questions", TEAM_READ),
            route("POST /api/v1/persons/{id}/access-log/{eventId}/questions", AS_PERSON, "{\"text\":\"wie?\"}"),
            route("POST /api/v1/persons/{id}/access-log/questions/{questionId}/answer", TEAM_WRITE, "{\"answer\":\"x\"}"),
            route("GET /api/v1/persons/{id}/export", AS_PERSON),
            route("POST /api/v1/persons/{id}/restriction", AS_PERSON, "{\"text\":\"even niet\"}"),
            route("DELETE /api/v1/persons/{id}/restriction", AS_PERSON),
            route("POST /api/v1/persons/{id}/erasure", TEAM_WRITE, "{}"),
            route("GET /api/v1/caseload-figures", COACH_OR_ADMIN),
            route("GET /api/v1/audit/verification", ADMIN),
            route("PUT /api/v1/organisation/retention", ADMIN, "{\"fileYears\":15}"),
            // deliberation (issue 21): team-only part of the file; sessions for staff, figures without names
            route("GET /persons/{id}/deliberations", TEAM_READ),
            route("POST /persons/{id}/deliberations", TEAM_WRITE, "title=Matrix&method=GPS"),
            route("GET /persons/{id}/deliberations/{did}", TEAM_READ),
            route("POST /persons/{id}/deliberations/{did}/answers", TEAM_WRITE, "facts=x&version=0"),
            route("POST /persons/{id}/deliberations/{did}/values", TEAM_WRITE, "perspective=a&valueName=b&version=0"),
            route("POST /persons/{id}/deliberations/{did}/perspective", TEAM_WRITE, "version=0"),
            route("POST /persons/{id}/deliberations/{did}/decision", TEAM_WRITE, "decision=x&version=0"),
            route("POST /persons/{id}/deliberations/{did}/actions", TEAM_WRITE, "description=x&evaluateOn=2030-01-01&version=0"),
            route("POST /persons/{id}/deliberations/{did}/concern", TEAM_WRITE, "concern={uuid}:0&version=0"),
            route("POST /persons/{id}/deliberations/{did}/close", TEAM_WRITE, "version=0"),
            route("GET /api/v1/persons/{id}/deliberations", TEAM_READ),
            route("POST /api/v1/persons/{id}/deliberations", TEAM_WRITE, "{\"title\":\"Matrix\",\"method\":\"GPS\"}"),
            route("GET /api/v1/persons/{id}/deliberations/{did}", TEAM_READ),
            route("PUT /api/v1/persons/{id}/deliberations/{did}/answers", TEAM_WRITE, "{\"answers\":{\"facts\":\"x\"},\"version\":0}"),
            route("POST /api/v1/persons/{id}/deliberations/{did}/values", TEAM_WRITE,
                    "{\"perspective\":\"a\",\"valueName\":\"b\",\"version\":0}"),
            route("POST /api/v1/persons/{id}/deliberations/{did}/perspective", TEAM_WRITE, "{\"version\":0}"),
            route("POST /api/v1/persons/{id}/deliberations/{did}/decision", TEAM_WRITE, "{\"decision\":\"x\",\"version\":0}"),
            route("POST /api/v1/persons/{id}/deliberations/{did}/actions", TEAM_WRITE,
                    "{\"description\":\"x\",\"evaluateOn\":\"2030-01-01\",\"version\":0}"),
            route("POST /api/v1/persons/{id}/deliberations/{did}/concern", TEAM_WRITE,
                    "{\"concernId\":\"{uuid}\",\"concernVersion\":0,\"version\":0}"),
            route("POST /api/v1/persons/{id}/deliberations/{did}/close", TEAM_WRITE, "{\"version\":0}"),
            route("GET /sessions", PROFESSIONALS),
            route("POST /sessions", PROFESSIONALS, "kind=COACHING&heldOn=2026-01-05&casePseudonym=Meneer X&caseQuestion=Vraag&participantIds={uuid}"),
            route("GET /sessions/{sid}", PROFESSIONALS),
            route("POST /sessions/{sid}/rounds", PROFESSIONALS, "round=questions&notes=x&version=0"),
            route("POST /sessions/{sid}/close", PROFESSIONALS, "lessons=x&version=0"),
            route("POST /sessions/{sid}/burden", NOBODY, "burden=5"),  // only participants of that session
            route("GET /api/v1/sessions", PROFESSIONALS),
            route("POST /api/v1/sessions", PROFESSIONALS, "{\"kind\":\"COACHING\",\"heldOn\":\"2026-01-05\",\"casePseudonym\":\"Meneer X\","
                    + "\"caseQuestion\":\"Vraag\",\"participantIds\":[\"{uuid}\"]}"),
            route("GET /api/v1/sessions/burden", PROFESSIONALS),
            route("GET /api/v1/sessions/lessons", PROFESSIONALS),
            route("GET /api/v1/sessions/{sid}", PROFESSIONALS),
            route("POST /api/v1/sessions/{sid}/rounds", PROFESSIONALS, "{\"round\":\"questions\",\"notes\":\"x\",\"version\":0}"),
            route("POST /api/v1/sessions/{sid}/close", PROFESSIONALS, "{\"lessons\":\"x\",\"version\":0}"),
            route("POST /api/v1/sessions/{sid}/burden", NOBODY, "{\"burden\":5}"),
            // team (issue 21): caseload as bandwidth, warm handover, reviews
            route("GET /team/caseload", STAFF),
            route("POST /team/bandwidth", COACHES, "pointsPerProfessional=12"),
            route("GET /persons/{id}/handovers", TEAM_READ),
            route("POST /persons/{id}/handovers", TEAM_WRITE, "toId={uuid}&reason=x"),
            route("POST /persons/{id}/handovers/{hid}/conversation", TEAM_WRITE, "heldOn=2026-01-05&note=x&version=0"),
            route("POST /persons/{id}/handovers/{hid}/accept", TEAM_WRITE, "version=0"),
            route("POST /persons/{id}/handovers/{hid}/sign", AS_PERSON, "onBehalf=x&version=0"),
            route("POST /persons/{id}/handovers/{hid}/withdraw", TEAM_WRITE, "version=0"),
            route("POST /persons/{id}/reviews", TEAM_WRITE, "heldOn=2026-01-05&decider=FAMILY"),
            route("GET /api/v1/team/caseload", PROFESSIONALS),
            route("GET /api/v1/team/bandwidth", COACH_OR_ADMIN),
            route("PUT /api/v1/team/bandwidth", COACHES, "{\"pointsPerProfessional\":12}"),
            route("GET /api/v1/team/handovers/waiting", EVERYONE),  // only handovers to the signed-in worker
            route("GET /api/v1/persons/{id}/handovers", TEAM_READ),
            route("POST /api/v1/persons/{id}/handovers", TEAM_WRITE, "{\"toId\":\"{uuid}\",\"reason\":\"x\"}"),
            route("POST /api/v1/persons/{id}/handovers/{hid}/conversation", TEAM_WRITE,
                    "{\"heldOn\":\"2026-01-05\",\"note\":\"x\",\"version\":0}"),
            route("POST /api/v1/persons/{id}/handovers/{hid}/accept", TEAM_WRITE, "{\"version\":0}"),
            route("POST /api/v1/persons/{id}/handovers/{hid}/sign", AS_PERSON, "{\"onBehalf\":\"x\",\"version\":0}"),
            route("POST /api/v1/persons/{id}/handovers/{hid}/withdraw", TEAM_WRITE, "{\"version\":0}"),
            route("GET /api/v1/persons/{id}/reviews", TEAM_READ),
            route("POST /api/v1/persons/{id}/reviews", TEAM_WRITE, "{\"heldOn\":\"2026-01-05\",\"decider\":\"FAMILY\",\"views\":[]}")
    );

    static Scene scene;
    static long eventId;
    /** A draft self-report the person started: only its respondent may change it. */
    static UUID draftResponse;
    /** Community: a screened volunteer (the VOLUNTEER subject's), a request of the scene's person with Karim, a proposed match. */
    static UUID volunteer, buddyRequest, buddyMatch, supportGroup, place, activity;

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    static void scene(@Autowired PrivacyScene scenes, @Autowired JdbcClient jdbc, @Autowired Accounts accounts,
                      @Autowired Explorations explorations, @Autowired org.samenkracht.community.CommunityScene community) {
        scene = scenes.create(Set.of());
        eventId = jdbc.sql("select min(id) from audit_event where person_id = ?").param(scene.person()).query(Long.class).single();
        communityScene(community);
        accounts.runAs(scene.as(SELF).id(), () -> draftResponse = explorations.start(scene.person(),
                new SaveResponse("qol-self", "1", Map.of(), false, null)));
    }

    static void communityScene(org.samenkracht.community.CommunityScene community) {
        UUID[] ids = community.create(scene);
        volunteer = ids[0];
        buddyRequest = ids[1];
        buddyMatch = ids[2];
        supportGroup = ids[3];
        place = ids[4];
        activity = ids[5];
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
            builder.accept("application/json", "*/*;q=0.1");  // JSON first; a PDF or CSV route still answers
        }
        if (sample != null) {
            String body = sample.replace("{person}", scene.person().toString())
                    .replace("{activity}", activity == null ? "" : activity.toString())
                    .replace("{group}", supportGroup == null ? "" : supportGroup.toString());
            while (body.contains("{uuid}")) {  // a fresh id for each one, so "kept" and "merged" differ
                body = body.replaceFirst("\\{uuid}", UUID.randomUUID().toString());
            }
            if (body.startsWith("?") || parts[0].equals("GET")) {
                String[] queryAndBody = body.replaceFirst("^\\?", "").split(" ", 2);
                for (String pair : queryAndBody[0].split("&")) {
                    String[] kv = pair.split("=", 2);
                    builder.param(kv[0], kv.length > 1 ? kv[1] : "");
                }
                body = queryAndBody.length > 1 ? queryAndBody[1] : null;
            }
            if (body == null) {
                if (api && !parts[0].equals("GET") && !parts[0].equals("DELETE")) {
                    builder.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
            } else if (api) {
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
                case "instrument" -> "qol-self";
                case "rid" -> pattern.startsWith("/persons") || pattern.startsWith("/api/v1/persons") ? draftResponse.toString() : buddyRequest.toString();
                case "vid" -> volunteer.toString();
                case "mid" -> buddyMatch.toString();
                case "gid" -> supportGroup.toString();
                case "pid" -> place.toString();
                case "aid" -> activity.toString();
                case "version", "versionNo" -> "1";
                case "token" -> "ongeldig-" + UUID.randomUUID();
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
                    if (!method.getBeanType().getName().startsWith("org.samenkracht.")
                            || info.getPatternValues().contains("/error")) {
                        return;  // the error answer is the framework's path, answered for every request
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
