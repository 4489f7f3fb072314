package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The network page's add form opens on demand: the page offers it (a link that works without
 * JavaScript, htmx fetches the form into the panel), {@code ?add} shows it, and a refused form
 * comes back open with what was typed.
 */
@SamenkrachtTest
class NetworkAddFormTest {

    @Autowired
    MockMvc mvc;

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic("sanne", PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void the_page_offers_the_form_and_add_shows_it() throws Exception {
        String network = "/persons/" + PERSON_JONAS + "/network";
        String closed = page(network);
        assertThat(closed).contains("class=\"add-member\"").contains("href=\"" + network + "?add=\"")
                .contains("hx-select=\"#add-member\"").doesNotContain("id=\"add-member\"");
        String open = page(network + "?add=");
        assertThat(open).contains("id=\"add-member\"").contains("id=\"relation\"").doesNotContain("class=\"add-member\"");
    }

    @Test
    void a_refused_form_comes_back_open_with_what_was_typed() throws Exception {
        String answer = mvc.perform(post("/persons/" + PERSON_JONAS + "/network").with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("name", "Buurman Bram").param("relation", "").param("layer", "NETWORK"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("id=\"add-member\"").contains("value=\"Buurman Bram\"");
    }
}
