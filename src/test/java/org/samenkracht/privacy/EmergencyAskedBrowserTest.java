package org.samenkracht.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.samenkracht.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Emergency access across organisations (issue 14): Pieter (another organisation) asks to open
 * Jonas's file; until Marieke, Jonas's coach, approves, the file stays shut to him; then he reads it,
 * and Jonas sees who looked, why, and who approved.
 */
class EmergencyAskedBrowserTest extends BrowserTest {

    static final String REASON = "Nachtdienst thuiszorg: Jonas doet niet open, de buurvrouw hoorde gevallen.";

    @Autowired
    JdbcClient jdbc;

    UUID asked() {
        return jdbc.sql("select id from emergency_access where person_id = ? and actor_id = ? and reason = ?")
                .params(PERSON_JONAS, PROFESSIONAL_PIETER, REASON).query(UUID.class).optional().orElse(null);
    }

    @AfterEach
    void leaveTheDemoAsItWas() {
        UUID id = asked();
        if (id != null) {
            jdbc.sql("delete from privacy_notification where subject_id = ?").param(id.toString()).update();
            jdbc.sql("delete from emergency_access where id = ?").param(id).update();
        }
    }

    @Test
    void another_organisation_asks_the_coach_approves_then_it_reads_and_the_person_sees_it() {
        signIn("pieter");
        open("/privacy/emergency");
        browser.findElement(By.id("personId")).sendKeys(PERSON_JONAS.toString());
        browser.findElement(By.id("reason")).sendKeys(REASON);
        browser.findElement(By.cssSelector("form[action$='/privacy/emergency'] button[type=submit]")).click();
        assertThat(text()).contains("Uw vraag om noodtoegang is verstuurd").contains("wacht op besluit van het team");
        screenshot("emergency-asked");
        open("/persons/" + PERSON_JONAS);
        assertThat(text()).contains("Geen toegang").doesNotContain("Verbeke");

        browser.manage().deleteAllCookies();
        signIn("marieke");
        open("/persons/" + PERSON_JONAS + "/privacy#emergency");
        var form = browser.findElement(By.cssSelector("form[action$='/emergency/" + asked() + "/decision']"));
        form.findElement(By.tagName("textarea")).sendKeys("Akkoord, het is nacht en de buurvrouw is ongerust.");
        screenshot("emergency-to-decide");
        form.findElement(By.cssSelector("button[name=approve][value=true]")).click();
        assertThat(text()).contains("Toegestaan door");

        browser.manage().deleteAllCookies();
        signIn("pieter");
        open("/persons/" + PERSON_JONAS);
        assertThat(text()).contains("Jonas").doesNotContain("Geen toegang");

        browser.manage().deleteAllCookies();
        signIn("jonas");
        open("/persons/" + PERSON_JONAS + "/privacy#emergency");
        assertThat(text()).contains(REASON).contains("Toegestaan door");
        open("/privacy/notifications");
        assertThat(text()).contains("vroeg in nood om in uw dossier te kijken");
        open("/persons/" + PERSON_JONAS + "/access-log");
        assertThat(text()).contains("Wie keek er in uw dossier?").contains("Pieter").contains("noodsituatie");
        screenshot("emergency-who-looked");
    }
}
