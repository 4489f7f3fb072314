package org.samenkracht.team.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.team.Caseloads;
import org.samenkracht.team.Handovers;
import org.samenkracht.team.ReviewRules;
import org.samenkracht.team.Reviews;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Lotte, a second professional of the buurtteam. Sanne hands Henk's support over to Lotte: the three-way
 * conversation is recorded; Lotte still has to accept and Henk to co-sign (on paper: he has no account).
 * Marieke agreed the team's bandwidth and reviewed Els's support with her, the team and the social
 * service: views differed and Marieke decided, as agreed beforehand, on a gradual phase-out.
 */
@Component
@Order(85)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class TeamDemoData implements ApplicationRunner {

    private final Accounts accounts;
    private final CareTeam careTeam;
    private final Handovers handovers;
    private final Reviews reviews;
    private final Caseloads caseloads;
    private final JdbcClient jdbc;

    TeamDemoData(Accounts accounts, CareTeam careTeam, Handovers handovers, Reviews reviews, Caseloads caseloads,
                 JdbcClient jdbc) {
        this.accounts = accounts;
        this.careTeam = careTeam;
        this.handovers = handovers;
        this.reviews = reviews;
        this.caseloads = caseloads;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.exists(PROFESSIONAL_LOTTE)) {
            accounts.create(new Accounts.NewAccount(PROFESSIONAL_LOTTE, ORGANISATION, "lotte", PASSWORD, "Lotte Peeters",
                    Role.PROFESSIONAL, null));
        }
        boolean seeded = jdbc.sql("select exists (select 1 from handover where person_id = ?)").param(PERSON_HENK)
                .query(Boolean.class).single();
        if (seeded) {
            return;
        }
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            if (careTeam.disclosure(PERSON_HENK).isEmpty()) {
                careTeam.recordDisclosure(PERSON_HENK, LocalDate.now().minusDays(30), CareTeam.DisclosedHow.CONVERSATION);
            }
            var id = handovers.propose(PERSON_HENK, new Handovers.Propose(PROFESSIONAL_LOTTE,
                    "Sanne gaat minder uren werken. Lotte woont in de buurt van Henk en heeft tijd op dinsdag.",
                    "Sanne komt de eerste maand nog één keer mee; daarna belt ze Henk nog één keer op."));
            handovers.recordConversation(PERSON_HENK, id, new Handovers.Conversation(LocalDate.now().minusDays(2),
                    "Met z'n drieën bij Henk thuis. Henk vertelde Lotte over zijn tuin en zijn dochter. Henk wil eerst nog "
                            + "een keer met Lotte alleen koffie drinken voor hij tekent.", 0));
        });
        accounts.onBehalfOf(COACH_MARIEKE, () -> {
            caseloads.agree(new Caseloads.Agree(new BigDecimal("12"), null));
            reviews.record(PERSON_ELS, new Reviews.Record(LocalDate.now().minusDays(5), ReviewRules.Viewpoint.COACH, List.of(
                    new Reviews.ViewInput(ReviewRules.Viewpoint.FAMILY, "Els wil de hulp houden; ze voelt zich nog onzeker met de post.",
                            ReviewRules.Outcome.CONTINUE),
                    new Reviews.ViewInput(ReviewRules.Viewpoint.WORKER, "Els doet veel zelf. Haar buurvrouw helpt mee met de post.",
                            ReviewRules.Outcome.PHASE_OUT),
                    new Reviews.ViewInput(ReviewRules.Viewpoint.HEAD_OF_SOCIAL_SERVICE,
                            "Er wachten gezinnen; continuïteit voor Els blijft belangrijk.", ReviewRules.Outcome.PHASE_OUT),
                    new Reviews.ViewInput(ReviewRules.Viewpoint.COACH, "Meerwaarde is er nog, maar kleiner. Rustig afbouwen.",
                            ReviewRules.Outcome.PHASE_OUT)),
                    "Eerst om de week, dan om de twee weken; de buurvrouw neemt de post over. Els kan altijd bellen.",
                    LocalDate.now().plusMonths(3)));
        });
        accounts.onBehalfOf(PROFESSIONAL_SANNE, caseloads::mine);
    }
}
