package org.samenkracht.signals;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.samenkracht.common.demo.DemoIds.COACH_MARIEKE;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 19, items 4 and 6 and the settings' optimistic locking: a file opened from a signal only on a recorded ground;
 * core and shell partners with the covenant and privacy rules signed, and only a signed partner invited to a meeting;
 * a concurrent change of a deadline, a postcode mapping, the covenant or a membership refused as a conflict.
 */
@SamenkrachtTest
class SignalOutreachAndPartnersTest {

    @Autowired
    Signals signals;
    @Autowired
    NetworkMeetings meetings;
    @Autowired
    NetworkPartners partners;
    @Autowired
    SignalSettings settings;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    <T> T as(UUID account, java.util.function.Supplier<T> work) {
        AtomicReference<T> out = new AtomicReference<>();
        accounts.runAs(account, () -> out.set(work.get()));
        return out.get();
    }

    private UUID triagedSignal(String name) {
        return as(PROFESSIONAL_SANNE, () -> {
            UUID id = signals.record(new Signals.Recorded(Signals.Channel.PHONE, PartnerKind.RESIDENT, null, "", name,
                    "Teststraat 9", "Doet de deur niet meer open.", false, "", "")).id();
            signals.triage(id, new Signals.Triage(1, 1, 1, UrgencyScheme.Extent.INDIVIDUAL,
                    UrgencyScheme.Duration.STRUCTURAL_SHORT, null, true, null, signals.get(id).version()));
            return id;
        });
    }

