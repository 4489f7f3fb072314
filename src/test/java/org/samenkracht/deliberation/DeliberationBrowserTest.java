package org.samenkracht.deliberation;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.Concerns;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/**
 * The seed's dilemma, clicked through: a mother confides that her partner sometimes hits her. Sanne
 * works it through with the gps, step by step, to a decision that becomes the concern's weighing and
 * a step in the plan with its evaluation date.
 */
class DeliberationBrowserTest extends BrowserTest {

    @Autowired Accounts accounts;
    @Autowired Persons persons;
    @Autowired Wishes wishes;
    @Autowired Plans plans;
    @Autowired Concerns concerns;

    @Test
    void a_confidence_about_violence_at_home_goes_through_the_gps_to_a_decision_tied_to_the_concern_and_the_plan() {
        AtomicReference<UUID> person = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID p = persons.register(new RegisterPerson("Yasmina", "Brouwer", LocalDate.of(1988, 8, 8), "", "", "", "", "", ""));
            wishes.add(p, new Wishes.AddWish("Rust in huis voor mij en de kinderen.", "CONVERSATION"));
            plans.start(p);
            plans.addGoal(p, new PlanCommands.AddGoal(wishes.prioritised(p).get(0).id(), "Rust in huis", null,
                    "Ik voel me veilig thuis", "SHORT", null, null, plans.current(p).orElseThrow().version()));
            UUID c = concerns.raise(p, "Yasmina vertelde in vertrouwen dat haar man haar soms slaat.");
            concerns.shareWithFamily(p, c, 0, "Met haar besproken, vanuit verwondering.");
            person.set(p);
        });
        UUID p = person.get();
        signIn("sanne");
        open("/persons/" + p + "/deliberations");
        type(By.id("title"), "Een geheim over geweld thuis");
        browser.findElement(By.id("method-GPS")).click();
        browser.findElement(By.cssSelector("#start-form button")).click();
        assertThat(text()).contains("Voor jezelf helder krijgen").contains("In de breedte");

        type(By.id("gutReaction"), "Schrik, en de neiging meteen iets te doen.");
        type(By.id("knot"), "Haar vertrouwen tegenover de veiligheid van haar en de kinderen.");
        type(By.id("keyQuestion"), "Blijf ik zwijgen, of zet ik een stap naar buiten?");
        type(By.id("consultWhom"), "Marieke, mijn coach.");
        browser.findElement(By.cssSelector("#form-clarify button")).click();

        type(By.id("facts"), "Ze zegt dat haar man haar soms slaat.");
        type(By.id("suspicions"), "De kinderen zien het misschien.");
        new Select(browser.findElement(By.id("conflictKind"))).selectByValue("LOYALTY");
        browser.findElement(By.cssSelector("#form-breadth button")).click();

        type(By.id("laws"), "Beroepsgeheim; schuldig verzuim bij acuut gevaar.");
        type(By.id("rights"), "Rechten van het kind.");
        browser.findElement(By.cssSelector("#form-height button")).click();

        // Deciding before the decisive arguments are named is refused, and says what is missing.
        type(By.id("decision-input"), "Nu geen stap naar buiten.");
        browser.findElement(By.cssSelector("#decision-form button")).click();
        assertThat(browser.findElement(By.id("problems")).getText()).contains("Noem de argumenten die de doorslag geven");
        assertThat(browser.findElement(By.id("decision-input")).getAttribute("value")).isEqualTo("Nu geen stap naar buiten.");

        type(By.id("perspective"), "Yasmina");
        type(By.id("valueName"), "vertrouwen");
        browser.findElement(By.cssSelector("#value-form button")).click();
        type(By.id("perspective"), "De kinderen");
        type(By.id("valueName"), "veiligheid");
        type(By.id("norm"), "Een kind moet thuis veilig zijn.");
        browser.findElement(By.cssSelector("#value-form button")).click();
        assertThat(browser.findElement(By.id("values-table")).getText()).contains("vertrouwen").contains("veiligheid");

        type(By.id("decisiveArguments"), "Geen acuut gevaar; zij wil zelf stappen zetten met steun.");
        type(By.id("desirable"), "Veiligheid, en dat zij de regie houdt.");
        type(By.id("feasible"), "Een veiligheidsplan met haar en haar zus.");
        browser.findElement(By.cssSelector("#form-decision button")).click();
        type(By.id("decision-input"), "Nu geen stap naar buiten; samen een veiligheidsplan maken.");
        browser.findElement(By.cssSelector("#decision-form button")).click();
        assertThat(browser.findElement(By.id("decision-text")).getText()).contains("veiligheidsplan");

        type(By.id("description"), "Veiligheidsplan maken met Yasmina en haar zus");
        new Select(browser.findElement(By.id("goalId"))).selectByIndex(1);
        LocalDate evaluate = LocalDate.now().plusWeeks(4);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("evaluateOn")), evaluate.toString());
        browser.findElement(By.cssSelector("#action-form button")).click();
        assertThat(browser.findElement(By.id("action-list")).getText()).contains("Veiligheidsplan maken").contains("staat in het plan");

        browser.findElement(By.cssSelector("#concern-form button")).click();
        assertThat(browser.findElement(By.id("concern-linked")).getText()).contains("afweging van een zorg");
        browser.findElement(By.cssSelector("#close-form button")).click();
        assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Afgerond");
        screenshot("deliberation-gps-decided");

        // The concern route shows the weighing with a link back; the plan has the step with its evaluation date.
        open("/persons/" + p + "/privacy");
        assertThat(text()).contains("Afgewogen in de ethische afweging").contains("De afweging openen");
        open("/persons/" + p + "/plan");
        assertThat(text()).contains("Veiligheidsplan maken met Yasmina en haar zus")
                .contains(evaluate.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
    }
}
