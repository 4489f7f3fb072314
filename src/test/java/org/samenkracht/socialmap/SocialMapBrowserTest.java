package org.samenkracht.socialmap;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samenkracht.BrowserTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/** A professional searches the map, filters, matches Jonas's goal and puts an offer into his plan. */
class SocialMapBrowserTest extends BrowserTest {

    /** Waits through htmx swaps: an element replaced while we look is looked up again. */
    WebDriverWait waiting() {
        WebDriverWait wait = waitUpTo(10);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void search_filter_match_a_goal_and_add_an_offer_to_the_plan() {
        signIn("sanne");
        open("/socialmap");

        // type-ahead: results appear while typing, without submitting
        browser.findElement(By.id("q")).sendKeys("opru");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Samen opruimen"));
        assertThat(browser.getCurrentUrl()).contains("q=opru");

        // filter on a layer: only volunteer offers remain, the facet counts follow
        browser.findElement(By.id("f-layer-INDIVIDUAL_PROFESSIONAL")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Professional organizer"));
        waiting().until(d -> !d.findElement(By.id("results")).getText().contains("Samen opruimen"));
        screenshot("socialmap-search");

        // report a fiche as wrong from the result list
        WebElement report = browser.findElement(By.cssSelector("#results details"));
        report.findElement(By.tagName("summary")).click();
        report.findElement(By.tagName("textarea")).sendKeys("Het telefoonnummer klopt niet");
        report.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "Bedankt"));

        // match Jonas's goal
        open("/persons/" + PERSON_JONAS + "/plan");
        int stepsBefore = occurrences(text(), "Samen opruimen —");
        open("/persons/" + PERSON_JONAS + "/matching");
        browser.findElement(By.cssSelector("#match-form button[type=submit]")).click();
        // the list may be replaced while we look: wait until the matches stand still
        waiting().until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#matches li.match"));
            return !shown.isEmpty() && shown.get(0).getText().contains("Pluspunten");
        });
        List<WebElement> matches = browser.findElements(By.cssSelector("#matches li.match"));
        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).getText()).contains("Samen opruimen", "Pluspunten");
        assertThat(text()).contains("Ria");
        screenshot("socialmap-matching");

        // one click puts it into the plan
        matches.get(0).findElement(By.cssSelector("form button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/plan"));
        assertThat(occurrences(text(), "Samen opruimen —")).isEqualTo(stepsBefore + 1);
    }

    @Test
    void works_on_a_narrow_phone_screen_and_without_a_mouse() {
        signIn("sanne");
        phone(320);
        try {
            open("/socialmap?q=wandelen");
            assertThat(text()).contains("Wandelen met de Stappers");
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
        } finally {
            desktop();
        }
    }

    @Test
    void an_administrator_imports_another_directorys_hsds_file_first_refused_then_only_the_good_records() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("andere-kaart", ".json");
        java.nio.file.Files.writeString(file, HsdsExchangeTest.foreign(java.util.UUID.randomUUID().toString(),
                java.util.UUID.randomUUID().toString()));
        try {
            signIn("ahmed");
            open("/socialmap/import");
            assertThat(browser.findElement(By.cssSelector("a[href$='/socialmap/export.hsds.json']")).getText()).contains("HSDS");
            browser.findElement(By.id("file")).sendKeys(file.toString());
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("format"))).selectByValue("HSDS");
            browser.findElement(By.cssSelector("form.card button[type=submit]")).click();

            // nothing imported: the bad record is named by its number and where in the file
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("refusals")));
            String refusals = browser.findElement(By.id("refusals")).getText();
            assertThat(refusals).contains("Record", "/contents/1/cost_options/0/amount", "/contents/1/attributes");
            assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("format")))
                    .getFirstSelectedOption().getAttribute("value")).isEqualTo("HSDS");  // the form as it was filled in
            screenshot("socialmap-hsds-refused");

            browser.findElement(By.id("file")).sendKeys(file.toString());
            browser.findElement(By.id("onlyGood")).click();
            browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-status"), "klaar"));
            assertThat(browser.findElement(By.id("job-accepted")).getText()).isEqualTo("1");
            assertThat(browser.findElement(By.id("job-refused")).getText()).isEqualTo("1");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
