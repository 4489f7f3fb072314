package org.samenkracht.privacy.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.EmergencyAccess;
import org.samenkracht.privacy.Information;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * The coach takes part in Jonas's support, and the team was made known to Jonas at the first
 * conversation. Pieter (another organisation) takes part in nobody's support. After the network is
 * there (order 35): Kevin, Jonas's friend, gets an account linked to his entry in the network and
 * Jonas's consent to see his plan; Pieter once opened Jonas's file in an emergency, which Marieke
 * still has to review.
 */
@Component
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class PrivacyDemoData {

    @Component
    @Order(25)
    @ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
    static class Team implements ApplicationRunner {
        private final CareTeam careTeam;
        private final Accounts accounts;

        Team(CareTeam careTeam, Accounts accounts) {
            this.careTeam = careTeam;
            this.accounts = accounts;
        }

        @Override
        public void run(ApplicationArguments args) {
            careTeam.join(PERSON_JONAS, COACH_MARIEKE, ORGANISATION, CareTeam.TeamRole.COACH, "Coaching van Sanne");
            accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
                if (careTeam.disclosure(PERSON_JONAS).isEmpty()) {
                    careTeam.recordDisclosure(PERSON_JONAS, LocalDate.now().minusDays(14), CareTeam.DisclosedHow.CONVERSATION);
                }
            });
        }
    }

    @Component
    @Order(35)
    @ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
    static class ConsentAndEmergency implements ApplicationRunner {
        private final Accounts accounts;
        private final Consents consents;
        private final EmergencyAccess emergency;
        private final org.samenkracht.privacy.NetworkDirectory directory;
        private final JdbcClient jdbc;

        ConsentAndEmergency(Accounts accounts, Consents consents, EmergencyAccess emergency, org.samenkracht.privacy.NetworkDirectory directory,
                            JdbcClient jdbc) {
            this.accounts = accounts;
            this.consents = consents;
            this.emergency = emergency;
            this.directory = directory;
            this.jdbc = jdbc;
        }

        @Override
        public void run(ApplicationArguments args) {
            var kevin = directory.members(PERSON_JONAS).stream().filter(m -> m.name().equals("Kevin (vriend)")).findFirst();
            if (kevin.isEmpty()) {
                return;
            }
            // The network's demo data (order 30) created Kevin's account and linked it to his entry.
            boolean hasConsent = jdbc.sql("select exists (select 1 from consent where recipient_member_id = ?)")
                    .param(kevin.get().id()).query(Boolean.class).single();
            if (!hasConsent) {
                accounts.onBehalfOf(ACCOUNT_JONAS, () -> consents.give(PERSON_JONAS, new Consents.GiveConsent(
                        EnumSet.of(Information.PERSON, Information.PLAN),
                        Consents.RecipientKind.NETWORK_MEMBER, kevin.get().id(), null, null, null,
                        "Kevin helpt met boodschappen en post; hij ziet het plan en wie wat doet (de rest van het netwerk niet).",
                        LocalDate.now().minusDays(7), LocalDate.now().plusMonths(6), Consents.GivenHow.IN_APP,
                        Consents.GivenBy.PERSON, null)));
            }
            boolean hasEmergency = jdbc.sql("select exists (select 1 from emergency_access where person_id = ? and actor_id = ?)")
                    .params(PERSON_JONAS, PROFESSIONAL_PIETER).query(Boolean.class).single();
            if (!hasEmergency) {
                // Pieter works for another organisation: he asks, and Marieke (Jonas's coach) approves (issue 14).
                UUID[] asked = new UUID[1];
                accounts.onBehalfOf(PROFESSIONAL_PIETER, () -> asked[0] = emergency.open(PERSON_JONAS,
                        "Avonddienst thuiszorg: Jonas reageert niet op de deur, buurvrouw ongerust. Medicatie nodig?").id());
                accounts.onBehalfOf(COACH_MARIEKE, () -> emergency.decide(PERSON_JONAS, asked[0], true,
                        "Akkoord: het is avond en de buurvrouw is ongerust."));
                // A past emergency (last weekend), already expired, still to be reviewed by the coach.
                jdbc.sql("update emergency_access set asked_at = now() - interval '2 days' - interval '10 minutes', "
                                + "decided_at = now() - interval '2 days', opened_at = now() - interval '2 days', "
                                + "expires_at = now() - interval '2 days' + interval '1 hour' where person_id = ? and actor_id = ?")
                        .params(PERSON_JONAS, PROFESSIONAL_PIETER).update();
            }
        }
    }
}
