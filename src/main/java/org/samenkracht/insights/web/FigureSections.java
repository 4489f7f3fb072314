package org.samenkracht.insights.web;

import org.samenkracht.insights.Figure;
import org.samenkracht.insights.Insights;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import java.util.Locale;

/**
 * The dashboard's figures as HTML: per figure a heading, its hint, the SVG chart and the accessible table beside it.
 * Written once per view and language (the template engine spent most of the page's time on the 15 tables of 36 rows);
 * every text is escaped, every number is a {@link org.samenkracht.common.disclosure.Shown} from the disclosure gate.
 */
final class FigureSections {

    private FigureSections() {
    }

    static String html(Insights.View view, MessageSource messages, Locale locale) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String heldBack = messages.getMessage("insights.heldBack", null, locale);
        for (Insights.FigureView f : view.figures()) {
            String title = messages.getMessage(f.figure().labelKey(), null, locale);
            b.append("<section class=\"figure\" id=\"figure-").append(f.figure().name()).append("\"><h2>").append(esc(title))
                    .append("</h2><p class=\"hint\">")
                    .append(esc(messages.getMessage(f.figure().labelKey() + ".hint", new Object[]{view.sensitiveThreshold()}, locale)))
                    .append("</p><div class=\"chart\">").append(Charts.bars(f, title, heldBack, locale)).append("</div>");
            b.append("<table class=\"list\"><caption>").append(esc(title)).append("</caption><thead><tr><th scope=\"col\">")
                    .append(esc(messages.getMessage("insights.area", null, locale))).append("</th><th scope=\"col\">")
                    .append(esc(messages.getMessage("insights.n", null, locale))).append("</th>");
            for (String c : f.categories()) {
                String key = (f.figure().kind() == Figure.Kind.MEDIANS ? "lifeDomain." : "insights.category.") + c;
                b.append("<th scope=\"col\">").append(esc(messages.getMessage(key, null, locale))).append("</th>");
            }
            boolean medians = !f.lines().isEmpty() && f.lines().get(0).median() != null;
            if (medians) {
                b.append("<th scope=\"col\">").append(esc(messages.getMessage("insights.median", null, locale))).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (Insights.Line l : f.lines()) {
                b.append("<tr data-area=\"").append(esc(l.code())).append("\"><th scope=\"row\"><bdi>").append(esc(l.name()))
                        .append("</bdi> <small>").append(esc(l.code())).append("</small></th><td>").append(l.n().text(locale)).append("</td>");
                for (int i = 0; i < l.cells().size(); i++) {
                    b.append("<td><span>").append(l.cells().get(i).text(locale)).append("</span>");
                    if (!l.percents().isEmpty() && !l.percents().get(i).isSuppressed()) {
                        b.append("<span> (").append(l.percents().get(i).text(locale)).append("%)</span>");
                    }
                    b.append("</td>");
                }
                if (l.median() != null) {
                    b.append("<td>").append(l.median().text(locale)).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table></section>");
        }
        return b.toString();
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
    }
}
