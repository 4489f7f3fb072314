package org.samenkracht.deliberation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymityTest {

    @Test
    void a_name_of_the_person_as_a_word_leaks_whatever_case_or_accents() {
        List<String> names = List.of("Fatima", "El Amrani");
        assertThat(Pseudonymity.leaks("Mevrouw A. vertelt over geweld thuis", names)).isFalse();
        assertThat(Pseudonymity.leaks("fatima vertelt over geweld", names)).isTrue();
        assertThat(Pseudonymity.leaks("Het gezin Amrani", names)).isTrue();
        assertThat(Pseudonymity.leaks("FÁTIMA zei", names)).isTrue();
        // Short name parts ("El") and names inside other words do not count.
        assertThat(Pseudonymity.leaks("El is een woord, Fatimastraat ook", names)).isFalse();
        assertThat(Pseudonymity.leaks(null, names)).isFalse();
    }
}
