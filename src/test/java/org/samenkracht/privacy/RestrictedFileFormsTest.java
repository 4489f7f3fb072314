package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A restricted file is read by the person and the team and changed by no one: the team's privacy
 * page offers no form that the gate would refuse (found by the walk over every page), only lifting.
 */
@SamenkrachtTest
class RestrictedFileFormsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PrivacyScene scenes;
    @Autowired
    PersonRights rights;
    @Autowired
    Accounts accounts;

    @Test
    void the_team_sees_a_restricted_file_without_forms_that_would_be_refused() throws Exception {
        PrivacyScene.Scene scene = scenes.create(EnumSet.of(Information.EVERYTHING));
        String path = "/persons/" + scene.person() + "/privacy";
        var professional = PrivacyScene.authentication(scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL));
        String before = mvc.perform(get(path).with(authentication(professional))).andReturn().getResponse().getContentAsString();
        assertThat(before).contains(path + "/disclosure").contains(path + "/concerns\"");

        accounts.runAs(scene.as(PrivacyScene.Subject.SELF).id(), () -> rights.restrict(scene.person(), "Ik wil eerst uitleg."));
        String after = mvc.perform(get(path).with(authentication(professional))).andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain(path + "/disclosure").doesNotContain(path + "/team\"")
                .doesNotContain(path + "/concerns\"").contains(path + "/restriction/lift");
    }
}
