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
                        .param("subjectName", "Mevrouw X").param("noticed", "Tuin verwildert").param("concernKind", "HOUSING_NEGLECT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Tuin verwildert")));
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
                .andExpect(content().string(containsString("Lindenlaan 99")));
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
                assertThat(t.rows().values()).allSatisfy(v -> assertThat(v).matches("<5|[5-9]|\\d{2,}"));
            });
            assertThat(f.shareOnTime()).matches("<5|0|\\d{1,3}%");
            assertThat(f.shareFeedback()).matches("<5|0|\\d{1,3}%");
            assertThat(f.firstActionHours()).matches("<5|0|\\d+");
        });
        // a year without signals: nothing to hide, nothing to share
        accounts.runAs(org.samenkracht.common.demo.DemoIds.ADMIN_AHMED, () -> {
            var f = figures.year(2001);
            assertThat(f.shareOnTime()).isEqualTo("0");
            assertThat(f.firstActionHours()).isEqualTo("0");
        });
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
