package org.samenkracht.plan.web;

import org.junit.jupiter.api.Test;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StepProfessionalsTest {

    static List<Accounts.Account> colleagues(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Accounts.Account(UUID.randomUUID(), UUID.randomUUID(), "c" + i,
                "Collega " + i, Role.PROFESSIONAL, null)).toList();
    }

    @Test
    void a_small_organisation_offers_every_colleague_and_does_not_ask_for_the_team() {
        var all = colleagues(PlanPages.ALL_COLLEAGUES_UP_TO);
        assertThat(PlanPages.stepProfessionals(all, () -> {
            throw new AssertionError("the care team should not be read");
        })).isEqualTo(all);
    }

    @Test
    void a_large_organisation_offers_the_care_team_and_the_reader_only() {
        var all = colleagues(2_000);
        Set<UUID> team = Set.of(all.get(7).id(), all.get(1_500).id(), UUID.randomUUID());
        assertThat(PlanPages.stepProfessionals(all, () -> team)).extracting(Accounts.Account::id)
                .containsExactly(all.get(7).id(), all.get(1_500).id());
    }
}
