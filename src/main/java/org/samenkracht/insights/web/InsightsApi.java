package org.samenkracht.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.samenkracht.insights.Insights;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The figures as JSON: every number through the disclosure gate; a held-back number is null with "heldBack": true. */
@RestController
@RequestMapping(value = "/api/v1/insights", produces = "application/json")
@Tag(name = "Insights", description = "Disclosure-controlled figures per neighbourhood, district and municipality (policy analysts)")
class InsightsApi {

    private final Insights insights;

    InsightsApi(Insights insights) {
        this.insights = insights;
    }

    public record Number(Double value, boolean heldBack) {
        static Number of(org.samenkracht.common.disclosure.Shown s) {
            return s == null ? null : new Number(s.value(), s.isSuppressed());
        }
    }

    public record Line(String areaCode, String area, Number n, List<Number> counts, List<Number> percents, Number medianWeeks) {
    }

    public record Figure(String figure, List<String> categories, List<Line> lines) {
    }

    public record Figures(String level, String time, String period, java.time.Instant refreshedAt, int threshold,
                          List<Figure> figures) {
    }

    @Operation(summary = "The figures of one view: one level (MUNICIPALITY, DISTRICT, NEIGHBOURHOOD), one time level "
            + "(MONTH, QUARTER, YEAR) and a period (2026, 2026-Q3, 2026-09); small groups held back, counts rounded to 5")
    @GetMapping("/figures")
    Figures figures(@RequestParam(required = false) String level, @RequestParam(required = false) String time,
                    @RequestParam(required = false) String period) {
        Insights.View v = insights.view(Insights.Filter.parse(level, time, period, LocalDate.now()));
        List<Figure> out = new ArrayList<>();
        for (Insights.FigureView f : v.figures()) {
            out.add(new Figure(f.figure().name(), f.categories(), f.lines().stream().map(l -> new Line(l.code(), l.name(),
                    Number.of(l.n()), l.cells().stream().map(Number::of).toList(), l.percents().stream().map(Number::of).toList(),
                    Number.of(l.median()))).toList()));
        }
        return new Figures(v.filter().level().name(), v.filter().time().name(), v.filter().period(),
                v.freshness().map(Insights.Freshness::finishedAt).orElse(null), v.threshold(), out);
    }

    public record Refreshed(java.time.Instant refreshedAt) {
    }

    @Operation(summary = "Refresh the aggregates now (otherwise nightly); answers the freshness")
    @PostMapping("/refresh")
    Refreshed refresh() {
        return new Refreshed(insights.refreshNow().finishedAt());
    }
}
