package org.samenkracht.exploration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.samenkracht.BrowserTest;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/**
 * The key flow: a professional holds a conversation and fills in the assessment grid with the
 * person; the person signs in, fills in their self-report and agrees to the report; the charts render.
 */
class DialogueAndExplorationBrowserTest extends BrowserTest {

    /** Waits until the page (after a navigation) shows the text in its main part. */
    private void waitForText(String expected) {
        waitUpTo(15).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains(expected));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    @Test
    void a_conversation_and_the_grid_then_the_person_fills_in_the_self_report_and_agrees() {
        String place = "Keukentafel bij Jonas " + UUID.randomUUID().toString().substring(0, 6);
        String jonas = "/persons/" + PERSON_JONAS;

        // Sanne holds a conversation along the five phases.
        signIn("sanne");
        open(jonas + "/conversations/new");
        setValue("heldOn", "2026-11-20");
        type(By.id("place"), place);
        type(By.id("participants"), "Jonas en zijn vriend Kevin");
        type(By.id("exploring"), "Wat gaat goed, wat wil Jonas zelf?");
        type(By.id("supportNeed"), "Overzicht over de post.");
        type(By.id("agreements"), "Kevin helpt op zaterdag met opruimen.");
        browser.findElement(By.id("save-conversation")).click();
        waitForText("Nog niet akkoord");
        assertThat(text()).contains("Kevin helpt op zaterdag met opruimen.").contains("Nog niet akkoord");

        // ... and fills in the assessment grid with him: first a draft, then completed.
        open(jonas + "/exploration");
        browser.findElement(By.id("fill-assessment-grid")).click();
        type(By.id("f-grid-relations-wishes"), "Vaker met Kevin gaan voetballen");
        browser.findElement(By.id("save-draft")).click();
        waitForText("Nog niet klaar (concept)");
        assertThat(text()).contains("Nog niet klaar (concept)");
        browser.findElement(By.partialLinkText("concept van Sanne")).click();
        waitForText("Ervaren belemmeringen");
        assertThat(browser.findElement(By.id("f-grid-relations-wishes")).getAttribute("value")).isEqualTo("Vaker met Kevin gaan voetballen");
        type(By.id("f-grid-material-barriers"), "Rekeningen stapelen zich op");
        browser.findElement(By.id("complete")).click();
        waitForText("Eerder ingevuld");
        assertThat(text()).contains("Eerder ingevuld").contains("Ondersteuningsrooster");

        // Jonas signs in with his own account.
        browser.manage().deleteAllCookies();
        signIn("jonas");
        open(jonas + "/exploration");
        browser.findElement(By.id("fill-qol-self")).click();
        waitForText("Hoe tevreden bent u hierover?");
        // Completing with an answer missing is refused with the field named; nothing typed is lost.
        browser.findElement(By.cssSelector("input[name='a:qol.emotional.score'][value='4']")).click();
        browser.findElement(By.id("complete")).click();
        waitForText("Niet alles is goed ingevuld");
        assertThat(text()).contains("Niet alles is goed ingevuld").contains("Vul dit in om het af te ronden");
        assertThat(browser.findElement(By.cssSelector("input[name='a:qol.emotional.score'][value='4']")).isSelected()).isTrue();
        for (String d : List.of("physical", "material", "relations", "inclusion", "development", "self_determination", "rights")) {
            browser.findElement(By.cssSelector("input[name='a:qol." + d + ".score'][value='4']")).click();
        }
        browser.findElement(By.id("complete")).click();
        waitForText("Eerder ingevuld");

        // The charts render, each with its table.
        WebElement radar = browser.findElement(By.cssSelector("svg.chart.radar"));
        assertThat(radar.isDisplayed()).isTrue();
        assertThat(radar.findElements(By.cssSelector("polygon.series")).size()).isGreaterThanOrEqualTo(2);
        assertThat(browser.findElements(By.cssSelector("svg.chart.trend"))).hasSize(8);
        assertThat(browser.findElement(By.cssSelector("svg.chart.bars")).findElements(By.cssSelector("rect.segment"))).isNotEmpty();
        assertThat(browser.findElement(By.id("radar-table")).getText()).contains("Zelf kiezen").contains("Eigen kijk");
        screenshot("exploration-charts");

        // Jonas reads the report and agrees.
        open(jonas + "/conversations");
        browser.findElement(By.linkText("20-11-2026")).click();
        waitForText("Wat we afspraken");
        assertThat(text()).contains(place).contains("Kevin helpt op zaterdag met opruimen.");
        browser.findElement(By.id("agree")).click();
        waitForText("U bent akkoord, uw begeleider nog niet");
        assertThat(browser.findElement(By.id("report-status")).getText()).contains("U bent akkoord");
        type(By.id("text"), "Kevin kan ook op zondag.");
        browser.findElement(By.cssSelector("form[action$='/remarks'] button")).click();
        waitForText("Kevin kan ook op zondag.");
        assertThat(text()).contains("Kevin kan ook op zondag.");

        // Usable on a phone: the overview fits 320 px without sideways scrolling.
        phone(320);
        open(jonas + "/exploration");
        Long scroll = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        Long client = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        // what sticks out, named in the failure (seen once in CI, not reproduced: 665 px at 320)
        Object wide = ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('main *'))
                  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                  .slice(0, 5).map(e => e.tagName + '.' + (e.getAttribute('class') || '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');""");
        screenshot("exploration-320");
        desktop();
        assertThat(scroll).as("wider than the phone: %s", wide).isLessThanOrEqualTo(client);
    }
}
