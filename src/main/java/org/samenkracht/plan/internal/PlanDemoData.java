package org.samenkracht.plan.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/** Jonas's plan after the seed's worked example: an orderly household, with his neighbour and home care. */
@Component
@Order(40)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class PlanDemoData implements ApplicationRunner {

    private final Plans plans;
    private final Network network;
    private final Accounts accounts;

    PlanDemoData(Plans plans, Network network, Accounts accounts) {
        this.plans = plans;
        this.network = network;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            if (plans.current(PERSON_JONAS).isPresent()) {
                return;
            }
            plans.start(PERSON_JONAS);
            plans.addGoal(PERSON_JONAS, new PlanCommands.AddGoal(
                    "Ik wil een opgeruimd huis waar ik vrienden kan uitnodigen.", version()));
            UUID goal = plans.current(PERSON_JONAS).orElseThrow().goals().get(0).id();
            UUID ria = network.members(PERSON_JONAS).stream().filter(m -> m.name().startsWith("Ria"))
                    .map(NetworkMember::id).findFirst().orElseThrow();
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(goal,
                    "Ria herinnert Jonas op dinsdagavond aan de vuilnisbak.", "NETWORK", ria, null, version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(goal,
                    "Sanne helpt Jonas een weekschema voor het huishouden te maken en houdt de vinger aan de pols.",
                    "PROFESSIONAL", null, PROFESSIONAL_SANNE, version()));
            plans.setEvaluationDate(PERSON_JONAS, new PlanCommands.SetEvaluationDate(
                    LocalDate.now().plusMonths(3), version()));
        });
    }

    private int version() {
        return plans.current(PERSON_JONAS).map(PlanView::version).orElseThrow();
    }
}
