package org.samenkracht.signals;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
 * The neighbourhood from an address's postcode, mapped to the insights' area list (issue 19, item 1), and the
 * deadline per kind of concern in working days with the time left on the queue (item 2).
 */
@SamenkrachtTest
class SignalAreasAndDeadlinesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Signals signals;
    @Autowired
    Accounts accounts;

    <T> T sanne(java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> out = new java.util.concurrent.atomic.AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> out.set(work.get()));
        return out.get();
    }

    /** The version the threatening-debts deadline is read at now (0 when not saved yet). */
    private int deadlineVersion() throws Exception {
        String body = mvc.perform(get("/api/v1/signals/settings").with(httpBasic("marieke", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.concernDeadlineVersions.THREATENING_DEBTS");
    }

    @Test
    void a_signal_with_only_an_address_gets_the_neighbourhood_its_postcode_is_mapped_to() throws Exception {
        int from = ThreadLocalRandom.current().nextInt(8000, 9900);
        // bad input: the field named, in Dutch and in English
        mvc.perform(post("/api/v1/signals/settings/postcode-areas").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postcodes\":\"75\",\"neighbourhood\":\"Beukenwijk\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.postcodes").value(containsString("vier cijfers")));
        mvc.perform(post("/api/v1/signals/settings/postcode-areas").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postcodes\":\"" + from + "\",\"neighbourhood\":\"Nergenshuizen\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.neighbourhood").value(containsString("not in the list of neighbourhoods")));
        String created = mvc.perform(post("/api/v1/signals/settings/postcode-areas").with(httpBasic("marieke", "samen2026"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"postcodes\":\"" + from + "-" + (from + 2) + "\",\"neighbourhood\":\"lindenhoven-zuid\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(created, "$.id"));
        try {
            // an overlapping range is refused, naming the range already kept
            mvc.perform(post("/api/v1/signals/settings/postcode-areas").with(httpBasic("marieke", "samen2026")).with(csrf())
                            .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"postcodes\":\"" + (from + 1) + "\",\"neighbourhood\":\"Beukenwijk\"}"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.fields.postcodes").value(containsString(from + "-" + (from + 2))));
            // the settings page shows the mapping with the CBS codes of the area list
            mvc.perform(get("/signals/settings").with(httpBasic("marieke", "samen2026")))
                    .andExpect(content().string(containsString(from + "-" + (from + 2))))
                    .andExpect(content().string(containsString("BU99990201")))
                    .andExpect(content().string(containsString("WK999902")));
            // a phone call with only an address: the neighbourhood comes from the postcode (as written in the area list)
            UUID signal = sanne(() -> signals.record(new Signals.Recorded(Signals.Channel.PHONE,
                    PartnerKind.RESIDENT, null, "", "", "Teststraat 3, " + (from + 1) + " AB Lindenhoven",
                    "Ziet de buurman nooit meer.", false, "", "")).id());
            assertThat(sanne(() -> signals.get(signal).neighbourhood())).isEqualTo("Lindenhoven-Zuid");
            // a neighbourhood chosen on the form wins; a postcode outside every range leaves it unknown
            UUID chosen = sanne(() -> signals.record(new Signals.Recorded(Signals.Channel.PHONE,
                    PartnerKind.RESIDENT, null, "", "", "Teststraat 3, " + from + " AB", "x", false, "", "", null, null, null,
                    null, null, false, "Beukenwijk")).id());
            assertThat(sanne(() -> signals.get(chosen).neighbourhood())).isEqualTo("Beukenwijk");
            UUID outside = sanne(() -> signals.record(new Signals.Recorded(Signals.Channel.PHONE,
                    PartnerKind.RESIDENT, null, "", "", "Teststraat 3, 1001 AB", "x", false, "", "")).id());
            assertThat(sanne(() -> signals.get(outside).neighbourhood())).isNull();
            // a signalling partner may not keep the mapping
            mvc.perform(post("/api/v1/signals/settings/postcode-areas").with(httpBasic("apotheek", "samen2026")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON).content("{\"postcodes\":\"1111\",\"neighbourhood\":\"Beukenwijk\"}"))
                    .andExpect(status().isForbidden());
        } finally {
            mvc.perform(delete("/api/v1/signals/settings/postcode-areas/" + id).param("version", "1")
                            .with(httpBasic("marieke", "samen2026")).with(csrf()))
                    .andExpect(status().isNoContent());
        }
        mvc.perform(delete("/api/v1/signals/settings/postcode-areas/" + id).param("version", "1")
                        .with(httpBasic("marieke", "samen2026")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void threatening_debts_are_due_by_the_concern_deadline_in_working_days_and_the_queue_says_the_time_left() throws Exception {
        // acting before assessing is refused, naming the field, in both languages
        mvc.perform(put("/api/v1/signals/settings/concern-deadlines").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + deadlineVersion() + ",\"concernKind\":\"THREATENING_DEBTS\",\"assessWithinWorkingDays\":5,\"actWithinWorkingDays\":2}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.actWithinWorkingDays").value(containsString("Handelen kan niet eerder")));
        mvc.perform(put("/api/v1/signals/settings/concern-deadlines").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + deadlineVersion() + ",\"concernKind\":\"THREATENING_DEBTS\",\"assessWithinWorkingDays\":0}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.assessWithinWorkingDays").value("This value is out of range."));
        mvc.perform(put("/api/v1/signals/settings/concern-deadlines").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + deadlineVersion() + ",\"concernKind\":\"THREATENING_DEBTS\",\"assessWithinWorkingDays\":1,\"actWithinWorkingDays\":3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.concernDeadlines.THREATENING_DEBTS.actWithinWorkingDays").value(3));
        Instant before = Instant.now();
        UUID id = sanne(() -> signals.record(new Signals.Recorded(Signals.Channel.PHONE,
                PartnerKind.HOUSING, null, "", "Meneer D. Test", "", "Ontruiming aangekondigd.", false, "", "",
                SignalDetails.ConcernKind.THREATENING_DEBTS, null, null, null, null, false)).id());
        var s = sanne(() -> signals.get(id));
        Instant byKind = DeadlineProfile.defaults().get(DeadlineKind.REGULAR).triageDue(s.receivedAt());
        Instant byConcern = WorkingDays.due(s.receivedAt(), 1);
        // the concern's working day ends at midnight Amsterdam time after at least one working day
        assertThat(byConcern).isAfter(before);
        assertThat(s.dueAt()).isEqualTo(byConcern.isBefore(byKind) ? byConcern : byKind);
        assertThat(s.dueAt()).isBeforeOrEqualTo(byKind);
        // the same kind of concern without a deadline of its own: the urgency kind's hours alone
        mvc.perform(put("/api/v1/signals/settings/concern-deadlines").with(httpBasic("marieke", "samen2026")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + deadlineVersion() + ",\"concernKind\":\"THREATENING_DEBTS\"}"))
                .andExpect(status().isOk());
        try {
            UUID plain = sanne(() -> signals.record(new Signals.Recorded(Signals.Channel.PHONE,
                    PartnerKind.HOUSING, null, "", "Meneer E. Test", "", "Ontruiming.", false, "", "",
                    SignalDetails.ConcernKind.THREATENING_DEBTS, null, null, null, null, false)).id());
            var p = sanne(() -> signals.get(plain));
            assertThat(p.dueAt()).isEqualTo(DeadlineProfile.defaults().get(DeadlineKind.REGULAR).triageDue(p.receivedAt()));
        } finally {
            mvc.perform(put("/api/v1/signals/settings/concern-deadlines").with(httpBasic("marieke", "samen2026")).with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"version\":" + deadlineVersion() + ",\"concernKind\":\"THREATENING_DEBTS\",\"assessWithinWorkingDays\":1,\"actWithinWorkingDays\":3}"))
                    .andExpect(status().isOk());
        }
        // the signal's page and the API say the time left; the queue page in the reader's language
        String view = (mvc.perform(get("/api/v1/signals/" + id).with(httpBasic("sanne", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat((String) JsonPath.read(view, "$.timeLeft.unit")).isIn("HOURS", "WORKING_DAYS");
        assertThat((Boolean) JsonPath.read(view, "$.timeLeft.overdue")).isFalse();
        mvc.perform(get("/signals/" + id).with(httpBasic("sanne", "samen2026")).header("Accept-Language", "nl"))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*id=\"signal-time-left\">nog [^<]*(uur|werkdag)[^<]*<.*")));
        mvc.perform(get("/signals").with(httpBasic("sanne", "samen2026")).header("Accept-Language", "nl"))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*class=\"time-left\">nog [0-9]+ werkdag(en)?<.*")));
        // the settings page offers the deadline per kind of concern
        mvc.perform(get("/signals/settings").with(httpBasic("marieke", "samen2026")).header("Accept-Language", "nl"))
                .andExpect(content().string(containsString("id=\"concern-deadline-THREATENING_DEBTS\"")))
                .andExpect(content().string(containsString("Handelen binnen (werkdagen)")));
    }
}
