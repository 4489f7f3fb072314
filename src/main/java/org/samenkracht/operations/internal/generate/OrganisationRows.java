package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

/** The one generated organisation: the municipality's neighbourhood teams. */
@Component
class OrganisationRows implements SyntheticTable {
    public int order() { return 10; }
    public String table() { return "organisation"; }
    public String[] columns() { return new String[] {"id", "name", "created_at"}; }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        out.row(m.organisation(), "Sociaal team Voorbeeldstad (synthetisch, seed " + m.seed() + ")",
                SyntheticMunicipality.EPOCH.minusSeconds(3L * 365 * 24 * 3600));
    }
}
