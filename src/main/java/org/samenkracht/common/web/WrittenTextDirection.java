package org.samenkracht.common.web;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.Locale;
import java.util.Set;

/**
 * What people write keeps its own direction on every page and in every PDF, without each template
 * having to remember it:
 * <ul>
 *   <li>every text field and textarea gets {@code dir="auto"} (unless it has a {@code dir}), so Arabic
 *       is typed and shown right-to-left, with its punctuation at the right end;</li>
 *   <li>every run of right-to-left text in the rendered page (a name, a note, a story entry) is
 *       isolated in {@code <span dir="auto">}: a text that is right-to-left from its first letter is
 *       isolated whole, so its punctuation stays with it; right-to-left words inside a Dutch or English
 *       sentence (a name in a message) are isolated one run at a time, so the sentence around them keeps
 *       its order. Texts inside an element that already has a {@code dir}, and texts where markup cannot
 *       go (title, textarea, option, script, style, SVG) are left as they are.</li>
 * </ul>
 * Templates and messages are Dutch and English, so only what people wrote contains right-to-left letters;
 * a page without any costs one scan of its characters.
 */
@Component
class WrittenTextDirection extends AbstractProcessorDialect implements IPostProcessorDialect {

    /** After the standard dialect, so th:type and th:field have set the field's type already. */
    static final int PRECEDENCE = StandardDialect.PROCESSOR_PRECEDENCE + 1000;