    private String openFile(UUID signal, String json, String language) throws Exception {
        return mvc.perform(post("/api/v1/signals/" + signal + "/open-file").with(httpBasic("sanne", "samen2026")).with(csrf())
                        .header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void a_file_is_opened_from_a_signal_only_on_a_recorded_ground_and_the_person_sees_it() throws Exception {
        UUID signal = triagedSignal("Mevrouw F. Grond");
        int version = as(PROFESSIONAL_SANNE, () -> signals.get(signal).version());
        String base = "\"givenName\":\"Fenna\",\"familyName\":\"Grond\",\"decision\":\"Opvolgen in een dossier\",\"version\":" + version;
        // no ground: refused, naming the field, in Dutch and English
        mvc.perform(post("/api/v1/signals/" + signal + "/open-file").with(httpBasic("sanne", "samen2026")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content("{" + base + "}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.ground").exists());
        // consent without its day, or from a representative without a name; a legal ground without its justification
        assertThat(openFile(signal, "{" + base + ",\"ground\":\"CONSENT\",\"consentGivenBy\":\"PERSON\"}", "nl"))
                .contains("consentGivenOn");
        assertThat(openFile(signal, "{" + base + ",\"ground\":\"CONSENT\",\"consentGivenOn\":\"" + LocalDate.now().plusDays(3)
                + "\",\"consentGivenBy\":\"PERSON\"}", "nl")).contains("consentGivenOn", "toekomst");
        assertThat(openFile(signal, "{" + base + ",\"ground\":\"CONSENT\",\"consentGivenOn\":\"" + LocalDate.now()
                + "\",\"consentGivenBy\":\"REPRESENTATIVE\"}", "nl")).contains("representativeName");
        assertThat(openFile(signal, "{" + base + ",\"ground\":\"CONFLICT_OF_DUTIES\"}", "en"))
                .contains("justification", "Without consent a justification is needed.");
        assertThat(as(PROFESSIONAL_SANNE, () -> signals.get(signal).personId())).as("nothing opened on a refusal").isNull();

        // with consent from a representative: opened, the ground kept and shown
        String created = openFile(signal, "{" + base + ",\"ground\":\"CONSENT\",\"consentGivenOn\":\"" + LocalDate.now().minusDays(1)
                + "\",\"consentGivenBy\":\"REPRESENTATIVE\",\"representativeName\":\"Dochter Ilse Grond\"}", "nl");
        UUID person = UUID.fromString(JsonPath.read(created, "$.personId"));
        var view = as(PROFESSIONAL_SANNE, () -> signals.get(signal));
        assertThat(view.personId()).isEqualTo(person);
        assertThat(view.fileGround().ground()).isEqualTo(FileGround.CONSENT);
        assertThat(view.fileGround().consentGivenOn()).isEqualTo(LocalDate.now().minusDays(1));
        assertThat(view.fileGround().representativeName()).isEqualTo("Dochter Ilse Grond");
        assertThat(view.fileGround().openedBy()).isNotBlank();
        mvc.perform(get("/signals/" + signal).with(httpBasic("sanne", "samen2026")).header("Accept-Language", "nl"))
                .andExpect(content().string(containsString("toestemming van de persoon")))
                .andExpect(content().string(containsString("Dochter Ilse Grond")));
        // "who looked": the line carries the consent ground, and the note says the file was opened from a concern
        assertThat(jdbc.sql("select ground from audit_event where person_id = ? and action like 'SIGNAL\\_%'").param(person)
                .query(String.class).list()).contains("CONSENT:SIGNAL_FILE");
        mvc.perform(get("/persons/" + person + "/access-log").with(httpBasic("sanne", "samen2026")).header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("geopend vanuit een signaal, met toestemming van de persoon")));

        // without consent, on a ground of the secrecy rules, with its justification
        UUID urgent = triagedSignal("Meneer A. Gevaar");
        int v2 = as(PROFESSIONAL_SANNE, () -> signals.get(urgent).version());
        String opened = openFile(urgent, "{\"givenName\":\"Arend\",\"familyName\":\"Gevaar\",\"decision\":\"Direct handelen\","
                + "\"ground\":\"ACUTE_DANGER\",\"justification\":\"Gaslucht in de woning; niemand doet open.\",\"version\":" + v2 + "}", "nl");
        UUID second = UUID.fromString(JsonPath.read(opened, "$.personId"));
        assertThat(jdbc.sql("select ground from audit_event where person_id = ? and action like 'SIGNAL\\_%'").param(second)
                .query(String.class).list()).contains("SECRECY:ACUTE_DANGER");
        mvc.perform(get("/persons/" + second + "/access-log").with(httpBasic("sanne", "samen2026")).header("Accept-Language", "nl"))
                .andExpect(content().string(containsString("zonder toestemming: acuut gevaar")));
    }

    @Test
    void follow_up_actions_include_checking_with_the_gp_or_family() {
        UUID signal = triagedSignal("Meneer H. Arts");
        as(PROFESSIONAL_SANNE, () -> {
            UUID gp = signals.planAction(signal, new Signals.PlanAction(Signals.ActionKind.CHECK_GP, LocalDate.now(), null, null));
            signals.planAction(signal, new Signals.PlanAction(Signals.ActionKind.CHECK_FAMILY, LocalDate.now(), null, "Zoon bellen"));
            signals.completeAction(signal, gp, new Signals.CompleteAction("Huisarts kent hem; komt niet meer op controle."));
            assertThat(signals.get(signal).actions()).extracting(Signals.Action::kind)
                    .contains(Signals.ActionKind.CHECK_GP, Signals.ActionKind.CHECK_FAMILY);
            return null;
        });
    }

    @Test
    void only_a_partner_that_signed_the_covenant_in_force_is_invited_to_a_meeting() throws Exception {
        String name = "Buurthuis Test " + ThreadLocalRandom.current().nextInt(100000);
        UUID agreement = as(COACH_MARIEKE, () -> settings.addAgreement(new SignalSettings.NewAgreement(name, PartnerKind.WELFARE,
                LocalDate.now().minusDays(10), null, "Convenant")));
        UUID meeting = as(COACH_MARIEKE, () -> meetings.plan(new NetworkMeetings.NewMeeting(LocalDate.now(), false)));
        // a new partner is a shell partner that has not signed: not invited, the field named
        var p = as(COACH_MARIEKE, () -> partners.partner(accountsOrg(), agreement).orElseThrow());
        assertThat(p.membership()).isEqualTo(NetworkPartners.Membership.SHELL);
        assertThat(p.mayTakePart()).isFalse();
        assertThatThrownBy(() -> as(COACH_MARIEKE, () -> {
            meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Wim", null, true, agreement));
            return null;
        })).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("agreementId"));
        mvc.perform(post("/api/v1/signals/meetings/" + meeting + "/attendees").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Wim\",\"present\":true,\"agreementId\":\"" + agreement + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.agreementId").value(containsString("nog niet getekend")));
        // a professional may read the partners, but not keep them
        mvc.perform(post("/api/v1/signals/partners/" + agreement + "/signatures").with(httpBasic("sanne", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"signedBy\":\"x\",\"signedOn\":\"2026-01-01\",\"covenantVersion\":\"1\",\"privacyRulesVersion\":\"1\"}"))
                .andExpect(status().isForbidden());
        // signing in the future is refused; signing the versions in force makes it a partner that may take part
        String covenant = mvc.perform(get("/api/v1/signals/partners").with(httpBasic("sanne", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String cv = JsonPath.read(covenant, "$.covenant.covenantVersion");
        String pv = JsonPath.read(covenant, "$.covenant.privacyRulesVersion");
        int covenantVersion = JsonPath.read(covenant, "$.covenant.version");
        mvc.perform(post("/api/v1/signals/partners/" + agreement + "/signatures").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedBy\":\"Wim de Vries, coördinator\",\"signedOn\":\""
                                + LocalDate.now().plusDays(2) + "\",\"covenantVersion\":\"" + cv + "\",\"privacyRulesVersion\":\"" + pv + "\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.signedOn").exists());
        mvc.perform(post("/api/v1/signals/partners/" + agreement + "/signatures").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"signedBy\":\"Wim de Vries, coördinator\",\"signedOn\":\""
                                + LocalDate.now() + "\",\"covenantVersion\":\"" + cv + "\",\"privacyRulesVersion\":\"" + pv + "\"}"))
                .andExpect(status().isCreated());
        as(COACH_MARIEKE, () -> {
            meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Wim", null, true, agreement));
            assertThat(meetings.get(meeting).attendees()).anySatisfy(a -> {
                assertThat(a.agreementId()).isEqualTo(agreement);
                assertThat(a.represents()).isEqualTo(name);
            });
            return null;
        });
        // core or shell: kept with its version; a stale version is a conflict
        int pVersion = as(COACH_MARIEKE, () -> partners.partner(accountsOrg(), agreement).orElseThrow().version());
        mvc.perform(put("/api/v1/signals/partners/" + agreement + "/membership").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"membership\":\"CORE\",\"version\":" + pVersion + "}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/signals/partners/" + agreement + "/membership").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"membership\":\"SHELL\",\"version\":" + pVersion + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("intussen gewijzigd")));
        mvc.perform(get("/signals/partners").with(httpBasic("marieke", "samen2026")).header("Accept-Language", "nl"))
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("Getekend door Wim de Vries, coördinator")))
                .andExpect(content().string(containsString("kernpartner")));

        // a new covenant version in force: partners that signed the old one cannot be invited until they sign again
        String next = "t" + ThreadLocalRandom.current().nextInt(100000);
        mvc.perform(put("/api/v1/signals/partners/covenant").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"covenantVersion\":\"" + next + "\",\"privacyRulesVersion\":\"" + pv + "\",\"version\":" + covenantVersion + "}"))
                .andExpect(status().isOk());
        try {
            mvc.perform(put("/api/v1/signals/partners/covenant").with(httpBasic("marieke", "samen2026")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"covenantVersion\":\"x\",\"privacyRulesVersion\":\"x\",\"version\":" + covenantVersion + "}"))
                    .andExpect(status().isConflict());
            assertThatThrownBy(() -> as(COACH_MARIEKE, () -> {
                meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Wim", null, true, agreement));
                return null;
            })).isInstanceOf(RuleViolation.class);
            assertThat(as(COACH_MARIEKE, () -> meetings.get(meeting).partners()).stream()
                    .filter(x -> x.agreementId().equals(agreement)).findFirst().orElseThrow().mayTakePart()).isFalse();
        } finally {
            int now = as(COACH_MARIEKE, () -> partners.covenant(accountsOrg()).version());
            as(COACH_MARIEKE, () -> {
                partners.setCovenant(new NetworkPartners.SetCovenant(cv, pv, now));
                return null;
            });
        }
    }

    private UUID accountsOrg() {
        return org.samenkracht.identity.CurrentUser.get().organisationId();
    }

    @Test
    void a_concurrent_change_of_a_deadline_or_a_postcode_mapping_is_a_conflict_not_an_overwrite() throws Exception {
        String settingsJson = mvc.perform(get("/api/v1/signals/settings").with(httpBasic("marieke", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int v = JsonPath.read(settingsJson, "$.profileVersions.URGENT");
        int hours = JsonPath.read(settingsJson, "$.profiles.URGENT.triageWithinHours");
        int contact = JsonPath.read(settingsJson, "$.profiles.URGENT.contactWithinHours");
        // two keepers read version v; the first saves, the second is refused and told why
        mvc.perform(put("/api/v1/signals/settings/profiles").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"URGENT\",\"triageWithinHours\":" + hours
                                + ",\"contactWithinHours\":" + contact + ",\"version\":" + v + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.profileVersions.URGENT").value(v + 1));
        mvc.perform(put("/api/v1/signals/settings/profiles").with(httpBasic("ahmed", "samen2026")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"URGENT\",\"triageWithinHours\":1,\"contactWithinHours\":2,\"version\":" + v + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("changed this in the meantime")));
        assertThat(as(COACH_MARIEKE, () -> settings.overview().profiles().get(DeadlineKind.URGENT).triageWithinHours()))
                .as("not overwritten").isEqualTo(hours);
        // without a version: refused, naming it
        mvc.perform(put("/api/v1/signals/settings/profiles").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"URGENT\",\"triageWithinHours\":24,\"contactWithinHours\":72}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.version").exists());
        // the page answers a stale form with the conflict message
        mvc.perform(post("/signals/settings/profiles").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .header("Accept-Language", "nl").param("kind", "URGENT").param("triageWithinHours", "1")
                        .param("contactWithinHours", "2").param("version", String.valueOf(v)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("intussen gewijzigd")));

        // a concern deadline: the same
        int d = JsonPath.read(settingsJson, "$.concernDeadlineVersions.LONELINESS");
        mvc.perform(put("/api/v1/signals/settings/concern-deadlines").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"concernKind\":\"LONELINESS\",\"version\":" + d + "}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/signals/settings/concern-deadlines").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"concernKind\":\"LONELINESS\",\"assessWithinWorkingDays\":9,\"version\":" + d + "}"))
                .andExpect(status().isConflict());

        // a postcode mapping: changed at its version; a stale change or removal is a conflict
        int from = ThreadLocalRandom.current().nextInt(8000, 9900);
        String created = mvc.perform(post("/api/v1/signals/settings/postcode-areas").with(httpBasic("marieke", "samen2026"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postcodes\":\"" + from + "\",\"neighbourhood\":\"Beukenwijk\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(created, "$.id"));
        mvc.perform(put("/api/v1/signals/settings/postcode-areas/" + id).with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postcodes\":\"" + from + "\",\"neighbourhood\":\"Lindenhoven-Zuid\",\"version\":1}"))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/signals/settings/postcode-areas/" + id).with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postcodes\":\"" + from + "\",\"neighbourhood\":\"Beukenwijk\",\"version\":1}"))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/signals/settings/postcode-areas/" + id).param("version", "1")
                        .with(httpBasic("marieke", "samen2026")).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(as(COACH_MARIEKE, () -> settings.neighbourhoodOfAddress(accountsOrg(), "Laan 1, " + from + " AA")))
                .contains("Lindenhoven-Zuid");
        mvc.perform(delete("/api/v1/signals/settings/postcode-areas/" + id).param("version", "2")
                        .with(httpBasic("marieke", "samen2026")).with(csrf()))
                .andExpect(status().isNoContent());
    }
}
