package org.samenkracht.person;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DualAgreementTest {

    private final UUID sanne = UUID.randomUUID();
    private final Instant now = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void the_report_is_only_final_when_both_the_person_and_the_professional_agreed() {
        DualAgreement open = DualAgreement.none();
        assertThat(open.status()).isEqualTo(DualAgreement.Status.OPEN);

        DualAgreement byPerson = open.agree(true, UUID.randomUUID(), now);
        assertThat(byPerson.status()).isEqualTo(DualAgreement.Status.AGREED_BY_PERSON);
        assertThat(byPerson.isFinal()).isFalse();

        DualAgreement byProfessional = open.agree(false, sanne, now);
        assertThat(byProfessional.status()).isEqualTo(DualAgreement.Status.AGREED_BY_PROFESSIONAL);
        assertThat(byProfessional.professionalAgreedBy()).isEqualTo(sanne);

        assertThat(byPerson.agree(false, sanne, now).isFinal()).isTrue();
        assertThat(byProfessional.agree(true, null, now).isFinal()).isTrue();
    }

    @Test
    void agreeing_twice_by_the_same_side_does_not_make_it_final_nor_move_the_moment() {
        DualAgreement once = DualAgreement.none().agree(true, null, now);
        DualAgreement twice = once.agree(true, null, now.plusSeconds(60));
        assertThat(twice.isFinal()).isFalse();
        assertThat(twice.personAgreedAt()).isEqualTo(now);
    }

    @Test
    void a_change_after_agreement_asks_both_to_agree_again() {
        DualAgreement fin = DualAgreement.none().agree(true, null, now).agree(false, sanne, now);
        assertThat(fin.isFinal()).isTrue();
        DualAgreement changed = fin.afterChange();
        assertThat(changed.status()).isEqualTo(DualAgreement.Status.OPEN);
        assertThat(changed.personAgreedAt()).isNull();
        assertThat(changed.professionalAgreedBy()).isNull();
    }
}
