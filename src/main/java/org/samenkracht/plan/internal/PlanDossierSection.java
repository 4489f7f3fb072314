package org.samenkracht.plan.internal;

import org.samenkracht.person.DossierSection;
import org.samenkracht.plan.Plans;
import org.springframework.stereotype.Component;

import java.util.UUID;

@Component
class PlanDossierSection implements DossierSection {

    private final Plans plans;

    PlanDossierSection(Plans plans) {
        this.plans = plans;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String template() {
        return "plan/section :: section";
    }

    @Override
    public Object data(UUID personId) {
        return plans.current(personId).orElse(null);
    }
}
