package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

/** Most persons have a plan, agreed or still a draft. */
@Component
class SupportPlanRows implements SyntheticTable {
    public int order() { return 40; }
    public String table() { return "support_plan"; }
    public String[] columns() {
        return new String[] {"id", "organisation_id", "person_id", "status", "evaluation_date", "created_by",
                "created_at", "updated_at", "version", "person_agreed_at", "professional_agreed_at",
                "professional_agreed_by"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            if (!m.hasPlan(i)) {
                continue;
            }
            SplittableRandom r = m.random(table(), i);
            var created = SyntheticMunicipality.daysBefore(r, 300);
            boolean agreed = r.nextInt(3) > 0;
            out.row(m.plan(i), m.organisation(), m.person(i), agreed ? "AGREED" : "DRAFT",
                    agreed ? java.time.LocalDate.of(2026, 1, 15).plusDays(r.nextInt(180)) : null,
                    m.professional(m.professionalOf(i)), created, created.plusSeconds(86400L * r.nextInt(30)),
                    m.goals(i) + r.nextInt(4),
                    // an agreed plan was agreed by both, some days after it was made
                    agreed ? created.plusSeconds(86400L * 3) : null, agreed ? created.plusSeconds(86400L * 2) : null,
                    agreed ? m.professional(m.professionalOf(i)) : null);
        }
    }
}
