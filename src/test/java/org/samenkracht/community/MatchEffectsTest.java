package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.exploration.Explorations;
import org.samenkracht.exploration.ResponseView;
import org.samenkracht.exploration.SaveResponse;
import org.samenkracht.identity.Accounts;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.person.RegisterPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;

/**
 * A match's effect in the person's own instruments (issue 20, item 2): "How am I doing?" before the start
 * and since, as the mean of its domain scores; only for readers of the person's file.
 */
@SamenkrachtTest
class MatchEffectsTest {

    @Autowired Accounts accounts;
    @Autowired Persons persons;
    @Autowired BuddyMatching matching;
    @Autowired Volunteers volunteers;
    @Autowired MatchEffects effects;
    @Autowired Explorations explorations;
    @Autowired JdbcClient jdbc;
    @Autowired CareTeam careTeam;

    <T> T as(UUID account, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(account, () -> result.set(work.get()));
        return result.get();
    }

    static Map<String, String> qol(int score, int oneOther) {
        Map<String, String> a = new HashMap<>();
        for (String d : List.of("emotional", "physical", "material", "relations", "inclusion", "development", "self_determination", "rights")) {
            a.put("qol." + d + ".score", String.valueOf(d.equals("rights") ? oneOther : score));
        }
        return a;
    }

    @Test
    void the_persons_quality_of_life_before_the_start_and_since_shows_the_effect() {
        UUID person = as(PROFESSIONAL_SANNE, () -> persons.register(new RegisterPerson("Effect", "Test", null, "", "", "", "", "", "")));
        // the team is made known to the person, so the coordinator who joins it may work in the file
        accounts.runAs(PROFESSIONAL_SANNE, () -> careTeam.recordDisclosure(person, LocalDate.now(), CareTeam.DisclosedHow.CONVERSATION));
        UUID rid = as(PROFESSIONAL_SANNE, () -> matching.request(person, new CommunityCommands.RequestBuddy(null, null, "Samen wandelen",
                COORDINATOR_KARIM)));
        UUID volunteer = as(COORDINATOR_KARIM, () -> volunteers.register(new CommunityCommands.SaveVolunteer("Effect Vrijwilliger",
                null, Set.of(), Set.of("nederlands"), Set.of(), Set.of(), Set.of(), Set.of(Volunteer.KindOfWork.BUDDY), null, null,
                BigDecimal.valueOf(3), 2, null, null)));
        accounts.runAs(COORDINATOR_KARIM, () -> {
            List.of(Screening.Step.values()).forEach(s -> volunteers.recordScreening(volunteer,
                    new CommunityCommands.RecordScreening(s, LocalDate.now().minusDays(1))));
            matching.recordNetworkCheck(rid, new CommunityCommands.RecordNetworkCheck("Niemand in het netwerk kan het nu.", false, 0));
            matching.recordHomeVisit(rid, new CommunityCommands.RecordHomeVisit(LocalDate.now(), Volunteer.KindOfWork.BUDDY,
                    Set.of("nederlands"), Set.of(), Set.of(), Set.of(), BigDecimal.ONE, null, 1));
        });
        UUID match = as(COORDINATOR_KARIM, () -> matching.propose(rid, new CommunityCommands.ProposeMatch(volunteer, "Wandelen", null, null)));
        // nothing started yet: nothing to show
        assertThat(as(PROFESSIONAL_SANNE, () -> effects.of(rid))).isEmpty();

        // the match started a month ago (both said yes then); the person filled in "How am I doing?" two months ago and today
        jdbc.sql("update buddy_match set status = 'ACTIVE', started_on = current_date - 30, person_accepted = true, volunteer_accepted = true where id = ?")
                .param(match).update();
        UUID first = as(PROFESSIONAL_SANNE, () -> explorations.start(person, new SaveResponse("qol-self", "1", qol(3, 3), true, null)));
        jdbc.sql("update instrument_response set completed_at = now() - interval '60 days', created_at = now() - interval '60 days' where id = ?")
                .param(first).update();
        as(PROFESSIONAL_SANNE, () -> explorations.start(person, new SaveResponse("qol-self", "1", qol(4, 2), true, null)));
        assertThat(as(PROFESSIONAL_SANNE, () -> explorations.responses(person))).filteredOn(r -> r.status() == ResponseView.Status.COMPLETED).hasSize(2);

        List<MatchEffects.Effect> seen = as(PROFESSIONAL_SANNE, () -> effects.of(rid));
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.matchId()).isEqualTo(match);
            assertThat(e.instrument()).isEqualTo("qol-self");
            assertThat(e.beforeScore()).isEqualTo(3.0);
            assertThat(e.before()).isEqualTo(LocalDate.now().minusDays(60));
            assertThat(e.afterScore()).isEqualTo(3.8);  // (7 x 4 + 2) / 8 = 3.75
            assertThat(e.after()).isEqualTo(LocalDate.now());
            assertThat(e.change()).isEqualTo(0.8);
        });
        // outside the person's team: refused, as the request itself
        assertThatThrownBy(() -> as(PROFESSIONAL_PIETER, () -> effects.of(rid))).isInstanceOf(AccessRefused.class);
    }

    @Test
    void the_mean_counts_only_whole_domain_scores() {
        ResponseView r = new ResponseView(UUID.randomUUID(), UUID.randomUUID(), "self-reliance", "1", ResponseView.Status.COMPLETED,
                Map.of("reliance.living.score", "2", "reliance.work.score", "5", "reliance.comment", "7", "reliance.health.score", "veel",
                        "qol.emotional.score", "1"), null, null, true, Instant.now(), Instant.now(), Instant.now(), 1);
        assertThat(MatchEffects.mean(r, "reliance.")).isEqualTo(3.5);
        assertThat(MatchEffects.mean(r, "other.")).isNull();
    }
}
