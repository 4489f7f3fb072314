package org.samenkracht.privacy;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.privacy.PrivacyScene.Subject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API twin of answering a question about the access log (issue 15): the team answers, as on the privacy page. */
@SamenkrachtTest
class AccessLogAnswerApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PrivacyScene scenes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_team_answers_a_question_about_the_access_log_through_the_api_and_the_person_may_not() throws Exception {
        var scene = scenes.create(Set.of());
        RequestPostProcessor self = authentication(PrivacyScene.authentication(scene.as(Subject.SELF)));
        RequestPostProcessor professional = authentication(PrivacyScene.authentication(scene.as(Subject.TEAM_PROFESSIONAL)));
        RequestPostProcessor outsider = authentication(PrivacyScene.authentication(scene.as(Subject.SAME_ORG_COACH)));
        long entry = jdbc.sql("select id from audit_event where person_id = ? order by id limit 1")
                .param(scene.person()).query(Long.class).single();
        String asked = mvc.perform(post("/api/v1/persons/{id}/access-log/{e}/questions", scene.person(), entry).with(self).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Wie keek er en waarom?\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID question = UUID.fromString(JsonPath.read(asked, "$.id"));
        String path = "/api/v1/persons/{id}/access-log/questions/{q}/answer";
        String answer = "{\"answer\":\"Een collega van het team, voor uw afspraak.\"}";
        // the person asks, but answering is the team's; outside the team: refused alike
        mvc.perform(post(path, scene.person(), question).with(self).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(answer)).andExpect(status().isForbidden());
        mvc.perform(post(path, scene.person(), question).with(outsider).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(answer)).andExpect(status().isForbidden());
        // an empty answer: 422 naming the field
        String refused = mvc.perform(post(path, scene.person(), question).with(professional).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"  \"}"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(refused, "$.fields.answer")).isNotBlank();
        // a question that is not this person's: 404
        mvc.perform(post(path, scene.person(), UUID.randomUUID()).with(professional).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(answer)).andExpect(status().isNotFound());
        assertThat(stored(question)).as("not answered yet").isEmpty();
        mvc.perform(post(path, scene.person(), question).with(professional).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(answer)).andExpect(status().isNoContent());
        assertThat(stored(question)).isEqualTo("Een collega van het team, voor uw afspraak.");
    }

    private String stored(UUID question) {
        return jdbc.sql("select coalesce(answer, '') from audit_question where id = ?").param(question).query(String.class).single();
    }
}
