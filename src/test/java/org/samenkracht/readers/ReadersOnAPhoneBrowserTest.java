package org.samenkracht.readers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.samenkracht.BrowserTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.Information;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Each reader on a 375 px phone: Jonas reads his plan, fills in the self-report, agrees to a report,
 * withdraws a consent and reads who looked; Kevin opens the plan from his own page; Sanne's typed
 * note survives an expired session. Every page is checked with axe-core (0 violations) and for
 * sideways scrolling.
 */
class ReadersOnAPhoneBrowserTest extends BrowserTest {

    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String JONAS = "/persons/" + PERSON_JONAS;

    @Autowired
    Accounts accounts;
    @Autowired
    Consents consents;
    @Autowired
    JdbcClient jdbc;

    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void onAPhone() {
        phone(375);
    }

    @AfterEach
    void desktopAgain() {
        desktop();
        // the consent this test gives is withdrawn in the test; if it stopped halfway, withdraw it here
        jdbc.sql("update consent set revoked_at = now(), revoked_by = ? where purpose like 'Meelezen met de verkenning %' and revoked_at is null")
                .param(ACCOUNT_JONAS).update();
    }

    private void waitForText(String expected) {
        waitUpTo(15).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("main")).getText().contains(expected));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** axe-core on the page as it stands, and no sideways scrolling; what is wrong is collected. */
    @SuppressWarnings("unchecked")
    private void check(String name) {
        Long scroll = (Long) js("return document.documentElement.scrollWidth;");
        Long client = (Long) js("return document.documentElement.clientWidth;");
        if (scroll > client + 1) {
            problems.add(name + ": page is " + scroll + " px wide on a " + client + " px screen");
        }
        js(axeSource());
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                   .catch(e => done(['axe failed: ' + e]));""");
        for (Object violation : (List<Object>) result) {
            problems.add(name + ": " + violation);
        }
        screenshot("phone-" + name);
    }

    private static String axeSource() {
        try (InputStream in = ReadersOnAPhoneBrowserTest.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar missing: " + AXE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jonas_reads_his_plan_fills_in_the_self_report_agrees_withdraws_a_consent_and_reads_who_looked() {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // A report to agree to, written by Sanne on her phone.
        signIn("sanne");
        open(JONAS + "/conversations/new");
        check("sanne-conversation-form");
        js("document.getElementById('heldOn').value = arguments[0];", LocalDate.now().minusDays(1).toString());
        type(By.id("place"), "Bij Jonas thuis");
        type(By.id("participants"), "Jonas en Sanne");
        type(By.id("exploring"), "Wat wil Jonas zelf?");
        type(By.id("supportNeed"), "Hulp bij de post.");
        type(By.id("agreements"), "Jonas opent elke maandag de post, Sanne belt op dinsdag.");
        browser.findElement(By.id("save-conversation")).click();
        waitForText("Jonas opent elke maandag de post");
        String report = browser.getCurrentUrl();
        check("sanne-report");

        // A consent Jonas will withdraw: Kevin may read his exploration.
        UUID kevin = jdbc.sql("select id from network_member where person_id = ? and account_id = ?")
                .params(PERSON_JONAS, ACCOUNT_KEVIN_NETWORK).query(UUID.class).single();
        String purpose = "Meelezen met de verkenning " + UUID.randomUUID().toString().substring(0, 6);
        UUID[] consent = new UUID[1];
        accounts.runAs(ACCOUNT_JONAS, () -> consent[0] = consents.give(PERSON_JONAS, new Consents.GiveConsent(
                EnumSet.of(Information.EXPLORATION), Consents.RecipientKind.NETWORK_MEMBER, kevin, null, null, null,
                purpose, LocalDate.now(), null, Consents.GivenHow.IN_APP, Consents.GivenBy.PERSON, null)));

        browser.manage().deleteAllCookies();
        signIn("jonas");
        check("jonas-start");

        // His plan, from the menu; on a phone the parts of the file are one menu, not rows of tabs.
        open("/my/plan");
        waitForText("Akkoord");
        assertThat(text()).contains("Het plan geldt pas als u en uw begeleider allebei akkoord zijn")
                .doesNotContain("de persoon");
        check("jonas-plan");
        open(JONAS);
        WebElement menu = browser.findElement(By.cssSelector("nav.tabs details.tab-menu"));
        assertThat(menu.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("nav.tabs .tab-row")).isDisplayed()).isFalse();
        menu.findElement(By.tagName("summary")).click();
        assertThat(menu.findElements(By.tagName("a")).stream().filter(WebElement::isDisplayed).count()).isGreaterThan(5);
        check("jonas-dossier-menu-open");

        // The self-report.
        open(JONAS + "/exploration");
        check("jonas-exploration");
        browser.findElement(By.id("fill-qol-self")).click();
        for (WebElement four : browser.findElements(By.cssSelector("input[type=radio][value='4']"))) {
            js("arguments[0].scrollIntoView({block: 'center'});", four);
            four.click();
        }
        check("jonas-self-report-form");
        browser.findElement(By.id("complete")).click();
        waitForText("Eigen kijk");
        check("jonas-exploration-after");

        // The report: he agrees.
        browser.get(report);
        waitForText("Jonas opent elke maandag de post");
        assertThat(text()).contains("U bent nog niet akkoord").doesNotContain("De persoon is nog niet akkoord");
        check("jonas-report");
        browser.findElement(By.id("agree")).click();
        waitForText("U bent akkoord, uw begeleider nog niet");

        // He withdraws the consent.
        open(JONAS + "/privacy");
        assertThat(text()).contains("Uw rechten").doesNotContain("Rechten van de persoon")
                .doesNotContain("Alles wat de persoon vertelt");
        check("jonas-privacy");
        WebElement item = browser.findElement(By.cssSelector("li[data-consent='" + consent[0] + "']"));
        js("arguments[0].scrollIntoView({block: 'center'});", item);
        item.findElement(By.cssSelector("button[type=submit]")).click();
        waitUpTo(10).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("li[data-consent='" + consent[0] + "']")).getText().contains("ingetrokken"));

        // Who looked.
        open(JONAS + "/access-log");
        waitForText("Wie keek er in uw dossier?");
        assertThat(browser.findElement(By.id("flagged")).isDisplayed()).isTrue();
        check("jonas-who-looked");

        assertThat(problems).as("axe-core violations and sideways scrolling on a phone").isEmpty();
    }

    @Test
    void kevin_opens_the_plan_from_his_own_page_and_sees_only_what_he_may_use() {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        signIn("kevin");
        open("/network/mine");
        check("kevin-mine");
        WebElement link = browser.findElement(By.cssSelector(".plan-link a"));
        assertThat(link.getText()).contains("Het plan van Jonas lezen");
        link.click();
        waitForText("Je leest het plan van Jonas");
        assertThat(browser.getCurrentUrl()).endsWith(JONAS + "/plan");
        // Only the parts his consent opens: no remark form, no refusal form, no tabs that refuse him.
        assertThat(shownNow(By.id("remarks"))).isEmpty();
        assertThat(shownNow(By.id("refuse-form"))).isEmpty();
        List<String> tabs = browser.findElements(By.cssSelector("nav.tabs details.tab-menu a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(tabs).contains(url(JONAS + "/plan")).noneMatch(href -> href.endsWith("/privacy") || href.endsWith("/access-log"));
        check("kevin-plan");
        for (String tab : tabs) {   // every tab he is shown, he may open
            browser.get(tab);
            assertThat(text()).as(tab).doesNotContain("Geen toegang");
        }
        assertThat(problems).as("axe-core violations and sideways scrolling on a phone").isEmpty();
    }

    @Test
    void a_note_typed_before_the_session_expired_comes_back_after_signing_in_again() {
        signIn("sanne");
        open(JONAS + "/logbook");
        String note = "Jonas belde over de post " + UUID.randomUUID().toString().substring(0, 6);
        type(By.id("text"), note);
        browser.manage().deleteAllCookies();   // the session expires while the note is being written
        WebElement save = browser.findElement(By.cssSelector("form[method=post] button.primary"));
        js("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
        waitForText("Geen toegang");
        WebElement back = browser.findElement(By.cssSelector("#draft-back a"));
        assertThat(back.isDisplayed()).isTrue();
        back.click();
        // Signed out: the sign-in page first, then straight back to the form, with the note in it.
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("/login"));
        type(By.id("username"), "sanne");
        type(By.id("password"), PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith(JONAS + "/logbook"));
        waitUpTo(10)
                .until(d -> note.equals(d.findElement(By.id("text")).getAttribute("value")));
        assertThat(browser.findElement(By.cssSelector(".draft-restored")).getText()).contains("weer in");
        screenshot("phone-note-restored");
    }

    @Test
    void a_long_menu_folds_into_one_button_on_a_phone_and_stays_a_row_on_a_desktop() {
        signIn("sanne");
        open("/persons");   // a Thymeleaf page
        assertThat(browser.findElement(By.cssSelector("header nav .nav-row")).isDisplayed()).isFalse();
        WebElement menu = browser.findElement(By.cssSelector("header nav details.nav-menu"));
        assertThat(menu.getText()).isEqualTo("Menu");
        // the page's own heading comes right after the header, not below thirteen links
        assertThat(browser.findElement(By.tagName("h1")).getRect().getY()).isLessThan(300);
        menu.findElement(By.tagName("summary")).click();
        WebElement signals = menu.findElement(By.linkText("Signalen"));
        assertThat(signals.isDisplayed()).isTrue();
        signals.click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/signals"));
        open(JONAS);   // a compiled page: the same menu
        assertThat(browser.findElement(By.cssSelector("header nav details.nav-menu")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("header nav .nav-row")).isDisplayed()).isFalse();
        desktop();
        assertThat(browser.findElement(By.cssSelector("header nav .nav-row")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("header nav details.nav-menu")).isDisplayed()).isFalse();
        // a short menu (Jonas: his file and his plan) is never folded
        browser.manage().deleteAllCookies();
        phone(375);
        signIn("jonas");
        assertThat(browser.findElement(By.cssSelector("header nav .nav-row")).isDisplayed()).isTrue();
        assertThat(shownNow(By.cssSelector("header nav details.nav-menu"))).isEmpty();
    }
}
