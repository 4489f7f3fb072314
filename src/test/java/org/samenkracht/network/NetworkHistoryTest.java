package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.common.domain.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;

/** The network as it was on an earlier date, and what changed since, on the real database. */
@SamenkrachtTest
class NetworkHistoryTest {

    @Autowired
    Network network;
    @Autowired
    Accounts accounts;
    @Autowired
    Persons persons;
    @Autowired
    JdbcClient jdbc;

    final LocalDate today = LocalDate.now(Network.ZONE);

    @Test
    void jonas_network_before_kevin_became_too_busy_and_daan_joined() {
        AtomicReference<NetworkHistory> before = new AtomicReference<>();
        AtomicReference<NetworkHistory> between = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            // the demo's dates are relative to the day it was seeded: find them in the history itself
            List<NetworkHistory.Change> all = network.history(PERSON_JONAS, LocalDate.of(2000, 1, 1)).changesSince();
            LocalDate kevinBusy = all.stream().filter(c -> c.name().startsWith("Kevin") && c.kind() == NetworkHistory.Kind.CHANGED)
                    .findFirst().orElseThrow().day();
            LocalDate daanJoined = all.stream().filter(c -> c.name().startsWith("Daan") && c.kind() == NetworkHistory.Kind.ADDED)
                    .findFirst().orElseThrow().day();
            assertThat(kevinBusy).isBefore(daanJoined.minusDays(1));
            before.set(network.history(PERSON_JONAS, kevinBusy.minusDays(1)));
            between.set(network.history(PERSON_JONAS, daanJoined.minusDays(1)));
        });

        MemberProfile kevinThen = named(before.get().membersThen(), "Kevin");
        assertThat(kevinThen.supportReceived()).containsExactlyInAnyOrder(SupportKind.COMPANY, SupportKind.PRACTICAL, SupportKind.EMOTIONAL);
        assertThat(names(before.get().membersThen())).noneMatch(n -> n.startsWith("Daan"))
                .anyMatch(n -> n.startsWith("Ria")).anyMatch(n -> n.startsWith("Lotte"));

        assertThat(named(between.get().membersThen(), "Kevin").supportReceived()).containsExactly(SupportKind.EMOTIONAL);
        assertThat(names(between.get().membersThen())).noneMatch(n -> n.startsWith("Daan"));

        List<NetworkHistory.Change> since = before.get().changesSince();
        NetworkHistory.Change kevinChange = since.stream().filter(c -> c.name().startsWith("Kevin")).findFirst().orElseThrow();
        assertThat(kevinChange.kind()).isEqualTo(NetworkHistory.Kind.CHANGED);
        assertThat(kevinChange.fields()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("network.supportReceived");
            assertThat(f.before()).hasSize(3);
            assertThat(f.after()).containsExactly("supportKind.EMOTIONAL");
        });
        NetworkHistory.Change daan = since.stream().filter(c -> c.name().startsWith("Daan")).findFirst().orElseThrow();
        assertThat(daan.kind()).isEqualTo(NetworkHistory.Kind.ADDED);
        assertThat(daan.by()).as("Jonas drew Daan in himself").isEqualTo(MemberProfile.EnteredBy.PERSON);
        assertThat(since.indexOf(kevinChange)).isLessThan(since.indexOf(daan));
    }

    @Test
    void state_at_a_date_follows_additions_changes_and_removals() {
        UUID person = newPerson();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID anna = added(network.add(person, member("Anna", Set.of(SupportKind.PRACTICAL), today.minusDays(30)), false));
            UUID bram = added(network.add(person, member("Bram", Set.of(SupportKind.COMPANY), today.minusDays(20)), false));
            MemberProfile b = network.profile(person, bram).orElseThrow();
            network.change(person, bram, new SaveMember("Bram", Relation.FRIEND, Layer.NETWORK,
                    Set.of(SupportKind.COMPANY, SupportKind.EMOTIONAL), Set.of(), false, null, null, 4, false, false,
                    null, today.minusDays(12), b.version()));
            assertThat(network.remove(person, anna, null, today.minusDays(10))).isInstanceOf(Removal.Removed.class);

            assertThat(names(network.history(person, today.minusDays(31)).membersThen())).isEmpty();
            assertThat(names(network.history(person, today.minusDays(25)).membersThen())).containsExactly("Anna");
            NetworkHistory mid = network.history(person, today.minusDays(15));
            assertThat(names(mid.membersThen())).containsExactly("Anna", "Bram");
            assertThat(named(mid.membersThen(), "Bram").supportReceived()).containsExactly(SupportKind.COMPANY);
            assertThat(mid.changesSince()).extracting(NetworkHistory.Change::kind)
                    .containsExactly(NetworkHistory.Kind.CHANGED, NetworkHistory.Kind.REMOVED);
            NetworkHistory late = network.history(person, today.minusDays(5));
            assertThat(names(late.membersThen())).containsExactly("Bram");
            assertThat(named(late.membersThen(), "Bram").supportReceived()).containsExactlyInAnyOrder(SupportKind.COMPANY, SupportKind.EMOTIONAL);
            assertThat(late.changesSince()).isEmpty();
            assertThat(names(network.profiles(person))).containsExactly("Bram");
        });
    }

    @Test
    void history_is_append_only() {
        assertThatThrownBy(() -> jdbc.sql("delete from network_member_version").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void a_change_from_the_future_or_before_the_last_change_is_refused() {
        UUID person = newPerson();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            assertThatThrownBy(() -> network.add(person, member("Cas", Set.of(), today.plusDays(1)), false))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("network.since.future"));
            UUID cas = added(network.add(person, member("Cas", Set.of(), today.minusDays(5)), false));
            assertThatThrownBy(() -> network.remove(person, cas, null, today.minusDays(6)))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("network.since.beforeLastChange"));
        });
    }

    private UUID newPerson() {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> id.set(persons.register(new RegisterPerson("Test", "Persoon-" + UUID.randomUUID().toString().substring(0, 8),
                null, "", "", "", "", "", ""))));
        return id.get();
    }

    static SaveMember member(String name, Set<SupportKind> kinds, LocalDate since) {
        return new SaveMember(name, Relation.FRIEND, Layer.NETWORK, kinds, Set.of(), false, null, null, 3, false, false,
                null, since, null);
    }

    static UUID added(Addition a) {
        return ((Addition.Added) a).id();
    }

    static List<String> names(List<MemberProfile> members) {
        return members.stream().map(MemberProfile::name).toList();
    }

    static MemberProfile named(List<MemberProfile> members, String prefix) {
        return members.stream().filter(m -> m.name().startsWith(prefix)).findFirst().orElseThrow();
    }
}
