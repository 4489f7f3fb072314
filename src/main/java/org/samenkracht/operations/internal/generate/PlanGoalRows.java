package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

import java.util.List;

/** One to four goals per plan, in the person's own words. */
@Component
class PlanGoalRows implements SyntheticTable {

    private static final List<String> GOALS = List.of("Ik wil mijn huis zelf schoonhouden.",
            "Ik wil elke week iemand zien.", "Ik wil mijn rekeningen op tijd betalen.", "Ik wil weer werken, een paar uur.",
            "Ik wil beter slapen.", "Ik wil mijn kleinkinderen vaker zien.");

    public int order() { return 45; }
    public String table() { return "plan_goal"; }
    public String[] columns() { return new String[] {"id", "support_plan", "position", "own_words"}; }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            if (!m.hasPlan(i)) {
                continue;
            }
            SplittableRandom r = m.random(table(), i);
            for (int g = 0; g < m.goals(i); g++) {
                out.row(m.goal(i, g), m.plan(i), g + 1, SyntheticMunicipality.pick(r, GOALS));
            }
        }
    }
}
