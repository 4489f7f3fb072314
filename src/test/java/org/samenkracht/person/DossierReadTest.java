package org.samenkracht.person;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.CareTeam;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/** The dossier's one query gives what the separate reads give: the person, the care team and the cards. */
@SamenkrachtTest
class DossierReadTest {

    @Autowired Dossiers dossiers;
    @Autowired CareTeam careTeam;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate transactions;
    @Autowired List<DossierSection> sections;
    @Autowired gg.jte.TemplateEngine compiledTemplates;

    @Test
    void every_card_names_a_compiled_template_that_exists() {
        // a card's template is chosen at run time (PageContext.include): a wrong name would fail only when shown
        assertThat(sections).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(s -> assertThat(compiledTemplates.hasTemplate(s.template() + ".jte")).as(s.template()).isTrue());
    }

    @Test
    void the_care_team_read_with_the_dossier_is_the_care_team() {
        AtomicReference<Dossier> dossier = new AtomicReference<>();
        AtomicReference<List<CareTeam.Member>> team = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> transactions.executeWithoutResult(tx -> dossier.set(dossiers.read(PERSON_JONAS))));
        accounts.runAs(PROFESSIONAL_SANNE, () -> transactions.executeWithoutResult(tx -> team.set(careTeam.members(PERSON_JONAS))));
        assertThat(team.get()).isNotEmpty();
        assertThat(dossier.get().team()).isEqualTo(team.get());
        assertThat(dossier.get().person().id()).isEqualTo(PERSON_JONAS);
        assertThat(dossier.get().cards()).isNotEmpty().allSatisfy(card -> assertThat(card.data()).isNotNull());
    }
}
