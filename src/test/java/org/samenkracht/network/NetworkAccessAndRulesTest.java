package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.samenkracht.network.NetworkMemberRemoved.TaskHandling;
import org.samenkracht.network.internal.NetworkStore;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who sees the network, refusals of impossible values, duplicates, removal with tasks, the load signal. */
@SamenkrachtTest
class NetworkAccessAndRulesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Network network;
    @Autowired
    Accounts accounts;
    @Autowired
    Persons persons;
    @Autowired
    NetworkStore store;
    @Autowired
    PersonAccess access;

    final LocalDate today = LocalDate.now(Network.ZONE);

    @Test
    void the_care_team_and_the_person_see_the_network_others_do_not() throws Exception {
        String page = "/persons/" + PERSON_JONAS + "/network";
        mvc.perform(get(page).with(httpBasic("sanne", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ria (buurvrouw)")))
                .andExpect(content().string(containsString("<svg")));
        mvc.perform(get(page).with(httpBasic("jonas", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Daan (voetbalteam)")));
        mvc.perform(get(page).with(httpBasic("pieter", PASSWORD))).andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("Ria"))));
        mvc.perform(get(page).with(httpBasic("kevin", PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/network/profiles").with(httpBasic("kevin", PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void a_network_member_sees_only_their_own_entry_and_reports_their_own_load() throws Exception {
        mvc.perform(get("/").with(httpBasic("kevin", PASSWORD)))
                .andExpect(status().is3xxRedirection()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/network/mine"));
        mvc.perform(get("/network/mine").with(httpBasic("kevin", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kevin (vriend)")))
                .andExpect(content().string(containsString("Jonas")))
                .andExpect(content().string(not(containsString("Ria"))))
                .andExpect(content().string(not(containsString("Lotte"))));
        mvc.perform(get("/api/v1/network/mine").with(httpBasic("kevin", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].self.name").value("Kevin (vriend)"))
                .andExpect(jsonPath("$[0].self.contactDetails").doesNotExist());

        UUID kevin = memberOfJonas("Kevin");
        UUID ria = memberOfJonas("Ria");
        String json = "{\"reportedOn\":\"" + today + "\",\"hoursPerWeek\":2,\"capacity\":3,\"burden\":2,\"tasks\":\"bellen\"}";
        mvc.perform(post("/api/v1/network/mine/" + kevin + "/load").with(httpBasic("kevin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/network/mine/" + ria + "/load").with(httpBasic("kevin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
        MemberProfile k = profileOfJonas(kevin);
        assertThat(k.latestLoad().source()).isEqualTo(LoadReport.Source.MEMBER_SELF);
        assertThat(k.latestLoad().tasks()).isEqualTo("bellen");
    }

    @Test
    void impossible_load_values_are_refused_with_the_field_named() throws Exception {
        UUID ria = memberOfJonas("Ria");
        String url = "/api/v1/persons/" + PERSON_JONAS + "/network/profiles/" + ria + "/load";
        mvc.perform(post(url).with(httpBasic("sanne", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportedOn\":\"" + today + "\",\"hoursPerWeek\":-3,\"capacity\":3,\"burden\":3}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.hoursPerWeek").value(containsString("0 en 168")));
        mvc.perform(post(url).with(httpBasic("sanne", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportedOn\":\"" + today.plusDays(3) + "\",\"hoursPerWeek\":3,\"capacity\":3,\"burden\":3}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.reportedOn").value(containsString("toekomst")));
        mvc.perform(post(url).with(httpBasic("sanne", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reportedOn\":\"not a date\",\"hoursPerWeek\":3,\"capacity\":3,\"burden\":3}"))
                .andExpect(status().isBadRequest());
        // the page form answers in the page, with the field marked
        mvc.perform(post("/persons/" + PERSON_JONAS + "/network/members/" + ria + "/load").with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("reportedOn", today.toString()).param("hoursPerWeek", "-1").param("capacity", "3").param("burden", "3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hoursPerWeek-error")));
    }

    @Test
    void contact_details_only_where_the_person_agrees() throws Exception {
        UUID person = newPerson();
        mvc.perform(post("/api/v1/persons/" + person + "/network/profiles").with(httpBasic("sanne", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Noor\",\"relation\":\"FRIEND\",\"layer\":\"NETWORK\",\"contactConsent\":false,\"contactDetails\":\"06-1\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.contactDetails").exists());
        mvc.perform(post("/api/v1/persons/" + person + "/network/profiles").with(httpBasic("sanne", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Noor\",\"relation\":\"FRIEND\",\"layer\":\"NETWORK\",\"contactConsent\":true,\"contactDetails\":\"06-1\",\"closeness\":9}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.closeness").exists());
        mvc.perform(post("/api/v1/persons/" + person + "/network/profiles").with(httpBasic("sanne", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Noor\",\"relation\":\"FRIEND\",\"layer\":\"NETWORK\",\"contactConsent\":true,\"contactDetails\":\"06-1\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contactDetails").value("06-1"))
                .andExpect(jsonPath("$.enteredBy").value("PROFESSIONAL"));
    }

    @Test
    void duplicates_are_detected_and_merged_into_one() {
        UUID person = newPerson();
        accounts.runAs(PROFESSIONAL_SANNE, () -> network.add(person, new SaveMember("Ria (buurvrouw)", Relation.NEIGHBOUR,
                Layer.NETWORK, Set.of(SupportKind.PRACTICAL), Set.of(), false, null, null, 3, false, false, null, null, null), false));
        accounts.runAs(accountOf(person), () -> {
            Addition again = network.add(person, new SaveMember("ria", Relation.NEIGHBOUR, Layer.NETWORK,
                    Set.of(SupportKind.COMPANY), Set.of(SupportKind.COMPANY), false, null, null, 5, false, false, null, null, null), false);
            assertThat(again).isInstanceOf(Addition.PossibleDuplicate.class);
            assertThat(((Addition.PossibleDuplicate) again).candidates()).extracting(MemberProfile::name).containsExactly("Ria (buurvrouw)");
            network.add(person, new SaveMember("ria", Relation.NEIGHBOUR, Layer.NETWORK,
                    Set.of(SupportKind.COMPANY), Set.of(SupportKind.COMPANY), false, null, null, 5, false, false, null, null, null), true);
        });
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            List<List<MemberProfile>> groups = network.duplicates(person);
            assertThat(groups).hasSize(1);
            MemberProfile kept = groups.get(0).stream().filter(m -> m.enteredBy() == MemberProfile.EnteredBy.PROFESSIONAL).findFirst().orElseThrow();
            MemberProfile merged = groups.get(0).stream().filter(m -> m.enteredBy() == MemberProfile.EnteredBy.PERSON).findFirst().orElseThrow();
            network.merge(person, kept.id(), merged.id());
            List<MemberProfile> now = network.profiles(person);
            assertThat(now).hasSize(1);
            assertThat(now.get(0).supportReceived()).containsExactlyInAnyOrder(SupportKind.PRACTICAL, SupportKind.COMPANY);
            assertThat(now.get(0).supportGiven()).containsExactly(SupportKind.COMPANY);
            assertThat(now.get(0).closeness()).isEqualTo(5);
            assertThat(network.duplicates(person)).isEmpty();
        });
    }

    @Test
    void removing_a_member_who_carries_tasks_asks_what_happens_to_them_first() {
        UUID person = newPerson();
        List<Object> published = new ArrayList<>();
        ApplicationEventPublisher events = new ApplicationEventPublisher() {
            @Override
            public void publishEvent(ApplicationEvent event) {
                published.add(event);
            }

            @Override
            public void publishEvent(Object event) {
                published.add(event);
            }
        };
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("planTasks", (MemberTasks) (p, m) -> p.equals(person) ? List.of("Boodschappen op zaterdag") : List.of());
        Network withPlan = new Network(store, access, persons, events, beans.getBeanProvider(MemberTasks.class));
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID sem = ((Addition.Added) withPlan.add(person, new SaveMember("Sem", Relation.FRIEND, Layer.NETWORK,
                    Set.of(SupportKind.PRACTICAL), Set.of(), false, null, null, 3, false, false, null, null, null), false)).id();
            Removal first = withPlan.remove(person, sem, null, null);
            assertThat(first).isInstanceOfSatisfying(Removal.TasksNeedDecision.class,
                    d -> assertThat(d.tasks()).containsExactly("Boodschappen op zaterdag"));
            assertThat(withPlan.profiles(person)).hasSize(1);
            assertThat(published).isEmpty();

            assertThat(withPlan.remove(person, sem, TaskHandling.REDIVIDE, null)).isInstanceOf(Removal.Removed.class);
            assertThat(withPlan.profiles(person)).isEmpty();
            assertThat(published).containsExactly(new NetworkMemberRemoved(person, sem, TaskHandling.REDIVIDE));
        });
    }

    @Test
    void the_load_signal_tells_the_plan_about_overload_and_the_wish_not_to_burden() {
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            LoadSignal ria = network.loadSignal(PERSON_JONAS, memberOfJonas("Ria"));
            assertThat(ria.overloaded()).isTrue();
            assertThat(ria.reasonKey()).startsWith("network.warning.");
            LoadSignal lotte = network.loadSignal(PERSON_JONAS, memberOfJonas("Lotte"));
            assertThat(lotte.doNotBurden()).isTrue();
            assertThat(lotte.reasonKey()).isEqualTo("network.load.doNotBurden");
            LoadSignal homeCare = network.loadSignal(PERSON_JONAS, memberOfJonas("Thuiszorg"));
            assertThat(homeCare.warns()).isFalse();
        });
    }

    @Test
    void a_stale_edit_is_a_conflict() throws Exception {
        UUID person = newPerson();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID id = ((Addition.Added) network.add(person, new SaveMember("Ilse", Relation.FRIEND, Layer.NETWORK,
                    Set.of(), Set.of(), false, null, null, 3, false, false, null, null, null), false)).id();
            SaveMember edit = new SaveMember("Ilse", Relation.FRIEND, Layer.NETWORK, Set.of(SupportKind.ADVICE), Set.of(),
                    false, null, null, 3, false, false, null, null, 0);
            network.change(person, id, edit);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> network.change(person, id, edit))
                    .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        });
        // on the page the panel says so and shows the member as it is now
        mvc.perform(post("/persons/" + person + "/network/members/" + memberNamed(person, "Ilse")).with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("name", "Ilse B.").param("relation", "FRIEND").param("layer", "NETWORK").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role=\"alert\"")))
                .andExpect(content().string(containsString("value=\"Ilse\"")));
        accounts.runAs(PROFESSIONAL_SANNE, () -> assertThat(network.profiles(person).get(0).name()).isEqualTo("Ilse"));
    }

    private UUID memberNamed(UUID person, String name) {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> id.set(network.profiles(person).stream().filter(m -> m.name().equals(name))
                .findFirst().orElseThrow().id()));
        return id.get();
    }

    @Test
    void the_person_draws_their_own_network_from_their_account_and_it_is_marked_as_theirs() throws Exception {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        UUID person = newPerson(username);
        String page = "/persons/" + person + "/network";
        mvc.perform(get(page + "?add=").with(httpBasic(username, "wachtwoord-lang-genoeg"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"name\"")));
        mvc.perform(post(page).with(httpBasic(username, "wachtwoord-lang-genoeg")).with(csrf())
                        .param("name", "Oma Jet").param("relation", "FAMILY").param("layer", "NETWORK")
                        .param("supportReceived", "EMOTIONAL").param("supportGiven", "COMPANY"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(httpBasic("sanne", PASSWORD))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Oma Jet")))
                .andExpect(content().string(containsString("ingevuld door de persoon zelf")));
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            MemberProfile jet = network.profiles(person).get(0);
            assertThat(jet.enteredBy()).isEqualTo(MemberProfile.EnteredBy.PERSON);
            assertThat(jet.supportGiven()).containsExactly(SupportKind.COMPANY);
        });
        // a duplicate from the page is offered for merging, not added
        mvc.perform(post(page).with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("name", "oma jet").param("relation", "FAMILY").param("layer", "NETWORK"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er staat al iemand met deze naam")))
                .andExpect(content().string(containsString("name=\"mergeInto\"")));
        // contact details without the person's agreement are refused next to the field
        mvc.perform(post(page).with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("name", "Buurman Piet").param("relation", "NEIGHBOUR").param("layer", "NETWORK")
                        .param("contactDetails", "06-2"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vink dat eerst aan")));
        accounts.runAs(PROFESSIONAL_SANNE, () -> assertThat(network.profiles(person)).hasSize(1));
    }

    @Test
    void every_network_page_has_all_its_texts_in_dutch_and_english() throws Exception {
        String jonas = "/persons/" + PERSON_JONAS + "/network";
        String ria = memberOfJonas("Ria").toString();
        for (String lang : List.of("nl", "en")) {
            for (String page : List.of(jonas, jonas + "?member=" + ria, jonas + "/history?on=" + today.minusDays(100), "/persons/" + PERSON_JONAS)) {
                mvc.perform(get(page).param("lang", lang).with(httpBasic("sanne", PASSWORD))).andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("??"))));
            }
            mvc.perform(get("/network/mine").param("lang", lang).with(httpBasic("kevin", PASSWORD))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("??"))))
                    .andExpect(content().string(not(containsString("href=\"/persons\""))));
        }
        mvc.perform(get(jonas).param("lang", "en").with(httpBasic("sanne", PASSWORD)))
                .andExpect(content().string(containsString("carries it almost alone")));
    }

    @Test
    void the_api_is_described() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/persons/{personId}/network/history")))
                .andExpect(content().string(containsString("/api/v1/network/mine")));
    }

    private UUID memberOfJonas(String prefix) {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> id.set(network.members(PERSON_JONAS).stream()
                .filter(m -> m.name().startsWith(prefix)).findFirst().orElseThrow().id()));
        return id.get();
    }

    private MemberProfile profileOfJonas(UUID memberId) {
        AtomicReference<MemberProfile> p = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> p.set(network.profile(PERSON_JONAS, memberId).orElseThrow()));
        return p.get();
    }

    private UUID newPerson() {
        return newPerson("t" + UUID.randomUUID().toString().substring(0, 8));
    }

    private UUID newPerson(String username) {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> id.set(persons.register(new RegisterPerson("Test", "Persoon",
                null, "", "", "", "", username, "wachtwoord-lang-genoeg"))));
        return id.get();
    }

    private UUID accountOf(UUID person) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("select id from app_user where person_id = ?").param(person).query(UUID.class).single();
    }

    @Autowired
    javax.sql.DataSource dataSource;
}
