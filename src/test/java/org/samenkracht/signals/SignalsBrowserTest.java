package org.samenkracht.signals;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a pharmacist's signal on a phone (375 px wide) through triage, a home visit and the network
 * meeting, to the feedback the pharmacist sees: safe words, the contact person, no details.
 */
class SignalsBrowserTest extends BrowserTest {

    @Test
    void a_pharmacists_signal_on_a_phone_reaches_the_team_and_comes_back_as_safe_feedback() {
        // the pharmacist, on a phone
        phone(375);
        signIn("apotheek");
        assertThat(browser.getCurrentUrl()).endsWith("/signals/partner");  // the partner's home: the form and the receipts
        type(By.id("subjectName"), "Meneer W. Browser");
        type(By.id("subjectAddress"), "Kastanjelaan 8");
        type(By.id("neighbourhood"), "Kastanjebuurt");
        new Select(browser.findElement(By.id("concernKind"))).selectByValue("HEALTH_MEDICINES");
        type(By.id("noticed"), "Komt zijn medicijnen niet meer halen en lijkt in de war.");
        assertThat(widerThanScreen()).as("the form fits a 375 px screen").isFalse();
        screenshot("signals-1-partner-form-375");
        browser.findElement(By.id("send-signal")).click();
        String notice = browser.findElement(By.id("received")).getText();
        String reference = notice.replaceAll(".*(S-[A-Z0-9]{6}).*", "$1");
        assertThat(reference).matches("S-[A-Z0-9]{6}");
        assertThat(stageOf(reference)).isEqualTo("Ontvangen. Het buurtteam kijkt ernaar.");
        assertThat(widerThanScreen()).isFalse();

        // the professional triages and goes there
        browser.manage().deleteAllCookies();
        desktop();
        signIn("sanne");
        open("/signals");
        browser.findElement(By.linkText(reference)).click();
        assertThat(text()).contains("Meneer W. Browser", "medicijnen");
        assertThat(browser.findElement(By.id("signal-neighbourhood")).getText()).isEqualTo("Kastanjebuurt");
        String signalId = browser.getCurrentUrl().replaceAll(".*/signals/([0-9a-f-]{36}).*", "$1");
        browser.findElement(By.cssSelector("input[name=safety][value='1']")).click();
        browser.findElement(By.cssSelector("input[name=health][value='2']")).click();
        browser.findElement(By.cssSelector("input[name=wellbeing][value='2']")).click();
        new Select(browser.findElement(By.id("extent"))).selectByValue("OVER_75");
        new Select(browser.findElement(By.id("duration"))).selectByValue("STRUCTURAL_SHORT");
        browser.findElement(By.id("save-triage")).click();
        assertThat(browser.findElement(By.id("suggestion")).getText()).contains("8");
        assertThat(browser.findElement(By.id("signal-kind")).getText()).isEqualTo("dringend");
        new Select(browser.findElement(By.id("actionKind"))).selectByValue("HOME_VISIT");
        browser.findElement(By.id("plan-action")).click();
        type(By.cssSelector(".action-outcome-input"), "Thuis getroffen; dochter gebeld; wil hulp.");
        browser.findElement(By.cssSelector("button.action-done")).click();
        assertThat(browser.findElement(By.cssSelector("p.action-outcome")).getText()).contains("dochter gebeld");
        assertThat(browser.findElement(By.id("signal-status")).getText()).isEqualTo("erop af");

        // checking with the GP is a follow-up action of its own
        new Select(browser.findElement(By.id("actionKind"))).selectByValue("CHECK_GP");
        browser.findElement(By.id("plan-action")).click();
        assertThat(text()).contains("navragen bij de huisarts");

        // opening a file needs a ground: without one it is refused, naming it; with his consent it opens
        type(By.id("givenName"), "Willem");
        type(By.id("familyName"), "Browser");
        type(By.id("decision"), "Hij wil hulp; dossier openen.");
        browser.findElement(By.id("open-file")).click();
        assertThat(text()).contains("Kies de grond voor het dossier");
        open("/signals/" + signalId);
        type(By.id("givenName"), "Willem");
        type(By.id("familyName"), "Browser");
        type(By.id("decision"), "Hij wil hulp; dossier openen.");
        browser.findElement(By.id("ground-CONSENT")).click();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('consentGivenOn').value = arguments[0];",
                java.time.LocalDate.now(Signals.ZONE).toString());
        new Select(browser.findElement(By.id("consentGivenBy"))).selectByValue("PERSON");
        browser.findElement(By.id("open-file")).click();
        assertThat(browser.getCurrentUrl()).matches(".*/persons/[0-9a-f-]{36}$");
        open("/signals/" + signalId);
        assertThat(browser.findElement(By.id("file-ground-value")).getText()).isEqualTo("toestemming van de persoon");

