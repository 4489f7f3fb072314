package org.samenkracht.exploration.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small trend chart of one domain keeps its dates whole on a phone: the first and the last date
 * always show, none runs past the chart's edge, and no two dates overlap, for 1 to 12 moments.
 */
class TrendChartDatesTest {

    static final Pattern DATE = Pattern.compile("<text x=\"([\\d.]+)\" y=\"[\\d.]+\" font-size=\"10\" text-anchor=\"(\\w+)\"[^>]*>([^<]+)</text>");

    @Test
    void dates_are_whole_inside_the_chart_and_never_overlap() {
        for (int m = 1; m <= 12; m++) {
            List<String> moments = new ArrayList<>();
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                moments.add(String.format("%02d-%02d-2026", 1 + i, 1 + i % 12));
                values.add(1 + i % 5);
            }
            String svg = Charts.trend("t", "Trend: wonen", moments,
                    List.of(new Charts.Series("zelf", "#000", "none", values)), 5);
            Matcher d = DATE.matcher(svg);
            List<double[]> boxes = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            while (d.find()) {
                double x = Double.parseDouble(d.group(1));
                double w = d.group(3).length() * 10 * 0.62;
                double from = switch (d.group(2)) {
                    case "start" -> x;
                    case "end" -> x - w;
                    default -> x - w / 2;
                };
                boxes.add(new double[] {from, from + w});
                shown.add(d.group(3));
            }
            assertThat(shown).as(m + " moments: first and last date shown").contains(moments.get(0), moments.get(m - 1));
            for (int i = 0; i < boxes.size(); i++) {
                assertThat(boxes.get(i)[0]).as(m + " moments: " + shown.get(i) + " starts inside").isGreaterThanOrEqualTo(0);
                assertThat(boxes.get(i)[1]).as(m + " moments: " + shown.get(i) + " ends inside").isLessThanOrEqualTo(320);
                if (i > 0) {
                    assertThat(boxes.get(i)[0]).as(m + " moments: " + shown.get(i) + " clear of the date before")
                            .isGreaterThan(boxes.get(i - 1)[1]);
                }
            }
        }
    }
}
