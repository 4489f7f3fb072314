package org.samenkracht.community.internal;

import org.samenkracht.community.SupportGroupCommands;
import org.samenkracht.community.SupportGroups;
import org.samenkracht.identity.Accounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * The demo's support group: Karim started "Samen verder" with coach Marieke, fortnightly on Tuesday
 * morning; Sanne added Henk and Jonas and Marieke added Els, each with a small plan of their own; at
 * the first meeting two weeks ago Els and Jonas were there (their progress and next step are written
 * down), Henk was not (so nothing about him is). The coach gets each member's community part only (a grant,
 * docs/decisions/0007), not their file.
 */
@Component
@Order(76)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class SupportGroupDemoData implements ApplicationRunner {

    private final Accounts accounts;
    private final SupportGroups groups;
    private final JdbcClient jdbc;

    SupportGroupDemoData(Accounts accounts, SupportGroups groups, JdbcClient jdbc) {
        this.accounts = accounts;
        this.groups = groups;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from support_group where organisation_id = ? and name = 'Samen verder'")
                .param(ORGANISATION).query(Integer.class).single() > 0 || !accounts.exists(COORDINATOR_KARIM)) {
            return;
        }
        UUID[] group = new UUID[1];
        accounts.onBehalfOf(COORDINATOR_KARIM, () -> group[0] = groups.create(new SupportGroupCommands.CreateGroup("Samen verder",
                COACH_MARIEKE, "Om de week, dinsdagochtend 10:00 in buurthuis De Linde",
                "We praten alleen over wie er is. Wat in de groep gezegd wordt, blijft in de groep. "
                        + "Wie een week niet kan, belt of appt een ander lid.")));
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            groups.addMember(group[0], new SupportGroupCommands.AddMember(PERSON_HENK, "Weer vaker de deur uit.", null));
            groups.addMember(group[0], new SupportGroupCommands.AddMember(PERSON_JONAS, "Een vaste dagindeling.", null));
        });
        accounts.onBehalfOf(COACH_MARIEKE, () -> {
            groups.addMember(group[0], new SupportGroupCommands.AddMember(PERSON_ELS, "Rust krijgen in de post en de rekeningen.", null));
            groups.addTopic(group[0], new SupportGroupCommands.AddTopic("Omgaan met geldzorgen", PERSON_ELS));
            groups.addTopic(group[0], new SupportGroupCommands.AddTopic("Goed slapen", null));
            groups.recordMeeting(group[0], new SupportGroupCommands.RecordMeeting(LocalDate.now().minusWeeks(2), "Kennismaken", List.of(
                    new SupportGroupCommands.MemberProgress(PERSON_ELS, true, "Heeft de post van deze maand in een map gedaan.",
                            "Elke maandag de post openen, samen met haar dochter aan de telefoon."),
                    new SupportGroupCommands.MemberProgress(PERSON_HENK, false, null, null),
                    new SupportGroupCommands.MemberProgress(PERSON_JONAS, true, "Staat elke dag om acht uur op.",
                            "Twee keer per week naar de volleybal."))));
        });
    }
}
