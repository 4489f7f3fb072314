package org.samenkracht.signals;

import org.junit.jupiter.api.Test;
import org.samenkracht.common.disclosure.Disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly figures of the signalling network (issue 19, item 9) leave through the same disclosure gate as the
 * insights: small counts, a second neighbourhood (so the total minus the others gives nothing away) and disclosive
 * zeros are held back as "x"; counts are rounded to base 5; the organisation's threshold applies.
 */
class SignalFiguresTest {

    static final Disclosure EXACT = new Disclosure(new Disclosure.Rules(5, 10, false));
    static final Disclosure STANDARD = new Disclosure(Disclosure.Rules.standard());

    static SignalFigures.Line line(String neighbourhood, String partner, boolean onTime, boolean fromPartner, boolean feedback) {
        return new SignalFigures.Line(neighbourhood, partner, "PHONE", "REGULAR", "LONELINESS", "OPEN", "NONE", onTime,
                false, false, fromPartner, feedback);
    }

    static List<SignalFigures.Line> lines(String neighbourhood, String partner, int n, int onTime) {
        List<SignalFigures.Line> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(line(neighbourhood, partner, i < onTime, true, i % 2 == 0));
        }
        return out;
    }

    static Map<String, String> table(SignalFigures.Figures f, String title) {
        return f.tables().stream().filter(t -> t.titleKey().equals(title)).findFirst().orElseThrow().rows().stream()
                .collect(Collectors.toMap(r -> r.labelKey() != null ? r.labelKey() : r.label(), SignalFigures.Row::value));
    }

    @Test
    void a_neighbourhood_with_few_signals_is_held_back_and_a_second_one_with_it_so_the_total_tells_nothing() {
        List<SignalFigures.Line> all = new ArrayList<>();
        all.addAll(lines("Lindenhoven-Noord", "PHARMACY", 12, 10));
        all.addAll(lines("lindenhoven-noord ", "HOUSING", 8, 6));     // the same neighbourhood, written differently
        all.addAll(lines("Beukenwijk", "PHARMACY", 9, 7));
        all.addAll(lines("Kastanjebuurt", "HOUSING", 3, 2));          // 3 < 5: held back
        all.addAll(lines(null, "HOUSING", 10, 4));                    // nobody said where
        var f = SignalFigures.compute(2026, EXACT, all, 2, 0, null);
        Map<String, String> byArea = table(f, "signals.figures.byNeighbourhood");
        assertThat(byArea).containsEntry("Kastanjebuurt", "x").containsEntry("Lindenhoven-Noord", "20")
                .containsEntry("signals.figures.neighbourhoodUnknown", "10");
        assertThat(f.received()).isEqualTo("42");
        // secondary suppression: not exactly one neighbourhood held back, else 42 minus the others gives it
        assertThat(byArea.values().stream().filter("x"::equals).count()).isEqualTo(2);
        assertThat(byArea).containsEntry("Beukenwijk", "x");  // the smallest shown one joins it
        assertThat(f.meetings()).isEqualTo("2");  // not about people: as it is
        assertThat(f.threshold()).isEqualTo(5);
    }

    @Test
    void a_small_source_holds_back_its_table_and_counts_are_rounded_to_five_as_in_the_insights() {
        List<SignalFigures.Line> all = new ArrayList<>();
        all.addAll(lines("Beukenwijk", "PHARMACY", 22, 15));
        all.addAll(lines("Beukenwijk", "HOUSING", 11, 9));
        var f = SignalFigures.compute(2026, STANDARD, all, 0, 33, 26.4);
        assertThat(f.received()).isEqualTo("35");  // 33, rounded to base 5
        assertThat(table(f, "signals.figures.byPartner")).containsEntry("signals.partnerKind.PHARMACY", "20")
                .containsEntry("signals.partnerKind.HOUSING", "10").containsEntry("signals.partnerKind.GP", "0");
        assertThat(f.firstActionHours()).isEqualTo("26");
        assertThat(f.shareOnTime()).isEqualTo("71%");  // from the published numbers only: 25 of 35

        all.addAll(lines("Beukenwijk", "GP", 2, 2));  // two from a GP: the row of sources is held back
        var held = SignalFigures.compute(2026, STANDARD, all, 0, 35, 26.4);
        assertThat(table(held, "signals.figures.byPartner").values()).containsOnly("x");
        assertThat(held.received()).isEqualTo("35");  // the total itself is not small
    }

    @Test
    void a_share_where_everyone_is_in_one_category_is_held_back_and_so_are_the_medians_of_few() {
        var f = SignalFigures.compute(2026, EXACT, lines("Beukenwijk", "PHARMACY", 10, 10), 0, 3, 5.0);
        assertThat(f.triagedOnTime()).isEqualTo("x");  // "10 of 10 on time" tells it of each: a disclosive zero
        assertThat(f.shareOnTime()).isEqualTo("x");
        assertThat(f.firstActionHours()).isEqualTo("x");  // a median of 3
        assertThat(f.shareFeedback()).isEqualTo("50%");
    }

    @Test
    void the_organisations_threshold_applies() {
        var strict = new Disclosure(new Disclosure.Rules(8, 10, false));
        var f = SignalFigures.compute(2026, strict, lines("Beukenwijk", "PHARMACY", 7, 3), 0, 0, null);
        assertThat(f.received()).isEqualTo("x");
        assertThat(f.threshold()).isEqualTo(8);
        var year0 = SignalFigures.compute(2001, STANDARD, List.of(), 0, 0, null);
        assertThat(year0.received()).isEqualTo("0");
        assertThat(year0.shareOnTime()).isEqualTo("x");  // a share of nothing says nothing
    }
}
