package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

import java.util.List;

/** The audit history: about ten reads and writes per person by their care team. */
@Component
class AuditEventRows implements SyntheticTable {

    private static final List<String> RESOURCES = List.of("person", "four-questions", "network", "plan");

    public int order() { return 90; }
    public String table() { return "audit_event"; }
    public String[] columns() {
        return new String[] {"occurred_at", "organisation_id", "actor_id", "actor_role", "person_id", "action",
                "resource", "ground"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            SplittableRandom r = m.random(table(), i);
            int events = 4 + r.nextInt(13);
            for (int e = 0; e < events; e++) {
                out.row(SyntheticMunicipality.daysBefore(r, 365), m.organisation(), m.professional(m.professionalOf(i)),
                        "PROFESSIONAL", m.person(i), r.nextInt(4) == 0 ? "WRITE" : "READ",
                        SyntheticMunicipality.pick(r, RESOURCES), "CARE_TEAM");
            }
        }
    }
}
