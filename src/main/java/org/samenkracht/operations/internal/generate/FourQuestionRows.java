package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

import java.util.List;

/** One to three versions of the four questions per person, over time. */
@Component
class FourQuestionRows implements SyntheticTable {

    private static final List<String> MATTERS = List.of("Zelf mijn huishouden blijven doen.", "Weer contact met mijn zus.",
            "Een dagbesteding waar ik me nuttig voel.", "Rust in mijn hoofd en in huis.", "Mijn kinderen zien opgroeien.",
            "Zonder schulden leven.", "Weer gaan wandelen in het park.");
    private static final List<String> STRENGTH = List.of("Ik kan goed koken.", "Ik ben een doorzetter.",
            "Ik help graag anderen.", "Ik kan goed met dieren omgaan.", "Ik ben handig met gereedschap.");
    private static final List<String> NEEDS = List.of("Hulp bij de post en de rekeningen.", "Iemand om mee te praten.",
            "Vervoer naar het ziekenhuis.", "Overzicht in mijn week.", "Een maatje om mee te sporten.");
    private static final List<String> HELP = List.of("Mijn buurvrouw.", "Mijn broer.", "De vrijwilliger van het buurthuis.",
            "Een vriend van de voetbal.", "Mijn dochter.");

    public int order() { return 30; }
    public String table() { return "four_questions"; }
    public String[] columns() {
        return new String[] {"id", "organisation_id", "person_id", "version_no", "what_matters", "own_strength", "needs",
                "who_can_help", "recorded_by", "recorded_at"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            SplittableRandom r = m.random(table(), i);
            int versions = 1 + r.nextInt(3);
            for (int v = 1; v <= versions; v++) {
                out.row(m.id(table(), (long) i * 4 + v), m.organisation(), m.person(i), v,
                        SyntheticMunicipality.pick(r, MATTERS), SyntheticMunicipality.pick(r, STRENGTH),
                        SyntheticMunicipality.pick(r, NEEDS), SyntheticMunicipality.pick(r, HELP),
                        m.professional(m.professionalOf(i)),
                        SyntheticMunicipality.EPOCH.minusSeconds((versions - v + 1) * 86400L * (20 + r.nextInt(60))));
            }
        }
    }
}
