package org.samenkracht.plan;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class PlanIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired Plans plans;
    @Autowired Evaluations evaluations;
    @Autowired Persons persons;
    @Autowired Wishes wishes;
    @Autowired Network network;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    private static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token).header("Accept-Language", "nl");
    }

    /** A fresh person of Sanne's with two wishes and a neighbour, so tests do not disturb each other. */
    private UUID newPerson(UUID professional, String name) {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(professional, () -> {
            UUID p = persons.register(new RegisterPerson(name, "Test", LocalDate.of(1990, 1, 1), "", "", "", "", "", ""));
            wishes.add(p, new Wishes.AddWish("Een opgeruimd huis.", "CONVERSATION"));
            wishes.add(p, new Wishes.AddWish("Nieuwe mensen leren kennen.", "CONVERSATION"));
            network.add(p, new AddNetworkMember("Ria (buurvrouw)", NetworkMember.Relation.NEIGHBOUR,
                    Layer.NETWORK, Set.of(NetworkMember.SupportKind.PRACTICAL)));
            id.set(p);
        });
        return id.get();
    }

    private <T> T call(UUID account, java.util.function.Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(account, () -> result.set(work.get()));
        return result.get();
    }

    private int v(UUID person) {
        return plans.current(person).orElseThrow().version();
    }

    /** A complete plan: own strength, the neighbour, a considered general layer and the professional. */
    private UUID completePlan(UUID person) {
        AtomicReference<UUID> goalId = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            plans.start(person);
            UUID wish = wishes.prioritised(person).get(0).id();
            UUID goal = plans.addGoal(person, new PlanCommands.AddGoal(wish, "Een opgeruimd huis.", null,
                    "Elke week schoon.", "SHORT", "Na drie maanden.", List.of(LifeDomain.MATERIAL_WELLBEING), v(person)));
            UUID ria = network.members(person).get(0).id();
            plans.addStep(person, new PlanCommands.AddStep(goal, "Zelf de was doen.", "PERSON", null, null, null,
                    Intensity.SUPPORT, null, null, v(person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, "Ria herinnert aan de vuilnisbak.", "NETWORK", ria,
                    null, null, Intensity.SUPPORT, null, null, v(person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, "Sanne helpt de regie te houden.", "PROFESSIONAL",
                    null, PROFESSIONAL_SANNE, null, Intensity.CARE, null, null, v(person)));
            plans.answerLayer(person, new PlanCommands.AnswerLayer(goal, Layer.GENERAL_COLLECTIVE,
                    "Overwogen: klusjesdienst van het buurthuis; niet mogelijk omdat die niet wekelijks komt.", v(person)));
            plans.setEvaluationDate(person, new PlanCommands.SetEvaluationDate(LocalDate.now().plusMonths(3), v(person)));
            goalId.set(goal);
        });
        return goalId.get();
    }

    @Test
    void theDemoWalksTheWorkedExample() {
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            PlanView plan = plans.current(PERSON_JONAS).orElseThrow();
            assertThat(plan.goals()).hasSize(2);
            assertThat(plan.goals().get(0).steps()).extracting(PlanView.Step::takerName)
                    .contains("Ria (buurvrouw)", "Thuiszorg De Linde", "Daan (voetbalteam)");
            assertThat(plan.goals().get(0).options()).extracting(PlanView.Option::choice).contains("BEST", "SECOND");
            assertThat(plan.goals().get(0).gaps()).isEmpty();
            assertThat(plans.versions(PERSON_JONAS)).isNotEmpty();
            assertThat(evaluations.timeline(PERSON_JONAS).daysToFirstSupport()).isNotNull();
        });
    }

    @Test
    void aStepAboveAnUnconsideredLayerCannotBeFinalisedAndTheMessageNamesWhatIsMissing() throws Exception {
        UUID person = newPerson(PROFESSIONAL_SANNE, "Ilse");
        UUID goal = completePlan(person);
        accounts.runAs(PROFESSIONAL_SANNE, () -> plans.addStep(person, new PlanCommands.AddStep(goal,
                "Het buurthuis organiseert een kookclub.", "GENERAL_FACILITY", null, null, "Buurthuis De Kroon",
                Intensity.SUPPORT, null, null, v(person))));
        // the general layer now has a step, so no gap; remove the network step's answer path by a new goal
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID wish = wishes.prioritised(person).get(1).id();
            UUID second = plans.addGoal(person, new PlanCommands.AddGoal(wish, "Nieuwe mensen.", null, "Eén club.",
                    "LONG", null, null, v(person)));
            plans.addStep(person, new PlanCommands.AddStep(second, "Sanne zoekt een club met Ilse.", "PROFESSIONAL",
                    null, PROFESSIONAL_SANNE, null, Intensity.SUPPORT, null, null, v(person)));
        });
        int version = call(PROFESSIONAL_SANNE, () -> v(person));
        mvc.perform(as("sanne", post("/api/v1/persons/" + person + "/plan/sign-off/professional"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + version + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Doel 2")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("eigen kracht")));
        accounts.runAs(PROFESSIONAL_SANNE, () ->
                assertThat(plans.signOffState(person)).isInstanceOf(DualSignOff.Outcome.Incomplete.class));
    }

    @Test
    void signOffNeedsBothAndAChangeAfterwardsMakesANewVersionWhileTheSignedOneStays() throws Exception {
        UUID person = newPerson(PROFESSIONAL_SANNE, "Bram");
        completePlan(person);
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            var outcome = plans.agreeAsProfessional(person, new PlanCommands.Agree("Samen opgesteld.", null, v(person)));
            assertThat(outcome).isInstanceOf(DualSignOff.Outcome.AwaitingPerson.class);
            assertThatThrownBy(() -> plans.agreeAsPerson(person, new PlanCommands.Agree(null, " ", v(person))))
                    .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("onBehalf"));
            outcome = plans.agreeAsPerson(person, new PlanCommands.Agree("Ik wil dit.", "op papier getekend", v(person)));
            assertThat(outcome).isInstanceOf(DualSignOff.Outcome.Final.class);
            PlanView signed = plans.current(person).orElseThrow();
            assertThat(signed.status()).isEqualTo("AGREED");
            assertThat(signed.versionNo()).isEqualTo(1);

            UUID ria = signed.goals().get(0).steps().get(1).id();
            plans.reassignStep(person, new PlanCommands.ReassignStep(ria, "PERSON", null, null, null,
                    "Bram zet zelf een wekker voor de vuilnisbak.", null, v(person)));
            PlanView draft = plans.current(person).orElseThrow();
            assertThat(draft.versionNo()).isEqualTo(2);
            assertThat(draft.status()).isEqualTo("DRAFT");
            assertThat(draft.personAgreement()).isNull();
            assertThat(draft.professionalAgreement()).isNull();

            PlanView one = plans.version(person, 1);
            assertThat(one.goals().get(0).steps().get(1).description()).isEqualTo("Ria herinnert aan de vuilnisbak.");
            var comparison = plans.compare(person, 1, 2);
            assertThat(comparison.rows()).hasSize(1);
            assertThat(comparison.rows().get(0).changed()).isTrue();
            assertThat(comparison.rows().get(0).stepsRight()).anyMatch(s -> s.startsWith("Bram zet zelf"));
            assertThat(plans.versions(person)).extracting(PlanVersions.Entry::versionNo).containsExactly(1, 2);
            assertThat(evaluations.timeline(person).daysToFirstSignedPlan()).isZero();
        });
        assertThatThrownBy(() -> jdbc.sql("update plan_version set snapshot = '{}'::jsonb where person_id = ?")
                .param(person).update()).hasMessageContaining("never overwritten");
    }

    @Test
    void theSecondOfTwoConcurrentSavesIsRefusedAndTheFirstIsKept() throws Exception {
        UUID person = newPerson(PROFESSIONAL_SANNE, "Nora");
        UUID goal = completePlan(person);
        int seen = call(PROFESSIONAL_SANNE, () -> v(person));
        String body = "{\"goalId\":\"%s\",\"description\":\"%s\",\"taker\":\"PERSON\",\"intensity\":\"SUPPORT\",\"version\":%d}";
        mvc.perform(as("sanne", post("/api/v1/persons/" + person + "/plan/steps"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(goal, "Eerste", seen)))
                .andExpect(status().isCreated());
        mvc.perform(as("sanne", post("/api/v1/persons/" + person + "/plan/steps"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(goal, "Tweede", seen)))
                .andExpect(status().isConflict());
        accounts.runAs(PROFESSIONAL_SANNE, () -> assertThat(plans.current(person).orElseThrow().goals().get(0).steps())
                .extracting(PlanView.Step::description).contains("Eerste").doesNotContain("Tweede"));
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() throws Exception {
        UUID person = newPerson(PROFESSIONAL_SANNE, "Omar");
        UUID goal = completePlan(person);
        int seen = call(PROFESSIONAL_SANNE, () -> v(person));
        mvc.perform(as("sanne", put("/api/v1/persons/" + person + "/plan/evaluation-date"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evaluationDate\":\"" + LocalDate.now().minusDays(1) + "\",\"version\":" + seen + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("evaluationDate")));
        mvc.perform(as("sanne", post("/api/v1/persons/" + person + "/plan/steps"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"goalId\":\"" + goal + "\",\"description\":\"Iets\",\"version\":" + seen + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("taker")));
        mvc.perform(as("sanne", post("/api/v1/persons/" + person + "/plan/evaluations"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heldOn\":\"" + LocalDate.now() + "\",\"decision\":\"CONTINUE\",\"nextEvaluationDate\":\""
                                + LocalDate.now().minusDays(3) + "\",\"version\":" + seen + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("nextEvaluationDate")));
        mvc.perform(as("sanne", post("/api/v1/persons/" + person + "/plan/steps"))
                        .contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        // the page shows the same refusal next to the form, in the user's language, with the field named
        mvc.perform(as("sanne", post("/persons/" + person + "/plan/evaluation-date"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("evaluationDate", LocalDate.now().minusDays(1).toString()).param("version", "" + seen))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Evaluatiedatum: Een evaluatiedatum ligt in de toekomst.")));
        mvc.perform(as("sanne", post("/persons/" + person + "/plan/steps"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("goalId", goal.toString()).param("description", "Iets").param("taker", "")
                        .param("version", "" + seen))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Wie doet het: Kies wie deze stap zet")));
    }

    @Test
    void theStepFormsLoadWhenOpenedForWhoMayChangeThePlan() throws Exception {
        UUID person = newPerson(PROFESSIONAL_SANNE, "Fenna");
        UUID goal = completePlan(person);
        UUID ria = call(PROFESSIONAL_SANNE, () -> plans.current(person).orElseThrow().goals().get(0).steps().stream()
                .filter(s -> s.taker().equals("NETWORK")).findFirst().orElseThrow().id());
        String base = "/persons/" + person + "/plan";

        // the plan page holds no step form, only where to fetch each one when its <details> opens
        String page = mvc.perform(as("sanne", get(base))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("name=\"networkMemberId\"").doesNotContain(base + "/steps/taker\"")
                .contains("hx-get=\"" + base + "/steps/" + ria + "/edit\"")
                .contains("hx-get=\"" + base + "/goals/" + goal + "/steps/new\"")
                .contains("hx-trigger=\"toggle once\"")
                .contains("href=\"" + base + "/steps/" + ria + "/edit\"");

        // for htmx the form alone, with its labels and the step's taker chosen
        String edit = mvc.perform(as("sanne", get(base + "/steps/" + ria + "/edit")).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(edit).doesNotContain("<html").doesNotContain("<main")
                .contains("action=\"" + base + "/steps/taker\"").contains("action=\"" + base + "/steps/remove\"")
                .contains("<label for=\"rm-" + ria + "\"").contains("name=\"_csrf\"")
                .containsPattern("<option value=\"[^\"]+\" selected(=\"selected\")?>Ria \\(buurvrouw\\)</option>")
                .contains("Ria herinnert aan de vuilnisbak.</textarea>");
        String add = mvc.perform(as("sanne", get(base + "/goals/" + goal + "/steps/new")).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(add).doesNotContain("<html").contains("action=\"" + base + "/steps\"")
                .contains("value=\"" + goal + "\"").contains("<label for=\"desc-" + goal + "\"").contains("Ria (buurvrouw)");

        // without JavaScript the same form on a page of its own, with the way back
        mvc.perform(as("sanne", get(base + "/steps/" + ria + "/edit")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<main")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Terug naar het plan")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"" + base + "/steps/taker\"")));
        mvc.perform(as("sanne", get(base + "/goals/" + goal + "/steps/new")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Doel 1")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"" + base + "/steps\"")));

        // an unknown step or goal is not found; someone outside the team gets no form at all
        mvc.perform(as("sanne", get(base + "/steps/" + UUID.randomUUID() + "/edit"))).andExpect(status().isNotFound());
        mvc.perform(as("sanne", get(base + "/goals/" + UUID.randomUUID() + "/steps/new"))).andExpect(status().isNotFound());
        mvc.perform(as("pieter", get(base + "/steps/" + ria + "/edit")).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(as("pieter", get(base + "/goals/" + goal + "/steps/new"))).andExpect(status().isForbidden());
    }

    @Test
    void aReaderWhoMayNotChangeThePlanGetsNoStepForm() throws Exception {
        UUID step = call(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow().goals().get(0).steps().get(0).id());
        UUID goal = call(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow().goals().get(0).id());
        String base = "/persons/" + PERSON_JONAS + "/plan";
        mvc.perform(as("jonas", get(base))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/edit\""))))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/steps/new\""))));
        mvc.perform(as("jonas", get(base + "/steps/" + step + "/edit"))).andExpect(status().isForbidden());
        mvc.perform(as("jonas", get(base + "/goals/" + goal + "/steps/new")).header("HX-Request", "true"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRefusedStepFormComesBackOpenOnThePlanPageWithWhatWasTypedAndTheFieldMarked() throws Exception {
        UUID person = newPerson(PROFESSIONAL_SANNE, "Gijs");
        UUID goal = completePlan(person);
        PlanView plan = call(PROFESSIONAL_SANNE, () -> plans.current(person).orElseThrow());
        UUID own = plan.goals().get(0).steps().get(0).id();
        String base = "/persons/" + person + "/plan";
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();

        String added = mvc.perform(as("sanne", post(base + "/steps")).with(csrf)
                        .param("goalId", goal.toString()).param("description", "Samen naar de markt op zaterdag")
                        .param("taker", "").param("provider", "Buurtbus").param("version", "" + plan.version()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(added).contains("Wie doet het: Kies wie deze stap zet")
                .containsPattern("<details[^>]*class=\"add-step\"[^>]*\\sopen(=\"open\")?[\\s>]")
                .doesNotContain("hx-get=\"" + base + "/goals/" + goal + "/steps/new\"")
                .contains("Samen naar de markt op zaterdag</textarea>").contains("value=\"Buurtbus\"")
                .containsPattern("<div class=\"field has-error\"><label for=\"taker-" + goal + "\"")
                .contains("aria-invalid=\"true\"");
        // the other forms still wait to be opened
        assertThat(added).contains("hx-get=\"" + base + "/steps/" + own + "/edit\"");

        String reassigned = mvc.perform(as("sanne", post(base + "/steps/taker")).with(csrf)
                        .param("stepId", own.toString()).param("taker", "NETWORK")
                        .param("description", "Fenna belt zelf de buurvrouw").param("version", "" + plan.version()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(reassigned).containsPattern("<details[^>]*class=\"edit-step\"[^>]*\\sopen(=\"open\")?[\\s>]")
                .doesNotContain("hx-get=\"" + base + "/steps/" + own + "/edit\"")
                .contains("Fenna belt zelf de buurvrouw</textarea>")
                .containsPattern("<option value=\"NETWORK\" selected(=\"selected\")?>")
                .containsPattern("<div class=\"field has-error\"><label for=\"rm-" + own + "\"");
    }

    @Test
    void overdueEvaluationsShowOnTheProfessionalsAndTheCoachsWorklistOnlyForTheirOwnPeople() throws Exception {
        UUID sannes = newPerson(PROFESSIONAL_SANNE, "Lieke");
        UUID mariekes = newPerson(COACH_MARIEKE, "Joris");
        UUID pieters = newPerson(PROFESSIONAL_PIETER, "Sem");
        for (UUID[] p : new UUID[][] {{sannes, PROFESSIONAL_SANNE}, {mariekes, COACH_MARIEKE}, {pieters, PROFESSIONAL_PIETER}}) {
            accounts.runAs(p[1], () -> {
                plans.start(p[0]);
                plans.setEvaluationDate(p[0], new PlanCommands.SetEvaluationDate(LocalDate.now().plusDays(1), v(p[0])));
            });
        }
        jdbc.sql("update support_plan set evaluation_date = current_date - 10 where person_id in (?, ?, ?)")
                .params(sannes, mariekes, pieters).update();

        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            List<Evaluations.Due> due = evaluations.worklist();
            assertThat(due).extracting(Evaluations.Due::personId).contains(sannes, PERSON_HENK)
                    .doesNotContain(mariekes, pieters);
            assertThat(due).filteredOn(d -> d.personId().equals(sannes)).singleElement()
                    .satisfies(d -> assertThat(d.daysOverdue()).isEqualTo(10));
        });
        mvc.perform(as("marieke", get("/api/v1/plan/worklist")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.personId == '" + mariekes + "')].teamRole").value("COACH"))
                .andExpect(jsonPath("$[?(@.personId == '" + sannes + "')]").isEmpty());
        mvc.perform(as("sanne", get("/plan/worklist"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Lieke Test")));

        // recording the evaluation takes the person off the worklist
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            evaluations.record(sannes, new PlanCommands.RecordEvaluation(LocalDate.now(), "Goed contact.", null,
                    List.of(), true, true, true, true, Set.of(PlanCommands.Signal.IMPROVEMENT), null,
                    PlanCommands.Decision.SCALE_DOWN, LocalDate.now().plusMonths(3), v(sannes)));
            assertThat(evaluations.worklist()).extracting(Evaluations.Due::personId).doesNotContain(sannes);
            assertThat(evaluations.of(sannes)).singleElement().satisfies(e -> {
                assertThat(e.decision()).isEqualTo(PlanCommands.Decision.SCALE_DOWN);
                assertThat(e.signals()).containsExactly(PlanCommands.Signal.IMPROVEMENT);
            });
        });
    }

    @Test
    void thePrintablePlanIsAPdfWithThePlanAndTheNetworkInPlainDutch() throws Exception {
        byte[] pdf = mvc.perform(as("sanne", get("/api/v1/persons/" + PERSON_JONAS + "/plan/pdf")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // lines wrap where the embedded font needs them to: compare the words, not the line breaks
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Mijn ondersteuningsplan", "Jonas Verbeke", "Doel 1",
                    "Ria herinnert Jonas op dinsdagavond aan de vuilnisbak", "Thuiszorg De Linde",
                    "Mijn netwerk", "Lotte (zus)", "Buurthuis De Kroon", "Handtekening van Jonas Verbeke",
                    "Volgende evaluatie");
        }
    }

    @Test
    void thePersonSeesTheirPlanAndMayAgreeRefuseOrRemarkButNotEditIt() throws Exception {
        mvc.perform(as("jonas", get("/persons/" + PERSON_JONAS + "/plan")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Wat ik zelf doe")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Volgende evaluatie")));
        mvc.perform(as("jonas", get("/api/v1/persons/" + PERSON_FATIMA + "/plan"))).andExpect(status().isForbidden());
        mvc.perform(as("jonas", get("/persons/" + PERSON_JONAS + "/plan").header("Accept-Language", "en").param("lang", "en")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("What I do myself")));
        mvc.perform(as("sanne", get("/persons/" + PERSON_JONAS + "/plan/evaluations"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Evaluatie vastleggen")));
        UUID person = newPerson(PROFESSIONAL_SANNE, "Kim");
        UUID goal = completePlan(person);
        int seen = call(PROFESSIONAL_SANNE, () -> v(person));
        mvc.perform(as("jonas", post("/api/v1/persons/" + PERSON_JONAS + "/plan/steps"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"goalId\":\"" + goal + "\",\"description\":\"x\",\"taker\":\"PERSON\",\"version\":" + seen + "}"))
                .andExpect(status().isForbidden());
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            plans.refuse(person, new PlanCommands.Refuse(null, "Ik wil eerst zelf proberen.", "Een weekschema op de koelkast.",
                    LocalDate.now().plusWeeks(2), v(person)));
            PlanView plan = plans.current(person).orElseThrow();
            assertThat(plan.refusals()).singleElement().satisfies(r -> {
                assertThat(r.reason()).isEqualTo("Ik wil eerst zelf proberen.");
                assertThat(r.talkAgainOn()).isEqualTo(LocalDate.now().plusWeeks(2));
            });
            assertThatThrownBy(() -> plans.refuse(person, new PlanCommands.Refuse(null, "Nee.", null,
                    LocalDate.now(), v(person)))).isInstanceOfSatisfying(RuleViolation.class,
                    e -> assertThat(e.field()).isEqualTo("talkAgainOn"));
            plans.recordFamilyView(person, new PlanCommands.RecordFamilyView("Moeder", "Vindt thuiszorg niet nodig.",
                    "Moeder komt op zondag koken; de rest blijft zoals afgesproken.", LocalDate.now(), v(person)));
            assertThat(plans.current(person).orElseThrow().familyViews()).singleElement()
                    .satisfies(f -> assertThat(f.agreements()).startsWith("Moeder komt"));
        });
    }
}
