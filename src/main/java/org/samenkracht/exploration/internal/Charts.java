package org.samenkracht.exploration.internal;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * Server-rendered SVG charts. Every chart has a title and description for screen readers, and the
 * page shows the same figures as a text table beside it; series differ in line style, not only colour.
 */
public final class Charts {

    private Charts() {
    }

    /** One line of a chart: a name and a value per axis ({@code null} when not answered). */
    public record Series(String name, String colour, String dash, List<Integer> values) {
    }

    public record Segment(String name, String colour) {
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    /** A radar of the domains on a 1..max scale, one polygon per series. */
    public static String radar(String id, String title, List<String> axes, List<Series> series, int max) {
        int size = 420;
        int width = 620;
        double cx = width / 2.0;
        double cy = size / 2.0;
        double r = 135;
        int n = axes.size();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart radar\" viewBox=\"0 0 ").append(width)
                .append(' ').append(size + 30 + 18 * series.size()).append("\" role=\"img\" aria-labelledby=\"")
                .append(id).append("-t\"><title id=\"").append(id).append("-t\">").append(esc(title)).append("</title>");
        for (int ring = 1; ring <= max; ring++) {
            StringBuilder pts = new StringBuilder();
            for (int a = 0; a < n; a++) {
                pts.append(point(cx, cy, r * ring / max, a, n)).append(' ');
            }
            svg.append("<polygon points=\"").append(pts.toString().trim())
                    .append("\" fill=\"none\" stroke=\"#c9d3d9\" stroke-width=\"1\"/>");
        }
        for (int a = 0; a < n; a++) {
            double[] end = xy(cx, cy, r, a, n);
            double[] label = xy(cx, cy, r + 18, a, n);
            String anchor = Math.abs(label[0] - cx) < 5 ? "middle" : label[0] > cx ? "start" : "end";
            svg.append("<line x1=\"").append(num(cx)).append("\" y1=\"").append(num(cy)).append("\" x2=\"")
                    .append(num(end[0])).append("\" y2=\"").append(num(end[1])).append("\" stroke=\"#c9d3d9\"/>");
            svg.append("<text x=\"").append(num(label[0])).append("\" y=\"").append(num(label[1] + 4))
                    .append("\" font-size=\"12\" text-anchor=\"").append(anchor).append("\" fill=\"#1d2a33\">")
                    .append(esc(axes.get(a))).append("</text>");
        }
        for (Series s : series) {
            StringBuilder pts = new StringBuilder();
            for (int a = 0; a < n; a++) {
                Integer v = s.values().get(a);
                pts.append(point(cx, cy, r * (v == null ? 0 : v) / max, a, n)).append(' ');
            }
            svg.append("<polygon class=\"series\" points=\"").append(pts.toString().trim()).append("\" fill=\"")
                    .append(s.colour()).append("\" fill-opacity=\"0.12\" stroke=\"").append(s.colour())
                    .append("\" stroke-width=\"2.5\" stroke-dasharray=\"").append(s.dash()).append("\"/>");
        }
        legend(svg, series, size + 10);
        return svg.append("</svg>").toString();
    }

