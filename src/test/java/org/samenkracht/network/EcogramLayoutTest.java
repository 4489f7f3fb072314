package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.network.EcogramLayout.Box;
import org.samenkracht.network.EcogramLayout.Placed;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.samenkracht.vocabulary.Layer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ecogram on a phone: for networks of 1 to 30 members spread over the rings in several ways
 * (evenly, all in one ring, most in the natural network), with long names, every kind of support
 * and a give-back ring on every node, no two labels overlap, no label covers a node or the person,
 * and no line from the person to a member runs through another member's node.
 */
class EcogramLayoutTest {

    static final Map<Layer, String> RING_NAMES = Map.of(Layer.NETWORK, "natuurlijk netwerk",
            Layer.GENERAL_COLLECTIVE, "buurt en voorzieningen", Layer.INDIVIDUAL_PROFESSIONAL, "professionele hulp");
    static final Layer[] RINGS = {Layer.NETWORK, Layer.GENERAL_COLLECTIVE, Layer.INDIVIDUAL_PROFESSIONAL};
    static final String[] NAMES = {"Marie-Louise van den Berg", "Ria", "Buurthuis De Linde", "Thuiszorg West",
            "Mohammed El Amrani", "Oom Kees", "Sportschool", "Huisarts dokter Jansen", "Anouk", "Voedselbank"};

    interface Spread {
        Layer ring(int i, int n);
    }

    static final Map<String, Spread> SPREADS = Map.of(
            "evenly", (i, n) -> RINGS[i % 3],
            "all natural", (i, n) -> Layer.NETWORK,
            "all community", (i, n) -> Layer.GENERAL_COLLECTIVE,
            "all professional", (i, n) -> Layer.INDIVIDUAL_PROFESSIONAL,
            "mostly natural", (i, n) -> i < n * 0.6 ? Layer.NETWORK : i < n * 0.85 ? Layer.GENERAL_COLLECTIVE : Layer.INDIVIDUAL_PROFESSIONAL,
            "mostly professional", (i, n) -> i < n * 0.15 ? Layer.NETWORK : i < n * 0.3 ? Layer.GENERAL_COLLECTIVE : Layer.INDIVIDUAL_PROFESSIONAL);

    static MemberProfile member(int i, Layer layer) {
        Set<SupportKind> kinds = i % 4 == 0 ? EnumSet.allOf(SupportKind.class) : EnumSet.of(SupportKind.values()[i % 4]);
        return new MemberProfile(UUID.randomUUID(), UUID.randomUUID(), NAMES[i % NAMES.length] + (i >= NAMES.length ? " " + i : ""),
                NetworkMember.Relation.FRIEND, layer, kinds, EnumSet.of(SupportKind.COMPANY), false, null, null, 5, i % 7 == 3, false,
                null, MemberProfile.EnteredBy.PROFESSIONAL, null, 0, new ArrayList<>(), List.of());
    }

    @Test
    void labels_never_collide_and_lines_never_run_through_another_members_node() {
        List<String> problems = new ArrayList<>();
        int inNode = 0;
        int labels = 0;
        for (var spread : SPREADS.entrySet()) {
            for (int n = 1; n <= 30; n++) {
                List<MemberProfile> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    members.add(member(i, spread.getValue().ring(i, n)));
                }
                var layout = EcogramLayout.layout(members, RING_NAMES);
                String at = spread.getKey() + ", " + n + " members: ";
                assertThat(layout.members()).hasSize(n);
                List<Box> boxes = new ArrayList<>();
                layout.rings().forEach(r -> boxes.add(r.label().box()));
                for (Placed p : layout.members()) {
                    boxes.add(p.label().box());
                    labels++;
                    inNode += p.label().inNode() ? 1 : 0;
                }
                for (int a = 0; a < boxes.size(); a++) {
                    for (int b = a + 1; b < boxes.size(); b++) {
                        if (boxes.get(a).overlaps(boxes.get(b))) {
                            problems.add(at + "labels overlap: " + boxes.get(a) + " and " + boxes.get(b));
                        }
                    }
                    assertThat(boxes.get(a).inside(Ecogram.SIZE)).as(at + "label inside the picture " + boxes.get(a)).isTrue();
                    assertThat(boxes.get(a).overlapsCircle(Ecogram.CENTRE, Ecogram.CENTRE, EcogramLayout.CENTRE_R))
                            .as(at + "label over the person").isFalse();
                }
                for (Placed p : layout.members()) {
                    for (var r : layout.rings()) {
                        if (r.label().box().overlapsCircle(p.x(), p.y(), p.outerR())) {
                            problems.add(at + "ring name '" + r.label().text() + "' over the node of " + p.member().name());
                        }
                    }
                    for (Placed q : layout.members()) {
                        if (p == q) {
                            // its own initials go inside the node, on purpose; a name beside it stays clear of it
                            if (!p.label().inNode() && p.label().box().overlapsCircle(p.x(), p.y(), p.outerR())) {
                                problems.add(at + "name of " + p.member().name() + " over its own node");
                            }
                            continue;
                        }
                        if (p.label().box().overlapsCircle(q.x(), q.y(), q.outerR())) {
                            problems.add(at + "name of " + p.member().name() + " over the node of " + q.member().name());
                        }
                        if (Math.hypot(p.x() - q.x(), p.y() - q.y()) < p.outerR() + q.outerR()) {
                            problems.add(at + "nodes of " + p.member().name() + " and " + q.member().name() + " overlap");
                        }
                        double toLine = EcogramLayout.distanceToSegment(q.x(), q.y(), Ecogram.CENTRE, Ecogram.CENTRE, p.x(), p.y());
                        if (toLine < q.outerR() + p.lineExtent()) {
                            problems.add(at + "the line to " + p.member().name() + " runs through the node of " + q.member().name()
                                    + " (" + Math.round(toLine) + " px from its centre)");
                        }
                    }
                    assertThat(p.nodeR()).as(at + "a node big enough to tap and see").isGreaterThanOrEqualTo(EcogramLayout.MIN_NODE_R);
                }
            }
        }
        System.out.printf("Ecogram layout: %d labels, %d as initials inside their node%n", labels, inNode);
        assertThat(problems).isEmpty();
    }

    @Test
    void the_same_network_is_laid_out_the_same_way_every_time() {
        List<MemberProfile> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(member(i, RINGS[i % 3]));
        }
        assertThat(EcogramLayout.layout(members, RING_NAMES)).isEqualTo(EcogramLayout.layout(members, RING_NAMES));
    }
}
