package org.samenkracht.common.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared PDF maker: embedded fonts for Latin and Arabic, shaping, tags, page numbers, letterhead, headers. */
class PdfDocumentsTest {

    static final PdfDocuments.Letterhead LETTERHEAD = new PdfDocuments.Letterhead("Gemeente Voorbeeld", "0123-456789 · wmo@example.org");

    static String document(String body) {
        return "<html lang=\"nl\"><head><title>Proef</title><style>body { font-family: sans-serif; }</style></head><body>"
                + body + "</body></html>";
    }

    static PDDocument pdf(String body) throws IOException {
        return Loader.loadPDF(PdfDocuments.render(document(body), LETTERHEAD, true));
    }

    @Test
    void arabic_and_dutch_are_printed_with_embedded_fonts_and_shaped() throws IOException {
        try (PDDocument pdf = pdf("<p>Zoë zegt: <span dir=\"auto\">مرحبا بالعالم</span>, tot ziens.</p>")) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).extracting(PDFont::getName).allMatch(n -> n.contains("DejaVu"));
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Zoë zegt").doesNotContain("#");
            // shaped Arabic: the letters come out as Arabic (presentation forms or base letters), never as '#'
            assertThat(text.codePoints().filter(c -> (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF)).count())
                    .isGreaterThanOrEqualTo(10);
            assertThat(text.codePoints().anyMatch(c -> c >= 0xFE70 && c <= 0xFEFF))
                    .as("joined (shaped) forms, not isolated letters").isTrue();
        }
    }

    @Test
    void the_pdf_is_tagged_with_title_and_language_and_every_page_has_number_and_letterhead() throws IOException {
        String paragraphs = "<p>Een regel tekst die de pagina vult.</p>".repeat(120);
        try (PDDocument pdf = pdf(paragraphs)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Proef");
            int pages = pdf.getNumberOfPages();
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(p);
                page.setEndPage(p);
                String text = page.getText(pdf);
                assertThat(text).contains(p + " / " + pages).contains("Gemeente Voorbeeld").contains("wmo@example.org");
            }
        }
    }

    @Test
    void a_table_header_never_stands_alone_at_the_foot_of_a_page() throws IOException {
        // fill the page so that the table would start in its last centimetre
        for (int filler = 40; filler <= 52; filler++) {
            String body = "<p style=\"margin:0;line-height:14pt\">regel</p>".repeat(filler)
                    + "<table><thead><tr><th>KOPJE</th><th>Wie</th></tr></thead><tbody>"
                    + "<tr><td>rij een</td><td>Ria</td></tr>".repeat(3) + "</tbody></table>";
            try (PDDocument pdf = pdf(body)) {
                for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                    PDFTextStripper page = new PDFTextStripper();
                    page.setStartPage(p);
                    page.setEndPage(p);
                    String text = page.getText(pdf);
                    if (text.contains("KOPJE")) {
                        assertThat(text).as("page " + p + " with " + filler + " lines before the table").contains("rij een");
                    }
                }
            }
        }
    }
}
