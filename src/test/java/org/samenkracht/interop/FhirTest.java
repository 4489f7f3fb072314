package org.samenkracht.interop;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.Information;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * FHIR R4: every resource type Samenkracht produces is validated with HAPI's offline validator against
 * the R4 core definitions (no network) and must have 0 errors; a plan goes out and comes back in; bad
 * input gets an OperationOutcome naming the element; a consent limits what an export holds.
 */
@SamenkrachtTest
class FhirTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    /** Built once for the class: loading the R4 core definitions is the slow part. */
    static FhirValidator validator;

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Persons persons;
    @Autowired
    Consents consents;

    @BeforeAll
    static void validator() {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        validator = FHIR.newValidator().registerValidatorModule(module);
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String fhirGet(String path, String username, int status) throws Exception {
        var response = mvc.perform(get(path).with(as(username)).accept("application/fhir+json")).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " as " + username + ": " + response.getContentAsString()).isEqualTo(status);
        return response.getContentAsString();
    }

    static <T extends IBaseResource> T parse(String json, Class<T> type) {
        return FHIR.newJsonParser().parseResource(type, json);
    }

    static List<String> errors(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(SingleValidationMessage::toString).toList();
    }

    static Set<String> types(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_produced_resource_type_is_valid_R4_with_zero_errors() throws Exception {
        Bundle export = parse(fhirGet("/fhir/Patient/" + PERSON_JONAS + "/$everything", "sanne", 200), Bundle.class);
        assertThat(types(export)).contains("Patient", "Organization", "RelatedPerson", "CareTeam", "CarePlan", "Goal",
                "Questionnaire", "QuestionnaireResponse", "Observation", "Consent", "AuditEvent", "Provenance");
        assertThat(errors(export)).as("the export bundle and every entry in it").isEmpty();

        Bundle socialMap = parse(fhirGet("/fhir/Location?name=", "sanne", 200), Bundle.class);
        Bundle services = parse(fhirGet("/fhir/HealthcareService?name=", "sanne", 200), Bundle.class);
        Bundle organisations = parse(fhirGet("/fhir/Organization?name=", "sanne", 200), Bundle.class);
        assertThat(types(socialMap)).containsExactly("Location");
        assertThat(types(services)).containsExactly("HealthcareService");
        assertThat(types(organisations)).containsExactly("Organization");
        assertThat(errors(services)).isEmpty();
        assertThat(errors(socialMap)).isEmpty();
        assertThat(errors(organisations)).isEmpty();

        var metadata = parse(fhirGet("/fhir/metadata", "sanne", 200), org.hl7.fhir.r4.model.CapabilityStatement.class);
        assertThat(errors(metadata)).isEmpty();
        var refused = parse(fhirGet("/fhir/Patient/" + PERSON_JONAS, "pieter", 403), OperationOutcome.class);
        assertThat(errors(refused)).isEmpty();
    }

    @Test
    void the_plan_is_eltss_shaped_goals_in_own_words_steps_per_actor_and_the_reads_are_audited() throws Exception {
        long before = jdbc.sql("select count(*) from audit_event where person_id = ? and actor_id = ? and resource = 'plan'")
                .params(PERSON_JONAS, PROFESSIONAL_SANNE).query(Long.class).single();
        Bundle plans = parse(fhirGet("/fhir/CarePlan?patient=" + PERSON_JONAS, "sanne", 200), Bundle.class);
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and actor_id = ? and resource = 'plan'")
                .params(PERSON_JONAS, PROFESSIONAL_SANNE).query(Long.class).single()).isGreaterThan(before);
        CarePlan plan = (CarePlan) plans.getEntryFirstRep().getResource();
        assertThat(plan.getActivity()).isNotEmpty();
        Set<String> takers = plan.getActivity().stream()
                .map(a -> a.getDetail().getExtensionByUrl(FhirMapping.EXT_TAKER).getValue().primitiveValue()).collect(Collectors.toSet());
        assertThat(takers).contains("PERSON", "NETWORK");
        assertThat(plan.getActivity().stream().filter(a -> a.getDetail().getPerformerFirstRep().getReference() != null
                && a.getDetail().getPerformerFirstRep().getReference().startsWith("RelatedPerson/"))).isNotEmpty();
        Bundle goals = parse(fhirGet("/fhir/Goal?patient=" + PERSON_JONAS, "sanne", 200), Bundle.class);
        Goal goal = (Goal) goals.getEntryFirstRep().getResource();
        assertThat(goal.getDescription().getText()).isNotBlank();

        fhirGet("/fhir/CarePlan?patient=" + PERSON_JONAS, "pieter", 403);
        fhirGet("/fhir/CarePlan?patient=not-a-uuid", "sanne", 400);
        fhirGet("/fhir/CarePlan", "sanne", 400);
    }

    @Test
    void a_consent_limits_what_the_recipients_export_holds() throws Exception {
        AtomicReference<UUID> consent = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> consent.set(consents.give(PERSON_JONAS, new Consents.GiveConsent(
                EnumSet.of(Information.PERSON, Information.PLAN), Consents.RecipientKind.ACCOUNT, null, PROFESSIONAL_PIETER,
                null, null, "FHIR-test", LocalDate.now(), null, Consents.GivenHow.SPOKEN, Consents.GivenBy.PERSON, null))));
        try {
            Bundle export = parse(fhirGet("/fhir/Patient/" + PERSON_JONAS + "/$everything", "pieter", 200), Bundle.class);
            assertThat(types(export)).contains("Patient", "CarePlan", "Goal")
                    .doesNotContain("RelatedPerson", "Consent", "AuditEvent", "QuestionnaireResponse", "CareTeam");
            fhirGet("/fhir/RelatedPerson?patient=" + PERSON_JONAS, "pieter", 403);
        } finally {
            accounts.runAs(PROFESSIONAL_SANNE, () -> consents.revoke(PERSON_JONAS, consent.get()));
        }
        fhirGet("/fhir/Patient/" + PERSON_JONAS + "/$everything", "pieter", 403);
    }

    @Test
    void a_plan_exported_and_imported_comes_back_the_same_into_a_draft_plan() throws Exception {
        Bundle export = parse(fhirGet("/fhir/Patient/" + PERSON_JONAS + "/$everything", "sanne", 200), Bundle.class);
        UUID person = newPerson();
        var response = mvc.perform(post("/fhir/Patient/" + person + "/$import-careplan").with(as("sanne")).with(csrf())
                .contentType("application/fhir+json").content(FHIR.newJsonParser().encodeResourceToString(export))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);

        CarePlan original = only(export, CarePlan.class);
        CarePlan copy = (CarePlan) parse(fhirGet("/fhir/CarePlan?patient=" + person, "sanne", 200), Bundle.class)
                .getEntryFirstRep().getResource();
        assertThat(copy.getStatus()).isEqualTo(CarePlan.CarePlanStatus.DRAFT);
        assertThat(steps(copy)).containsExactlyInAnyOrderElementsOf(steps(original));
        List<String> originalGoals = export.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Goal.class::isInstance).map(r -> ((Goal) r).getDescription().getText()).toList();
        List<String> copiedGoals = parse(fhirGet("/fhir/Goal?patient=" + person, "sanne", 200), Bundle.class).getEntry().stream()
                .map(e -> ((Goal) e.getResource()).getDescription().getText()).toList();
        assertThat(copiedGoals).containsExactlyInAnyOrderElementsOf(originalGoals);
        assertThat(errors(copy)).isEmpty();
    }

    @Test
    void bad_input_gets_an_operation_outcome_naming_the_element_and_nothing_is_applied() throws Exception {
        UUID person = newPerson();
        String good = """
                {"resourceType":"Bundle","type":"collection","entry":[
                 {"fullUrl":"urn:x:Goal/g1","resource":{"resourceType":"Goal","id":"g1","lifecycleStatus":"proposed",
                   "description":{"text":"Weer zelf boodschappen doen"},"subject":{"reference":"Patient/p"}}},
                 {"resource":{"resourceType":"CarePlan","id":"c1","status":"draft","intent":"plan","subject":{"reference":"Patient/p"},
                   "goal":[{"reference":"Goal/g1"}],
                   "activity":[{"detail":{"status":"not-started","description":"Samen met de buurvrouw naar de markt",
                       "goal":[{"reference":"Goal/g1"}],"performer":[{"reference":"RelatedPerson/r9"}]}},
                     {"detail":{"status":"not-started","description":"Lijstje maken","goal":[{"reference":"Goal/g2"}],
                       "performer":[{"reference":"Patient/p"}]}}]}}]}""";
        var refused = parse(postImport(person, good, 422), OperationOutcome.class);
        assertThat(refused.getIssue()).extracting(i -> i.getExpression().get(0).getValue())
                .containsExactlyInAnyOrder("CarePlan.activity[0].detail.performer", "CarePlan.activity[1].detail.goal");
        assertThat(goalsOf(person)).as("an import never half-applies").isZero();

        var unknownElement = parse(postImport(person, good.replace("\"lifecycleStatus\"", "\"colour\":\"blue\",\"lifecycleStatus\""), 422),
                OperationOutcome.class);
        assertThat(unknownElement.getIssueFirstRep().getExpression().get(0).getValue()).contains("colour");
        var notJson = parse(postImport(person, "{\"resourceType\":\"Bundle\",", 422), OperationOutcome.class);
        assertThat(notJson.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        parse(postImport(person, "{\"resourceType\":\"Patient\"}", 422), OperationOutcome.class);
        parse(postImport(person, "{\"resourceType\":\"Spaceship\"}", 422), OperationOutcome.class);
        assertThat(goalsOf(person)).isZero();

        String fixed = good.replace("RelatedPerson/r9", "Patient/p").replace("Goal/g2", "Goal/g1");
        postImport(person, fixed, 200);
        assertThat(goalsOf(person)).isEqualTo(1);
        // someone outside the team may not import
        var response = mvc.perform(post("/fhir/Patient/" + person + "/$import-careplan").with(as("pieter")).with(csrf())
                .contentType("application/fhir+json").content(fixed)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
    }

    private String postImport(UUID person, String body, int status) throws Exception {
        var response = mvc.perform(post("/fhir/Patient/" + person + "/$import-careplan").with(as("sanne")).with(csrf())
                .contentType("application/fhir+json").content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).contains("fhir+json");
        return response.getContentAsString();
    }

    private long goalsOf(UUID person) {
        return jdbc.sql("select count(*) from plan_goal g join support_plan p on p.id = g.support_plan where p.person_id = ?")
                .param(person).query(Long.class).single();
    }

    private UUID newPerson() {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> id.set(persons.register(new RegisterPerson("Fhir", "Terugreis" + UUID.randomUUID()
                .toString().substring(0, 6), null, null, null, null, "Lindenhoven-Zuid", null, null))));
        return id.get();
    }

    private static List<String> steps(CarePlan plan) {
        return plan.getActivity().stream().map(a -> a.getDetail().getDescription() + " | "
                + a.getDetail().getExtensionByUrl(FhirMapping.EXT_TAKER).getValue().primitiveValue() + " | "
                + a.getDetail().getPerformerFirstRep().getDisplay()).toList();
    }

    private static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).findFirst().orElseThrow();
    }
}
