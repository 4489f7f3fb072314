package org.samenkracht.privacy.internal;

import org.samenkracht.privacy.CareTeam;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.samenkracht.common.demo.DemoIds.*;

/** The coach takes part in Jonas's support; Pieter (another organisation) takes part in nobody's. */
@Component
@Order(25)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class PrivacyDemoData implements ApplicationRunner {

    private final CareTeam careTeam;

    PrivacyDemoData(CareTeam careTeam) {
        this.careTeam = careTeam;
    }

    @Override
    public void run(ApplicationArguments args) {
        careTeam.join(PERSON_JONAS, COACH_MARIEKE, ORGANISATION, CareTeam.TeamRole.COACH, "Coaching van Sanne");
    }
}
