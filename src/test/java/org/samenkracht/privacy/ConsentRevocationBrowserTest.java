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

/** Jonas revokes the consent he gave his friend Kevin; from the next request on Kevin sees nothing. */
class ConsentRevocationBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    UUID kevinsConsent() {
        return jdbc.sql("""
                select c.id from consent c join network_member m on m.id = c.recipient_member_id
                where m.account_id = ? and c.person_id = ? order by c.recorded_at limit 1""")
                .params(ACCOUNT_KEVIN_NETWORK, PERSON_JONAS).query(UUID.class).single();
    }

    @AfterEach
    void giveTheDemoBackItsConsent() {
        jdbc.sql("update consent set revoked_at = null, revoked_by = null where id = ?").param(kevinsConsent()).update();
    }

    @Test
    void the_person_revokes_a_consent_and_the_network_member_loses_access() {
        UUID consent = kevinsConsent();
        signIn("kevin");
        open("/persons/" + PERSON_JONAS + "/plan");
        assertThat(text()).contains("Jonas Verbeke");

        browser.manage().deleteAllCookies();
        signIn("jonas");
        open("/persons/" + PERSON_JONAS + "/privacy");
        var item = browser.findElement(By.cssSelector("li[data-consent='" + consent + "']"));
        assertThat(item.getText()).contains("Kevin (vriend)").contains("geldt")
                .containsPattern("van \\d{2}-\\d{2}-\\d{4} tot \\d{2}-\\d{2}-\\d{4}; in de app");
        screenshot("privacy-consent-before-revoke");
        item.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("li[data-consent='" + consent + "']")).getText()).contains("ingetrokken");

        open("/persons/" + PERSON_JONAS + "/access-log");
        assertThat(text()).contains("Wie keek er in uw dossier?").contains("Kevin").contains("omdat u toestemming gaf");
        screenshot("privacy-who-looked");

        browser.manage().deleteAllCookies();
        signIn("kevin");
        open("/persons/" + PERSON_JONAS + "/plan");
        assertThat(text()).contains("Geen toegang").contains("geen toestemming").doesNotContain("Verbeke");
        screenshot("privacy-network-member-refused");
    }
}
