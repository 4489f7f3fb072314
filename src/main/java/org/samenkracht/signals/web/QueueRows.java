package org.samenkracht.signals.web;

import org.samenkracht.signals.Signals;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of the triage queue as markup, written in one pass. Profiling the queue page (50 rows, seven
 * cells each) showed four fifths of its time in the template engine evaluating about twenty expressions and
 * message look-ups per row; here each label is looked up once per page and every value is HTML-escaped.
 * The markup is the same as the template's was (see signals/queue.html).
 */
final class QueueRows {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd-MM HH:mm").withZone(Signals.ZONE);

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> labels = new HashMap<>();

    QueueRows(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String html(List<Signals.QueueItem> items, String contextPath) {
        StringBuilder out = new StringBuilder(items.size() * 600);
        for (Signals.QueueItem i : items) {
            String timing = i.timing().name();
            // late: the time left says so itself ("1 dag te laat"), in bold; a separate "te laat" would say it twice
            String timeLeft = timing.equals("OVERDUE") ? "strong" : "span";
            out.append("<tr class=\"timing-").append(timing).append("\">\n      <td><span>")
                    .append(DUE.format(i.dueAt())).append("</span>\n        <").append(timeLeft).append(" class=\"time-left\">")
                    .append(escape(messages.getMessage(i.timeLeft().messageKey(), new Object[]{i.timeLeft().amount()},
                            i.timeLeft().messageKey(), locale))).append("</").append(timeLeft).append(">");
            if (timing.equals("DUE_SOON")) {
                out.append("\n        <span>").append(label("signals.timing.DUE_SOON")).append("</span>");
            }
            if (i.escalated()) {
                out.append("\n        <span>").append(label("signals.escalated")).append("</span>");
            }
            out.append("</td>\n      <td><a href=\"").append(escape(contextPath)).append("/signals/").append(i.id()).append("\">")
                    .append(escape(i.reference())).append("</a></td>\n      <td>").append(escape(i.subjectName()));
            if (i.partial()) {
                out.append(" <span class=\"tag mark-partial\">").append(label("signals.mark.partial")).append("</span>");
            }
            if (i.anonymousSignaller()) {
                out.append(" <span class=\"tag mark-anonymous\">").append(label("signals.mark.anonymous")).append("</span>");
            }
            if (i.concernKind() != null) {
                out.append(" <span class=\"tag\">").append(label("signals.concernKind." + i.concernKind())).append("</span>");
            }
            out.append("</td>\n      <td>").append(label("signals.kind." + i.kind()))
                    .append("</td>\n      <td>").append(label("signals.status." + i.status()))
                    .append("</td>\n      <td>").append(label("signals.partnerKind." + i.partnerKind()))
                    .append("</td>\n      <td>").append(escape(i.team())).append("</td></tr>\n");
        }
        return out.toString();
    }

    /** A message, looked up once a page and escaped. */
    private String label(String key) {
        return labels.computeIfAbsent(key, k -> escape(messages.getMessage(k, null, k, locale)));
    }

    private static String escape(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
