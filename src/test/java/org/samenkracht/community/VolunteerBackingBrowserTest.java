package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;

/**
 * A volunteer's backing and leaving a group, as their users click them (issue 20, items 1 and 3). Noor sees her
 * trainings and a word of thanks, and tells how it goes with her match (an empty text comes back with what she
 * chose); Karim reads it on her page and answers, and records a training (a date still to come comes back with
 * what he typed). Sanne takes Henk out of a support group; on Henk's privacy page the coach's view has ended.
 */
class VolunteerBackingBrowserTest extends BrowserTest {

    @Autowired Accounts accounts;
    @Autowired SupportGroups groups;

    @Test
    void noor_tells_how_it_goes_karim_answers_and_records_a_training() {
        String said = "Gaat goed, " + UUID.randomUUID().toString().substring(0, 6);
        signIn("noor");
        open("/community/mine");
        assertThat(browser.findElement(By.id("my-trainings")).getText()).contains("Basistraining maatjes").contains("Petra Smit");
        assertThat(browser.findElement(By.id("my-recognition")).getText()).contains("Bloemen");
        Select about = new Select(browser.findElement(By.id("matchId")));
        about.getOptions().stream().filter(o -> o.getText().startsWith("Fatima")).findFirst().orElseThrow().click();  // her match with Fatima
        new Select(browser.findElement(By.id("howItGoes"))).selectByValue("4");
        browser.findElement(By.cssSelector("#feedback-form button[type=submit]")).click();
        // refused: nothing written; what she chose is still chosen
        assertThat(browser.findElement(By.id("what-error")).getText()).isNotBlank();
        assertThat(new Select(browser.findElement(By.id("howItGoes"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("4");
        assertThat(new Select(browser.findElement(By.id("matchId"))).getFirstSelectedOption().getText()).contains("Fatima");
        type(By.id("what"), said);
        browser.findElement(By.cssSelector("#feedback-form button[type=submit]")).click();
        assertThat(text()).contains(said);

        browser.manage().deleteAllCookies();
        signIn("karim");
        open("/community/volunteers/00000000-0000-4000-8000-000000007501");
        WebElement feedback = browser.findElements(By.cssSelector("article.feedback")).stream()
                .filter(a -> a.getText().contains(said)).findFirst().orElseThrow();
        assertThat(feedback.getText()).contains("Samen de brieven van school en gemeente doornemen").contains("4 van 5")
                .doesNotContain("Fatima");
        feedback.findElement(By.tagName("textarea")).sendKeys("Goed idee, ik vraag schuldhulp.");
        feedback.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(text()).contains("Goed idee, ik vraag schuldhulp.");

        type(By.id("course"), "Signalen van huiselijk geweld");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('followedOn').value = arguments[0]",
                LocalDate.now().plusDays(7).toString());
        type(By.id("givenBy"), "Veilig Thuis");
        browser.findElement(By.cssSelector("#training-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("followedOn-error")).getText()).contains("nog moet komen");
        assertThat(browser.findElement(By.id("course")).getAttribute("value")).isEqualTo("Signalen van huiselijk geweld");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('followedOn').value = arguments[0]",
                LocalDate.now().minusDays(1).toString());
        browser.findElement(By.cssSelector("#training-form button[type=submit]")).click();
        assertThat(browser.findElement(By.id("trainings")).getText()).contains("Signalen van huiselijk geweld").contains("Veilig Thuis");

        browser.manage().deleteAllCookies();
        signIn("noor");
        open("/community/mine");
        assertThat(browser.findElement(By.id("my-trainings")).getText()).contains("Signalen van huiselijk geweld");
        assertThat(text()).contains("Goed idee, ik vraag schuldhulp.");
    }

    @Test
    void henk_leaves_a_group_and_sees_the_coachs_view_end() {
        String name = "Wandelgroep " + UUID.randomUUID().toString().substring(0, 6);
        UUID[] group = new UUID[1];
        accounts.runAs(COORDINATOR_KARIM, () -> group[0] = groups.create(new SupportGroupCommands.CreateGroup(name, COACH_MARIEKE,
                "Elke week", null)));
        accounts.runAs(PROFESSIONAL_SANNE, () -> groups.addMember(group[0], new SupportGroupCommands.AddMember(PERSON_HENK, "Buiten zijn", null)));

        signIn("sanne");
        open("/persons/" + PERSON_HENK + "/community");
        WebElement line = browser.findElements(By.cssSelector("#person-groups li")).stream()
                .filter(li -> li.getText().contains(name)).findFirst().orElseThrow();
        line.findElement(By.cssSelector(".leave-form button")).click();
        assertThat(browser.findElement(By.id("person-groups")).getText()).doesNotContain(name);
        open("/persons/" + PERSON_HENK + "/privacy");
        assertThat(browser.findElement(By.id("ended-grants")).getText()).contains("Marieke")
                .contains("tot " + LocalDate.now().format(DateTimeFormatter.ofPattern("dd-MM-yyyy")));
    }
}
