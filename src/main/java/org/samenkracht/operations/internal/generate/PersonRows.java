package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

/** The persons supported, spread over 40 neighbourhoods. */
@Component
class PersonRows implements SyntheticTable {
    public int order() { return 20; }
    public String table() { return "person"; }
    public String[] columns() {
        return new String[] {"id", "organisation_id", "given_name", "family_name", "date_of_birth", "phone", "email",
                "address", "neighbourhood", "registered_at", "registered_by", "version"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            SplittableRandom r = m.random(table(), i);
            String given = SyntheticMunicipality.givenName(r);
            String family = SyntheticMunicipality.familyName(r);
            String street = SyntheticMunicipality.familyName(r) + "laan " + (1 + r.nextInt(200));
            out.row(m.person(i), m.organisation(), given, family, SyntheticMunicipality.birthDate(r),
                    r.nextBoolean() ? String.format("0470 %02d %02d %02d", r.nextInt(100), r.nextInt(100), r.nextInt(100)) : null,
                    r.nextInt(3) == 0 ? (given + "." + family + "@example.org").toLowerCase() : null,
                    street, m.neighbourhood(i), SyntheticMunicipality.daysBefore(r, 1000),
                    m.professional(m.professionalOf(i)), r.nextInt(3));
        }
    }
}
