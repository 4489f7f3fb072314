package org.samenkracht;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;


import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/**
 * The foundation's support cycle as people click through it: a professional registers a person,
 * writes down the four questions in the person's words, adds two network members, makes a plan
 * with one goal and two steps (one by a network member, one by a professional) and sets an
 * evaluation date. The person then signs in, sees their own story and plan, and nobody else's.
 */
class SupportCycleBrowserTest extends BrowserTest {

    @Test
    void a_professional_and_then_the_person_go_through_one_support_cycle() {
        String username = "amira" + UUID.randomUUID().toString().substring(0, 6);
        String password = "eigen-wachtwoord-42";

        signIn("sanne");
        assertThat(browser.getCurrentUrl()).endsWith("/persons");
        browser.findElement(By.linkText("Persoon registreren")).click();
        type(By.id("givenName"), "Amira");
        type(By.id("familyName"), "Testdossier");
        type(By.id("neighbourhood"), "Lindenhoven-Noord");
        type(By.id("username"), username);
        type(By.id("password"), password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Amira Testdossier");

        browser.findElement(By.linkText("Vier vragen")).click();
        type(By.id("whatMatters"), "Dat ik weer durf te gaan zwemmen.");
        type(By.id("ownStrength"), "Ik kan goed plannen.");
        type(By.id("needs"), "Iemand die de eerste keer meegaat.");
        type(By.id("whoCanHelp"), "Mijn nicht Yara en mijn buurman Theo.");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(text()).contains("Dat ik weer durf te gaan zwemmen.").contains("Versie 1");

        // a goal starts from one of the person's wishes
        browser.findElement(By.linkText("Wensen")).click();
        type(By.id("text"), "Elke week zwemmen.");
        submitFormOf(By.id("text"));
        assertThat(text()).contains("Elke week zwemmen.");

        browser.findElement(By.linkText("Netwerk")).click();
        addMember("Yara (nicht)", "FAMILY", "NETWORK", "COMPANY");
        addMember("Theo (buurman)", "NEIGHBOUR", "NETWORK", "PRACTICAL");
        assertThat(text()).contains("Yara (nicht)").contains("Theo (buurman)");

        browser.findElement(By.linkText("Plan")).click();
        submitFormOf(By.cssSelector("main form button[type=submit]"));
        new Select(browser.findElement(By.id("wishId"))).selectByVisibleText("1. Elke week zwemmen.");
        type(By.id("ownWords"), "Ik wil elke week zwemmen.");
        type(By.id("intendedResult"), "Amira zwemt elke week een half uur.");
        submitFormOf(By.id("ownWords"));
        assertThat(text()).contains("Ik wil elke week zwemmen.");

        addStep("Yara gaat de eerste drie keer mee naar het zwembad.", "NETWORK", "Yara (nicht)", null);
        addStep("Sanne zoekt met Amira een zwemgroep die bij haar past.", "PROFESSIONAL", null, "Sanne de Wit");
        WebElement date = browser.findElement(By.id("evaluationDate"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", date,
                LocalDate.now().plusMonths(2).toString());
        submitFormOf(By.id("evaluationDate"));
        assertThat(text()).contains("Yara gaat de eerste drie keer mee naar het zwembad. Yara (nicht)")
                .contains("Sanne zoekt met Amira een zwemgroep die bij haar past. Sanne de Wit")
                .contains("Volgende evaluatie: " + java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")
                        .format(LocalDate.now().plusMonths(2)));
        screenshot("support-cycle-plan-professional");

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        signIn(username, password);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Amira Testdossier");
        assertThat(text()).contains("Dat ik weer durf te gaan zwemmen.").contains("Ik wil elke week zwemmen.")
                .doesNotContain("Gegevens wijzigen");
        browser.findElement(By.linkText("Plan")).click();
        assertThat(text()).contains("Yara gaat de eerste drie keer mee naar het zwembad.")
                .doesNotContain("Doel toevoegen");
        screenshot("support-cycle-plan-person");

        open("/persons/" + PERSON_JONAS);
        assertThat(text()).contains("Geen toegang").contains("Dit is niet uw dossier")
                .doesNotContain("Jonas");
        open("/persons");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Amira Testdossier");
    }

    private void addMember(String name, String relation, String layer, String kind) {
        openAddMemberForm();
        type(By.id("name"), name);
        new Select(browser.findElement(By.id("relation"))).selectByValue(relation);
        new Select(browser.findElement(By.id("layer"))).selectByValue(layer);
        browser.findElement(By.cssSelector("input[name=supportReceived][value=" + kind + "]")).click();
        browser.findElement(By.cssSelector("#panel form button.primary")).click();
        // the network page adds with htmx: wait until the picture shows the new member
        waitUpTo(10).until(d -> d.findElements(
                By.cssSelector("svg.ecogram g.member[data-name='" + name + "']")).size() == 1);
    }

    private void addStep(String description, String taker, String member, String professional) {
        browser.findElement(By.cssSelector("section.goal details.add-step summary")).click();
        // the form is fetched when the details opens (htmx): wait until it has arrived
        WebElement form = waitUpTo(10).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.goal details.add-step form")));
        form.findElement(By.name("description")).sendKeys(description);
        new Select(form.findElement(By.name("taker"))).selectByValue(taker);
        if (member != null) {
            new Select(form.findElement(By.name("networkMemberId"))).selectByVisibleText(member);
        }
        if (professional != null) {
            new Select(form.findElement(By.name("professionalId"))).selectByVisibleText(professional);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.stalenessOf(form));
        assertThat(text()).contains(description);
    }

    /** Submits the form around the field and waits for the next page. */
    private void submitFormOf(By field) {
        WebElement form = browser.findElement(field).findElement(By.xpath("ancestor::form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitUpTo(10).until(ExpectedConditions.stalenessOf(form));
    }
}
