package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.samenkracht.BrowserTest;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support-group meeting: Marieke, the coach of the demo's "Samen verder", records a meeting. A note about
 * Henk while he is not there is refused and the form comes back with what she typed; with Henk's note
 * taken out, the meeting shows progress and a next step for Els and Jonas, and for Henk only that he
 * was not there. Karim (coordinator) sees the same meeting.
 */
class SupportGroupBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void a_meeting_with_progress_per_member_and_nothing_about_who_was_not_there() {
        signIn("marieke");
        open("/community/groups");
        browser.findElement(By.linkText("Samen verder")).click();
        assertThat(text()).contains("Om de week").contains("Omgaan met geldzorgen").contains("We praten alleen over wie er is");
        String group = browser.getCurrentUrl();

        // today, after the demo's meeting two weeks ago (a rerun first takes away the meeting an earlier run recorded)
        jdbc.sql("""
                delete from group_meeting where topic = 'Goed slapen'
                and group_id in (select id from support_group where name = 'Samen verder')""").update();
        LocalDate day = LocalDate.now();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('heldOn').value = arguments[0]", day.toString());
        type(By.id("meetingTopic"), "Goed slapen");
        List<WebElement> members = browser.findElements(By.cssSelector("#meeting-form fieldset.member-progress"));
        assertThat(members).hasSize(3);
        for (WebElement m : members) {
            String who = m.findElement(By.tagName("legend")).getText();
            if (who.startsWith("Henk")) {
                m.findElement(By.tagName("textarea")).sendKeys("Henk leek de vorige keer somber.");
            } else {
                m.findElement(By.cssSelector("input[type=checkbox]")).click();
                m.findElement(By.tagName("textarea")).sendKeys("Vorige stap gelukt, " + who.split(" ")[0] + ".");
                m.findElement(By.cssSelector("input[name$=nextStep]")).sendKeys("Volgende stap van " + who.split(" ")[0]);
            }
        }
        browser.findElement(By.cssSelector("#meeting-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("meeting-error")).getText()).contains("Wie er niet was, bespreken we niet");
        // the form comes back with what was typed
        WebElement henk = browser.findElements(By.cssSelector("#meeting-form fieldset.member-progress")).stream()
                .filter(f -> f.findElement(By.tagName("legend")).getText().startsWith("Henk")).findFirst().orElseThrow();
        assertThat(henk.findElement(By.tagName("textarea")).getAttribute("value")).isEqualTo("Henk leek de vorige keer somber.");
        assertThat(browser.findElement(By.id("meetingTopic")).getAttribute("value")).isEqualTo("Goed slapen");

        henk.findElement(By.tagName("textarea")).clear();
        browser.findElement(By.cssSelector("#meeting-form button[type=submit]")).click();
        WebElement meeting = browser.findElements(By.cssSelector("article.meeting")).stream()
                .filter(a -> a.getText().contains("Goed slapen")).findFirst().orElseThrow();
        assertThat(meeting.getText()).contains("Vorige stap gelukt, Els.").contains("Volgende stap van Els")
                .contains("Vorige stap gelukt, Jonas.").contains("was er niet").doesNotContain("somber");
        assertThat(browser.findElement(By.id("members")).getText()).contains("Volgende stap van Jonas");

        browser.manage().deleteAllCookies();
        signIn("karim");
        browser.get(group);
        // a coordinator opens the group, but sees only the members whose file he may read (not Els's)
        assertThat(text()).contains("Goed slapen").contains("Henk").doesNotContain("Vorige stap gelukt, Els.");
        assertThat(shownNow(By.id("meeting-form"))).isEmpty();  // only the coach records
    }
}
