package org.samenkracht.privacy.internal;

import org.samenkracht.common.pdf.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the export of a person's file as a readable PDF: a heading per section, and every record
 * as a small table of its fields (field names made readable), in the reader's language.
 */
@Component
public class ExportPdf {

    private final MessageSource messages;
    private final PdfDocuments pdfs;

    ExportPdf(MessageSource messages, PdfDocuments pdfs) {
        this.messages = messages;
        this.pdfs = pdfs;
    }

    public byte[] render(String personName, Map<String, Object> export, Locale locale) {
        StringBuilder html = new StringBuilder("""
                <html lang="LANG"><head><title>TITLE</title><style>
                body { font-family: sans-serif; font-size: 10pt; color: #1b1b1b; }
                h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 16pt; border-bottom: 1px solid #888; }
                h3 { font-size: 11pt; margin: 10pt 0 4pt; }
                table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
                th { text-align: left; width: 30%; font-weight: normal; color: #444; vertical-align: top; padding: 2pt 4pt; }
                td { padding: 2pt 4pt; word-wrap: break-word; } tr { border-bottom: 1px solid #ddd; }
                p.meta { color: #444; }
                </style></head><body>""".replace("LANG", esc(locale.getLanguage()))
                .replace("TITLE", esc(msg("export.pdf.title", locale, personName))));
        html.append("<h1>").append(esc(msg("export.pdf.title", locale, personName))).append("</h1>");
        html.append("<p class=\"meta\">").append(esc(msg("export.pdf.intro", locale, export.get("exportedAt"),
                export.get("exportedBy")))).append("</p>");
        for (var section : export.entrySet()) {
            if (section.getKey().startsWith("exported")) {
                continue;
            }
            html.append("<h2>").append(esc(msg("export.section." + section.getKey(), locale, section.getKey()))).append("</h2>");
            value(html, section.getValue(), 3, locale);
        }
        html.append("</body></html>");
        // fonts, bidi, tags, page numbers and letterhead: the shared PDF maker (common.pdf)
        return pdfs.render(html.toString(), org.samenkracht.identity.CurrentUser.find()
                .map(u -> pdfs.letterhead(u.organisationId())).orElse(null));
    }

    private void value(StringBuilder html, Object value, int depth, Locale locale) {
        if (value == null) {
            html.append("<p>—</p>");
        } else if (value instanceof Map<?, ?> map && map.values().stream().anyMatch(v -> v instanceof Map || v instanceof Collection)) {
            for (var e : map.entrySet()) {
                html.append("<h").append(Math.min(depth, 4)).append(">").append(esc(readable(String.valueOf(e.getKey()))))
                        .append("</h").append(Math.min(depth, 4)).append(">");
                value(html, e.getValue(), depth + 1, locale);
            }
        } else if (value instanceof Map<?, ?> map) {
            table(html, map);
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                html.append("<p>").append(esc(msg("export.pdf.none", locale, "—"))).append("</p>");
            }
            for (Object item : list) {
                value(html, item, depth, locale);
            }
        } else {
            html.append("<p>").append(esc(String.valueOf(value))).append("</p>");
        }
    }

    private static void table(StringBuilder html, Map<?, ?> map) {
        html.append("<table>");
        for (var e : map.entrySet()) {
            html.append("<tr><th>").append(esc(readable(String.valueOf(e.getKey())))).append("</th><td>")
                    .append(esc(e.getValue() == null ? "—" : String.valueOf(e.getValue()))).append("</td></tr>");
        }
        html.append("</table>");
    }

    /** given_name → "given name", recordedAt → "recorded at". */
    static String readable(String key) {
        return key.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, String.valueOf(args.length > 0 ? args[args.length - 1] : key), locale);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8").replace("&nbsp;", "&#160;");
    }
}
