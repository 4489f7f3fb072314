package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

/** Every person has their professional in the care team; some also a coach. */
@Component
class CareTeamRows implements SyntheticTable {
    public int order() { return 25; }
    public String table() { return "care_team_member"; }
    public String[] columns() {
        return new String[] {"person_id", "user_id", "organisation_id", "team_role", "assignment", "since",
                "started_support"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            SplittableRandom r = m.random(table(), i);
            out.row(m.person(i), m.professional(m.professionalOf(i)), m.organisation(), "PROFESSIONAL",
                    "Regie en begeleiding", SyntheticMunicipality.birthDate(r).plusYears(80), true);
            if (m.hasCoach(i)) {
                out.row(m.person(i), m.coach(m.coachOf(i)), m.organisation(), "COACH", "Wekelijks samen boodschappen",
                        SyntheticMunicipality.birthDate(r).plusYears(85), false);
            }
        }
    }
}
