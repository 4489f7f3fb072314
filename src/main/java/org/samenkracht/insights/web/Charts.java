package org.samenkracht.insights.web;

import org.samenkracht.common.disclosure.Shown;
import org.samenkracht.insights.Insights;
import org.springframework.web.util.HtmlUtils;

/**
 * Server-rendered SVG bar charts of a figure's first share per area; a held-back bar is drawn as a hatched
 * outline marked "x". The table beside the chart carries the same numbers for screen readers (the SVG is
 * aria-hidden with a title).
 */
final class Charts {

    private Charts() {
    }

    static String bars(Insights.FigureView f, String title, String heldBack, java.util.Locale locale) {
        int rowHeight = 26;
        int labelWidth = 180;
        int width = 560;
        int height = Math.max(1, f.lines().size()) * rowHeight + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-hidden=\"true\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\"><title>").append(HtmlUtils.htmlEscape(title)).append("</title>");
        int y = 5;
        for (Insights.Line line : f.lines()) {
            Shown value = line.percents().isEmpty() ? (line.cells().isEmpty() ? line.n() : line.cells().get(0)) : line.percents().get(0);
            double max = line.percents().isEmpty() ? maxOf(f) : 100.0;
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"13\">")
                    .append(HtmlUtils.htmlEscape(line.name())).append("</text>");
            if (value.isSuppressed()) {
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"40\" height=\"18\" ")
                        .append("fill=\"none\" stroke=\"#888\" stroke-dasharray=\"3 2\"/><text x=\"").append(labelWidth + 48)
                        .append("\" y=\"").append(y + 17).append("\" font-size=\"13\">").append(HtmlUtils.htmlEscape(heldBack)).append("</text>");
            } else {
                int w = max <= 0 ? 0 : (int) Math.max(0, Math.round((width - labelWidth - 70) * value.value() / max));
                svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                        .append("\" height=\"18\" fill=\"#2b6cb0\"/><text x=\"").append(labelWidth + w + 6).append("\" y=\"")
                        .append(y + 17).append("\" font-size=\"13\">").append(value.text(locale))
                        .append(line.percents().isEmpty() ? "" : "%").append("</text>");
            }
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static double maxOf(Insights.FigureView f) {
        double max = 0;
        for (Insights.Line l : f.lines()) {
            Shown v = l.cells().isEmpty() ? l.n() : l.cells().get(0);
            if (!v.isSuppressed()) {
                max = Math.max(max, v.value());
            }
        }
        return max;
    }
}