    WrittenTextDirection() {
        super("Samenkracht written text direction", "sk", PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new FieldDirection(dialectPrefix, "textarea"), new FieldDirection(dialectPrefix, "input"),
                new Drawing(dialectPrefix));
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return PRECEDENCE;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, IsolateRightToLeft.class, PRECEDENCE));
    }

    /** {@code dir="auto"} on a textarea or a text field that has no dir of its own. */
    static final class FieldDirection extends AbstractElementTagProcessor {

        private static final Set<String> TEXT_TYPES = Set.of("text", "search", "");

        FieldDirection(String dialectPrefix, String element) {
            super(TemplateMode.HTML, dialectPrefix, element, false, null, false, PRECEDENCE);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, IElementTagStructureHandler structure) {
            if (tag.hasAttribute("dir")) {
                return;
            }
            if (tag.getElementCompleteName().equalsIgnoreCase("input")) {
                String type = tag.getAttributeValue("type");
                if (type != null && !TEXT_TYPES.contains(type.trim().toLowerCase(Locale.ROOT))) {
                    return;
                }
            }
            structure.setAttribute("dir", "auto");
        }
    }

    /**
     * {@code sk:svg="${ecogram}"}: a drawing the application built itself (an ecogram, a chart) as the
     * element's body, unescaped. {@code th:utext} would do the same, but with a post-processor in place
     * Thymeleaf parses every unescaped text into markup events first, so the post-processor can see them;
     * inside SVG it leaves everything alone anyway, and parsing the ecogram was 3.4 % of the network
     * page's request time. Anything that is not one SVG drawing is written escaped, as {@code th:text} would.
     */
    static final class Drawing extends org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor {

        Drawing(String dialectPrefix) {
            super(TemplateMode.HTML, dialectPrefix, "svg", PRECEDENCE, true, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, org.thymeleaf.engine.AttributeName name,
                                 String value, Object result, IElementTagStructureHandler structure) {
            String drawing = result == null ? "" : result.toString();
            if (isDrawing(drawing)) {
                structure.setBody(drawing, false);
            } else {
                structure.setBody(org.unbescape.html.HtmlEscape.escapeHtml5Xml(drawing), false);
            }
        }

        static boolean isDrawing(String markup) {
            String trimmed = markup.strip();
            return trimmed.startsWith("<svg ") && trimmed.endsWith("</svg>") && trimmed.indexOf("<svg", 1) < 0
                    && !trimmed.toLowerCase(Locale.ROOT).contains("<script");
        }
    }

    /** Wraps right-to-left runs of the rendered output in {@code <span dir="auto">}. */
    public static final class IsolateRightToLeft extends AbstractTemplateHandler {

        /** Elements whose content is text only (or not HTML): no markup may go in (an option's text is checked by its parent). */
        private static final Set<String> NO_MARKUP = Set.of("title", "textarea", "script", "style", "svg", "math");

        private int noMarkupDepth;
        private IOpenElementTag justOpened;

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            if (NO_MARKUP.contains(tag.getElementCompleteName().toLowerCase(Locale.ROOT))) {
                noMarkupDepth++;
            }
            justOpened = tag;
            super.handleOpenElement(tag);
        }

        @Override
        public void handleCloseElement(ICloseElementTag tag) {
            if (noMarkupDepth > 0 && NO_MARKUP.contains(tag.getElementCompleteName().toLowerCase(Locale.ROOT))) {
                noMarkupDepth--;
            }
            justOpened = null;
            super.handleCloseElement(tag);
        }

        @Override
        public void handleStandaloneElement(IStandaloneElementTag tag) {
            justOpened = null;
            super.handleStandaloneElement(tag);
        }

        @Override
        public void handleText(IText text) {
            IOpenElementTag parent = justOpened;
            justOpened = null;
            String content = text.getText();
            // an element whose direction the template chose is left alone; one with dir="auto" takes the direction
            // of its first strong letter, so only the right-to-left runs inside a left-to-right text need isolating
            boolean parentAuto = parent != null && "auto".equalsIgnoreCase(parent.getAttributeValue("dir"));
            if (noMarkupDepth > 0 || !hasRightToLeft(content) || content.indexOf('<') >= 0
                    || (parent != null && ((parent.hasAttribute("dir") && !parentAuto)
                            || parent.getElementCompleteName().equalsIgnoreCase("bdi")
                            || parent.getElementCompleteName().equalsIgnoreCase("option")))) {
                super.handleText(text);
                return;
            }
            java.util.List<Piece> pieces = pieces(content);
            if (parentAuto && pieces.size() == 1 && pieces.get(0).isolated()) {
                super.handleText(text); // a right-to-left text in a dir="auto" element: that element is its isolation
                return;
            }
            IModelFactory model = getContext().getModelFactory();
            for (Piece piece : pieces) {
                if (piece.isolated()) {
                    super.handleOpenElement(model.createOpenElementTag("span", "dir", "auto"));
                    super.handleText(model.createText(piece.text()));
                    super.handleCloseElement(model.createCloseElementTag("span"));
                } else if (!piece.text().isEmpty()) {
                    super.handleText(model.createText(piece.text()));
                }
            }
        }

        /** Quick look: right-to-left letters are all above U+0590. */
        static boolean hasRightToLeft(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= '\u0590' && isRightToLeft(s.codePointAt(i))) {
                    return true;
                }
            }
            return false;
        }

        static boolean isRightToLeft(int cp) {
            byte d = Character.getDirectionality(cp);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        }

        static boolean isLeftToRight(int cp) {
            return Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
        }

        record Piece(String text, boolean isolated) {
        }

        /**
         * The text cut into pieces to isolate and pieces to leave. A character reference ({@code &amp;})
         * counts as one neutral character and is never cut.
         */
        static java.util.List<Piece> pieces(String s) {
            // the first strong letter decides: right-to-left from the start means a right-to-left text, isolated whole
            int firstStrong = 0;
            for (int i = 0; i < s.length(); ) {
                int end = referenceEnd(s, i);
                if (end > i) {
                    i = end;
                    continue;
                }
                int cp = s.codePointAt(i);
                if (isRightToLeft(cp)) {
                    firstStrong = -1;
                    break;
                }
                if (isLeftToRight(cp)) {
                    firstStrong = 1;
                    break;
                }
                i += Character.charCount(cp);
            }
            if (firstStrong < 0) {
                return java.util.List.of(new Piece(s, true));
            }
            // a left-to-right text: each run from a right-to-left letter to the last one before a left-to-right letter
            java.util.List<Piece> pieces = new java.util.ArrayList<>();
            int plainFrom = 0;
            int runFrom = -1;
            int runEnd = -1;
            for (int i = 0; i < s.length(); ) {
                int end = referenceEnd(s, i);
                if (end > i) {
                    i = end;
                    continue;
                }
                int cp = s.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (isRightToLeft(cp)) {
                    if (runFrom < 0) {
                        runFrom = i;
                    }
                    runEnd = next;
                } else if (isLeftToRight(cp) && runFrom >= 0) {
                    pieces.add(new Piece(s.substring(plainFrom, runFrom), false));
                    pieces.add(new Piece(s.substring(runFrom, runEnd), true));
                    plainFrom = runEnd;
                    runFrom = -1;
                }
                i = next;
            }
            if (runFrom >= 0) {
                pieces.add(new Piece(s.substring(plainFrom, runFrom), false));
                pieces.add(new Piece(s.substring(runFrom, runEnd), true));
                plainFrom = runEnd;
            }
            pieces.add(new Piece(s.substring(plainFrom), false));
            return pieces;
        }

        /** The end of a character reference starting at i ({@code &amp;}, {@code &#1605;}), or i if there is none. */
        static int referenceEnd(String s, int i) {
            if (s.charAt(i) != '&') {
                return i;
            }
            for (int j = i + 1; j < s.length() && j <= i + 32; j++) {
                char c = s.charAt(j);
                if (c == ';') {
                    return j > i + 1 ? j + 1 : i;
                }
                if (!Character.isLetterOrDigit(c) && c != '#') {
                    return i;
                }
            }
            return i;
        }
    }
}
