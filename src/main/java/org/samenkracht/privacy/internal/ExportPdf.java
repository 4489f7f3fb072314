package org.samenkracht.privacy.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.common.pdf.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders the person's copy of everything as a PDF a person can read: ordered by what it is about
 * (about you, story and conversations, exploration, plan, network, secrecy and consent, who looked),
 * every field with a label in the reader's language, dates as dd-mm-jjjj, codes in words, and no
 * ids, hashes or technical fields (those stay in the machine-readable JSON beside it). Every value people
 * wrote takes its own direction ({@code dir="auto"}; a name in running text as {@code <bdi>}), so Arabic
 * reads right to left with its punctuation at its own end.
 */
@Component
public class ExportPdf {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final Pattern UUID_VALUE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    /** Fields that only machines need: ids, versions, hashes, account internals. */
    private static final Set<String> TECHNICAL = Set.of("id", "version", "organisation_id", "password_hash", "failed_logins",
            "locked_until", "enabled", "hash", "previous_hash", "chain", "search", "resource", "ground", "snapshot",
            "subject_id", "kind_key", "audit_event_id");

    /** The topics of the copy, in the order a person reads them, with the tables each one holds. */
    private static final Map<String, List<String>> TOPICS = topics();

    private final MessageSource messages;
    private final PdfDocuments pdfs;

    ExportPdf(MessageSource messages, PdfDocuments pdfs) {
        this.messages = messages;
        this.pdfs = pdfs;
    }

