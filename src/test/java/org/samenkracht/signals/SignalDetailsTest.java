package org.samenkracht.signals;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The details of a signal and what the agreement allows (issue 19, item 1): a name or only an address,
 * the kinds of concern an agreement allows, its preconditions, anonymous and partial signals marked.
 */
@SamenkrachtTest
class SignalDetailsTest {

    static final UUID PHARMACY = UUID.fromString("00000000-0000-4000-8000-000000019001");
    static final String HOUSING_LINK = "demo-woonstichting-lindenhoven";

    @Autowired
    Signals signals;
    @Autowired
    Accounts accounts;
    @Autowired
    SignalFigures figures;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    PlatformTransactionManager transactions;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void neither_name_nor_address_is_refused_with_both_fields_named_in_dutch_and_english() throws Exception {
        String body = "{\"subjectName\":\"\",\"subjectAddress\":\" \",\"noticed\":\"Ziet er slecht uit\","
                + "\"concernKind\":\"HEALTH_MEDICINES\",\"thinksAcute\":false}";
        mvc.perform(post("/api/v1/signals/partner").with(httpBasic("apotheek", "samen2026")).with(csrf())
                        .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.subjectName").value("Vul een naam of een adres in. Eén van de twee is genoeg."))
                .andExpect(jsonPath("$.fields.subjectAddress").value("Vul een naam of een adres in. Eén van de twee is genoeg."));
        mvc.perform(post("/api/v1/signals").with(httpBasic("sanne", "samen2026")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"PHONE\",\"partnerKind\":\"RESIDENT\",\"noticed\":\"Y\",\"thinksAcute\":false}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.subjectName").value("Fill in a name or an address. One of the two is enough."))
                .andExpect(jsonPath("$.fields.subjectAddress").exists());
        // the form comes back with what was typed and both fields marked
        mvc.perform(post("/signals/partner").with(as("apotheek")).with(csrf()).header("Accept-Language", "nl")
                        .param("noticed", "Komt niet meer buiten").param("concernKind", "LONELINESS"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Komt niet meer buiten")));
        // the service refuses too (another caller than a form or the API)
        accounts.runAs(PROFESSIONAL_SANNE, () -> assertThatThrownBy(() -> signals.record(new Signals.Recorded(
                Signals.Channel.PHONE, PartnerKind.RESIDENT, null, "", null, "", "y", false, "", "")))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("subjectName")));
    }

    @Test
    void a_kind_the_agreement_does_not_allow_is_refused_with_the_field_named() throws Exception {
        mvc.perform(post("/api/v1/signals/partner").with(httpBasic("apotheek", "samen2026")).with(csrf())
                        .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectName\":\"Mevrouw X\",\"noticed\":\"Tuin verwildert\",\"concernKind\":\"HOUSING_NEGLECT\",\"thinksAcute\":false}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.concernKind").value(containsString("staat niet in uw afspraken")));
        mvc.perform(post("/api/v1/signals/partner").with(httpBasic("apotheek", "samen2026")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectName\":\"Mevrouw X\",\"noticed\":\"Ziet er slecht uit\",\"thinksAcute\":false}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.concernKind").value("Choose what you are worried about."));
        // the partner's form offers only the allowed kinds, and refuses a forged one with the field marked
        mvc.perform(get("/signals/partner").with(as("apotheek")))
                .andExpect(content().string(containsString("value=\"HEALTH_MEDICINES\"")))
                .andExpect(content().string(not(containsString("value=\"HOUSING_NEGLECT\""))));
        mvc.perform(post("/signals/partner").with(as("apotheek")).with(csrf()).header("Accept-Language", "nl")
                        .param("subjectName", "Mevrouw X").param("noticed", "Tuin verwildert").param("concernKind", "HOUSING_NEGLECT")
                        .param("neighbourhood", "Beukenwijk").param("seenSince", "de zomer"))
                .andExpect(status().isUnprocessableContent())
                // the refused field is marked and says why, in Dutch; the others are not marked
                .andExpect(content().string(containsString("id=\"concernKind-error\"")))
                .andExpect(content().string(containsString("staat niet in uw afspraken")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<select id=\"concernKind\"[^>]*aria-invalid=\"true\".*")))
                .andExpect(content().string(not(containsString("id=\"subjectName-error\""))))
                // and what was typed comes back
                .andExpect(content().string(containsString("Tuin verwildert")))
                .andExpect(content().string(containsString("value=\"Mevrouw X\"")))
                .andExpect(content().string(containsString("value=\"Beukenwijk\"")))
                .andExpect(content().string(containsString("value=\"de zomer\"")));
        // staff recording a partner's call follow its agreement too
        accounts.runAs(PROFESSIONAL_SANNE, () -> assertThatThrownBy(() -> signals.record(new Signals.Recorded(
                Signals.Channel.PHONE, PartnerKind.PHARMACY, PHARMACY, "", "Mevrouw X", "", "y", false, "", "",
                SignalDetails.ConcernKind.OTHER, null, null, null, null, false)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("concernKind")));
        assertThat(jdbc.sql("select count(*) from signal where subject_name = 'Mevrouw X'").query(Long.class).single()).isZero();
    }

    @Test
    void missing_preconditions_are_refused_with_the_field_named() throws Exception {
        inRollback(() -> {
            assertThatThrownBy(() -> signals.reportThroughLink(HOUSING_LINK, new Signals.Report("Mevrouw Q", "", "Huur niet betaald",
                    false, "", "", SignalDetails.ConcernKind.MONEY_DEBTS, null, null, null,
                    List.of(SignalDetails.Precondition.WRITTEN_REMINDER_SENT))))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.field()).isEqualTo("preconditions");
                        assertThat(v.messageKey()).isEqualTo("signals.refused.preconditionsMissing");
                    });
            // with all three it goes through
            assertThat(signals.reportThroughLink(HOUSING_LINK, new Signals.Report("Mevrouw Q", "", "Huur niet betaald",
                    false, "", "", SignalDetails.ConcernKind.MONEY_DEBTS, null, null, null,
                    List.of(SignalDetails.Precondition.values()))).receiptToken()).isNotBlank();
            return null;
        });
        // the link's form shows the preconditions to tick, and marks the field when they are not ticked
        mvc.perform(get("/signals/link/" + HOUSING_LINK))
                .andExpect(content().string(containsString("value=\"PERSONAL_CONTACT_TRIED\"")));
        mvc.perform(post("/signals/link/" + HOUSING_LINK).with(csrf()).header("Accept-Language", "nl")
                        .param("subjectAddress", "Lindenlaan 99").param("noticed", "Huur niet betaald")
                        .param("concernKind", "MONEY_DEBTS").param("preconditions", "HELP_POINTED_TO"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"preconditions-error\"")))
                .andExpect(content().string(containsString("value=\"Lindenlaan 99\"")))
                .andExpect(content().string(containsString("Huur niet betaald")))
                // the one box that was ticked stays ticked
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*value=\"HELP_POINTED_TO\"[^>]*checked.*")));
    }

    @Test
    void an_address_only_signal_is_accepted_and_marked_partial_and_an_anonymous_caller_is_marked() throws Exception {
        inRollback(() -> {
            UUID[] ids = new UUID[2];
            accounts.runAs(UUID.fromString("00000000-0000-4000-8000-000000019101"), () -> ids[0] = signals.reportAsPartner(
                    new Signals.Report("", "Kastanjelaan 3", "Haalt medicijnen niet op", false, "", "",
                            SignalDetails.ConcernKind.HEALTH_MEDICINES, SignalDetails.Frequency.OFTEN, "sinds januari",
                            SignalDetails.PersonKnows.NO, List.of())).id());
            accounts.runAs(PROFESSIONAL_SANNE, () -> {
                ids[1] = signals.record(new Signals.Recorded(Signals.Channel.PHONE, PartnerKind.RESIDENT, null, "",
                        "Meneer R", "Kastanjelaan 5", "Hoort geschreeuw", false, "Wil naam niet geven", "0600000000",
                        SignalDetails.ConcernKind.SAFETY, SignalDetails.Frequency.SOMETIMES, null,
                        SignalDetails.PersonKnows.UNKNOWN, null, true)).id();
                var p = signals.get(ids[0]);
                assertThat(p.subjectName()).isNull();
                assertThat(p.subjectAddress()).isEqualTo("Kastanjelaan 3");
                assertThat(p.partial()).isTrue();
                assertThat(p.anonymousSignaller()).isFalse();
                assertThat(p.concernKind()).isEqualTo(SignalDetails.ConcernKind.HEALTH_MEDICINES);
                assertThat(p.frequency()).isEqualTo(SignalDetails.Frequency.OFTEN);
                assertThat(p.seenSince()).isEqualTo("sinds januari");
                assertThat(p.personKnows()).isEqualTo(SignalDetails.PersonKnows.NO);
                var a = signals.get(ids[1]);
                assertThat(a.partial()).isFalse();
                assertThat(a.anonymousSignaller()).isTrue();
                assertThat(a.reporterName()).isNull();
                assertThat(a.reporterContact()).isNull();
                assertThat(a.personKnows()).isEqualTo(SignalDetails.PersonKnows.UNKNOWN);
                var queue = signals.queue(null, 0);
                // the queue is ordered by due time; both are among the newest regular ones, look them up by id
                for (int page = 0; page < 20 && queue.items().stream().noneMatch(i -> i.id().equals(ids[0])); page++) {
                    queue = signals.queue(null, page + 1);
                }
                assertThat(queue.items()).filteredOn(i -> i.id().equals(ids[0])).singleElement()
                        .satisfies(i -> assertThat(i.partial()).isTrue());
            });
            return null;
        });
    }

    @Test
    void the_triaging_professional_sees_the_details_and_the_marks_on_the_signal_page() throws Exception {
        UUID[] ids = new UUID[1];
        accounts.runAs(PROFESSIONAL_SANNE, () -> ids[0] = signals.record(new Signals.Recorded(Signals.Channel.PHONE,
                PartnerKind.HOUSING, null, "details-test", "", "Berkenlaan 77", "Post stapelt zich op", false, "", "",
                SignalDetails.ConcernKind.HOUSING_NEGLECT, SignalDetails.Frequency.OFTEN, "twee weken",
                SignalDetails.PersonKnows.YES, List.of(SignalDetails.Precondition.WRITTEN_REMINDER_SENT), true)).id());
        UUID id = ids[0];
        try {
            mvc.perform(get("/signals/" + id).with(as("sanne")).header("Accept-Language", "nl"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"mark-partial\"")))
                    .andExpect(content().string(containsString("id=\"mark-anonymous\"")))
                    .andExpect(content().string(containsString("woning of verwaarlozing")))
                    .andExpect(content().string(containsString("twee weken")))
                    .andExpect(content().string(containsString("Ik heb een brief of herinnering gestuurd")));
            mvc.perform(get("/signals").param("team", "details-test").with(as("sanne")).header("Accept-Language", "nl"))
                    .andExpect(content().string(containsString("mark-partial")))
                    .andExpect(content().string(containsString("anonieme melder")));
            mvc.perform(get("/api/v1/signals/" + id).with(httpBasic("sanne", "samen2026")))
                    .andExpect(jsonPath("$.partial").value(true))
                    .andExpect(jsonPath("$.anonymousSignaller").value(true))
                    .andExpect(jsonPath("$.preconditionsMet[0]").value("WRITTEN_REMINDER_SENT"))
                    .andExpect(jsonPath("$.personKnows").value("YES"));
        } finally {
            jdbc.sql("delete from signal where id = ?").param(id).update();
        }
    }

    @Test
    void the_yearly_figures_give_kind_of_concern_shares_and_time_to_first_action_with_small_numbers_held_back() {
        accounts.runAs(org.samenkracht.common.demo.DemoIds.ADMIN_AHMED, () -> {
            var f = figures.year(java.time.LocalDate.now(Signals.ZONE).getYear());
            assertThat(f.tables()).anySatisfy(t -> {
                assertThat(t.titleKey()).isEqualTo("signals.figures.byConcern");
                assertThat(t.rows()).allSatisfy(r -> assertThat(r.value()).matches("x|\\d*[05]"));
            });
            assertThat(f.tables()).anySatisfy(t -> assertThat(t.titleKey()).isEqualTo("signals.figures.byNeighbourhood"));
            assertThat(f.shareOnTime()).matches("x|\\d{1,3}%");
            assertThat(f.shareFeedback()).matches("x|\\d{1,3}%");
            assertThat(f.firstActionHours()).matches("x|\\d+");
        });
        // a year without signals: nothing to hide, nothing to share
        accounts.runAs(org.samenkracht.common.demo.DemoIds.ADMIN_AHMED, () -> {
            var f = figures.year(2001);
            assertThat(f.received()).isEqualTo("0");
            assertThat(f.shareOnTime()).isEqualTo("x");
            assertThat(f.firstActionHours()).isEqualTo("x");
        });
    }

    @Test
    void the_staff_form_marks_both_fields_when_neither_name_nor_address_is_given_and_keeps_what_was_typed() throws Exception {
        long before = jdbc.sql("select count(*) from signal").query(Long.class).single();
        mvc.perform(post("/signals").with(as("sanne")).with(csrf()).header("Accept-Language", "nl")
                        .param("channel", "PHONE").param("partnerKind", "RESIDENT").param("team", "centrum")
                        .param("noticed", "Buurman hoort al dagen niets").param("neighbourhood", "Kastanjebuurt")
                        .param("reporterName", "Buurman Piet"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"subjectName-error\"")))
                .andExpect(content().string(containsString("id=\"subjectAddress-error\"")))
                .andExpect(content().string(containsString("Vul een naam of een adres in.")))
                .andExpect(content().string(containsString("Buurman hoort al dagen niets")))
                .andExpect(content().string(containsString("value=\"Kastanjebuurt\"")))
                .andExpect(content().string(containsString("value=\"Buurman Piet\"")));
        assertThat(jdbc.sql("select count(*) from signal").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_body_without_thinks_acute_is_taken_as_not_stated_so_not_acute() throws Exception {
        String id = null;
        String partnerId = null;
        try {
            var recorded = mvc.perform(post("/api/v1/signals").with(httpBasic("sanne", "samen2026")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"channel\":\"PHONE\",\"partnerKind\":\"RESIDENT\",\"team\":\"acute-test\","
                                    + "\"subjectAddress\":\"Lindenlaan 70\",\"noticed\":\"Gordijnen altijd dicht\"}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            id = com.jayway.jsonpath.JsonPath.read(recorded, "$.id");
            var partner = mvc.perform(post("/api/v1/signals/partner").with(httpBasic("apotheek", "samen2026")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subjectName\":\"Mevrouw Z\",\"noticed\":\"Vergeet medicijnen\","
                                    + "\"concernKind\":\"HEALTH_MEDICINES\",\"thinksAcute\":null}"))
                    .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
            partnerId = com.jayway.jsonpath.JsonPath.read(partner, "$.id");
            for (String s : new String[]{id, partnerId}) {
                mvc.perform(get("/api/v1/signals/" + s).with(httpBasic("sanne", "samen2026")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.thinksAcute").value(false))
                        .andExpect(jsonPath("$.kind").value("REGULAR"));
            }
            // a value that is not yes or no is still refused, with the field named
            mvc.perform(post("/api/v1/signals/partner").with(httpBasic("apotheek", "samen2026")).with(csrf())
                            .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"subjectName\":\"Mevrouw Z\",\"noticed\":\"x\",\"thinksAcute\":\"misschien\"}"))
                    .andExpect(status().is4xxClientError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string(containsString("thinksAcute")));
        } finally {
            for (String s : new String[]{id, partnerId}) {
                if (s != null) {
                    jdbc.sql("delete from signal where id = ?").param(UUID.fromString(s)).update();
                }
            }
        }
    }

    @Test
    void a_signal_carries_the_neighbourhood_chosen_or_else_that_of_the_file_it_is_linked_to() throws Exception {
        inRollback(() -> {
            accounts.runAs(PROFESSIONAL_SANNE, () -> {
                UUID chosen = signals.record(new Signals.Recorded(Signals.Channel.PHONE, PartnerKind.RESIDENT, null, "",
                        "", "Beukenlaan 2", "Ziet er verwaarloosd uit", false, "", "", null, null, null, null, null, false,
                        " Beukenwijk ")).id();
                assertThat(signals.get(chosen).neighbourhood()).isEqualTo("Beukenwijk");
                assertThat(signals.neighbourhoods()).contains("Beukenwijk");
                UUID none = signals.record(new Signals.Recorded(Signals.Channel.PHONE, PartnerKind.RESIDENT, null, "",
                        "Jonas", "", "Vraagt om uitstel", false, "", "")).id();
                assertThat(signals.get(none).neighbourhood()).isNull();
                // not before triage: a signal is not yet a file
                assertThatThrownBy(() -> signals.linkToFile(none, org.samenkracht.common.demo.DemoIds.PERSON_JONAS,
                        signals.get(none).version()))
                        .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("signals.refused.triageFirst"));
                for (UUID id : new UUID[]{chosen, none}) {
                    signals.triage(id, new Signals.Triage(0, 1, 1, UrgencyScheme.Extent.INDIVIDUAL,
                            UrgencyScheme.Duration.STRUCTURAL_SHORT, null, true, null, signals.get(id).version()));
                }
                signals.linkToFile(none, org.samenkracht.common.demo.DemoIds.PERSON_JONAS, signals.get(none).version());
                assertThat(signals.get(none).neighbourhood()).isEqualTo("Lindenhoven-Noord");  // Jonas's file
                // a chosen one is kept when linking
                signals.linkToFile(chosen, org.samenkracht.common.demo.DemoIds.PERSON_JONAS, signals.get(chosen).version());
                assertThat(signals.get(chosen).neighbourhood()).isEqualTo("Beukenwijk");
            });
            return null;
        });
        // the partner's form asks for it; the signal page shows it
        mvc.perform(get("/signals/partner").with(as("apotheek")))
                .andExpect(content().string(containsString("id=\"neighbourhood\"")))
                .andExpect(content().string(not(containsString("neighbourhood-list"))));  // partners get no list
        UUID[] id = new UUID[1];
        accounts.runAs(PROFESSIONAL_SANNE, () -> id[0] = signals.record(new Signals.Recorded(Signals.Channel.EMAIL,
                PartnerKind.CHURCH, null, "nb-test", "", "Kerkstraat 1", "Komt niet meer", false, "", "", null, null,
                null, null, null, false, "Kastanjebuurt")).id());
        try {
            mvc.perform(get("/signals/" + id[0]).with(as("sanne")))
                    .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                            "(?s).*id=\"signal-neighbourhood\"[^>]*>Kastanjebuurt<.*")));
            mvc.perform(get("/signals/new").with(as("sanne")))
                    .andExpect(content().string(containsString("<option value=\"Kastanjebuurt\">")));
        } finally {
            jdbc.sql("delete from signal where id = ?").param(id[0]).update();
        }
    }

    @Test
    void a_flood_through_a_partner_link_by_the_api_is_throttled_and_every_acknowledged_signal_was_stored() throws Exception {
        String body = "{\"subjectName\":\"Vloed %d\",\"noticed\":\"Huur niet betaald\",\"concernKind\":\"MONEY_DEBTS\","
                + "\"preconditions\":[\"WRITTEN_REMINDER_SENT\",\"PERSONAL_CONTACT_TRIED\",\"HELP_POINTED_TO\"]}";
        try {
            List<String> acknowledged = new java.util.ArrayList<>();
            String firstToken = null;
            int status = 201;
            for (int i = 0; i < Signals.LINK_SIGNALS_PER_HOUR + 2 && status == 201; i++) {
                var response = mvc.perform(post("/api/v1/signals/link/" + HOUSING_LINK).header("Accept-Language", "nl")
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted(i))).andReturn().getResponse();
                status = response.getStatus();
                if (status == 201) {
                    acknowledged.add(com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id"));
                    if (firstToken == null) {
                        firstToken = com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.receiptToken");
                    }
                } else {
                    assertThat(status).isEqualTo(429);
                    assertThat(response.getHeader("Retry-After")).isEqualTo("3600");
                    assertThat(response.getContentType()).startsWith("application/problem+json");
                    assertThat(response.getContentAsString()).contains("te veel signalen");
                }
            }
            assertThat(status).as("the flood is stopped").isEqualTo(429);
            assertThat(acknowledged).hasSizeLessThanOrEqualTo(Signals.LINK_SIGNALS_PER_HOUR).isNotEmpty();
            // nothing acknowledged was lost: every answered id is stored
            for (String id : acknowledged) {
                assertThat(jdbc.sql("select count(*) from signal where id = ?").param(UUID.fromString(id)).query(Long.class)
                        .single()).as(id).isOne();
            }
            mvc.perform(post("/api/v1/signals/link/" + HOUSING_LINK).header("Accept-Language", "en")
                            .contentType(MediaType.APPLICATION_JSON).content(body.formatted(99)))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(jsonPath("$.detail").value(containsString("Too many signals")));
            // the receipt behind the token, without an account: safe wordings, nothing about the person
            mvc.perform(get("/api/v1/signals/receipt/" + firstToken))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.stage").value("RECEIVED"))
                    .andExpect(content().string(not(containsString("Vloed"))))
                    .andExpect(content().string(not(containsString("Huur"))));
            mvc.perform(get("/api/v1/signals/receipt/ongeldig")).andExpect(status().isNotFound());
            mvc.perform(post("/api/v1/signals/link/ongeldig").contentType(MediaType.APPLICATION_JSON).content(body.formatted(0)))
                    .andExpect(status().isNotFound());
        } finally {
            jdbc.sql("delete from signal where subject_name like 'Vloed %'").update();
        }
    }

    private <T> T inRollback(Callable<T> work) {
        return new TransactionTemplate(transactions).execute(tx -> {
            tx.setRollbackOnly();
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
