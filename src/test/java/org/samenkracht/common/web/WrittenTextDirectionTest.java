package org.samenkracht.common.web;

import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people write keeps its direction: text fields and textareas get dir="auto", right-to-left text is
 * isolated in the rendered page, and nothing else changes.
 */
class WrittenTextDirectionTest {

    static final String NOTE = "مرحبا، كيف حالك؟ زرت السوق.";
    static final String NAME = "أحمد";

    static String render(String template, Map<String, Object> model) {
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver());
        engine.addDialect(new WrittenTextDirection());
        return engine.process(template, new Context(java.util.Locale.forLanguageTag("nl"), model));
    }

    @Test
    void text_fields_and_textareas_get_dir_auto_other_fields_and_a_chosen_dir_do_not() {
        String html = render("""
                <form><textarea name="a" th:text="${note}"></textarea>
                <input name="b"><input type="text" name="c"><input type="search" name="d">
                <input type="email" name="e"><input type="date" name="f"><input type="hidden" name="g">
                <input th:type="${'number'}" name="h"><input dir="ltr" name="i"><textarea dir="rtl" name="j"></textarea></form>""",
                Map.of("note", NOTE));
        assertThat(html).contains("<textarea name=\"a\" dir=\"auto\">" + NOTE + "</textarea>")
                .contains("<input name=\"b\" dir=\"auto\">").contains("<input type=\"text\" name=\"c\" dir=\"auto\">")
                .contains("<input type=\"search\" name=\"d\" dir=\"auto\">")
                .contains("<input type=\"email\" name=\"e\">").contains("<input type=\"date\" name=\"f\">")
                .contains("<input type=\"hidden\" name=\"g\">").contains("<input type=\"number\" name=\"h\">")
                .contains("<input dir=\"ltr\" name=\"i\">").contains("<textarea dir=\"rtl\" name=\"j\"></textarea>");
    }

    @Test
    void a_right_to_left_text_is_isolated_whole_with_its_punctuation() {
        String html = render("<p class=\"noticed\" th:text=\"${note}\">x</p><td th:text=\"${name + ' (buurman)'}\"></td>",
                Map.of("note", NOTE, "name", NAME));
        assertThat(html).contains("<p class=\"noticed\"><span dir=\"auto\">" + NOTE + "</span></p>")
                .contains("<td><span dir=\"auto\">" + NAME + " (buurman)</span></td>");
    }

    @Test
    void a_name_inside_a_dutch_sentence_is_isolated_and_the_sentence_keeps_its_order() {
        String html = render("<p th:text=\"|Lotte heeft ${name} uitgenodigd, en ${name} komt.|\"></p>", Map.of("name", NAME));
        assertThat(html).isEqualTo("<p>Lotte heeft <span dir=\"auto\">" + NAME + "</span> uitgenodigd, en <span dir=\"auto\">"
                + NAME + "</span> komt.</p>");
    }

    @Test
    void markup_written_by_a_template_is_entered_and_its_text_isolated() {
        String html = render("<p th:utext=\"${'Met <b>' + name + '</b>.'}\"></p>", Map.of("name", NAME));
        assertThat(html).isEqualTo("<p>Met <b><span dir=\"auto\">" + NAME + "</span></b>.</p>");
    }

    @Test
    void character_references_are_never_cut() {
        String html = render("<p th:text=\"|Boodschappen ${name} & ${name}|\"></p>", Map.of("name", NAME));
        assertThat(html).isEqualTo("<p>Boodschappen <span dir=\"auto\">" + NAME + " &amp; " + NAME + "</span></p>");
    }

    @Test
    void dutch_text_and_places_where_no_markup_may_go_are_left_alone() {
        String template = """
                <title th:text="${name}"></title><p th:text="${dutch}"></p><span dir="auto" th:text="${name}"></span>
                <bdi th:text="${name}"></bdi><select><option th:text="${name}"></option></select>
                <svg><text th:text="${name}"></text></svg><script th:inline="javascript">let n = [[${name}]];</script>
                """;
        String html = render(template, Map.of("name", NAME, "dutch", "Samen koken & eten"));
        // the one span with dir="auto" is the template's own
        assertThat(html.split("<span dir=\"auto\">", -1)).hasSize(2);
        assertThat(html).contains("<span dir=\"auto\">" + NAME + "</span>").contains("<bdi>" + NAME + "</bdi>")
                .contains("<title>" + NAME + "</title>").contains("<p>Samen koken &amp; eten</p>")
                .contains("<option>" + NAME + "</option>").contains("<text>" + NAME + "</text>");
    }

    @Test
    void inside_an_element_with_dir_auto_only_the_right_to_left_runs_of_a_left_to_right_text_are_isolated() {
        String html = render("<p dir=\"auto\" th:text=\"|Zij schreef ${name} op.|\"></p><p dir=\"auto\" th:text=\"${note}\"></p>"
                        + "<p dir=\"rtl\" th:text=\"|Zij schreef ${name} op.|\"></p>", Map.of("name", NAME, "note", NOTE));
        assertThat(html).isEqualTo("<p dir=\"auto\">Zij schreef <span dir=\"auto\">" + NAME + "</span> op.</p>"
                + "<p dir=\"auto\">" + NOTE + "</p><p dir=\"rtl\">Zij schreef " + NAME + " op.</p>");
    }

    @Test
    void a_drawing_goes_in_as_it_was_built_with_its_right_to_left_names_untouched() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><a href=\"/x?member=1\" hx-get=\"/x\">"
                + "<text x=\"1\" y=\"2\">" + NAME + " &amp; Ria</text></a></svg>";
        String html = render("<div class=\"ecogram-box\" sk:svg=\"${drawing}\">ecogram</div>", Map.of("drawing", svg));
        assertThat(html).isEqualTo("<div class=\"ecogram-box\">" + svg + "</div>");
    }

    @Test
    void what_is_not_one_drawing_is_written_escaped() {
        String html = render("<div sk:svg=\"${drawing}\"></div><div sk:svg=\"${script}\"></div><div sk:svg=\"${none}\"></div>",
                Map.of("drawing", "<b>vet</b>", "script", "<svg x=\"1\"><script>alert(1)</script></svg>",
                        "none", ""));
        assertThat(html).isEqualTo("<div>&lt;b&gt;vet&lt;/b&gt;</div>"
                + "<div>&lt;svg x=&quot;1&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/svg&gt;</div><div></div>");
    }
}