    private static Map<String, List<String>> topics() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("story", List.of("four_questions", "story_entry", "conversation", "logbook_entry"));
        t.put("exploration", List.of("wish", "instrument_response"));
        t.put("plan", List.of("support_plan", "plan_version", "plan_evaluation", "plan_milestone"));
        t.put("network", List.of("network_member", "network_member_version", "network_load_report"));
        return t;
    }

    /**
     * @param whoLooked "who looked", grouped per person, day and purpose (the newest first)
     */
    @SuppressWarnings("unchecked")
    public byte[] render(String personName, Map<String, Object> export, List<AuditLog.Group> whoLooked, Locale locale) {
        StringBuilder html = new StringBuilder("""
                <html lang="%s"><head><title>%s</title><style>
                body { font-family: sans-serif; font-size: 10pt; color: #1b1b1b; }
                h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 16pt; border-bottom: 1px solid #888; }
                h3 { font-size: 11pt; margin: 10pt 0 4pt; }
                table { border-collapse: collapse; width: 100%%; margin-bottom: 6pt; }
                th { text-align: left; width: 30%%; font-weight: normal; color: #444; vertical-align: top; padding: 2pt 4pt; }
                td { padding: 2pt 4pt; word-wrap: break-word; } tr { border-bottom: 1px solid #ddd; }
                p.meta { color: #444; }
                </style></head><body>""".formatted(locale.getLanguage(), esc(msg("export.pdf.title", locale, personName))));
        html.append("<h1>").append(esc(msg("export.pdf.title", locale, personName))).append("</h1>");
        html.append("<p class=\"meta\">").append(esc(msg("export.pdf.intro", locale,
                display(String.valueOf(export.get("exportedAt")), locale), export.get("exportedBy")))).append("</p>");
        html.append("<p class=\"meta\">").append(esc(msg("export.pdf.json", locale))).append("</p>");

        heading(html, "person", locale);
        value(html, export.get("person"), 3, locale);

        Map<String, Object> records = new LinkedHashMap<>((Map<String, Object>) export.getOrDefault("records", Map.of()));
        Map<String, Object> modules = (Map<String, Object>) export.getOrDefault("modules", Map.of());
        for (var topic : TOPICS.entrySet()) {
            heading(html, topic.getKey(), locale);
            boolean any = false;
            for (String table : topic.getValue()) {
                Object rows = records.remove(table);
                if (rows instanceof Collection<?> c && !c.isEmpty()) {
                    html.append("<h3>").append(esc(msg("export.table." + table, locale))).append("</h3>");
                    value(html, rows, 4, locale);
                    any = true;
                }
            }
            if (modules.get(topic.getKey()) != null) {
                value(html, modules.get(topic.getKey()), 3, locale);
                any = true;
            }
            if (!any) {
                html.append("<p>").append(esc(msg("export.pdf.none", locale))).append("</p>");
            }
        }

        heading(html, "privacy", locale);
        value(html, export.get("privacy"), 3, locale);
        records.values().removeIf(v -> v instanceof Collection<?> c && c.isEmpty());
        records.keySet().removeAll(Set.of("audit_event", "app_user", "privacy_notification"));
        if (!records.isEmpty()) {
            heading(html, "records", locale);
            for (var e : records.entrySet()) {
                html.append("<h3>").append(esc(msg("export.table." + e.getKey(), locale))).append("</h3>");
                value(html, e.getValue(), 4, locale);
            }
        }

        heading(html, "accessLog", locale);
        if (whoLooked.isEmpty()) {
            html.append("<p>").append(esc(msg("export.pdf.none", locale))).append("</p>");
        }
        html.append("<ul>");
        for (AuditLog.Group g : whoLooked) {
            String info = msg("accessLog.forTeam.info." + g.information().name(), locale);
            String did = msg("accessLog.forTeam.did." + g.kind().name(), locale, info);
            String when = g.times() == 1 ? msg("accessLog.at", locale, g.first().toString().substring(0, 5))
                    : msg("accessLog.times", locale, g.times(), g.first().toString().substring(0, 5), g.last().toString().substring(0, 5));
            String who = g.actor() + (g.actorRole() == null ? "" : " (" + msg(g.actorRole().messageKey(), locale) + ")");
            html.append("<li>").append(esc(g.day().format(DATE))).append(", ").append(esc(when)).append(": ")
                    .append("<bdi>").append(esc(who)).append("</bdi> ").append(esc(did)).append("</li>");
        }
        html.append("</ul></body></html>");
        // fonts, bidi, tags, page numbers and letterhead: the shared PDF maker (common.pdf)
        return pdfs.render(html.toString(), org.samenkracht.identity.CurrentUser.find()
                .map(u -> pdfs.letterhead(u.organisationId())).orElse(null));
    }

    private void heading(StringBuilder html, String section, Locale locale) {
        html.append("<h2>").append(esc(msg("export.section." + section, locale))).append("</h2>");
    }

    private void value(StringBuilder html, Object value, int depth, Locale locale) {
        if (value == null) {
            html.append("<p>—</p>");
        } else if (value instanceof Map<?, ?> map && map.values().stream().anyMatch(v -> v instanceof Map || v instanceof Collection)) {
            List<Map.Entry<?, ?>> plain = new ArrayList<>();
            for (var e : map.entrySet()) {
                if (e.getValue() instanceof Map || e.getValue() instanceof Collection) {
                    html.append("<h").append(Math.min(depth, 4)).append(">").append(esc(label(String.valueOf(e.getKey()), locale)))
                            .append("</h").append(Math.min(depth, 4)).append(">");
                    value(html, e.getValue(), depth + 1, locale);
                } else {
                    plain.add(e);
                }
            }
            table(html, plain, locale);
        } else if (value instanceof Map<?, ?> map) {
            table(html, new ArrayList<>(map.entrySet()), locale);
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                html.append("<p>").append(esc(msg("export.pdf.none", locale))).append("</p>");
            }
            for (Object item : list) {
                value(html, item, depth, locale);
            }
        } else {
            html.append("<p dir=\"auto\">").append(esc(display(String.valueOf(value), locale))).append("</p>");
        }
    }

    private void table(StringBuilder html, List<? extends Map.Entry<?, ?>> fields, Locale locale) {
        StringBuilder rows = new StringBuilder();
        for (var e : fields) {
            String key = snake(String.valueOf(e.getKey()));
            if (technical(key) || e.getValue() == null || String.valueOf(e.getValue()).isBlank()) {
                continue;
            }
            String shown = key.equals("reason_key") ? msg(String.valueOf(e.getValue()), locale) : display(String.valueOf(e.getValue()), locale);
            if (UUID_VALUE.matcher(shown).matches()) {
                continue;
            }
            rows.append("<tr><th>").append(esc(label(key, locale))).append("</th><td dir=\"auto\">").append(esc(shown)).append("</td></tr>");
        }
        if (!rows.isEmpty()) {
            html.append("<table>").append(rows).append("</table>");
        }
    }

    static boolean technical(String key) {
        return TECHNICAL.contains(key) || key.endsWith("_id") || key.endsWith("_hash");
    }

    /** A value as a person reads it: dates as dd-mm-jjjj, times in Dutch time to the minute, codes in words. */
    String display(String value, Locale locale) {
        try {
            if (ISO_DATE.matcher(value).matches()) {
                return LocalDate.parse(value).format(DATE);
            }
            if (ISO_TIME.matcher(value).matches()) {
                Instant at = value.endsWith("Z") ? Instant.parse(value) : OffsetDateTime.parse(value).toInstant();
                return at.atZone(DUTCH_TIME).format(DATE_TIME);
            }
        } catch (DateTimeParseException e) {
            return value;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return msg("export.value." + value, locale);
        }
        if (CODE.matcher(value).matches()) {
            String word = optional("export.code." + value, locale);
            return word != null ? word : value.replace('_', ' ').toLowerCase(locale);
        }
        return value;
    }

    /** A field's label in the reader's language: export.field.given_name → "Voornaam". */
    private String label(String key, Locale locale) {
        String snake = snake(key);
        String label = optional("export.field." + snake, locale);
        return label != null ? label : snake.replace('_', ' ');
    }

    /** givenName and given_name are the same field. */
    static String snake(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private String optional(String key, Locale locale) {
        try {
            return messages.getMessage(key, null, locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8").replace("&nbsp;", "&#160;");
    }
}
