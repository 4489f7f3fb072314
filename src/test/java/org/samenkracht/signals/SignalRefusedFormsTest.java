package org.samenkracht.signals;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.COACH_MARIEKE;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A refused page form of the signals pages comes back on the same page (422), with what was typed and the refused field
 * marked: aria-invalid on the field, the message in the reader's language linked by aria-describedby. A change made
 * meanwhile comes back as 409 on the same page with the conflict message, the typed values kept. Never the general
 * error page.
 */
@SamenkrachtTest
class SignalRefusedFormsTest {

    @Autowired
    Signals signals;
    @Autowired
    NetworkMeetings meetings;
    @Autowired
    SignalSettings settings;
    @Autowired
    Accounts accounts;
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

    private String send(MockHttpServletRequestBuilder request, String user, String language, int status) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "samen2026")).with(csrf())
                        // pages speak Dutch until the reader switches (a cookie); Accept-Language is for the API
                        .cookie(new jakarta.servlet.http.Cookie("samenkracht-lang", language)))
                .andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    /** The form fields named {@code name}: input, select or textarea tags. */
    private static List<String> tags(String html, String name) {
        Matcher m = Pattern.compile("<(?:input|select|textarea)\\b[^>]*\\bname=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String attr(String tag, String attribute) {
        Matcher m = Pattern.compile("\\b" + attribute + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Exactly the fields named {@code name} of one form are marked invalid, each pointing at the same message, which
     * exists in the page and says {@code says}; returns the marked tag.
     */
    private static String marked(String html, String name, String says) {
        List<String> invalid = tags(html, name).stream().filter(t -> t.contains("aria-invalid=\"true\"")).toList();
        assertThat(invalid).as("the field " + name + " is marked invalid").isNotEmpty();
        String describedBy = attr(invalid.get(0), "aria-describedby");
        assertThat(describedBy).as("the field " + name + " points at its message").isNotBlank();
        assertThat(invalid).allSatisfy(t -> assertThat(attr(t, "aria-describedby")).isEqualTo(describedBy));
        // the message first; a field's own hint may follow it
        String errorId = describedBy.split("\\s+")[0];
        Matcher message = Pattern.compile("id=\"" + Pattern.quote(errorId) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(message.find()).as("the message " + errorId + " is in the page").isTrue();
        assertThat(message.group(1)).contains(says);
        assertThat(html).as("only one field is marked").containsOnlyOnce("id=\"" + errorId + "\"");
        return invalid.get(0);
    }

    private static void samePage(String html, String formAction) {
        assertThat(html).as("the same page, with its form").contains("action=\"" + formAction + "\"");
        assertThat(html).as("not the general error page").doesNotContain("class=\"refusal\"");
    }

    @Test
    void a_refused_file_ground_comes_back_with_what_was_typed_and_the_field_marked() throws Exception {
        UUID signal = triagedSignal("Mevrouw R. Geweigerd");
        int version = as(PROFESSIONAL_SANNE, () -> signals.get(signal).version());
        String action = "/signals/" + signal + "/open-file";
        // no ground chosen: the ground is marked, the names and the decision kept
        String html = send(post(action).param("givenName", "Roos").param("familyName", "Geweigerd")
                .param("decision", "Opvolgen in een dossier, want zij eet niet meer").param("version", String.valueOf(version)),
                "sanne", "nl", 422);
        samePage(html, action);
        marked(html, "ground", "Kies de grond");
        assertThat(tags(html, "givenName")).singleElement().satisfies(t -> assertThat(attr(t, "value")).isEqualTo("Roos"));
        assertThat(html).contains("Opvolgen in een dossier, want zij eet niet meer");
        // consent without its day: the day is marked, the chosen ground and giver kept, in English
        html = send(post(action).param("givenName", "Roos").param("familyName", "Geweigerd").param("decision", "Opvolgen")
                .param("ground", "CONSENT").param("consentGivenBy", "PERSON").param("version", String.valueOf(version)),
                "sanne", "en", 422);
        samePage(html, action);
        marked(html, "consentGivenOn", "fill in");
        assertThat(tags(html, "ground")).filteredOn(t -> t.contains("value=\"CONSENT\"")).singleElement()
                .satisfies(t -> assertThat(t).contains("checked"));
        assertThat(html).containsPattern("<option value=\"PERSON\" selected=\"selected\"");
        assertThat(as(PROFESSIONAL_SANNE, () -> signals.get(signal).personId())).as("nothing opened").isNull();
    }

    @Test
    void refused_signal_forms_name_their_own_field_not_the_note() throws Exception {
        UUID signal = triagedSignal("Meneer L. Lang");
        String page = "/signals/" + signal;
        // the action's note too long: the note of the action form is marked (and not the close form's note)
        String html = send(post(page + "/actions").param("kind", "HOME_VISIT").param("plannedOn", LocalDate.now().toString())
                .param("note", "x".repeat(2001)), "sanne", "nl", 422);
        samePage(html, page + "/actions");
        String tag = marked(html, "note", "te lang");
        assertThat(tag).contains("id=\"actionNote\"");
        assertThat(html).contains("x".repeat(2001));
        // a close note too long: marked on the close form
        int version = as(PROFESSIONAL_SANNE, () -> signals.get(signal).version());
        html = send(post(page + "/close").param("reason", "UNFOUNDED").param("note", "y".repeat(4001))
                .param("version", String.valueOf(version)), "sanne", "nl", 422);
        assertThat(marked(html, "note", "te lang")).contains("id=\"closeNote\"");
        assertThat(html).contains("y".repeat(4001));
        // a file number that is not one: marked, not a bad request
        html = send(post(page + "/link").param("personId", "nummer 12").param("version", String.valueOf(version)),
                "sanne", "nl", 422);
        samePage(html, page + "/link");
        assertThat(attr(marked(html, "personId", "nummer"), "value")).isEqualTo("nummer 12");
        // an action done without its outcome: the outcome of that action is marked
        UUID actionId = as(PROFESSIONAL_SANNE, () -> signals.planAction(signal,
                new Signals.PlanAction(Signals.ActionKind.HOME_VISIT, LocalDate.now(), null, null)));
        html = send(post(page + "/actions/" + actionId + "/done").param("outcome", " "), "sanne", "nl", 422);
        assertThat(marked(html, "outcome", "Vul dit veld in")).contains("id=\"outcome-" + actionId + "\"");
        // a stale triage: 409 on the same page with the conflict message, what was typed kept
        html = send(post(page + "/triage").param("safety", "2").param("health", "1").param("wellbeing", "1")
                .param("extent", "INDIVIDUAL").param("duration", "STRUCTURAL_SHORT").param("takenUp", "true")
                .param("note", "Mijn eigen inschatting").param("version", "0"), "sanne", "nl", 409);
        samePage(html, page + "/triage");
        assertThat(html).contains("intussen gewijzigd").contains("Mijn eigen inschatting");
    }

    @Test
    void refused_partner_forms_come_back_on_the_partners_page() throws Exception {
        String name = "Buurtwinkel Geweigerd " + ThreadLocalRandom.current().nextInt(100000);
        UUID agreement = as(COACH_MARIEKE, () -> settings.addAgreement(new SignalSettings.NewAgreement(name, PartnerKind.OTHER,
                LocalDate.now().minusDays(10), null, "Convenant")));
        String sign = "/signals/partners/" + agreement + "/signatures";
        String html = send(post(sign).param("signedBy", "Wim Tekenaar").param("signedOn", LocalDate.now().plusDays(3).toString())
                .param("covenantVersion", "1").param("privacyRulesVersion", "1"), "marieke", "en", 422);
        samePage(html, sign);
        assertThat(attr(marked(html, "signedOn", "future"), "value")).isEqualTo(LocalDate.now().plusDays(3).toString());
        assertThat(tags(html, "signedBy")).filteredOn(t -> t.contains("Wim Tekenaar")).hasSize(1);
        // a version that is not one: the covenant form marks it and keeps it
        String partners = send(get("/api/v1/signals/partners"), "marieke", "nl", 200);
        int covenantVersion = JsonPath.read(partners, "$.covenant.version");
        html = send(post("/signals/partners/covenant").param("covenantVersion", "twee punt nul!").param("privacyRulesVersion", "1")
                .param("version", String.valueOf(covenantVersion)), "marieke", "nl", 422);
        samePage(html, "/signals/partners/covenant");
        assertThat(attr(marked(html, "covenantVersion", "Gebruik 1 tot 20"), "value")).isEqualTo("twee punt nul!");
        // a stale membership: 409 on the partners page, with the conflict message
        html = send(post("/signals/partners/" + agreement + "/membership").param("membership", "CORE").param("version", "999"),
                "marieke", "nl", 409);
        samePage(html, "/signals/partners/" + agreement + "/membership");
        assertThat(html).contains("intussen gewijzigd");
    }

    @Test
    void refused_settings_forms_come_back_on_the_settings_page() throws Exception {
        String json = send(get("/api/v1/signals/settings"), "marieke", "nl", 200);
        int v = JsonPath.read(json, "$.profileVersions.REGULAR");
        // a deadline out of range: marked in its own row, the typed value kept
        String html = send(post("/signals/settings/profiles").param("kind", "REGULAR").param("triageWithinHours", "0")
                .param("contactWithinHours", "48").param("version", String.valueOf(v)), "marieke", "nl", 422);
        samePage(html, "/signals/settings/profiles");
        assertThat(attr(marked(html, "triageWithinHours", "buiten de grenzen"), "value")).isEqualTo("0");
        // a stale deadline: 409 with the conflict message, the typed value kept
        html = send(post("/signals/settings/profiles").param("kind", "REGULAR").param("triageWithinHours", "77")
                .param("contactWithinHours", "78").param("version", String.valueOf(v + 5)), "marieke", "nl", 409);
        samePage(html, "/signals/settings/profiles");
        assertThat(html).contains("intussen gewijzigd");
        assertThat(tags(html, "triageWithinHours")).filteredOn(t -> "77".equals(attr(t, "value"))).hasSize(1);
        // acting before assessing: the act field of that kind is marked
        int d = JsonPath.read(json, "$.concernDeadlineVersions.HOUSING_NEGLECT");
        html = send(post("/signals/settings/concern-deadlines").param("concernKind", "HOUSING_NEGLECT").param("assessWithinWorkingDays", "9")
                .param("actWithinWorkingDays", "3").param("version", String.valueOf(d)), "marieke", "en", 422);
        assertThat(attr(marked(html, "actWithinWorkingDays", "Acting cannot be due before assessing"), "value")).isEqualTo("3");
        // postcodes that are not postcodes: marked, kept
        html = send(post("/signals/settings/postcode-areas").param("postcodes", "75AB").param("neighbourhood", "Beukenwijk"),
                "marieke", "nl", 422);
        samePage(html, "/signals/settings/postcode-areas");
        assertThat(attr(marked(html, "postcodes", "vier cijfers"), "value")).isEqualTo("75AB");
        // an agreement valid until before it was signed: marked, the name and terms kept
        html = send(post("/signals/settings/agreements").param("partnerName", "Bakkerij Vroeg").param("partnerKind", "OTHER")
                .param("signedOn", LocalDate.now().toString()).param("validUntil", LocalDate.now().minusDays(1).toString())
                .param("terms", "Alleen zorgen over eenzaamheid").param("allowedKinds", "LONELINESS"), "marieke", "nl", 422);
        samePage(html, "/signals/settings/agreements");
        marked(html, "validUntil", "");
        assertThat(tags(html, "partnerName")).singleElement().satisfies(t -> assertThat(attr(t, "value")).isEqualTo("Bakkerij Vroeg"));
        assertThat(html).contains("Alleen zorgen over eenzaamheid");
        assertThat(tags(html, "allowedKinds")).filteredOn(t -> t.contains("value=\"LONELINESS\"")).singleElement()
                .satisfies(t -> assertThat(t).contains("checked"));
    }

    @Test
    void refused_meeting_forms_come_back_on_the_meeting_page() throws Exception {
        UUID meeting = as(COACH_MARIEKE, () -> meetings.plan(new NetworkMeetings.NewMeeting(LocalDate.now(), false)));
        String page = "/signals/meetings/" + meeting;
        // an attendee without a name
        String html = send(post(page + "/attendees").param("name", " ").param("represents", "Woningcorporatie Thuis"),
                "marieke", "nl", 422);
        samePage(html, page + "/attendees");
        marked(html, "name", "Vul dit veld in");
        assertThat(tags(html, "represents")).singleElement()
                .satisfies(t -> assertThat(attr(t, "value")).isEqualTo("Woningcorporatie Thuis"));
        // a signal number that is not one
        html = send(post(page + "/cases").param("signalId", "S-12").param("reportingForm", "Kort formulier"), "marieke", "nl", 422);
        assertThat(attr(marked(html, "signalId", "nummer"), "value")).isEqualTo("S-12");
        assertThat(html).contains("Kort formulier");
        // a case's responsible too long: that field is named, not a note
        UUID signal = triagedSignal("Mevrouw O. Overleg");
        as(COACH_MARIEKE, () -> meetings.addCase(meeting, new NetworkMeetings.AddCase(signal, null)));
        html = send(post(page + "/cases/" + signal).param("problems", "Schulden").param("responsible", "r".repeat(201)),
                "marieke", "nl", 422);
        marked(html, "responsible", "te lang");
        assertThat(html).contains("Schulden");
        // stale minutes: 409 with the conflict message and the typed minutes kept
        html = send(post(page + "/minutes").param("minutes", "Besproken: twee casussen").param("version", "999"),
                "marieke", "nl", 409);
        samePage(html, page + "/minutes");
        assertThat(html).contains("intussen gewijzigd").contains("Besproken: twee casussen");
        // a meeting without a day
        html = send(post("/signals/meetings").param("heldOn", ""), "marieke", "nl", 422);
        samePage(html, "/signals/meetings");
        marked(html, "heldOn", "Vul dit veld in");
    }
}
