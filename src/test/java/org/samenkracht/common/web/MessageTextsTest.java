package org.samenkracht.common.web;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTextsTest {

    @Test
    void named_placeholders_of_validation_messages_are_filled_in_order() {
        assertThat(MessageTexts.format("Dit is te lang (ten hoogste {max} tekens).", new Object[]{4000}, Locale.ROOT))
                .isEqualTo("Dit is te lang (ten hoogste 4000 tekens).");
    }

    @Test
    void numbered_placeholders_still_work_and_quotes_survive() {
        assertThat(MessageTexts.format("{0}'s netwerk", new Object[]{"Jonas"}, Locale.ROOT)).isEqualTo("Jonas's netwerk");
    }

    @Test
    void missing_arguments_leave_the_placeholder_instead_of_failing() {
        assertThat(MessageTexts.format("ten hoogste {max} tekens", new Object[0], Locale.ROOT))
                .isEqualTo("ten hoogste {max} tekens");
        assertThat(MessageTexts.format("kapot {0", new Object[]{1}, Locale.ROOT)).isEqualTo("kapot {0");
    }
}
