package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.socialmap.Offer;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.SocialMap;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Neighbourhood places and activities on the real database (issue 20, items 4 and 5): who keeps places,
 * sign-up with a plan step and a place in the ecogram, a full activity, attendance, what people offer
 * (shown only with consent, never with a name), publishing to the social map; and the support-group coach
 * who gets what the group needs, not the member's whole file.
 */
@SamenkrachtTest
class NeighbourhoodTest {

    @Autowired Accounts accounts;
    @Autowired Neighbourhood neighbourhood;
    @Autowired SupportGroups groups;
    @Autowired Plans plans;
    @Autowired Network network;
    @Autowired SocialMap socialMap;
    @Autowired PersonAccess access;
    @Autowired CareTeam careTeam;
    @Autowired Persons persons;
    @Autowired MockMvc mvc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    <T> T as(UUID account, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(account, () -> result.set(work.get()));
        return result.get();
    }

    void as(UUID account, Runnable work) {
        accounts.runAs(account, work);
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    static NeighbourhoodCommands.SavePlace place(String name) {
        return new NeighbourhoodCommands.SavePlace(name, "Oost", "Lindeplein 4", "Truus", Set.of(OfferTerms.Accessibility.WHEELCHAIR),
                "Koffie schenken", null);
    }

    static NeighbourhoodCommands.AddActivity activity(String name, Integer capacity) {
        return new NeighbourhoodCommands.AddActivity(name, DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(12, 0), "Truus",
                capacity, LifeDomain.SOCIAL_INCLUSION, "Koffie en een praatje");
    }

    @Test
    void coordinators_keep_places_with_a_version_and_refuse_a_name_twice_or_an_end_before_the_start() {
        String name = unique("Buurtkamer");
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> neighbourhood.create(place(name)))).isInstanceOf(AccessRefused.class);
        UUID p = as(COORDINATOR_KARIM, () -> neighbourhood.create(place(name)));
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> neighbourhood.create(place(name.toUpperCase()))))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("name"));
        // staff who support people look places up; a person does not
        assertThat(as(PROFESSIONAL_SANNE, () -> neighbourhood.list())).extracting(Place.Summary::id).contains(p);
        assertThatThrownBy(() -> as(ACCOUNT_JONAS, () -> neighbourhood.list())).isInstanceOf(AccessRefused.class);

        // two editors read version 0; the second to save is told someone else changed it
        as(COORDINATOR_KARIM, () -> neighbourhood.change(p, new NeighbourhoodCommands.SavePlace(name, "Oost", null, "Ben", Set.of(), null, 0)));
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> neighbourhood.change(p,
                new NeighbourhoodCommands.SavePlace(name, "West", null, null, Set.of(), null, 0))))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Place seen = as(COORDINATOR_KARIM, () -> neighbourhood.get(p));
        assertThat(seen.hostName()).isEqualTo("Ben");
        assertThat(seen.neighbourhood()).isEqualTo("Oost");
        assertThat(seen.version()).isEqualTo(1);

        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> neighbourhood.addActivity(p, new NeighbourhoodCommands.AddActivity("Laat",
                DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(13, 0), null, null, null, null))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.activity.endsBeforeStart");
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> neighbourhood.addActivity(p, activity("Koffie", null))))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void a_sign_up_with_a_goal_becomes_a_step_at_the_community_layer_and_a_place_in_the_ecogram() {
        String placeName = unique("Buurthuis");
        UUID p = as(COORDINATOR_KARIM, () -> neighbourhood.create(place(placeName)));
        UUID a = as(COORDINATOR_KARIM, () -> neighbourhood.addActivity(p, activity("Koffieochtend", 1)));
        PlanView plan = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow());
        UUID goal = plan.goals().get(0).id();

        // someone outside Jonas's team may not sign him up
        assertThatThrownBy(() -> as(PROFESSIONAL_PIETER, () -> neighbourhood.signUp(PERSON_JONAS, new NeighbourhoodCommands.SignUp(a, null))))
                .isInstanceOf(AccessRefused.class);
        as(PROFESSIONAL_SANNE, () -> neighbourhood.signUp(PERSON_JONAS, new NeighbourhoodCommands.SignUp(a, goal)));

        PlanView.Step step = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow()).goals().stream()
                .flatMap(g -> g.steps().stream()).filter(s -> s.description().contains(placeName)).findFirst().orElseThrow();
        assertThat(step.layer()).isEqualTo(CommunityLayer.LAYER);
        assertThat(step.description()).contains("Koffieochtend").contains("10:00");
        NetworkMember inEcogram = as(PROFESSIONAL_SANNE, () -> network.members(PERSON_JONAS)).stream()
                .filter(m -> m.name().contains(placeName)).findFirst().orElseThrow();
        assertThat(inEcogram.layer()).isEqualTo(Layer.GENERAL_COLLECTIVE);
        assertThat(inEcogram.relation()).isEqualTo(NetworkMember.Relation.SERVICE);
        // (taken out again, so the demo's Jonas keeps the network other tests count)
        as(PROFESSIONAL_SANNE, () -> network.remove(PERSON_JONAS, inEcogram.id(), null, null));

        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> neighbourhood.signUp(PERSON_JONAS, new NeighbourhoodCommands.SignUp(a, null))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.activity.alreadySignedUp");
        // one place, taken: Henk is told it is full
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> neighbourhood.signUp(PERSON_HENK, new NeighbourhoodCommands.SignUp(a, null))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.activity.full");

        // attendance: not in the future, once a day; a walk-in (not signed up) counts too
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> neighbourhood.attend(PERSON_JONAS,
                new NeighbourhoodCommands.RecordAttendance(a, LocalDate.now().plusDays(1)))))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("attendedOn"));
        as(PROFESSIONAL_SANNE, () -> neighbourhood.attend(PERSON_JONAS, new NeighbourhoodCommands.RecordAttendance(a, LocalDate.now())));
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> neighbourhood.attend(PERSON_JONAS,
                new NeighbourhoodCommands.RecordAttendance(a, LocalDate.now()))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.activity.alreadyThere");
        as(PROFESSIONAL_SANNE, () -> neighbourhood.attend(PERSON_HENK, new NeighbourhoodCommands.RecordAttendance(a, LocalDate.now().minusDays(7))));

        PersonCommunity jonas = as(PROFESSIONAL_SANNE, () -> neighbourhood.ofPerson(PERSON_JONAS));
        assertThat(jonas.activities()).filteredOn(t -> t.activityId().equals(a)).singleElement()
                .satisfies(t -> {
                    assertThat(t.planStep()).isTrue();
                    assertThat(t.timesThere()).isEqualTo(1);
                    assertThat(t.signedUpOn()).isEqualTo(LocalDate.now());
                });
        assertThat(as(PROFESSIONAL_SANNE, () -> neighbourhood.ofPerson(PERSON_HENK)).activities())
                .filteredOn(t -> t.activityId().equals(a)).singleElement().satisfies(t -> assertThat(t.signedUpOn()).isNull());

        // who takes part shows only for people the reader may read: Sanne sees both, Karim those whose community part he may read, a colleague in neither team no one,
        // and the activity says it is full without saying how many signed up
        Place.Activity forSanne = as(PROFESSIONAL_SANNE, () -> neighbourhood.get(p)).activities().get(0);
        assertThat(forSanne.participants()).extracting(Place.Participant::personId).containsExactlyInAnyOrder(PERSON_JONAS, PERSON_HENK);
        Place.Activity forKarim = as(COORDINATOR_KARIM, () -> neighbourhood.get(p)).activities().get(0);
        List<UUID> karimMayRead = List.of(PERSON_JONAS, PERSON_HENK).stream()
                .filter(x -> as(COORDINATOR_KARIM, () -> access.may(x, Part.COMMUNITY, AccessKind.READ))).toList();
        assertThat(forKarim.participants()).extracting(Place.Participant::personId).containsExactlyInAnyOrderElementsOf(karimMayRead);
        UUID outsider = jdbc.sql("""
                select u.id from account_directory u where u.organisation_id = ? and u.role in ('PROFESSIONAL', 'COACH') and u.enabled
                and not exists (select 1 from care_team_member m where m.person_id in (?, ?) and m.user_id = u.id)
                order by u.id limit 1""").params(ORGANISATION, PERSON_JONAS, PERSON_HENK).query(UUID.class).single();
        jdbc.sql("delete from part_grant where person_id in (?, ?) and user_id = ?").params(PERSON_JONAS, PERSON_HENK, outsider).update();
        Place.Activity forOutsider = as(outsider, () -> neighbourhood.get(p)).activities().get(0);
        assertThat(forOutsider.participants()).isEmpty();
        assertThat(forOutsider.full()).isTrue();
        assertThat(forKarim.full()).isTrue();
    }

    @Test
    void a_person_gives_as_well_as_receives_and_what_they_offer_shows_only_with_consent_and_without_their_name() {
        UUID p = as(COORDINATOR_KARIM, () -> neighbourhood.create(place(unique("Repaircafé"))));
        // Jonas himself: a person writes his own community part
        UUID shown = as(ACCOUNT_JONAS, () -> neighbourhood.offer(PERSON_JONAS,
                new NeighbourhoodCommands.OfferStrength("Fietsen repareren", p, true)));
        as(PROFESSIONAL_SANNE, () -> neighbourhood.offer(PERSON_JONAS, new NeighbourhoodCommands.OfferStrength("Koken voor tien", p, false)));
        assertThatThrownBy(() -> as(PROFESSIONAL_PIETER, () -> neighbourhood.offer(PERSON_JONAS,
                new NeighbourhoodCommands.OfferStrength("x", p, true)))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> neighbourhood.offer(PERSON_JONAS,
                new NeighbourhoodCommands.OfferStrength("x", UUID.randomUUID(), true))))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("placeId"));

        Place atPlace = as(COORDINATOR_KARIM, () -> neighbourhood.get(p));
        assertThat(atPlace.offers()).containsExactly("Fietsen repareren");
        assertThat(atPlace.toString()).doesNotContain("Jonas").doesNotContain("Koken voor tien");

        as(ACCOUNT_JONAS, () -> neighbourhood.withdraw(PERSON_JONAS, shown));
        assertThat(as(COORDINATOR_KARIM, () -> neighbourhood.get(p)).offers()).isEmpty();
        assertThat(as(ACCOUNT_JONAS, () -> neighbourhood.ofPerson(PERSON_JONAS)).offers())
                .filteredOn(o -> o.id().equals(shown)).singleElement().satisfies(o -> assertThat(o.shown()).isFalse());
    }

    @Test
    void an_administrator_publishes_an_activity_to_the_social_map_at_the_community_layer() {
        String placeName = unique("Bibliotheek");
        UUID p = as(COORDINATOR_KARIM, () -> neighbourhood.create(place(placeName)));
        UUID a = as(COORDINATOR_KARIM, () -> neighbourhood.addActivity(p, activity("Taalcafé", 12)));
        UUID noEnd = as(COORDINATOR_KARIM, () -> neighbourhood.addActivity(p, new NeighbourhoodCommands.AddActivity("Open inloop",
                DayOfWeek.FRIDAY, LocalTime.of(9, 0), null, null, null, null, null)));
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> neighbourhood.publish(a))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> as(ADMIN_AHMED, () -> neighbourhood.publish(noEnd)))
                .isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("endsAt"));

        UUID offerId = as(ADMIN_AHMED, () -> neighbourhood.publish(a));
        Offer offer = as(PROFESSIONAL_SANNE, () -> socialMap.offer(offerId));
        assertThat(offer.name()).isEqualTo("Taalcafé");
        assertThat(offer.providerName()).isEqualTo(placeName);
        assertThat(offer.layer()).isEqualTo(Layer.GENERAL_COLLECTIVE);
        assertThat(offer.openingHours()).isEqualTo("TU 10:00-12:00");
        assertThat(offer.workingArea()).containsExactly("Oost");
        assertThat(offer.accessibility()).containsExactly(OfferTerms.Accessibility.WHEELCHAIR);
        assertThat(as(COORDINATOR_KARIM, () -> neighbourhood.get(p)).activities()).filteredOn(x -> x.id().equals(a))
                .singleElement().satisfies(x -> assertThat(x.offerId()).isEqualTo(offerId));
        // published again: the same offer, brought up to date
        assertThat(as(ADMIN_AHMED, () -> neighbourhood.publish(a))).isEqualTo(offerId);
    }

    /**
     * docs/decisions/0007: the coach of a support group gets the member's community part (what the group
     * needs), not the member's file; they do not join the care team.
     */
    @Test
    void a_group_coach_gets_what_the_group_needs_and_not_the_members_file() {
        // a colleague of the organisation in no team of Henk's ("Lotte" here), without an earlier run's grant
        final UUID PROFESSIONAL_LOTTE = jdbc.sql("""
                select u.id from account_directory u where u.organisation_id = ? and u.role in ('PROFESSIONAL', 'COACH') and u.enabled
                and not exists (select 1 from care_team_member m where m.person_id = ? and m.user_id = u.id)
                order by u.id limit 1""").params(ORGANISATION, PERSON_HENK).query(UUID.class).single();
        jdbc.sql("delete from part_grant where person_id = ? and user_id = ?").params(PERSON_HENK, PROFESSIONAL_LOTTE).update();  // an earlier run's
        assertThat(as(PROFESSIONAL_LOTTE, () -> access.may(PERSON_HENK, Part.COMMUNITY, AccessKind.READ))).isFalse();
        UUID g = as(COORDINATOR_KARIM, () -> groups.create(new SupportGroupCommands.CreateGroup(unique("Lottes groep"),
                PROFESSIONAL_LOTTE, "Om de week", null)));
        as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_HENK, "Vaker de deur uit", null)));

        assertThat(as(PROFESSIONAL_LOTTE, () -> groups.get(g)).members()).extracting(SupportGroup.Member::personId).containsExactly(PERSON_HENK);
        as(PROFESSIONAL_LOTTE, () -> groups.recordMeeting(g, new SupportGroupCommands.RecordMeeting(LocalDate.now().minusDays(1), null,
                List.of(new SupportGroupCommands.MemberProgress(PERSON_HENK, true, "Was op tijd", "Koffieochtend proberen")))));
        for (Part part : List.of(Part.PERSON, Part.PLAN, Part.NETWORK, Part.CONVERSATIONS, Part.CONCERNS, Part.CARE_TEAM)) {
            assertThat(as(PROFESSIONAL_LOTTE, () -> access.may(PERSON_HENK, part, AccessKind.READ))).as(part.name()).isFalse();
        }
        assertThatThrownBy(() -> as(PROFESSIONAL_LOTTE, () -> persons.get(PERSON_HENK))).isInstanceOf(AccessRefused.class);
        assertThat(careTeam.personsOf(PROFESSIONAL_LOTTE)).doesNotContain(PERSON_HENK);
        assertThat(as(PROFESSIONAL_SANNE, () -> careTeam.members(PERSON_HENK))).extracting(CareTeam.Member::userId)
                .doesNotContain(PROFESSIONAL_LOTTE);
        // the person and the team see who sees a part, and which
        assertThat(careTeam.grants(PERSON_HENK)).filteredOn(x -> x.userId().equals(PROFESSIONAL_LOTTE)).singleElement()
                .satisfies(x -> {
                    assertThat(x.parts()).containsExactly(Part.COMMUNITY.key());
                    assertThat(x.ground()).isEqualTo("GROUP:" + g);
                });
    }

    /** The JSON API refuses bad input with problem+json naming the field, in Dutch and in English. */
    @Test
    void the_api_names_the_field_of_bad_input_in_dutch_and_english() throws Exception {
        var karim = org.samenkracht.privacy.PrivacyScene.authentication(new org.samenkracht.identity.CurrentUser(COORDINATOR_KARIM,
                ORGANISATION, "karim", "Karim", org.samenkracht.identity.Role.COORDINATOR, null));
        var nl = mvc.perform(post("/api/v1/community/places").with(authentication(karim)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "nl").content("{\"name\":\"\",\"neighbourhood\":\"Oost\"}"))
                .andReturn().getResponse();
        assertThat(nl.getStatus()).isIn(400, 422);
        assertThat(nl.getContentType()).contains("problem+json");
        assertThat(nl.getContentAsString()).contains("name").contains("Vul");
        var en = mvc.perform(post("/api/v1/community/places").with(authentication(karim)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en").content("{\"name\":\"" + unique("X") + "\",\"neighbourhood\":\"Oost\"}"))
                .andReturn().getResponse();
        assertThat(en.getStatus()).isEqualTo(201);
        String id = en.getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        var late = mvc.perform(post("/api/v1/community/places/" + id + "/activities").with(authentication(karim)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"name\":\"Koffie\",\"weekday\":\"MONDAY\",\"startsAt\":\"14:00\",\"endsAt\":\"13:00\"}"))
                .andReturn().getResponse();
        assertThat(late.getStatus()).isEqualTo(422);
        assertThat(late.getContentAsString()).contains("endsAt").contains("The end time must be after the start time");
    }
}
