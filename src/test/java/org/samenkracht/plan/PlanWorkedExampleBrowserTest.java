package org.samenkracht.plan;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/**
 * The seed's worked example, through the pages: a young man who wants an orderly household and new
 * contacts. His neighbour reminds him of the bin, home care cleans weekly, a friend shops with him,
 * his professional helps him keep control. Both sign; after three months the friend is too busy,
 * the evaluation decides to replace him, and the new version is compared with the signed one.
 */
class PlanWorkedExampleBrowserTest extends BrowserTest {

    @Autowired Accounts accounts;
    @Autowired Persons persons;
    @Autowired Wishes wishes;
    @Autowired Network network;

    /** Unique per run: the test database is kept between runs. */
    private final String username = "bram." + Long.toString(System.nanoTime() % 100_000_000L, 36);

    private UUID youngMan() {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID p = persons.register(new RegisterPerson("Bram", "de Vries", LocalDate.of(1999, 3, 2), "", "", "",
                    "Centrum", username, "samen2026-bram"));
            wishes.add(p, new Wishes.AddWish("Een opgeruimd huis waar ik vrienden kan uitnodigen.", "CONVERSATION"));
            wishes.add(p, new Wishes.AddWish("Nieuwe mensen leren kennen.", "CONVERSATION"));
            network.add(p, new AddNetworkMember("Ria (buurvrouw)", Relation.NEIGHBOUR, Layer.NETWORK, Set.of(SupportKind.PRACTICAL)));
            network.add(p, new AddNetworkMember("Kevin (vriend)", Relation.FRIEND, Layer.NETWORK, Set.of(SupportKind.PRACTICAL)));
            network.add(p, new AddNetworkMember("Thuiszorg De Linde", Relation.SERVICE, Layer.INDIVIDUAL_PROFESSIONAL, Set.of(SupportKind.PRACTICAL)));
            network.add(p, new AddNetworkMember("Daan (volleybalteam)", Relation.FRIEND, Layer.NETWORK, Set.of(SupportKind.COMPANY)));
            id.set(p);
        });
        return id.get();
    }

    @Test
    void theWorkedExampleFromPlanToSignOffToEvaluationToANewVersion() {
        UUID bram = youngMan();
        signIn("sanne");
        open("/persons/" + bram + "/plan");
        browser.findElement(By.cssSelector("form[action$='/plan/start'] button")).click();

        // Goal 1 from his first wish, in his own words
        type(By.id("ownWords"), "Ik wil een opgeruimd huis waar ik vrienden kan uitnodigen.");
        type(By.id("meaning"), "Alles op een vaste plek. Mijn was doe ik zelf. Niet mijn moeder.");
        type(By.id("intendedResult"), "Elke week een schoon huis en de kliko op tijd buiten.");
        type(By.id("reachedWhen"), "Na drie maanden is de kliko niet één keer vergeten.");
        browser.findElement(By.cssSelector("input[name=domains][value=MATERIAL_WELLBEING]")).click();
        browser.findElement(By.cssSelector("#goal-form button[type=submit]")).click();
        waitFor("Doel 1");
        assertThat(text()).contains("Doel 1", "Ik wil een opgeruimd huis");

        addStep("Bram doet zelf zijn was.", "PERSON", null, null, "SUPPORT");
        addStep("Ria herinnert Bram op dinsdag aan de kliko.", "NETWORK", "Ria (buurvrouw)", null, "SUPPORT");
        addStep("Thuiszorg maakt elke week schoon.", "NETWORK", "Thuiszorg De Linde", null, "TAKEOVER");
        addStep("Kevin gaat met Bram boodschappen doen.", "NETWORK", "Kevin (vriend)", null, "SUPPORT");
        addStep("Sanne helpt Bram de regie te houden.", "PROFESSIONAL", null, "Sanne de Wit", "CARE");

        // The inside-out check: the general layer was not considered yet, so the plan cannot be final
        assertThat(browser.findElement(By.id("missing")).getText()).contains("algemene en collectieve voorzieningen");
        assertThat(shownNow(By.id("agree-professional"))).isEmpty();
        WebElement general = browser.findElement(By.cssSelector("[id='layer-1-GENERAL_COLLECTIVE'] input[name=answer]"));
        general.sendKeys("Overwogen: klusjesdienst van het buurthuis. Niet mogelijk omdat die niet wekelijks komt.");
        browser.findElement(By.cssSelector("[id='layer-1-GENERAL_COLLECTIVE'] button")).click();
        waitFor("klusjesdienst van het buurthuis");
        setDate(By.id("evaluationDate"), LocalDate.now().plusMonths(3));
        browser.findElement(By.cssSelector("#eval-date-form button")).click();
        waitFor("Volgende evaluatie");
        assertThat(shownNow(By.id("missing"))).isEmpty();

        type(By.id("pro-remark"), "Samen met Bram opgesteld.");
        browser.findElement(By.cssSelector("#agree-professional button")).click();
        waitFor("akkoord op");
        assertThat(browser.findElement(By.id("professional-agreement")).getText()).startsWith("akkoord op");
        assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("concept");

        // Bram agrees from his own account, with a remark
        browser.manage().deleteAllCookies();
        signIn(username, "samen2026-bram");
        browser.findElement(By.linkText("Mijn plan")).click();
        assertThat(browser.findElement(By.id("own-steps")).getText()).contains("Bram doet zelf zijn was.");
        assertThat(browser.findElement(By.id("next-evaluation")).getText()).startsWith("Volgende evaluatie");
        type(By.id("agree-remark"), "Ik wil niet dat mijn moeder komt helpen.");
        browser.findElement(By.cssSelector("#agree-mine button")).click();
        waitFor("afgesproken door beiden");
        assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("afgesproken door beiden");
        assertThat(browser.findElement(By.id("plan-final")).isDisplayed()).isTrue();
        screenshot("plan-signed");

        // After three months: the friend is too busy; the evaluation decides to replace him
        browser.manage().deleteAllCookies();
        signIn("sanne");
        open("/persons/" + bram + "/plan/evaluations");
        setDate(By.id("heldOn"), LocalDate.now());
        type(By.id("wentWell"), "Het huis is opgeruimd; Bram helpt Ria terug met haar tuin.");
        type(By.id("learned"), "Vaste afspraken op vaste dagen werken.");
        type(By.id("process-1"), "Thuiszorg komt elke week; de kliko is niet vergeten.");
        type(By.id("result-1"), "Bereikt, behalve de boodschappen.");
        for (String check : new String[] {"relationshipOnTrack", "trust", "phasesConnect"}) {
            browser.findElement(By.id(check)).click();
        }
        browser.findElement(By.id("signal-NEW_EVENT")).click();
        type(By.id("signalNote"), "Kevin heeft het te druk met zijn nieuwe baan.");
        new Select(browser.findElement(By.id("decision"))).selectByValue("REPLACE_RESOURCE");
        setDate(By.id("nextEvaluationDate"), LocalDate.now().plusMonths(3));
        browser.findElement(By.cssSelector("#evaluation-form button[type=submit]")).click();
        waitFor("Kevin heeft het te druk");
        assertThat(text()).contains("een hulpbron vervangen", "Kevin heeft het te druk");

        open("/persons/" + bram + "/plan");
        WebElement kevin = browser.findElements(By.cssSelector("li.step")).stream()
                .filter(li -> li.getText().contains("Kevin gaat met Bram")).findFirst().orElseThrow();
        kevin.findElement(By.tagName("summary")).click();
        // the form is fetched when the details opens (htmx): wait until it is there, labelled
        waitUpTo(10).until(d -> !kevin.findElements(By.cssSelector("form.reassign")).isEmpty());
        WebElement member = kevin.findElement(By.name("networkMemberId"));
        assertThat(kevin.findElement(By.cssSelector("label[for='" + member.getAttribute("id") + "']")).getText()).isNotBlank();
        new Select(member).selectByVisibleText("Daan (volleybalteam)");
        WebElement description = kevin.findElement(By.name("description"));
        description.clear();
        description.sendKeys("Daan van het volleybalteam gaat met Bram boodschappen doen.");
        kevin.findElement(By.cssSelector("form.reassign button")).click();
        waitFor("versie 2");

        assertThat(browser.findElement(By.id("plan-meta")).getText()).contains("versie 2", "concept");
        assertThat(text()).contains("Daan van het volleybalteam");
        browser.findElement(By.cssSelector("#compare-form button")).click();
        waitFor("naast elkaar");
        String comparison = browser.findElement(By.id("comparison")).getText();
        assertThat(comparison).contains("versie 1", "versie 2", "Kevin gaat met Bram boodschappen doen.",
                "Daan van het volleybalteam", "gewijzigd");
        screenshot("plan-compare");
    }

    private void addStep(String description, String taker, String member, String professional, String intensity) {
        WebElement details = browser.findElement(By.cssSelector("section.goal details.add-step"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        // the form is fetched when the details opens (htmx): wait until it is there
        waitUpTo(10).until(d -> !details.findElements(By.cssSelector("form.add-step-form")).isEmpty());
        details.findElement(By.name("description")).sendKeys(description);
        new Select(details.findElement(By.name("taker"))).selectByValue(taker);
        if (member != null) {
            new Select(details.findElement(By.name("networkMemberId"))).selectByVisibleText(member);
        }
        if (professional != null) {
            new Select(details.findElement(By.name("professionalId"))).selectByVisibleText(professional);
        }
        new Select(details.findElement(By.name("intensity"))).selectByValue(intensity);
        details.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(description);
    }

    /** Waits until the page after a submit shows the text (the old page may still be there for a moment). */
    private void waitFor(String expected) {
        waitUpTo(10).until(d -> {
            try {
                return d.findElement(By.tagName("main")).getText().contains(expected);
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private void setDate(By by, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(by), date.toString());
    }
}
