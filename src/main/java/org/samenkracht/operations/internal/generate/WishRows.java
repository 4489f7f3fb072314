package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

import java.util.List;

/** Up to three wishes per person, in their own words and order. */
@Component
class WishRows implements SyntheticTable {

    private static final List<String> WISHES = List.of("Weer zelf boodschappen doen.", "Een hond uitlaten voor de buren.",
            "Mijn rijbewijs halen.", "Vaker samen eten met vrienden.", "Een vaste dag in de moestuin.",
            "Mijn papieren op orde.", "Weer gaan zwemmen.");

    public int order() { return 30; }
    public String table() { return "wish"; }
    public String[] columns() {
        return new String[] {"id", "organisation_id", "person_id", "text", "priority", "source", "added_by", "created_at"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            SplittableRandom r = m.random(table(), i);
            int wishes = r.nextInt(4);
            for (int w = 1; w <= wishes; w++) {
                out.row(m.id(table(), (long) i * 4 + w), m.organisation(), m.person(i),
                        SyntheticMunicipality.pick(r, WISHES), w, w == 1 ? "PERSON" : "CONVERSATION",
                        m.professional(m.professionalOf(i)), SyntheticMunicipality.daysBefore(r, 400));
            }
        }
    }
}
