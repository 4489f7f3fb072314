package org.samenkracht.common.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisclosureTest {

    static final Disclosure EXACT = new Disclosure(new Disclosure.Rules(5, 10, false));
    static final Disclosure ROUNDED = new Disclosure(Disclosure.Rules.standard());

    /** Lindenhoven (GM) with two districts: Noord (two neighbourhoods) and Zuid (three). */
    static AreaTree tree() {
        return new AreaTree(List.of(
                new AreaTree.Area("GM9999", "Lindenhoven", Level.MUNICIPALITY, null),
                new AreaTree.Area("WK999901", "Noord", Level.DISTRICT, "GM9999"),
                new AreaTree.Area("WK999902", "Zuid", Level.DISTRICT, "GM9999"),
                new AreaTree.Area("BU99990101", "Noord-Oost", Level.NEIGHBOURHOOD, "WK999901"),
                new AreaTree.Area("BU99990102", "Noord-West", Level.NEIGHBOURHOOD, "WK999901"),
                new AreaTree.Area("BU99990201", "Zuid-Oost", Level.NEIGHBOURHOOD, "WK999902"),
                new AreaTree.Area("BU99990202", "Zuid-West", Level.NEIGHBOURHOOD, "WK999902"),
                new AreaTree.Area("BU99990203", "Zuid-Midden", Level.NEIGHBOURHOOD, "WK999902")));
    }

    @Test
    void counts_of_one_to_four_are_held_back_and_five_shows() {
        var p = EXACT.counts(tree(), 2, Map.of(
                "BU99990101", new long[]{4, 20}, "BU99990102", new long[]{5, 20},
                "BU99990201", new long[]{6, 7}, "BU99990202", new long[]{9, 9}, "BU99990203", new long[]{8, 8}), Set.of(), false);
        assertThat(p.row("BU99990101").cells()).allMatch(Shown::isSuppressed);
        assertThat(p.row("BU99990101").n().isSuppressed()).isTrue();
        assertThat(p.row("BU99990201").cells().get(0).value()).isEqualTo(6.0);
    }

    @Test
    void the_threshold_is_the_organisations_and_a_sensitive_topic_uses_up_to_ten() {
        var rules = new Disclosure.Rules(3, 10, false);
        var d = new Disclosure(rules);
        Map<String, long[]> rows = Map.of("BU99990101", new long[]{3, 20}, "BU99990102", new long[]{9, 20},
                "BU99990201", new long[]{11, 12}, "BU99990202", new long[]{12, 12}, "BU99990203", new long[]{13, 13});
        assertThat(d.counts(tree(), 2, rows, Set.of(), false).isHeld("BU99990101")).isFalse();
        var sensitive = d.counts(tree(), 2, rows, Set.of(), true);
        assertThat(sensitive.isHeld("BU99990101")).isTrue();
        assertThat(sensitive.isHeld("BU99990102")).isTrue();
        assertThatThrownBy(() -> new Disclosure.Rules(2, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Disclosure.Rules(5, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_disclosive_zero_holds_the_area_back() {
        // 0 of 12 have a volunteer: all 12 are elsewhere
        var p = EXACT.counts(tree(), 2, Map.of("BU99990101", new long[]{0, 12}, "BU99990102", new long[]{10, 20},
                "BU99990201", new long[]{10, 10}, "BU99990202", new long[]{10, 10}, "BU99990203", new long[]{10, 10}), Set.of(), false);
        assertThat(p.isHeld("BU99990101")).isTrue();
        // an empty neighbourhood is no disclosure: 0 of 0 shows
        var empty = EXACT.counts(tree(), 2, Map.of("BU99990102", new long[]{10, 20},
                "BU99990201", new long[]{10, 10}, "BU99990202", new long[]{10, 10}, "BU99990203", new long[]{10, 10}), Set.of(), false);
        assertThat(empty.isHeld("BU99990101")).isFalse();
    }

    @Test
    void secondary_suppression_holds_back_a_sibling_so_the_district_minus_the_other_does_not_give_the_small_cell() {
        var p = EXACT.counts(tree(), 2, Map.of("BU99990101", new long[]{2, 30}, "BU99990102", new long[]{10, 20},
                "BU99990201", new long[]{10, 10}, "BU99990202", new long[]{10, 10}, "BU99990203", new long[]{10, 10}), Set.of(), false);
        assertThat(p.isHeld("BU99990101")).isTrue();
        assertThat(p.isHeld("BU99990102")).as("the only sibling").isTrue();
        assertThat(p.isHeld("WK999901")).isFalse();
        assertThat(p.isHeld("BU99990201")).isFalse();
    }

    @Test
    void a_held_back_district_has_a_held_back_neighbourhood_and_a_held_back_sibling() {
        var p = EXACT.counts(tree(), 2, Map.of("BU99990101", new long[]{1, 0}, "BU99990102", new long[]{1, 1},
                "BU99990201", new long[]{10, 10}, "BU99990202", new long[]{10, 10}, "BU99990203", new long[]{10, 10}), Set.of(), false);
        assertThat(p.isHeld("WK999901")).isTrue();
        assertThat(p.isHeld("WK999902")).as("else the municipality minus Zuid gives Noord").isTrue();
        assertThat(p.view(Level.NEIGHBOURHOOD).stream().filter(r -> r.code().startsWith("BU999902")).anyMatch(Disclosure.Row::suppressed))
                .as("else Zuid is the sum of its neighbourhoods").isTrue();
    }

    @Test
    void a_linked_table_holds_back_the_same_areas() {
        Map<String, long[]> people = Map.of("BU99990101", new long[]{3}, "BU99990102", new long[]{40},
                "BU99990201", new long[]{40}, "BU99990202", new long[]{40}, "BU99990203", new long[]{40});
        var base = EXACT.counts(tree(), 1, people, Set.of(), false);
        var share = EXACT.counts(tree(), 2, Map.of("BU99990101", new long[]{1, 2}, "BU99990102", new long[]{20, 20},
                "BU99990201", new long[]{20, 20}, "BU99990202", new long[]{20, 20}, "BU99990203", new long[]{20, 20}), base.held(), false);
        assertThat(share.held()).containsAll(base.held());
    }

    @Test
    void dominance_holds_back_hours_where_one_or_two_give_almost_all() {
        var d = EXACT;
        var p = d.magnitudes(tree(), Map.of(
                "BU99990101", new Disclosure.Magnitude(100, 6, 60, 10),   // one gives 60 %
                "BU99990102", new Disclosure.Magnitude(100, 6, 45, 45),   // two give 90 %
                "BU99990201", new Disclosure.Magnitude(100, 10, 20, 15),
                "BU99990202", new Disclosure.Magnitude(100, 10, 20, 15),
                "BU99990203", new Disclosure.Magnitude(100, 3, 40, 30)),  // too few contributors
                Set.of());
        assertThat(p.isHeld("BU99990101")).isTrue();
        assertThat(p.isHeld("BU99990102")).isTrue();
        assertThat(p.isHeld("BU99990203")).isTrue();
        // Zuid-Midden alone held back in Zuid would be Zuid minus the other two: a sibling is held back too
        assertThat(p.view(Level.NEIGHBOURHOOD).stream().filter(r -> r.code().startsWith("BU999902") && r.suppressed())).hasSize(2);
    }

    @Test
    void counts_are_rounded_to_base_five_and_shares_come_from_what_is_shown() {
        var p = ROUNDED.counts(tree(), 2, Map.of("BU99990101", new long[]{12, 31}, "BU99990102", new long[]{10, 20},
                "BU99990201", new long[]{10, 10}, "BU99990202", new long[]{10, 10}, "BU99990203", new long[]{10, 10}), Set.of(), false);
        var row = p.row("BU99990101");
        assertThat(row.cells().get(0).value()).isEqualTo(10.0);
        assertThat(row.n().value()).isEqualTo(45.0);
        assertThat(Disclosure.percent(row, 0).value()).isEqualTo(22.2);
        assertThat(ROUNDED.median(4, 30.0, false, false).isSuppressed()).isTrue();
        assertThat(ROUNDED.median(5, 30.0, false, false).value()).isEqualTo(30.0);
        assertThat(ROUNDED.median(50, 30.0, true, false).isSuppressed()).isTrue();
    }
}
