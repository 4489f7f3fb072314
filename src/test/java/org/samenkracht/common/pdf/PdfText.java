package org.samenkracht.common.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a PDF shows, read back with PDFBox: its text in reading order, the glyphs as drawn (with their
 * place on the page), and its fonts. For tests of the documents people print.
 */
public record PdfText(String text, List<Glyph> glyphs, List<PDFont> fonts, int pages) {

    /** A glyph as drawn: its character as the PDF maps it back (joined Arabic forms as they are), page and place. */
    public record Glyph(String unicode, int page, float x, float y) {
        boolean arabicLetter() {
            return unicode != null && unicode.codePoints().anyMatch(c ->
                    Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c));
        }
    }

    public static PdfText of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return of(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PdfText of(PDDocument doc) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition position) {
                glyphs.add(new Glyph(position.getUnicode(), getCurrentPageNo(), position.getXDirAdj(), position.getYDirAdj()));
                super.processTextPosition(position);
            }
        };
        String text = stripper.getText(doc);
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return new PdfText(text, glyphs, fonts, doc.getNumberOfPages());
    }

    /** The text of each page, the first page first. */
    public static List<String> pageTexts(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper page = new PDFTextStripper();
                page.setStartPage(p);
                page.setEndPage(p);
                pages.add(page.getText(doc).replaceAll("\\s+", " "));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with every run of white space as one space: lines wrap where the font needs them to. */
    public String words() {
        return text.replaceAll("\\s+", " ");
    }

    /**
     * Whether Arabic was shaped: the glyphs drawn are the joined forms (initial, medial, final; Unicode's
     * presentation forms), not the bare letters a renderer without shaping would draw one by one.
     */
    public boolean arabicShaped() {
        return glyphs.stream().map(Glyph::unicode).anyMatch(u -> u != null && u.codePoints()
                .anyMatch(c -> c >= 0xFE70 && c <= 0xFEFC || c >= 0xFB50 && c <= 0xFDFF));
    }

    /** The glyphs drawn for one character (as the PDF maps it back to Unicode, joined forms included). */
    public List<Glyph> glyphsOf(String unicode) {
        return glyphs.stream().filter(g -> unicode.equals(g.unicode())).toList();
    }

    /** The glyphs whose character is an Arabic letter in any of its forms. */
    public List<Glyph> arabicGlyphs() {
        return glyphs.stream().filter(Glyph::arabicLetter).toList();
    }

    /** The Arabic letters on the line of a glyph (same page, same baseline). */
    public List<Glyph> arabicBeside(Glyph glyph) {
        return arabicGlyphs().stream().filter(g -> g.page() == glyph.page() && Math.abs(g.y() - glyph.y()) < 1f).toList();
    }
}
