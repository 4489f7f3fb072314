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
            // the Arabic comes out in logical order, as Arabic letters, never as '#' (the joined, right-to-left
            // rendering itself was checked by eye: ICU shapes it; see docs/performance.md, issue 15)
            assertThat(text).contains("Zoë zegt").contains("مرحبا").contains("بالعالم").doesNotContain("#");
        }
    }

    @Test
    void arabic_is_drawn_joined_and_a_right_to_left_text_keeps_its_punctuation_at_its_own_end() {
        PdfText pdf = PdfText.of(PdfDocuments.render(document("<p dir=\"auto\">نطبخ معاً!</p><p>Samen koken!</p>"), LETTERHEAD, true));
        assertThat(pdf.arabicShaped()).as("joined Arabic forms drawn").isTrue();
        List<PdfText.Glyph> marks = pdf.glyphsOf("!");
        assertThat(marks).hasSize(2);
        List<PdfText.Glyph> arabic = pdf.arabicBeside(marks.get(0));
        assertThat(arabic).as("the Arabic beside the first '!'").isNotEmpty();
        // read from the right, the exclamation mark ends the Arabic sentence: at its left
        assertThat(arabic).as("'!' of the Arabic sentence left of its letters").allMatch(g -> g.x() > marks.get(0).x());
        // and a Dutch sentence keeps it at the right
        assertThat(marks.get(1).x()).as("'!' of the Dutch sentence").isGreaterThan(pdf.glyphsOf("S").get(0).x());
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
        // fill the page so that a short and a long table start in every spot of the page's last few centimetres
        for (int rows : new int[]{3, 70}) {
            for (int filler = 42; filler <= 54; filler += 2) {
                String body = "<p style=\"margin:0;line-height:14pt\">regel</p>".repeat(filler)
                        + "<table><thead><tr><th>KOPJE</th><th>Wie</th></tr></thead><tbody>"
                        + "<tr><td>rij een</td><td>Ria</td></tr>".repeat(rows) + "</tbody></table>";
                try (PDDocument pdf = pdf(body)) {
                    int rowsSeen = 0;
                    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                        PDFTextStripper page = new PDFTextStripper();
                        page.setStartPage(p);
                        page.setEndPage(p);
                        String text = page.getText(pdf);
                        int here = text.split("rij een", -1).length - 1;
                        rowsSeen += here;
                        if (here > 0 && p > 1 && rowsSeen > here) {
                            assertThat(text).as("the header repeats above the rest of a long table").contains("KOPJE");
                        }
                        if (text.contains("KOPJE")) {
                            assertThat(here).as("rows under the header on page " + p + " (" + filler + " lines, " + rows
                                    + " rows)").isPositive();
                        }
                    }
                    assertThat(rowsSeen).isEqualTo(rows);
                }
            }
        }
    }
}
