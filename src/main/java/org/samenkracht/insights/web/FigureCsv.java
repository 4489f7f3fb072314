package org.samenkracht.insights.web;

import org.samenkracht.common.disclosure.Shown;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.samenkracht.insights.Insights;
import org.samenkracht.common.disclosure.Shown;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The figures of a view as CSV, written whole in memory first: a failing export sends nothing half-written. */
final class FigureCsv {

    private FigureCsv() {
    }

    static String of(Insights.View view) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(
                "figure", "level", "time", "period", "area_code", "area", "n", "category", "count", "percent", "median_weeks").get())) {
            for (Insights.FigureView f : view.figures()) {
                for (Insights.Line line : f.lines()) {
                    for (int i = 0; i < f.categories().size(); i++) {
                        csv.printRecord(f.figure().name(), view.filter().level(), view.filter().time(), view.filter().period(),
                                line.code(), line.name(), line.n().text(), f.categories().get(i), line.cells().get(i).text(),
                                line.percents().isEmpty() ? "" : line.percents().get(i).text(),
                                line.median() == null ? "" : line.median().text());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String text(Shown s) {
        return s.text();
    }
}
