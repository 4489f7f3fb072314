package org.samenkracht.common.web;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Compiled pages keep what people wrote in its direction, as the Thymeleaf pages do (WrittenTextDirectionTest). */
class WrittenTextOutputTest {

    private static String write(String tag, String attribute, String value) {
        StringOutput out = new StringOutput();
        WrittenTextOutput html = new WrittenTextOutput(out);
        html.setContext(tag, attribute);
        html.writeUserContent(value);
        return out.toString();
    }

    @Test
    void a_right_to_left_text_is_isolated_whole_and_escaped() {
        assertThat(write("p", null, "السيدة فاطمة <b>"))
                .isEqualTo("<span dir=\"auto\">السيدة فاطمة &lt;b&gt;</span>");
    }

    @Test
    void right_to_left_words_inside_a_dutch_sentence_are_isolated_one_run_at_a_time() {
        assertThat(write("li", null, "Het is zwaar voor فاطمة, zegt Jonas."))
                .isEqualTo("Het is zwaar voor <span dir=\"auto\">فاطمة</span>, zegt Jonas.");
    }

    @Test
    void attributes_and_elements_without_markup_are_left_as_they_are() {
        assertThat(write("input", "value", "فاطمة \"x\"")).isEqualTo("فاطمة &#34;x&#34;");
        assertThat(write("title", null, "Netwerk — فاطمة")).isEqualTo("Netwerk — فاطمة");
        assertThat(write("option", null, "فاطمة")).isEqualTo("فاطمة");
    }

    @Test
    void left_to_right_text_is_only_escaped() {
        assertThat(write("p", null, "Ria & <Daan>")).isEqualTo("Ria &amp; &lt;Daan&gt;");
    }
}
