package org.samenkracht.common.web;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.html.escape.Escape;

import java.util.Set;

/**
 * jte's escaping output, keeping what people wrote in its own direction, as {@link WrittenTextDirection}
 * does for Thymeleaf pages: a value written into the body of an element that is right-to-left from its
 * first letter is isolated whole in {@code <span dir="auto">}; right-to-left runs inside a left-to-right
 * value are isolated one run at a time. Attributes, and elements where no markup may go, are left as they are.
 * Only values (what people wrote, or what was made of it) pass here; the template's own markup does not.
 */
final class WrittenTextOutput extends OwaspHtmlTemplateOutput {

    private static final Set<String> NO_MARKUP = Set.of("title", "textarea", "option", "script", "style", "svg", "math", "bdi");

    private final TemplateOutput out;
    private String tag;
    private String attribute;

    WrittenTextOutput(TemplateOutput out) {
        super(out);
        this.out = out;
    }

    @Override
    public void setContext(String tagName, String attributeName) {
        this.tag = tagName;
        this.attribute = attributeName;
        super.setContext(tagName, attributeName);
    }

    @Override
    public void writeUserContent(String value) {
        if (value == null || attribute != null || (tag != null && NO_MARKUP.contains(tag))
                || !WrittenTextDirection.IsolateRightToLeft.hasRightToLeft(value)) {
            super.writeUserContent(value);
            return;
        }
        for (WrittenTextDirection.IsolateRightToLeft.Piece piece : WrittenTextDirection.IsolateRightToLeft.pieces(value)) {
            if (piece.isolated()) {
                out.writeContent("<span dir=\"auto\">");
                Escape.htmlContent(piece.text(), out);
                out.writeContent("</span>");
            } else {
                Escape.htmlContent(piece.text(), out);
            }
        }
    }
}
