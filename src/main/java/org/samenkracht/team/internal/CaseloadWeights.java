package org.samenkracht.team.internal;

import org.samenkracht.network.Network;
import org.samenkracht.plan.Evaluations;
import org.samenkracht.plan.Plans;
import org.samenkracht.team.BandwidthPolicy;
import org.samenkracht.team.CaseloadWeight;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the team knows weighs on a caseload: the plan's complexity, network load warnings, evaluations due. */
@Configuration(proxyBeanMethods = false)
class CaseloadWeights {

    @Bean
    @Order(1)
    CaseloadWeight planComplexityWeight(Plans plans) {
        return new CaseloadWeight() {
            public String key() {
                return "team.weight.plan";
            }

            public Map<UUID, Double> weigh(List<UUID> personIds) {
                Map<UUID, Double> m = new HashMap<>();
                for (UUID p : personIds) {
                    plans.current(p).ifPresent(plan -> m.put(p, BandwidthPolicy.planComplexity(plan.goals().size(),
                            plan.stepCount())));
                }
                return m;
            }
        };
    }

    @Bean
    @Order(2)
    CaseloadWeight networkLoadWeight(Network network) {
        return new CaseloadWeight() {
            public String key() {
                return "team.weight.network";
            }

            public Map<UUID, Double> weigh(List<UUID> personIds) {
                Map<UUID, Double> m = new HashMap<>();
                for (UUID p : personIds) {
                    int warnings = (int) network.profiles(p).stream().filter(x -> !x.warnings().isEmpty()).count();
                    m.put(p, BandwidthPolicy.networkLoad(warnings));
                }
                return m;
            }
        };
    }

    @Bean
    @Order(3)
    CaseloadWeight evaluationsDueWeight(Evaluations evaluations) {
        return new CaseloadWeight() {
            public String key() {
                return "team.weight.evaluation";
            }

            public Map<UUID, Double> weigh(List<UUID> personIds) {
                Map<UUID, Double> m = new HashMap<>();
                for (Evaluations.Due due : evaluations.worklist()) {
                    if (personIds.contains(due.personId())) {
                        m.merge(due.personId(), BandwidthPolicy.evaluationDue(due.daysOverdue()), Double::sum);
                    }
                }
                return m;
            }
        };
    }

}