    /** A small line chart of one domain over time, values 1..max, one line per series. */
    public static String trend(String id, String title, List<String> moments, List<Series> series, int max) {
        int w = 320;
        int h = 150;
        double left = 28;
        double top = 10;
        double plotW = w - left - 12;
        double plotH = 100;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart trend\" viewBox=\"0 0 ").append(w).append(' ')
                .append(h + 18 * series.size()).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-t\"><title id=\"").append(id).append("-t\">").append(esc(title)).append("</title>");
        for (int v = 1; v <= max; v++) {
            double y = top + plotH - plotH * (v - 1) / (max - 1.0);
            svg.append("<line x1=\"").append(num(left)).append("\" x2=\"").append(num(left + plotW)).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"#e3e8eb\"/>")
                    .append("<text x=\"").append(num(left - 6)).append("\" y=\"").append(num(y + 4))
                    .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#51616b\">").append(v).append("</text>");
        }
        int m = moments.size();
        // Dates whole on a phone: the first and last stand inside the chart (anchored at their edge),
        // and a date between them is left out where it would run into its neighbour (the table below
        // the charts has them all). Width estimated at 0.62 × the font size per character.
        double lastRight = Double.NEGATIVE_INFINITY;
        double finalLeft = m > 1 ? xAt(m - 1, m, left, plotW) - moments.get(m - 1).length() * 10 * 0.62 : Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            String anchor = m > 1 && i == 0 ? "start" : m > 1 && i == m - 1 ? "end" : "middle";
            double x = xAt(i, m, left, plotW);
            double width = moments.get(i).length() * 10 * 0.62;
            double from = "start".equals(anchor) ? x : "end".equals(anchor) ? x - width : x - width / 2;
            boolean last = i == m - 1;
            if (!last && (from < lastRight + 4 || from + width > finalLeft - 4)) {
                continue;
            }
            lastRight = from + width;
            svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(top + plotH + 16))
                    .append("\" font-size=\"10\" text-anchor=\"").append(anchor)
                    .append("\" fill=\"#51616b\">").append(esc(moments.get(i)))
                    .append("</text>");
        }
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < m; i++) {
                Integer v = s.values().get(i);
                if (v == null) {
                    continue;
                }
                double x = xAt(i, m, left, plotW);
                double y = top + plotH - plotH * (v - 1) / (max - 1.0);
                path.append(path.isEmpty() ? "M" : " L").append(num(x)).append(' ').append(num(y));
                dots.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"3.5\" fill=\"")
                        .append(s.colour()).append("\"/>");
            }
            if (!path.isEmpty()) {
                svg.append("<path class=\"series\" d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(s.colour())
                        .append("\" stroke-width=\"2.5\" stroke-dasharray=\"").append(s.dash()).append("\"/>").append(dots);
            }
        }
        legend(svg, series, h);
        return svg.append("</svg>").toString();
    }

    private static double xAt(int i, int m, double left, double plotW) {
        return m == 1 ? left + plotW / 2 : left + 10 + (plotW - 20) * i / (m - 1.0);
    }

    /** Horizontal stacked bars of shares (0..100) per row. */
    public static String stackedBars(String id, String title, List<String> rows, List<Segment> segments,
                                     List<List<Integer>> shares) {
        int w = 560;
        double labelW = 190;
        double barW = w - labelW - 10;
        int rowH = 30;
        int h = rows.size() * rowH + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bars\" viewBox=\"0 0 ").append(w).append(' ')
                .append(h + 30).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t\"><title id=\"")
                .append(id).append("-t\">").append(esc(title)).append("</title>");
        for (int r = 0; r < rows.size(); r++) {
            double y = 5 + r * rowH;
            svg.append("<text x=\"").append(num(labelW - 8)).append("\" y=\"").append(num(y + 17))
                    .append("\" font-size=\"12\" text-anchor=\"end\" fill=\"#1d2a33\">").append(esc(rows.get(r))).append("</text>");
            double x = labelW;
            List<Integer> row = shares.get(r);
            if (row == null) {
                svg.append("<rect x=\"").append(num(labelW)).append("\" y=\"").append(num(y)).append("\" width=\"")
                        .append(num(barW)).append("\" height=\"22\" fill=\"none\" stroke=\"#c9d3d9\" stroke-dasharray=\"4 3\"/>");
                continue;
            }
            for (int s = 0; s < segments.size(); s++) {
                double width = barW * row.get(s) / 100.0;
                if (width <= 0) {
                    continue;
                }
                svg.append("<rect class=\"segment\" x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                        .append(num(width)).append("\" height=\"22\" fill=\"").append(segments.get(s).colour())
                        .append("\" stroke=\"#fff\"/>");
                if (width > 34) {
                    svg.append("<text x=\"").append(num(x + width / 2)).append("\" y=\"").append(num(y + 15))
                            .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#fff\">").append(row.get(s))
                            .append("%</text>");
                }
                x += width;
            }
        }
        double lx = labelW;
        for (Segment s : segments) {
            svg.append("<rect x=\"").append(num(lx)).append("\" y=\"").append(h + 6).append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(s.colour()).append("\"/><text x=\"").append(num(lx + 19)).append("\" y=\"").append(h + 18)
                    .append("\" font-size=\"12\" fill=\"#1d2a33\">").append(esc(s.name())).append("</text>");
            lx += 19 + 8 * s.name().length() + 14;
        }
        return svg.append("</svg>").toString();
    }

    private static void legend(StringBuilder svg, List<Series> series, int top) {
        int y = top + 6;
        for (Series s : series) {
            svg.append("<line x1=\"10\" x2=\"40\" y1=\"").append(y).append("\" y2=\"").append(y).append("\" stroke=\"")
                    .append(s.colour()).append("\" stroke-width=\"3\" stroke-dasharray=\"").append(s.dash())
                    .append("\"/><text x=\"48\" y=\"").append(y + 4).append("\" font-size=\"12\" fill=\"#1d2a33\">")
                    .append(esc(s.name())).append("</text>");
            y += 18;
        }
    }

    private static double[] xy(double cx, double cy, double radius, int axis, int n) {
        double angle = -Math.PI / 2 + 2 * Math.PI * axis / n;
        return new double[]{cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)};
    }

    private static String point(double cx, double cy, double radius, int axis, int n) {
        double[] p = xy(cx, cy, radius, axis, n);
        return num(p[0]) + "," + num(p[1]);
    }
}
