package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

/** Professionals (one per caseload of {@value SyntheticMunicipality#CASELOAD}) and coaches. */
@Component
class StaffRows implements SyntheticTable {
    public int order() { return 15; }
    public String table() { return "app_user"; }
    public String[] columns() {
        return new String[] {"id", "organisation_id", "username", "password_hash", "display_name", "role", "created_at"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int p = 0; p < m.professionals(); p++) {
            SplittableRandom r = m.random(table(), p);
            out.row(m.professional(p), m.organisation(), SyntheticMunicipality.professionalUsername(p), m.passwordHash(),
                    SyntheticMunicipality.fullName(r), "PROFESSIONAL", SyntheticMunicipality.daysBefore(r, 1000));
        }
        for (int c = 0; c < m.coaches(); c++) {
            SplittableRandom r = m.random(table() + ".coach", c);
            out.row(m.coach(c), m.organisation(), SyntheticMunicipality.coachUsername(c), m.passwordHash(),
                    SyntheticMunicipality.fullName(r), "COACH", SyntheticMunicipality.daysBefore(r, 1000));
        }
    }
}