        // the partners of the network: the pharmacy is a core partner that signed the covenant in force
        open("/signals/meetings");
        browser.findElement(By.id("network-partners")).click();
        assertThat(text()).contains("Apotheek De Linde (demo)", "kernpartner", "Getekend door Astrid Visser",
                "Huisartsenpraktijk Lindenhoven (demo)", "Nog niet getekend.");

        // the network meeting: only signed partners can be invited; the case under its code, the form destroyed at the close
        open("/signals/meetings");
        browser.findElement(By.id("plan-meeting")).click();
        Select partnerChoice = new Select(browser.findElement(By.id("attPartner")));
        assertThat(partnerChoice.getOptions()).extracting(org.openqa.selenium.WebElement::getText)
                .anyMatch(o -> o.startsWith("Apotheek De Linde (demo)"))
                .noneMatch(o -> o.startsWith("Huisartsenpraktijk"));
        assertThat(browser.findElement(By.id("unsigned-partners")).getText()).contains("Huisartsenpraktijk Lindenhoven (demo)");
        type(By.id("attName"), "Astrid Visser");
        partnerChoice.selectByVisibleText("Apotheek De Linde (demo) (kernpartner)");
        browser.findElement(By.id("add-attendee")).click();
        assertThat(browser.findElement(By.cssSelector("li.attendee")).getText()).contains("Astrid Visser", "Apotheek De Linde (demo)", "kernpartner");
        type(By.id("caseSignal"), signalId);
        type(By.id("reportingForm"), "Medicijnen niet opgehaald; verward.");
        browser.findElement(By.id("add-case")).click();
        String code = browser.findElement(By.cssSelector(".case-code")).getText();
        assertThat(code).matches("C-\\d{4}-\\d{3}");
        assertThat(text()).doesNotContain("Meneer W. Browser").contains("Medicijnen niet opgehaald");
        browser.findElement(By.id("close-meeting")).click();
        assertThat(browser.findElement(By.id("forms-destroyed")).isDisplayed()).isTrue();
        assertThat(text()).doesNotContain("Medicijnen niet opgehaald");

        // back to the pharmacist's phone: taken up, whom to call, and nothing of what was found
        browser.manage().deleteAllCookies();
        phone(375);
        signIn("apotheek");
        assertThat(stageOf(reference)).isEqualTo("Het buurtteam pakt dit op.");
        String receipt = browser.findElement(By.cssSelector("li[data-reference='" + reference + "']")).getText();
        assertThat(receipt).contains("Sanne de Wit").doesNotContain("dochter", "Meneer W. Browser", code);
        assertThat(widerThanScreen()).isFalse();
        screenshot("signals-2-partner-feedback-375");
        // and the pharmacist cannot open the queue or a file
        open("/signals");
        assertThat(text()).doesNotContain(reference);
    }

    private String stageOf(String reference) {
        return browser.findElement(By.cssSelector("li[data-reference='" + reference + "'] .receipt-stage")).getText();
    }

    private boolean widerThanScreen() {
        Object wide = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(wide);
    }
}
