package org.samenkracht.community;

import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.COORDINATOR_KARIM;

/**
 * The community part of a privacy scene: a screened volunteer whose account is the scene's VOLUNTEER,
 * a buddy request of the scene's person (coordinator Karim, network checked, home visit done) and a
 * proposed match between them; a support group whose coach is the scene's TEAM_COACH, with the scene's
 * person as a member; a neighbourhood place with one activity (Karim's). Returns {volunteer, request, match, group,
 * place, activity}.
 */
@Component
public class CommunityScene {

    private final Accounts accounts;
    private final Volunteers volunteers;
    private final BuddyMatching matching;
    private final SupportGroups groups;
    private final Neighbourhood neighbourhood;

    CommunityScene(Accounts accounts, Volunteers volunteers, BuddyMatching matching, SupportGroups groups, Neighbourhood neighbourhood) {
        this.neighbourhood = neighbourhood;
        this.groups = groups;
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.matching = matching;
    }

    public UUID[] create(PrivacyScene.Scene scene) {
        UUID[] ids = new UUID[6];
        accounts.runAs(COORDINATOR_KARIM, () -> {
            ids[0] = volunteers.register(UUID.randomUUID(), scene.as(PrivacyScene.Subject.VOLUNTEER).id(),
                    new CommunityCommands.SaveVolunteer("Scène vrijwilliger", null, Set.of(), Set.of("nederlands"), Set.of(),
                            Set.of(), Set.of(), Set.of(Volunteer.KindOfWork.BUDDY), null, null, BigDecimal.valueOf(4), 3, null, null));
            List.of(Screening.Step.values()).forEach(s -> volunteers.recordScreening(ids[0],
                    new CommunityCommands.RecordScreening(s, LocalDate.now().minusDays(1))));
        });
        accounts.runAs(scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL).id(), () -> ids[1] = matching.request(scene.person(),
                new CommunityCommands.RequestBuddy(null, null, "Iemand om mee te wandelen", COORDINATOR_KARIM)));
        accounts.runAs(COORDINATOR_KARIM, () -> {
            matching.recordNetworkCheck(ids[1], new CommunityCommands.RecordNetworkCheck("Vriend en buur gevraagd; past niet.", false, 0));
            matching.recordHomeVisit(ids[1], new CommunityCommands.RecordHomeVisit(LocalDate.now(), Volunteer.KindOfWork.BUDDY,
                    Set.of("nederlands"), Set.of(), Set.of(), Set.of(), BigDecimal.ONE, null, 1));
            ids[2] = matching.propose(ids[1], new CommunityCommands.ProposeMatch(ids[0], "Wandelen", null, null));
        });
        accounts.runAs(COORDINATOR_KARIM, () -> ids[3] = groups.create(new SupportGroupCommands.CreateGroup("Scène groep",
                scene.as(PrivacyScene.Subject.TEAM_COACH).id(), "Om de week", null)));
        accounts.runAs(scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL).id(), () -> groups.addMember(ids[3],
                new SupportGroupCommands.AddMember(scene.person(), "Rust", null)));
        accounts.runAs(COORDINATOR_KARIM, () -> {
            ids[4] = neighbourhood.create(new NeighbourhoodCommands.SavePlace("Scène buurthuis " + UUID.randomUUID(), "Oost", null, null,
                    Set.of(), null, null));
            ids[5] = neighbourhood.addActivity(ids[4], new NeighbourhoodCommands.AddActivity("Scène koffie", java.time.DayOfWeek.MONDAY,
                    java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 0), null, null, null, null));
        });
        return ids;
    }
}
