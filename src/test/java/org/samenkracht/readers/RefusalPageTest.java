package org.samenkracht.readers;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A refusal looks like one, says what is missing, and points a professional to emergency access where it applies. */
@SamenkrachtTest
class RefusalPageTest {

    @Autowired
    MockMvc mvc;

    private String refused(String as, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(as, PASSWORD))).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void a_professional_outside_the_team_is_pointed_to_emergency_access_for_this_person() throws Exception {
        String page = refused("pieter", "/persons/" + PERSON_JONAS + "/plan");
        assertThat(page).contains("class=\"refusal\"").contains("Geen toegang")
                .doesNotContain("class=\"notice\" role=\"alert\"")
                .contains("/privacy/emergency?personId=" + PERSON_JONAS).contains("Noodtoegang vragen");
    }

    @Test
    void the_person_and_the_network_member_get_the_reason_but_no_emergency_hint() throws Exception {
        String other = refused("jonas", "/persons/" + PERSON_FATIMA);
        assertThat(other).contains("class=\"refusal\"").contains("Dit is niet uw dossier").doesNotContain("Noodtoegang vragen");
        String member = refused("kevin", "/persons/" + PERSON_JONAS + "/network");
        assertThat(member).contains("class=\"refusal\"").doesNotContain("Noodtoegang vragen");
    }
}
