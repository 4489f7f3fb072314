package org.samenkracht.operations.internal.generate;

import org.samenkracht.operations.CopyRows;
import org.samenkracht.operations.SyntheticMunicipality;
import org.samenkracht.operations.SyntheticTable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.SplittableRandom;

import java.util.List;

/** Two to eight people in each person's support system, from the inside out. */
@Component
class NetworkMemberRows implements SyntheticTable {

    private static final String[][] RELATIONS = {{"PARTNER", "NETWORK"}, {"FAMILY", "NETWORK"}, {"FRIEND", "NETWORK"},
            {"NEIGHBOUR", "NETWORK"}, {"COLLEAGUE", "GENERAL_COLLECTIVE"}, {"PEER", "GENERAL_COLLECTIVE"}, {"VOLUNTEER", "VOLUNTEER"},
            {"PROFESSIONAL", "INDIVIDUAL_PROFESSIONAL"}, {"SERVICE", "INDIVIDUAL_PROFESSIONAL"}, {"OTHER", "GENERAL_COLLECTIVE"}};
    private static final List<List<String>> KINDS = List.of(List.of("PRACTICAL"), List.of("COMPANY"),
            List.of("ADVICE", "EMOTIONAL"), List.of("COMPANY", "PRACTICAL"), List.of());

    public int order() { return 30; }
    public String table() { return "network_member"; }
    public String[] columns() {
        return new String[] {"id", "organisation_id", "person_id", "name", "relation", "layer", "support_kinds",
                "added_by", "added_at", "version"};
    }

    public void write(SyntheticMunicipality m, CopyRows out) throws IOException {
        for (int i = 0; i < m.persons(); i++) {
            SplittableRandom r = m.random(table(), i);
            for (int n = 0; n < m.networkSize(i); n++) {
                String[] relation = RELATIONS[r.nextInt(RELATIONS.length)];
                out.row(m.networkMember(i, n), m.organisation(), m.person(i), SyntheticMunicipality.fullName(r),
                        relation[0], relation[1], SyntheticMunicipality.pick(r, KINDS),
                        m.professional(m.professionalOf(i)), SyntheticMunicipality.daysBefore(r, 700), 0);
            }
        }
    }
}
