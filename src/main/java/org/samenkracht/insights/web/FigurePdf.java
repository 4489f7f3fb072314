package org.samenkracht.insights.web;

import org.samenkracht.insights.Insights;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import java.util.Locale;

/** The figures of a view as an XHTML document for the shared PDF renderer: the same tables as the page, nothing more. */
final class FigurePdf {

    private FigurePdf() {
    }

    static String xhtml(Insights.View view, MessageSource messages, Locale locale) {
        StringBuilder b = new StringBuilder();
        String title = messages.getMessage("insights.title", null, locale);
        b.append("<html lang=\"").append(locale.getLanguage()).append("\"><head><title>").append(esc(title))
                .append("</title><style>table{border-collapse:collapse;margin-bottom:10pt} th,td{border:0.5pt solid #999;padding:2pt 4pt;font-size:9pt}</style></head><body>");
        b.append("<h1>").append(esc(title)).append("</h1><p>")
                .append(esc(messages.getMessage("insights.level." + view.filter().level(), null, locale))).append(" · ")
                .append(esc(view.filter().period())).append("</p><p>")
                .append(esc(messages.getMessage("insights.intro", new Object[]{view.threshold()}, locale))).append("</p>");
        view.freshness().ifPresent(f -> b.append("<p>").append(esc(messages.getMessage("insights.freshness",
                new Object[]{f.finishedAt().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDateTime().withNano(0).toString()}, locale)))
                .append("</p>"));
        for (Insights.FigureView f : view.figures()) {
            b.append("<h2>").append(esc(messages.getMessage(f.figure().labelKey(), null, locale))).append("</h2><table><thead><tr><th>")
                    .append(esc(messages.getMessage("insights.area", null, locale))).append("</th><th>")
                    .append(esc(messages.getMessage("insights.n", null, locale))).append("</th>");
            for (String c : f.categories()) {
                b.append("<th>").append(esc(messages.getMessage((f.figure().kind() == org.samenkracht.insights.Figure.Kind.MEDIANS ? "lifeDomain." : "insights.category.") + c, null, locale))).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (Insights.Line l : f.lines()) {
                b.append("<tr><td>").append(esc(l.name())).append(" (").append(esc(l.code())).append(")</td><td>")
                        .append(esc(l.n().text(locale))).append("</td>");
                for (int i = 0; i < l.cells().size(); i++) {
                    b.append("<td>").append(esc(l.cells().get(i).text(locale)));
                    if (!l.percents().isEmpty() && !l.percents().get(i).isSuppressed()) {
                        b.append(" (").append(esc(l.percents().get(i).text(locale))).append("%)");
                    }
                    b.append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table>");
        }
        return b.append("<p>").append(esc(messages.getMessage("insights.heldBack.explained", null, locale))).append("</p></body></html>").toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }
}
