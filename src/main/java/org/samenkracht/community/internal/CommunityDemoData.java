package org.samenkracht.community.internal;

import org.samenkracht.community.BuddyMatching;
import org.samenkracht.community.CommunityCommands;
import org.samenkracht.community.MyMatch;
import org.samenkracht.community.Screening;
import org.samenkracht.community.Volunteer;
import org.samenkracht.community.Volunteers;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.CareTeam;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;
import static org.samenkracht.community.Volunteer.KindOfWork.*;

/**
 * The demo's volunteering: Karim coordinates, Noor is a volunteer with an account and a running match
 * with Fatima; Henk's request waits for a volunteer after the network check and the home visit; among
 * the volunteers one is not fully screened and one says it is too heavy, so neither is ever suggested.
 */
@Component
@Order(75)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class CommunityDemoData implements ApplicationRunner {

    static final UUID NOOR = UUID.fromString("00000000-0000-4000-8000-000000007501");

    private final Accounts accounts;
    private final Volunteers volunteers;
    private final BuddyMatching matching;
    private final CareTeam careTeam;
    private final CommunityStore store;

    CommunityDemoData(Accounts accounts, Volunteers volunteers, BuddyMatching matching, CareTeam careTeam, CommunityStore store) {
        this.accounts = accounts;
        this.volunteers = volunteers;
        this.matching = matching;
        this.careTeam = careTeam;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.exists(COORDINATOR_KARIM)) {
            accounts.create(new Accounts.NewAccount(COORDINATOR_KARIM, ORGANISATION, "karim", PASSWORD, "Karim Haddou",
                    Role.COORDINATOR, null));
        }
        if (!accounts.exists(VOLUNTEER_NOOR)) {
            accounts.create(new Accounts.NewAccount(VOLUNTEER_NOOR, ORGANISATION, "noor", PASSWORD, "Noor Visser",
                    Role.VOLUNTEER, null));
        }
        if (store.volunteerOfAccount(VOLUNTEER_NOOR).isPresent()) {
            backing();
            return;
        }
        LocalDate today = LocalDate.now();
        accounts.onBehalfOf(COORDINATOR_KARIM, () -> {
            volunteers.register(NOOR, VOLUNTEER_NOOR, volunteer("Noor Visser", Set.of("nederlands", "arabisch"),
                    Set.of("Lindenhoven-Zuid"), Set.of("TUESDAY_MORNING", "THURSDAY_AFTERNOON"), Set.of("school", "koken"),
                    Set.of(ADMINISTRATION_HELP, BUDDY), 3, 2, Volunteer.CameInVia.FRIEND, "Ik wil iets terugdoen voor de buurt."));
            screen(NOOR, today.minusMonths(3));
            UUID bram = volunteers.register(volunteer("Bram de Vries", Set.of("nederlands"), Set.of("Lindenhoven-Noord"),
                    Set.of("MONDAY_AFTERNOON", "WEDNESDAY_AFTERNOON", "SATURDAY_MORNING"), Set.of("wandelen", "voetbal", "koffie"),
                    Set.of(WALKING, BUDDY), 4, 2, Volunteer.CameInVia.CAMPAIGN, "Sinds mijn pensioen heb ik tijd."));
            screen(bram, today.minusMonths(8));
            UUID samira = volunteers.register(volunteer("Samira Yilmaz", Set.of("nederlands", "turks", "arabisch"),
                    Set.of("Lindenhoven-Zuid", "Lindenhoven-Noord"), Set.of("MONDAY_EVENING", "FRIDAY_MORNING"),
                    Set.of("koken", "naaien"), Set.of(LANGUAGE_BUDDY, BUDDY), 2, 1, Volunteer.CameInVia.FORMER_PARTICIPANT,
                    "Ik kreeg zelf hulp van een maatje."));
            screen(samira, today.minusMonths(5));
            UUID anouk = volunteers.register(volunteer("Anouk Peeters", Set.of("nederlands", "engels"), Set.of("Lindenhoven-Noord"),
                    Set.of("MONDAY_AFTERNOON", "WEDNESDAY_AFTERNOON"), Set.of("wandelen"), Set.of(WALKING, BUDDY), 3, 2,
                    Volunteer.CameInVia.OWN_INITIATIVE, "Ik wil mensen leren kennen."));
            volunteers.recordScreening(anouk, new CommunityCommands.RecordScreening(Screening.Step.INTAKE, today.minusWeeks(2)));
            UUID joost = volunteers.register(volunteer("Joost Janssens", Set.of("nederlands"), Set.of("Lindenhoven-Noord"),
                    Set.of("MONDAY_AFTERNOON", "WEDNESDAY_AFTERNOON"), Set.of("wandelen", "koffie"), Set.of(WALKING, BUDDY), 4, 3,
                    Volunteer.CameInVia.EMPLOYER, "Via mijn werk."));
            screen(joost, today.minusYears(1));
            store.reportLoad(joost, 5);
            volunteers.logHours(NOOR, new CommunityCommands.LogHours(today.minusDays(7), BigDecimal.valueOf(2), "Intake en training"));
            volunteers.recognise(bram, new CommunityCommands.Recognise(today.minusMonths(1), "Bedankkaart na een half jaar"));
        });
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            for (UUID person : new UUID[]{PERSON_FATIMA, PERSON_HENK}) {
                if (careTeam.disclosure(person).isEmpty()) {
                    careTeam.recordDisclosure(person, today.minusDays(10), CareTeam.DisclosedHow.CONVERSATION);
                }
            }
        });
        UUID[] requests = new UUID[2];
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            requests[0] = matching.request(PERSON_FATIMA, new CommunityCommands.RequestBuddy(null, null,
                    "Iemand die helpt met de brieven van school en de gemeente.", COORDINATOR_KARIM));
            requests[1] = matching.request(PERSON_HENK, new CommunityCommands.RequestBuddy(null, null,
                    "Iemand om mee te wandelen en een kop koffie te drinken.", COORDINATOR_KARIM));
        });
        accounts.onBehalfOf(COORDINATOR_KARIM, () -> {
            matching.recordNetworkCheck(requests[0], new CommunityCommands.RecordNetworkCheck(
                    "Haar zus woont ver weg en helpt al met de kinderen; de praatgroep is gezellig maar niet voor papieren.", false, 0));
            matching.recordHomeVisit(requests[0], new CommunityCommands.RecordHomeVisit(today.minusDays(5), ADMINISTRATION_HELP,
                    Set.of("arabisch", "nederlands"), Set.of("TUESDAY_MORNING"), Set.of("Lindenhoven-Zuid"), Set.of("school"),
                    BigDecimal.valueOf(2), "Wil graag een vrouw, liefst op dinsdagochtend als de kinderen op school zijn.", 1));
            UUID match = matching.propose(requests[0], new CommunityCommands.ProposeMatch(NOOR,
                    "Samen de brieven van school en gemeente doornemen.", "Dinsdagochtend, bij Fatima thuis.", null));
            matching.answerAsPerson(match, new CommunityCommands.Answer(true));
            store.answer(match, false, true);
            store.start(match, today, today.plusYears(1));
            matching.recordNetworkCheck(requests[1], new CommunityCommands.RecordNetworkCheck(null, false, 0));
            matching.recordHomeVisit(requests[1], new CommunityCommands.RecordHomeVisit(today.minusDays(2), WALKING,
                    Set.of("nederlands"), Set.of("MONDAY_AFTERNOON", "WEDNESDAY_AFTERNOON"), Set.of("Lindenhoven-Noord"),
                    Set.of("wandelen", "koffie"), BigDecimal.valueOf(2), "Henk loopt graag naar het park en praat over voetbal.", 1));
        });
        backing();
    }

    /**
     * Noor's backing (issue 20, item 1): two trainings Karim recorded, a word of thanks, and Noor's own feedback on
     * her match with Fatima that Karim has not answered yet (so "answer" is clickable). Added once, also to a
     * database that had the demo before.
     */
    private void backing() {
        if (!store.trainings(NOOR).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now();
        accounts.onBehalfOf(COORDINATOR_KARIM, () -> {
            volunteers.recordTraining(NOOR, new CommunityCommands.RecordTraining("Basistraining maatjes", today.minusMonths(3).plusDays(14),
                    "Karim Haddou"));
            volunteers.recordTraining(NOOR, new CommunityCommands.RecordTraining("Omgaan met geldzorgen en brieven", today.minusWeeks(3),
                    "Humanitas Lindenhoven, Petra Smit"));
            volunteers.recognise(NOOR, new CommunityCommands.Recognise(today.minusWeeks(1), "Bloemen na drie maanden maatje zijn"));
        });
        UUID match = store.myMatches(NOOR).stream().map(MyMatch::matchId).findFirst().orElse(null);
        accounts.onBehalfOf(VOLUNTEER_NOOR, () -> volunteers.giveFeedback(new CommunityCommands.GiveFeedback(match, 4,
                "Het gaat goed. De brieven van de gemeente zijn soms moeilijk; een keer samen met iemand van schuldhulp zou helpen.")));
    }

    private void screen(UUID id, LocalDate from) {
        volunteers.recordScreening(id, new CommunityCommands.RecordScreening(Screening.Step.CONDUCT_CERTIFICATE, from));
        volunteers.recordScreening(id, new CommunityCommands.RecordScreening(Screening.Step.INTAKE, from.plusDays(3)));
        volunteers.recordScreening(id, new CommunityCommands.RecordScreening(Screening.Step.TRAINING, from.plusDays(14)));
        volunteers.recordScreening(id, new CommunityCommands.RecordScreening(Screening.Step.AGREEMENT, from.plusDays(15)));
    }

    private static CommunityCommands.SaveVolunteer volunteer(String name, Set<String> languages, Set<String> areas,
                                                             Set<String> availability, Set<String> interests,
                                                             Set<Volunteer.KindOfWork> kinds, int hours, int maxMatches,
                                                             Volunteer.CameInVia via, String motive) {
        return new CommunityCommands.SaveVolunteer(name, null, Set.of(), languages, availability, areas, interests, kinds,
                motive, via, BigDecimal.valueOf(hours), maxMatches, COORDINATOR_KARIM, null);
    }
}
