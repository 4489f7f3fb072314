package org.samenkracht.insights;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.samenkracht.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy maker compares two neighbourhoods: Lindenhoven-Zuid (large) shows its figures, Kastanjebuurt (three
 * people) shows held-back cells, in the table and in the chart; a person's file stays closed to her.
 */
class InsightsBrowserTest extends BrowserTest {

    @Test
    void the_policy_maker_compares_a_large_and_a_small_neighbourhood_and_sees_the_small_one_held_back() {
        signIn("fatima");
        assertThat(browser.getCurrentUrl()).contains("/insights");
        assertThat(browser.findElement(By.id("freshness")).getText()).isNotBlank();
        new Select(browser.findElement(By.id("level"))).selectByValue("NEIGHBOURHOOD");
        new Select(browser.findElement(By.id("time"))).selectByValue("YEAR");
        browser.findElement(By.cssSelector("#filter button[type=submit]")).click();
        var people = browser.findElement(By.id("figure-PEOPLE"));
        String large = people.findElement(By.cssSelector("tr[data-area='BU99990201'] td")).getText();
        String small = people.findElement(By.cssSelector("tr[data-area='BU99990102'] td")).getText();
        assertThat(large).matches("\\d+");
        assertThat(Integer.parseInt(large) % 5).isZero();
        assertThat(small).isEqualTo("x");
        assertThat(people.findElement(By.cssSelector("svg")).getAttribute("innerHTML")).contains("Kastanjebuurt", ">x<");
        var network = browser.findElement(By.id("figure-NETWORK_THREE_OR_MORE"));
        assertThat(network.findElement(By.cssSelector("tr[data-area='BU99990102']")).getText()).doesNotContain("3");
        screenshot("insights-1-neighbourhoods");

        open("/persons");
        assertThat(text()).doesNotContain("Deelnemer").doesNotContain("Jonas");
    }
}
