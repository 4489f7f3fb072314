package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.Network;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/**
 * A neighbourhood place from start to the social map: Karim adds a place (a refused form comes back with
 * what he typed) and a walking club there; Sanne signs Jonas up as a step under his first goal, records that
 * he came, and writes down what Jonas offers others, with his consent; Ahmed puts the walking club on the
 * social map; Karim sees the offer at the place without Jonas's name, and Jonas among who takes part only
 * if he may read Jonas's community part. The place page works at 320 px.
 */
class NeighbourhoodBrowserTest extends BrowserTest {

    @Autowired Accounts accounts;
    @Autowired Network network;
    @Autowired org.samenkracht.privacy.PersonAccess access;

    @Test
    void a_place_an_activity_a_sign_up_as_a_plan_step_attendance_an_offer_and_the_social_map() {
        String placeName = "Wijkkamer " + UUID.randomUUID().toString().substring(0, 5);
        signIn("karim");
        open("/community/places");
        assertThat(text()).contains("Buurthuis De Linde").contains("Koffieochtend");
        type(By.id("neighbourhood"), "Noord");
        browser.findElement(By.cssSelector("#place-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("placeName-error")).getText()).contains("Vul dit veld in");
        assertThat(browser.findElement(By.id("neighbourhood")).getAttribute("value")).isEqualTo("Noord");
        type(By.id("placeName"), placeName);
        browser.findElement(By.cssSelector("input[name=accessibility][value=WHEELCHAIR]")).click();
        type(By.id("volunteering"), "Koffie zetten, mee wandelen");
        browser.findElement(By.cssSelector("#place-form button[type=submit]")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(placeName);
        assertThat(browser.findElement(By.id("accessibility")).getText()).contains("rolstoel");
        String place = browser.getCurrentUrl();

        type(By.id("activityName"), "Wandelclub");
        new Select(browser.findElement(By.id("weekday"))).selectByValue("WEDNESDAY");
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('startsAt').value = '09:30'; document.getElementById('endsAt').value = '11:00';");
        type(By.id("capacity"), "10");
        browser.findElement(By.cssSelector("#activity-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("activities-h")).findElement(By.xpath("..")).getText())
                .contains("Wandelclub").contains("woensdag").contains("09:30–11:00");

        browser.manage().deleteAllCookies();
        signIn("sanne");
        open("/persons/" + PERSON_JONAS + "/community");
        Select activity = new Select(browser.findElement(By.id("activityId")));
        activity.selectByValue(activity.getOptions().stream().filter(o -> o.getText().startsWith("Wandelclub — " + placeName))
                .findFirst().orElseThrow().getAttribute("value"));
        new Select(browser.findElement(By.id("activityGoalId"))).selectByIndex(1);
        browser.findElement(By.cssSelector("#signup-form button[type=submit]")).click();
        var line = browser.findElements(By.cssSelector("#person-activities > li")).stream()
                .filter(li -> li.getText().contains(placeName)).findFirst().orElseThrow();
        assertThat(line.getText()).contains("aangemeld").contains("staat in het plan").contains("nog niet geweest");
        line.findElement(By.cssSelector(".attendance-form button[type=submit]")).click();
        assertThat(browser.findElements(By.cssSelector("#person-activities > li")).stream()
                .filter(li -> li.getText().contains(placeName)).findFirst().orElseThrow().getText()).contains("1 keer geweest");
        // the second time the same day is refused, and says why
        browser.findElements(By.cssSelector("#person-activities > li")).stream().filter(li -> li.getText().contains(placeName))
                .findFirst().orElseThrow().findElement(By.cssSelector(".attendance-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("place-error")).getText()).contains("Dit staat er al");

        type(By.id("offerWhat"), "Fietsen repareren");
        new Select(browser.findElement(By.id("offerPlace"))).selectByVisibleText(placeName);
        browser.findElement(By.id("offerConsent")).click();
        browser.findElement(By.cssSelector("#offer-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("person-offers")).getText()).contains("Fietsen repareren").contains("te zien bij de plek");
        // the walking club is in Jonas's plan at the community layer
        open("/persons/" + PERSON_JONAS + "/plan");
        assertThat(text()).contains("Meedoen met Wandelclub in " + placeName);
        // and in his ecogram (taken out again after, so the demo's Jonas keeps the network other tests count)
        open("/persons/" + PERSON_JONAS + "/network");
        assertThat(browser.findElements(By.cssSelector("svg.ecogram g.member")).stream()
                .anyMatch(g -> String.valueOf(g.getAttribute("data-name")).contains(placeName))).isTrue();
        accounts.runAs(PROFESSIONAL_SANNE, () -> network.members(PERSON_JONAS).stream().filter(m -> m.name().contains(placeName))
                .forEach(m -> network.remove(PERSON_JONAS, m.id(), null, null)));

        browser.manage().deleteAllCookies();
        signIn("ahmed");
        browser.get(place);
        browser.findElement(By.cssSelector("article.activity form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("article.activity")).getText()).contains("op de sociale kaart");

        browser.manage().deleteAllCookies();
        signIn("karim");
        browser.get(place);
        assertThat(browser.findElement(By.id("place-offers")).getText()).isEqualTo("Fietsen repareren");
        // who takes part: Jonas only if Karim may read his community part (he may once he coordinates a buddy request of Jonas's)
        java.util.concurrent.atomic.AtomicBoolean karimMayRead = new java.util.concurrent.atomic.AtomicBoolean();
        accounts.runAs(org.samenkracht.common.demo.DemoIds.COORDINATOR_KARIM, () -> karimMayRead.set(
                access.may(PERSON_JONAS, org.samenkracht.privacy.Part.COMMUNITY, org.samenkracht.privacy.AccessKind.READ)));
        assertThat(browser.findElement(By.id("activities-h")).findElement(By.xpath("..")).getText().contains("Jonas"))
                .isEqualTo(karimMayRead.get());
        assertThat(shownNow(By.cssSelector("article.activity form"))).isEmpty();  // only the administrator publishes

        phone(320);
        browser.get(place);
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        screenshot("community-place-phone");
        desktop();
        assertThat(overflow).isLessThanOrEqualTo(0L);
    }
}
