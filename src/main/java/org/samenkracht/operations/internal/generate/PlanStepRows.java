package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

import java.util.List;

/** Steps under each goal, taken from the inside out: the person, the network, a facility, a professional. */
@Component
class PlanStepRows implements SyntheticTable {

    private static final List<String> STEPS = List.of("Samen een weekschema maken.", "Elke maandag de post openen.",
            "Meegaan naar de eerste keer in het buurthuis.", "Boodschappenlijst maken en samen gaan.",
            "Afspraak maken bij de schuldhulp.", "Bellen als het niet lukt.");

    public int order() { return 46; }
    public String table() { return "plan_step"; }
    public String[] columns() {
        return new String[] {"id", "plan_goal", "position", "description", "taker", "network_member_id", "professional_id",
                "layer", "provider"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            if (!m.hasPlan(i)) {
                continue;
            }
            SplittableRandom r = m.random(table(), i);
            for (int g = 0; g < m.goals(i); g++) {
                for (int s = 0; s < m.steps(i, g); s++) {
                    int taker = r.nextInt(4);
                    out.row(m.id(table(), ((long) i * 8 + g) * 4 + s), m.goal(i, g), s + 1,
                            SyntheticMunicipality.pick(r, STEPS),
                            List.of("PERSON", "NETWORK", "GENERAL_FACILITY", "PROFESSIONAL").get(taker),
                            taker == 1 ? m.networkMember(i, r.nextInt(m.networkSize(i))) : null,
                            taker == 3 ? m.professional(m.professionalOf(i)) : null,
                            List.of("OWN_STRENGTH", "NETWORK", "GENERAL_COLLECTIVE", "INDIVIDUAL_PROFESSIONAL").get(taker),
                            taker == 2 ? "Buurthuis " + (1 + r.nextInt(20)) : null);
                }
            }
        }
    }
}
