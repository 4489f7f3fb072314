package org.samenkracht.socialmap;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.samenkracht.BrowserTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/**
 * Matching for Jonas's contact goal ("Ik wil nieuwe mensen leren kennen."): the page says which facts it used,
 * puts what Jonas can do himself and his network first, and ranks the language café and the neighbourhood
 * restaurant above individual home care, with the reasons visible. Jonas himself sees no button or link he may
 * not use.
 */
class MatchingBrowserTest extends BrowserTest {

    private List<WebElement> matchesOfContactGoal() {
        open("/persons/" + PERSON_JONAS + "/matching");
        WebElement goal = browser.findElement(By.id("goal"));
        String contact = goal.findElements(By.tagName("option")).stream()
                .filter(o -> o.getText().contains("nieuwe mensen")).findFirst().orElseThrow().getAttribute("value");
        open("/persons/" + PERSON_JONAS + "/matching?goal=" + contact);
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#matches li.match")).isEmpty());
        return browser.findElements(By.cssSelector("#matches li.match"));
    }

    private static int indexOf(List<WebElement> matches, String name) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).findElement(By.tagName("h3")).getText().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void a_contact_goal_puts_the_language_cafe_and_the_neighbourhood_restaurant_before_home_care() {
        signIn("sanne");
        List<WebElement> matches = matchesOfContactGoal();

        // the facts used: the goal's own domains and words, Jonas's neighbourhood
        String used = browser.findElement(By.id("facts-used")).getText();
        assertThat(used).contains("Relaties", "Meedoen in de samenleving", "(van het doel)", "mensen", "Lindenhoven-Noord");
        // first what Jonas does himself, then his network
        assertThat(browser.findElement(By.id("own-strength")).getText()).contains("volleybal");
        assertThat(browser.findElement(By.id("network-help")).getText()).contains("Ria");

        assertThat(indexOf(matches, "Taalcafé De Babbel")).isNotNegative();
        assertThat(matches).allMatch(m -> !m.getAttribute("data-layer").equals("INDIVIDUAL_PROFESSIONAL")
                || m.getText().contains("komt pas na eigen kracht"));

        // narrow to the goal's own words only (no domains): individual home care now shows, below both
        browser.findElement(By.cssSelector("#match-form details summary")).click();
        for (WebElement box : browser.findElements(By.cssSelector("input[name=domain]:checked"))) {
            box.click();
        }
        browser.findElement(By.cssSelector("#match-form button[type=submit]")).click();
        waitUpTo(10).until(d ->
                d.findElement(By.id("facts-used")).getText().contains("alleen de woorden"));
        matches = browser.findElements(By.cssSelector("#matches li.match"));
        int cafe = indexOf(matches, "Taalcafé De Babbel");
        int restaurant = indexOf(matches, "Buurtrestaurant Smaakmakers");
        int homeCare = indexOf(matches, "Individuele thuisbegeleiding bij eenzaamheid");
        assertThat(cafe).isNotNegative();
        assertThat(restaurant).isNotNegative();
        assertThat(homeCare).isGreaterThan(cafe).isGreaterThan(restaurant);

        String cafeText = matches.get(cafe).getText();
        assertThat(cafeText).contains("Pluspunten", "de woorden van het doel komen terug:", "“mensen”", "vrijwilligers");
        String homeCareText = matches.get(homeCare).getText();
        assertThat(homeCareText).contains("Minpunten", "komt pas na eigen kracht, netwerk en algemene voorzieningen",
                "kost € 12,50", "wachtlijst van 6 weken", "indicatie nodig");
        assertThat(text()).doesNotContainPattern("Score \\d");
        assertThat(matches.get(cafe).findElements(By.cssSelector("form button[type=submit]"))).hasSize(1);
        screenshot("matching-contact-goal");
    }

    @Test
    void jonas_sees_no_button_or_link_he_may_not_use() {
        signIn("jonas");
        List<WebElement> matches = matchesOfContactGoal();
        assertThat(matches).isNotEmpty();
        assertThat(shownNow(By.cssSelector("#matches form"))).isEmpty();
        assertThat(shownNow(By.cssSelector("#matches a"))).isEmpty();
        assertThat(shownNow(By.cssSelector("a[href^='/socialmap']"))).isEmpty();
        // the reasons are there for him too
        assertThat(matches.get(0).getText()).contains("Pluspunten");
    }
}
