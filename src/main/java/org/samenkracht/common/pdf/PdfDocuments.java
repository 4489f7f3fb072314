package org.samenkracht.common.pdf;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Every PDF of Samenkracht is made here, so each one can be read and printed whatever script people
 * wrote in: DejaVu Sans embedded (Latin and Arabic; shipped in {@code fonts/} with its licence),
 * bidi and Arabic shaping through ICU, tagged PDF (PDF/UA) with the document's title and language,
 * page numbers and the organisation's name and contact at the foot of every page, and tables whose
 * header repeats and never stands alone at the bottom of a page (a table that fits on a page is
 * kept whole; a longer one breaks between rows, its header repeated above the rest).
 */
@Component
public class PdfDocuments {

    static final String FAMILY = "Samenkracht Sans";

    /** Printed rules every document shares; a document's own style comes after and may add to them. */
    static final String SHARED_STYLE = """
            @page { size: A4; margin: 18mm 16mm 22mm 16mm;
              @bottom-left { content: element(letterhead); }
              @bottom-right { content: counter(page) " / " counter(pages); font-family: '%1$s'; font-size: 8pt; color: #444; } }
            body, h1, h2, h3, h4, p, td, th, li, span, strong, em { font-family: '%1$s'; }
            .pdf-letterhead { position: running(letterhead); font-family: '%1$s'; font-size: 8pt; color: #444; }
            table { -fs-table-paginate: paginate; page-break-inside: avoid; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            h1, h2, h3, h4 { page-break-after: avoid; }
            """.formatted(FAMILY);

    private final JdbcClient db;
    private final String defaultContact;

    PdfDocuments(JdbcClient db, @Value("${samenkracht.organisation.contact:}") String defaultContact) {
        this.db = db;
        this.defaultContact = defaultContact;
    }

    /** The organisation's name and contact, as its letterhead at the foot of every page. */
    public Letterhead letterhead(UUID organisationId) {
        return db.sql("select name, contact from organisation where id = :id").param("id", organisationId)
                .query((rs, n) -> new Letterhead(rs.getString("name"),
                        rs.getString("contact") != null ? rs.getString("contact") : defaultContact))
                .optional().orElse(new Letterhead("Samenkracht", defaultContact));
    }

    public record Letterhead(String name, String contact) {
        String html() {
            String text = contact == null || contact.isBlank() ? name : name + " · " + contact;
            return "<div class=\"pdf-letterhead\" dir=\"auto\">" + HtmlUtils.htmlEscape(text, "UTF-8") + "</div>";
        }
    }

    /**
     * Renders an XHTML document (with a {@code <title>} and a {@code lang} on {@code <html>}, as PDF/UA
     * asks) to a tagged PDF with the shared fonts, bidi, page numbers and letterhead.
     */
    public byte[] render(String xhtml, Letterhead letterhead) {
        return PdfDocuments.render(xhtml, letterhead, true);
    }

    static byte[] render(String xhtml, Letterhead letterhead, boolean tagged) {
        String document = withSharedParts(xhtml, letterhead);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "fonts/DejaVuSans.ttf", 400);
            font(builder, "fonts/DejaVuSans-Bold.ttf", 700);
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(java.util.Locale.ROOT));
            builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
            if (tagged) {
                builder.usePdfUaAccessbility(true);
            }
            builder.withHtmlContent(document, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void font(PdfRendererBuilder builder, String resource, int weight) {
        builder.useFont(() -> {
            InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("font missing from the build: " + resource);
            }
            return in;
        }, FAMILY, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
    }

    /**
     * The shared style last in the head (its fonts win over a document's generic "sans-serif", which
     * would be a non-embedded Helvetica without Arabic), the letterhead first in the body (running
     * elements must come before the content they run beside).
     */
    static String withSharedParts(String xhtml, Letterhead letterhead) {
        String style = "<style>" + SHARED_STYLE + "</style>";
        java.util.regex.Matcher title = java.util.regex.Pattern.compile("<title>([^<]*)</title>").matcher(xhtml);
        if (!xhtml.contains("name=\"description\"") && title.find()) {
            // PDF/UA asks for a description; the title says what the document is
            style = "<meta name=\"description\" content=\"" + title.group(1).replace("\"", "&quot;") + "\"/>" + style;
        }
        String html = xhtml;
        int head = html.indexOf("</head>");
        html = head >= 0 ? html.substring(0, head) + style + html.substring(head)
                : html.replaceFirst("<html([^>]*)>", "<html$1><head>" + java.util.regex.Matcher.quoteReplacement(style) + "</head>");
        if (letterhead != null) {
            java.util.regex.Matcher body = java.util.regex.Pattern.compile("<body[^>]*>").matcher(html);
            if (body.find()) {
                html = html.substring(0, body.end()) + letterhead.html() + html.substring(body.end());
            }
        }
        return html;
    }
}
