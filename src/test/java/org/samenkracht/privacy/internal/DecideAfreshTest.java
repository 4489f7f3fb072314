package org.samenkracht.privacy.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.Information;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate remembers its decisions for one request, but not past a change of what they rest on:
 * a colleague who joins the team, or a consent revoked, counts for the rest of the same request.
 */
@SamenkrachtTest
class DecideAfreshTest {

    @Autowired
    PrivacyScene scenes;
    @Autowired
    PersonAccess access;
    @Autowired
    CareTeam careTeam;
    @Autowired
    Consents consents;
    @Autowired
    Accounts accounts;

    @AfterEach
    void closeTheRequest() {
        RequestAccess.close();
    }

    @Test
    void a_colleague_who_joins_the_team_may_read_within_the_same_request() {
        PrivacyScene.Scene scene = scenes.create(EnumSet.of(Information.EVERYTHING));
        var colleague = scene.as(PrivacyScene.Subject.SAME_ORG_PROFESSIONAL);
        RequestAccess.open();
        accounts.runAs(colleague.id(), () -> {
            assertThat(access.may(scene.person(), Part.PLAN, AccessKind.READ)).isFalse();
            careTeam.join(scene.person(), colleague.id(), colleague.organisationId(), CareTeam.TeamRole.PROFESSIONAL, null);
            assertThat(access.may(scene.person(), Part.PLAN, AccessKind.READ)).isTrue();
        });
    }

    @Test
    void a_consent_revoked_closes_the_file_within_the_same_request() {
        PrivacyScene.Scene scene = scenes.create(EnumSet.of(Information.EVERYTHING));
        var member = scene.as(PrivacyScene.Subject.NETWORK_WITH_CONSENT);
        RequestAccess.open();
        accounts.runAs(member.id(), () -> assertThat(access.may(scene.person(), Part.PLAN, AccessKind.READ)).isTrue());
        accounts.runAs(scene.as(PrivacyScene.Subject.SELF).id(), () -> consents.revoke(scene.person(), scene.consentId()));
        accounts.runAs(member.id(), () -> assertThat(access.may(scene.person(), Part.PLAN, AccessKind.READ)).isFalse());
    }
}
