package org.samenkracht.common.web;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The application's own pages keep what people write in its direction, also on pages whose templates
 * say nothing about it (the signal page): Arabic is isolated, every textarea and text field has dir="auto".
 */
@SamenkrachtTest
class WrittenTextOnPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void arabic_on_the_signal_page_keeps_its_direction_and_every_field_takes_it() throws Exception {
        String noticed = "الرسائل تتراكم منذ أسبوعين.";
        String name = "السيدة فاطمة";
        var created = mvc.perform(post("/api/v1/signals").with(httpBasic("sanne", "samen2026"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"PHONE\",\"partnerKind\":\"RESIDENT\",\"subjectName\":\"" + name
                        + "\",\"noticed\":\"" + noticed + "\",\"thinksAcute\":false}")).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        UUID id = UUID.fromString(new ObjectMapper().readTree(created.getContentAsString()).get("id").asString());
        try {
            var page = mvc.perform(get("/signals/" + id).with(httpBasic("sanne", "samen2026"))).andReturn().getResponse();
            assertThat(page.getStatus()).isEqualTo(200);
            String html = page.getContentAsString();
            assertThat(html).contains("<p class=\"noticed\"><span dir=\"auto\">" + noticed + "</span></p>")
                    .contains("<span dir=\"auto\">" + name + "</span>");
            Matcher fields = Pattern.compile("<textarea[^>]*>|<input(?![^>]*type=\"(?!text\"|search\")[^\"]*\")[^>]*>").matcher(html);
            int seen = 0;
            while (fields.find()) {
                seen++;
                assertThat(fields.group()).as("a field people write in").contains("dir=\"");
            }
            assertThat(seen).as("text fields on the signal page").isGreaterThanOrEqualTo(2);
        } finally {
            jdbc.sql("delete from signal where id = ?").param(id).update();
        }
    }

    @Test
    void the_demo_note_quoting_fatima_in_arabic_isolates_her_words_inside_the_dutch_sentence() throws Exception {
        var page = mvc.perform(get("/persons/" + org.samenkracht.common.demo.DemoIds.PERSON_FATIMA + "/logbook")
                .with(httpBasic("sanne", "samen2026"))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("Fatima liet zien wat ze zelf had opgeschreven: <span dir=\"auto\">أريد أن أفهم رسائل المدرسة بنفسي")
                .contains("Dat betekent: ik wil de brieven van school zelf begrijpen.");
    }
}
