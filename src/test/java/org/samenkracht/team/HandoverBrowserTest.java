package org.samenkracht.team;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.CareTeam;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_LOTTE;

/** A warm handover the person signs, after which the old worker is refused the file. */
class HandoverBrowserTest extends BrowserTest {

    @Autowired Accounts accounts;
    @Autowired Persons persons;
    @Autowired CareTeam careTeam;

    @Test
    void sanne_hands_over_to_lotte_the_person_co_signs_and_then_sanne_is_refused() {
        AtomicReference<UUID> ref = new AtomicReference<>();
        String person = HandoverIntegrationTest.freshPerson(accounts, persons, careTeam, ref);
        UUID p = ref.get();

        signIn("sanne");
        open("/persons/" + p + "/handovers");
        new Select(browser.findElement(By.id("toId"))).selectByValue(PROFESSIONAL_LOTTE.toString());
        type(By.id("reason"), "Ik ga minder uren werken; Lotte woont dichtbij.");
        type(By.id("phaseOut"), "Ik kom de eerste keer nog mee.");
        browser.findElement(By.cssSelector("#propose-form button")).click();
        assertThat(text()).contains("Van Sanne de Wit naar Lotte Peeters");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("heldOn")), LocalDate.now().toString());
        type(By.id("note"), "Met z'n drieën aan de keukentafel.");
        browser.findElement(By.cssSelector("#conversation-form button")).click();
        assertThat(text()).contains("Wacht op de nieuwe medewerker en op de persoon");

        browser.manage().deleteAllCookies();
        signIn("lotte");
        open("/team/caseload");
        assertThat(browser.findElement(By.id("waiting")).getText()).contains("Van Sanne de Wit");
        open("/persons/" + p + "/handovers");
        browser.findElement(By.cssSelector("#accept-form button")).click();
        assertThat(text()).contains("Wacht op de handtekening van de persoon");

        browser.manage().deleteAllCookies();
        signIn(person);
        open("/persons/" + p + "/handovers");
        assertThat(text()).contains("Ik ken Lotte Peeters nu");
        type(By.id("sign-remark"), "Lotte is fijn.");
        browser.findElement(By.cssSelector("#sign-form button")).click();
        assertThat(text()).contains("Rond: de oude medewerker is gestopt").contains("Sanne de Wit kan het dossier niet meer openen");
        screenshot("handover-signed");

        browser.manage().deleteAllCookies();
        signIn("sanne");
        open("/persons/" + p);
        assertThat(text()).doesNotContain("Mila Overdracht");
        assertThat(browser.getTitle()).startsWith("Geen toegang");
    }
}
