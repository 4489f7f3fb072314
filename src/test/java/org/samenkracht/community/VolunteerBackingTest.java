package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.internal.CommunityStore;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A volunteer's backing (issue 20, item 1): the training they followed (the coordinator records it, the volunteer
 * sees their own), their feedback on their work or their own match and the coordinator's answer (optimistic), the
 * coordinator's recognition. A volunteer sees only their own, and never the person's file.
 */
@SamenkrachtTest
class VolunteerBackingTest {

    @Autowired Accounts accounts;
    @Autowired Volunteers volunteers;
    @Autowired PrivacyScene scenes;
    @Autowired CommunityScene communityScene;
    @Autowired CommunityStore store;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    <T> T as(UUID account, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(account, () -> result.set(work.get()));
        return result.get();
    }

    void as(UUID account, Runnable work) {
        accounts.runAs(account, work);
    }

    @Test
    void training_feedback_and_recognition_each_seen_by_whom_it_is_for() throws Exception {
        PrivacyScene.Scene scene = scenes.create(Set.of());
        UUID[] ids = communityScene.create(scene);
        UUID volunteer = ids[0];
        UUID match = ids[2];
        UUID account = scene.as(PrivacyScene.Subject.VOLUNTEER).id();

        // training: the coordinator records it, not one to come, and not by the volunteer
        as(COORDINATOR_KARIM, () -> volunteers.recordTraining(volunteer, new CommunityCommands.RecordTraining(
                "Omgaan met eenzaamheid", LocalDate.now().minusDays(3), "Humanitas, Petra Smit")));
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> volunteers.recordTraining(volunteer, new CommunityCommands.RecordTraining(
                "Later", LocalDate.now().plusDays(1), "Iemand"))))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("followedOn"));
        assertThatThrownBy(() -> as(account, () -> volunteers.recordTraining(volunteer, new CommunityCommands.RecordTraining(
                "Zelf", LocalDate.now(), "Ik")))).isInstanceOf(AccessRefused.class);
        assertThat(as(account, () -> volunteers.mine()).trainings()).singleElement().satisfies(t -> {
            assertThat(t.course()).isEqualTo("Omgaan met eenzaamheid");
            assertThat(t.followedOn()).isEqualTo(LocalDate.now().minusDays(3));
            assertThat(t.givenBy()).isEqualTo("Humanitas, Petra Smit");
        });

        // feedback on their own match: named by its shared goal, not by the person; never on another volunteer's match
        UUID feedback = as(account, () -> volunteers.giveFeedback(new CommunityCommands.GiveFeedback(match, 4, "Het klikt, we wandelen elke week.")));
        UUID othersMatch = jdbc.sql("select id from buddy_match where volunteer_id <> ? limit 1").param(volunteer).query(UUID.class).single();
        assertThatThrownBy(() -> as(account, () -> volunteers.giveFeedback(new CommunityCommands.GiveFeedback(othersMatch, 2, "Over een ander"))))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("matchId"));
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> volunteers.giveFeedback(new CommunityCommands.GiveFeedback(null, 2, "Coördinator"))))
                .isInstanceOf(AccessRefused.class);
        CommunityStore.Feedback seen = as(COORDINATOR_KARIM, () -> volunteers.get(volunteer)).feedback().get(0);
        assertThat(seen.id()).isEqualTo(feedback);
        assertThat(seen.about()).isEqualTo("Wandelen");
        assertThat(seen.howItGoes()).isEqualTo(4);
        // Noor, another volunteer, sees none of it
        assertThat(as(VOLUNTEER_NOOR, () -> volunteers.mine()).feedback()).extracting(CommunityStore.Feedback::id).doesNotContain(feedback);

        // the coordinator answers with the version read; a second answer on the same version is refused (409)
        as(COORDINATOR_KARIM, () -> volunteers.replyToFeedback(volunteer, feedback, new CommunityCommands.ReplyToFeedback("Fijn om te horen!", 0)));
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> volunteers.replyToFeedback(volunteer, feedback,
                new CommunityCommands.ReplyToFeedback("Ook van mij", 0)))).isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> as(account, () -> volunteers.replyToFeedback(volunteer, feedback,
                new CommunityCommands.ReplyToFeedback("Zelf", 1)))).isInstanceOf(AccessRefused.class);
        assertThat(as(account, () -> volunteers.mine()).feedback()).singleElement()
                .satisfies(f -> assertThat(f.reply()).isEqualTo("Fijn om te horen!"));

        // recognition from the coordinator, seen by the volunteer
        as(COORDINATOR_KARIM, () -> volunteers.recognise(volunteer, new CommunityCommands.Recognise(LocalDate.now(), "Bedankt voor een jaar wandelen")));
        assertThat(as(account, () -> volunteers.mine()).recognitions()).extracting(CommunityStore.Recognition::what)
                .contains("Bedankt voor een jaar wandelen");

        var auth = authentication(PrivacyScene.authentication(scene.as(PrivacyScene.Subject.VOLUNTEER)));
        // the page: refused feedback comes back with what was typed, 422, in Dutch
        mvc.perform(post("/community/mine/feedback").with(auth).with(csrf())
                        .param("matchId", othersMatch.toString()).param("howItGoes", "2").param("what", "Dit typte ik zelf"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Dit typte ik zelf")))
                .andExpect(content().string(containsString("Dit is niet jouw maatje")));
        // the API: 422 naming the field, in English when asked
        mvc.perform(post("/api/v1/community/mine/feedback").with(auth).with(csrf()).header("Accept-Language", "en").param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"what\":\"\",\"howItGoes\":9}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.fields.what").exists())
                .andExpect(jsonPath("$.fields.howItGoes").exists());
        // their own page shows their training and the answer; never the person's file
        mvc.perform(get("/community/mine").with(auth)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Omgaan met eenzaamheid")))
                .andExpect(content().string(containsString("Fijn om te horen!")))
                .andExpect(content().string(not(containsString("Scène " ))));
        mvc.perform(get("/persons/" + scene.person() + "/community").with(auth)).andExpect(status().isForbidden());

        // the coordinator's page: a refused training comes back with what was typed (422)
        var karim = authentication(PrivacyScene.authentication(new org.samenkracht.identity.CurrentUser(COORDINATOR_KARIM, ORGANISATION,
                "karim", "Karim", org.samenkracht.identity.Role.COORDINATOR, null)));
        mvc.perform(post("/community/volunteers/" + volunteer + "/training").with(karim).with(csrf())
                        .param("course", "Signalen herkennen").param("followedOn", LocalDate.now().plusDays(5).toString()).param("givenBy", ""))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("value=\"Signalen herkennen\"")));
    }
}
