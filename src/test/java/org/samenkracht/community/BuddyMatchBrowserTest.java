package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/**
 * A buddy from Jonas's plan: Sanne requests one from the plan step at the volunteer layer; Karim records
 * what the network can do and the home visit, proposes Noor, Jonas says yes, Noor says yes on her own
 * page (where she sees only the shared goal and the practical details); the four-week check, a rematch,
 * and the follow-up that asks Jonas. After the rematch Karim proposes a volunteer outside the suggestions, both say
 * yes, and at the end of the year the follow-up asks Jonas and the match is completed: the plan step it came from
 * shows as done on Jonas's plan.
 */
class BuddyMatchBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired org.samenkracht.privacy.PrivacyScene scenes;
    @org.springframework.beans.factory.annotation.Autowired org.samenkracht.identity.Accounts accounts;
    @org.springframework.beans.factory.annotation.Autowired Volunteers volunteers;
    @org.springframework.beans.factory.annotation.Autowired org.samenkracht.plan.Plans plans;

    @Test
    void from_a_plan_step_to_a_match_a_check_a_rematch_and_the_follow_up() {
        // a step of its own at the volunteer layer: a step whose support ended (an earlier run's) is not offered
        java.util.concurrent.atomic.AtomicReference<java.util.UUID> stepId = new java.util.concurrent.atomic.AtomicReference<>();
        accounts.runAs(org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE, () -> {
            var plan = plans.current(PERSON_JONAS).orElseThrow();
            stepId.set(plans.addStep(PERSON_JONAS, new org.samenkracht.plan.PlanCommands.AddStep(plan.goals().get(0).id(),
                    "Een maatje voor volleybal", CommunityLayer.TAKER, null, null, "Maatjesproject",
                    org.samenkracht.vocabulary.Intensity.SUPPORT, null, null, plan.version())));
        });
        signIn("sanne");
        open("/persons/" + PERSON_JONAS + "/community");
        Select steps = new Select(browser.findElement(By.id("stepId")));
        steps.selectByValue(stepId.get().toString());
        type(By.id("whatFor"), "Samen naar volleybal, de eerste weken");
        browser.findElement(By.cssSelector("#request-form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/community/requests/"));
        String request = browser.getCurrentUrl().replaceFirst("^.*(/community/requests/[0-9a-f-]+).*$", "$1");
        assertThat(request).startsWith("/community/requests/");

        browser.manage().deleteAllCookies();
        signIn("karim");
        assertThat(browser.getCurrentUrl()).endsWith("/community");
        open(request);
        assertThat(text()).contains("Eerst het eigen netwerk");
        type(By.id("networkGap"), "Kevin is gevraagd; hij werkt op donderdagavond.");
        browser.findElement(By.cssSelector("#network-form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        type(By.id("languages"), "nederlands");
        type(By.id("interests"), "volleybal");
        type(By.id("hoursPerWeek"), "1");
        browser.findElement(By.cssSelector("#visit-form input[value=THURSDAY_EVENING]")).click();
        browser.findElement(By.cssSelector("#visit-form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("suggestions")));
        assertThat(text()).contains("Passende vrijwilligers");
        // what the visit agreed, in Dutch: "1 uur per week", never "1.0"
        assertThat(browser.findElement(By.id("home-visit")).getText()).contains("volleybal · 1 uur per week");
        // not screened, says it is too heavy: never suggested (Joost may still be picked by hand below the list, with a warning)
        assertThat(browser.findElement(By.id("suggestions")).getText()).doesNotContain("Anouk Peeters").doesNotContain("Joost Janssens");
        WebElement noor = browser.findElements(By.cssSelector("#suggestions article.suggestion")).stream()
                .filter(a -> a.getText().contains("Noor Visser")).findFirst().orElseThrow();
        noor.findElement(By.cssSelector("input[name=practical]")).sendKeys("Donderdag 19:00 bij de sporthal");
        noor.findElement(By.cssSelector("button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(".person-answer")));
        browser.findElement(By.cssSelector(".person-answer button[value=true]")).click();

        browser.manage().deleteAllCookies();
        signIn("noor");
        assertThat(browser.getCurrentUrl()).endsWith("/community/mine");
        WebElement mine = browser.findElements(By.cssSelector("article.match")).stream()
                .filter(a -> a.getText().contains("Donderdag 19:00 bij de sporthal")).findFirst().orElseThrow();
        assertThat(mine.getText()).contains("Jonas").contains("Samen naar volleybal").doesNotContain("Verbeke");
        mine.findElement(By.cssSelector("button[value=true]")).click();
        open("/persons/" + PERSON_JONAS);
        assertThat(text()).doesNotContain("Lindelaan");  // never the person's file

        browser.manage().deleteAllCookies();
        signIn("karim");
        open(request);
        WebElement match = browser.findElements(By.cssSelector("article.match")).stream()
                .filter(a -> a.getText().contains("Noor Visser")).findFirst().orElseThrow();
        assertThat(match.getText()).contains("loopt").contains("Check na vier weken");
        new Select(match.findElement(By.name("kind"))).selectByValue("FOUR_WEEK_CHECK");
        new Select(match.findElement(By.name("withWhom"))).selectByValue("BOTH");
        new Select(match.findElement(By.name("howItGoes"))).selectByValue("4");
        match.findElement(By.cssSelector(".contact-form button[type=submit]")).click();
        assertThat(text()).contains("check na vier weken");
        browser.findElement(By.cssSelector("button.rematch")).click();
        assertThat(text()).contains("nieuwe match").contains("Passende vrijwilligers");
        WebElement ended = browser.findElements(By.cssSelector("article.match")).stream()
                .filter(a -> a.getText().contains("Noor Visser")).findFirst().orElseThrow();
        new Select(ended.findElement(By.name("kind"))).selectByValue("FOLLOW_UP");
        new Select(ended.findElement(By.name("withWhom"))).selectByValue("PERSON");
        ended.findElement(By.name("notes")).sendKeys("Jonas gaat nu zelf naar volleybal.");
        ended.findElement(By.cssSelector(".contact-form button[type=submit]")).click();
        assertThat(text()).contains("nagesprek met de persoon").contains("Jonas gaat nu zelf naar volleybal.");

        // the rematch: a volunteer outside the suggestions (screened, with an account of her own)
        var scene = scenes.create(java.util.Set.of());
        var account = scene.as(org.samenkracht.privacy.PrivacyScene.Subject.VOLUNTEER);
        String name = "Fenna " + java.util.UUID.randomUUID().toString().substring(0, 6);
        java.util.UUID[] fenna = new java.util.UUID[1];
        accounts.runAs(org.samenkracht.common.demo.DemoIds.COORDINATOR_KARIM, () -> {
            fenna[0] = volunteers.register(java.util.UUID.randomUUID(), account.id(), new CommunityCommands.SaveVolunteer(name, null,
                    java.util.Set.of(), java.util.Set.of("nederlands"), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
                    java.util.Set.of(Volunteer.KindOfWork.BUDDY), null, null, java.math.BigDecimal.valueOf(3), 2, null, null));
            java.util.List.of(Screening.Step.values()).forEach(s -> volunteers.recordScreening(fenna[0],
                    new CommunityCommands.RecordScreening(s, java.time.LocalDate.now().minusDays(1))));
        });
        open(request);
        new Select(browser.findElement(By.id("other-volunteer-id"))).selectByValue(fenna[0].toString());
        browser.findElement(By.id("other-propose")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(".person-answer")));
        browser.findElement(By.cssSelector(".person-answer button[value=true]")).click();
        browser.manage().deleteAllCookies();
        signIn(account.username(), org.samenkracht.common.demo.DemoIds.PASSWORD);
        open("/community/mine");
        browser.findElements(By.cssSelector("article.match")).stream()
                .filter(a -> a.getText().contains("Samen naar volleybal")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button[value=true]")).click();

        // a year on: the follow-up asks Jonas, and the match is completed
        browser.manage().deleteAllCookies();
        signIn("karim");
        open(request);
        WebElement second = browser.findElements(By.cssSelector("article.match")).stream()
                .filter(a -> a.getText().contains(name)).findFirst().orElseThrow();
        assertThat(second.getText()).contains("loopt");
        new Select(second.findElement(By.name("kind"))).selectByValue("FOLLOW_UP");
        new Select(second.findElement(By.name("withWhom"))).selectByValue("PERSON");
        second.findElement(By.name("notes")).sendKeys("Na een jaar: Jonas sport elke week, ook zonder maatje.");
        second.findElement(By.cssSelector(".contact-form button[type=submit]")).click();
        assertThat(text()).contains("Na een jaar: Jonas sport elke week, ook zonder maatje.");
        browser.findElements(By.cssSelector("article.match")).stream().filter(a -> a.getText().contains(name)).findFirst()
                .orElseThrow().findElement(By.cssSelector("form[action$='/complete'] button")).click();
        assertThat(browser.findElements(By.cssSelector("article.match")).stream().filter(a -> a.getText().contains(name))
                .findFirst().orElseThrow().getText()).doesNotContain("loopt");

        // the plan step the request came from shows as done, with the reason
        browser.manage().deleteAllCookies();
        signIn("sanne");
        open("/persons/" + PERSON_JONAS + "/plan");
        assertThat(text()).contains("Klaar. Het maatjescontact is afgerond.");
    }
}
