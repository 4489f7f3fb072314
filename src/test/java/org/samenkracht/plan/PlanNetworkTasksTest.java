package org.samenkracht.plan;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.network.NetworkMemberRemoved.TaskHandling;
import org.samenkracht.network.Removal;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/** The network asks the plan which tasks a member carries, and the plan follows a merge or a removal. */
@SamenkrachtTest
class PlanNetworkTasksTest {

    @Autowired Accounts accounts;
    @Autowired Persons persons;
    @Autowired Wishes wishes;
    @Autowired Network network;
    @Autowired Plans plans;

    @Test
    void a_members_tasks_follow_a_merge_and_end_with_a_removal() {
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID person = persons.register(new RegisterPerson("Mo", "Taaktest", null, null, null, null, null, "", ""));
            UUID wish = wishes.add(person, new Wishes.AddWish("Samen boodschappen doen.", "CONVERSATION"));
            UUID tom = network.add(person, new AddNetworkMember("Tom Jansen", NetworkMember.Relation.FRIEND,
                    Layer.NETWORK, Set.of(NetworkMember.SupportKind.PRACTICAL)));
            UUID tommy = network.add(person, new AddNetworkMember("Tommy (Tom) Jansen", NetworkMember.Relation.FRIEND,
                    Layer.NETWORK, Set.of(NetworkMember.SupportKind.COMPANY)));
            plans.start(person);
            plans.addGoal(person, new PlanCommands.AddGoal(wish, "Ik wil zelf boodschappen doen.", null,
                    "Elke week zelf naar de winkel", "SHORT", null, List.of(), version(person)));
            UUID goal = plans.current(person).orElseThrow().goals().get(0).id();
            plans.addStep(person, new PlanCommands.AddStep(goal, "Tom gaat op zaterdag mee naar de markt.", "NETWORK",
                    tom, null, null, Intensity.SUPPORT, null, null, version(person)));

            assertThat(network.tasksOf(person, tom)).containsExactly("Tom gaat op zaterdag mee naar de markt.");

            network.merge(person, tommy, tom);
            assertThat(network.tasksOf(person, tommy)).containsExactly("Tom gaat op zaterdag mee naar de markt.");
            assertThat(step(person).networkMemberId()).isEqualTo(tommy);

            assertThat(network.remove(person, tommy, null, null)).isInstanceOf(Removal.TasksNeedDecision.class);
            assertThat(network.remove(person, tommy, TaskHandling.END, null)).isInstanceOf(Removal.Removed.class);
            assertThat(plans.current(person).orElseThrow().goals().get(0).steps()).isEmpty();
        });
    }

    private int version(UUID person) {
        return plans.current(person).map(PlanView::version).orElseThrow();
    }

    private PlanView.Step step(UUID person) {
        return plans.current(person).orElseThrow().goals().get(0).steps().get(0);
    }
}
