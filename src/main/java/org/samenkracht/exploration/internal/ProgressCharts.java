package org.samenkracht.exploration.internal;

import org.samenkracht.exploration.Instrument;
import org.samenkracht.exploration.ResponseView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The change over time, in pictures: a radar of the 8 quality-of-life domains (own view now, own view
 * earlier, someone else's view now), a trend per domain, and the own / network / professional split
 * of self-reliance as stacked bars. Each comes with the same figures as a text table.
 */
@Component
public class ProgressCharts {

    public static final String SELF = "qol-self";
    public static final String OTHER = "qol-other";
    public static final String RELIANCE = "self-reliance";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(org.samenkracht.common.time.AmsterdamTime.ZONE);
    private static final String GREEN = "#0b6e4f";
    private static final String GREY = "#51616b";
    private static final String ORANGE = "#9a3b00";
    private static final String BLUE = "#0a5a8c";

    /** A chart and its text table. {@code rows} hold the cells of each row, the row's label first. */
    public record Chart(String id, String title, String svg, List<String> columns, List<List<String>> rows) {
    }

    public record Overview(Chart radar, List<Chart> trends, Chart trendTable, Chart reliance) {
        public boolean hasQualityOfLife() {
            return radar != null;
        }
    }

    private final InstrumentCatalogue catalogue;
    private final MessageSource messages;

    ProgressCharts(InstrumentCatalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Builds the charts from completed responses (in the order they were completed). */
    public Overview build(List<ResponseView> responses, Locale locale) {
        List<ResponseView> completed = responses.stream().filter(r -> !r.isDraft()).toList();
        List<ResponseView> self = completed.stream().filter(r -> r.instrument().equals(SELF)).toList();
        List<ResponseView> other = completed.stream().filter(r -> r.instrument().equals(OTHER)).toList();
        List<ResponseView> reliance = completed.stream().filter(r -> r.instrument().equals(RELIANCE)).toList();
        List<String> domains = domainCodes(SELF);
        List<String> labels = domains.stream().map(d -> msg("lifeDomain." + d, locale)).toList();

        Chart radar = null;
        List<Chart> trends = new ArrayList<>();
        Chart trendTable = null;
        if (!self.isEmpty() || !other.isEmpty()) {
            List<Charts.Series> series = new ArrayList<>();
            if (!self.isEmpty()) {
                series.add(new Charts.Series(msg("exploration.chart.selfNow", locale, day(last(self))), GREEN, "none",
                        scores(last(self), domains)));
            }
            if (self.size() > 1) {
                ResponseView earlier = self.get(self.size() - 2);
                series.add(new Charts.Series(msg("exploration.chart.selfEarlier", locale, day(earlier)), GREY, "6 4",
                        scores(earlier, domains)));
            }
            if (!other.isEmpty()) {
                series.add(new Charts.Series(msg("exploration.chart.otherNow", locale, day(last(other))), ORANGE, "2 3",
                        scores(last(other), domains)));
            }
            String title = msg("exploration.chart.radar", locale);
            List<String> columns = new ArrayList<>();
            columns.add(msg("exploration.chart.domain", locale));
            series.forEach(s -> columns.add(s.name()));
            List<List<String>> rows = new ArrayList<>();
            for (int d = 0; d < domains.size(); d++) {
                List<String> row = new ArrayList<>();
                row.add(labels.get(d));
                for (Charts.Series s : series) {
                    Integer v = s.values().get(d);
                    row.add(v == null ? "—" : String.valueOf(v));
                }
                rows.add(row);
            }
            radar = new Chart("radar", title, Charts.radar("radar", title, labels, series, 5), columns, rows);

            // Trend per domain: every completed self and other response in time order.
            List<ResponseView> moments = completed.stream()
                    .filter(r -> r.instrument().equals(SELF) || r.instrument().equals(OTHER)).toList();
            List<String> momentLabels = moments.stream().map(ProgressCharts::day).toList();
            for (int d = 0; d < domains.size(); d++) {
                List<Integer> selfValues = new ArrayList<>();
                List<Integer> otherValues = new ArrayList<>();
                for (ResponseView m : moments) {
                    Integer v = scores(m, domains).get(d);
                    selfValues.add(m.instrument().equals(SELF) ? v : null);
                    otherValues.add(m.instrument().equals(OTHER) ? v : null);
                }
                String t = msg("exploration.chart.trend", locale, labels.get(d));
                trends.add(new Chart("trend-" + d, t, Charts.trend("trend-" + d, t, momentLabels, List.of(
                        new Charts.Series(msg("exploration.chart.self", locale), GREEN, "none", selfValues),
                        new Charts.Series(msg("exploration.chart.other", locale), ORANGE, "2 3", otherValues)), 5),
                        List.of(), List.of()));
            }
            List<String> tcols = new ArrayList<>();
            tcols.add(msg("exploration.chart.moment", locale));
            tcols.addAll(labels);
            List<List<String>> trows = new ArrayList<>();
            for (ResponseView m : moments) {
                List<String> row = new ArrayList<>();
                row.add(day(m) + " — " + msg(m.instrument().equals(SELF) ? "exploration.chart.self" : "exploration.chart.other", locale));
                scores(m, domains).forEach(v -> row.add(v == null ? "—" : String.valueOf(v)));
                trows.add(row);
            }
            trendTable = new Chart("trend-table", msg("exploration.chart.trends", locale), "", tcols, trows);
        }

        Chart bars = null;
        if (!reliance.isEmpty()) {
            ResponseView latest = last(reliance);
            List<String> lifeDomains = domainCodes(RELIANCE);
            Instrument instrument = instrumentOf(latest);
            List<String> rowLabels = new ArrayList<>();
            List<List<Integer>> shares = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (String code : lifeDomains) {
                Instrument.Item group = group(instrument, code);
                String label = msg("exploration.life." + code, locale);
                rowLabels.add(label);
                List<Instrument.Item> parts = group.items().stream().filter(i -> !i.hasOptions()).toList();
                Instrument.Item score = group.items().stream().filter(Instrument.Item::hasOptions).findFirst().orElseThrow();
                List<Integer> values = parts.stream().map(p -> latest.integer(p.linkId())).toList();
                boolean any = values.stream().anyMatch(v -> v != null);
                shares.add(any ? values.stream().map(v -> v == null ? 0 : v).toList() : null);
                Integer s = latest.integer(score.linkId());
                List<String> row = new ArrayList<>();
                row.add(label);
                row.add(s == null ? "—" : s + " (" + score.option(s).map(o -> o.label().in(locale)).orElse("") + ")");
                values.forEach(v -> row.add(v == null ? "—" : v + "%"));
                rows.add(row);
            }
            List<Charts.Segment> segments = List.of(
                    new Charts.Segment(msg("exploration.chart.own", locale), GREEN),
                    new Charts.Segment(msg("exploration.chart.network", locale), BLUE),
                    new Charts.Segment(msg("exploration.chart.professional", locale), ORANGE));
            String title = msg("exploration.chart.reliance", locale, day(latest));
            List<String> columns = List.of(msg("exploration.chart.lifeDomain", locale), msg("exploration.chart.score", locale),
                    segments.get(0).name(), segments.get(1).name(), segments.get(2).name());
            bars = new Chart("reliance", title, Charts.stackedBars("reliance", title, rowLabels, segments, shares), columns, rows);
        }
        return new Overview(radar, trends, trendTable, bars);
    }

    private List<String> domainCodes(String instrumentId) {
        return catalogue.current(instrumentId).orElseThrow().groups().stream()
                .map(Instrument.Item::domainCode).filter(c -> c != null).toList();
    }

    private Instrument instrumentOf(ResponseView r) {
        return catalogue.find(r.instrument(), r.instrumentVersion()).orElseThrow();
    }

    private static Instrument.Item group(Instrument instrument, String code) {
        return instrument.groups().stream().filter(g -> code.equals(g.domainCode())).findFirst().orElseThrow();
    }

    /** The 1..5 score per domain of one quality-of-life response, by domain code. */
    private List<Integer> scores(ResponseView r, List<String> domains) {
        Instrument instrument = instrumentOf(r);
        List<Integer> out = new ArrayList<>();
        for (String code : domains) {
            Instrument.Item g = instrument.groups().stream().filter(x -> code.equals(x.domainCode())).findFirst().orElse(null);
            Integer v = null;
            if (g != null) {
                v = g.items().stream().filter(i -> i.type() == Instrument.ItemType.INTEGER).findFirst()
                        .map(i -> r.integer(i.linkId())).orElse(null);
            }
            out.add(v);
        }
        return out;
    }

    private static ResponseView last(List<ResponseView> list) {
        return list.get(list.size() - 1);
    }

    private static String day(ResponseView r) {
        return DAY.format(r.completedAt());
    }
}
