package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.samenkracht.BrowserTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/**
 * The professional draws a network of eight people in the ecogram's side panel, records that it
 * is getting too heavy for the neighbour, sees the warning appear, and checks that the picture and
 * its text version tell the same.
 */
class NetworkBrowserTest extends BrowserTest {

    @Autowired
    Persons persons;
    @Autowired
    Accounts accounts;
    @Autowired
    Network network;

    record Entry(String name, String relation, String layer, List<String> kinds) {
    }

    static final List<Entry> EIGHT = List.of(
            new Entry("Ria Peeters", "NEIGHBOUR", "NETWORK", List.of("PRACTICAL", "COMPANY")),
            new Entry("Kevin", "FRIEND", "NETWORK", List.of("EMOTIONAL")),
            new Entry("Lotte", "FAMILY", "NETWORK", List.of("EMOTIONAL", "ADVICE")),
            new Entry("Daan", "FRIEND", "NETWORK", List.of("COMPANY")),
            new Entry("Buurthuis De Kroon", "SERVICE", "GENERAL_COLLECTIVE", List.of("COMPANY")),
            new Entry("Maatje Evi", "VOLUNTEER", "VOLUNTEER", List.of("COMPANY", "PRACTICAL")),
            new Entry("Thuiszorg De Linde", "SERVICE", "INDIVIDUAL_PROFESSIONAL", List.of("PRACTICAL")),
            new Entry("Huisarts Claes", "PROFESSIONAL", "INDIVIDUAL_PROFESSIONAL", List.of("ADVICE")));

    @Test
    void builds_a_network_of_eight_sees_a_load_warning_and_the_ecogram_matches_its_text() {
        UUID person = newPerson();
        signIn("sanne");
        open("/persons/" + person + "/network");
        WebDriverWait wait = waitUpTo(10);
        assertThat(browser.findElements(By.id("name"))).as("the add form opens on demand").isEmpty();
        openAddMemberForm();

        int added = 0;
        for (Entry e : EIGHT) {
            // after each addition the form comes back open and empty, for the next one
            assertThat(browser.findElements(By.cssSelector("#panel details.add-member"))).hasSize(added == 0 ? 1 : 0);
            type(By.id("name"), e.name());
            new Select(browser.findElement(By.id("relation"))).selectByValue(e.relation());
            new Select(browser.findElement(By.id("layer"))).selectByValue(e.layer());
            for (String kind : e.kinds()) {
                browser.findElement(By.cssSelector("input[name=supportReceived][value=" + kind + "]")).click();
            }
            browser.findElement(By.cssSelector("#panel form button.primary")).click();
            int expected = ++added;
            wait.until(d -> d.findElements(By.cssSelector("svg.ecogram g.member")).size() == expected
                    && d.findElement(By.id("name")).getAttribute("value").isEmpty());
        }
        assertThat(browser.getCurrentUrl()).as("htmx swapped the live part; no full page load").endsWith("/persons/" + person + "/network");
        assertThat(shownNow(By.cssSelector("svg.ecogram g.has-warning"))).isEmpty();

        // Open Ria from the picture: the side panel shows her (htmx)
        browser.findElement(By.cssSelector("svg.ecogram g.member[data-name='Ria Peeters'] circle.node")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("panel-head"), "Ria Peeters"));
        type(By.id("reportedOn"), "");
        setDate("reportedOn", LocalDate.now(Network.ZONE).minusDays(1));
        type(By.id("hoursPerWeek"), "12");
        type(By.id("tasks"), "Boodschappen, koken, rijden");
        new Select(browser.findElement(By.id("capacity"))).selectByValue("2");
        new Select(browser.findElement(By.id("burden"))).selectByValue("5");
        browser.findElement(By.cssSelector("#panel form[action$='/load'] button")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#panel .load-warning")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#panel")).getText())
                .contains("Het is zwaar voor Ria Peeters.").contains("Ria Peeters draagt het bijna alleen.");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        screenshot("network-eight-with-warning");

        // The drawn ecogram: the person, three rings, eight members, a line per kind of support, one warning
        WebElement svg = browser.findElement(By.cssSelector("svg.ecogram"));
        assertThat(svg.findElements(By.cssSelector("circle.ring"))).hasSize(3);
        assertThat(svg.findElement(By.cssSelector("g.person text")).getText()).isEqualTo("Test");
        List<WebElement> nodes = svg.findElements(By.cssSelector("g.member"));
        assertThat(nodes).hasSize(8);
        int kinds = EIGHT.stream().mapToInt(e -> e.kinds().size()).sum();
        assertThat(svg.findElements(By.cssSelector("line.tie"))).hasSize(kinds);
        assertThat(svg.findElements(By.cssSelector("line.tie[data-kind=EMOTIONAL]"))).hasSize(2);
        List<WebElement> warned = svg.findElements(By.cssSelector("g.member.has-warning"));
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).getAttribute("data-name")).isEqualTo("Ria Peeters");
        assertThat(warned.get(0).findElements(By.cssSelector("g.warning"))).hasSize(1);

        // The text version tells the same: same members, same warnings
        Set<String> drawn = nodes.stream().map(n -> n.getAttribute("data-name")).collect(Collectors.toSet());
        List<WebElement> told = browser.findElements(By.cssSelector("#ecogram-text li.text-member"));
        Set<String> written = told.stream().map(li -> li.findElement(By.cssSelector(".member-name")).getText()).collect(Collectors.toSet());
        assertThat(written).isEqualTo(drawn).hasSize(8);
        for (WebElement li : told) {
            String name = li.findElement(By.cssSelector(".member-name")).getText();
            WebElement node = nodes.stream().filter(n -> name.equals(n.getAttribute("data-name"))).findFirst().orElseThrow();
            assertThat(li.getAttribute("data-warnings")).as(name).isEqualTo(node.getAttribute("data-warnings"));
            assertThat(li.getAttribute("data-member-id")).isEqualTo(node.getAttribute("data-member-id"));
        }
        WebElement riaText = told.stream().filter(li -> li.getText().startsWith("Ria Peeters")).findFirst().orElseThrow();
        assertThat(riaText.getText()).contains("praktisch").contains("gezelschap").contains("Het is zwaar voor Ria Peeters.");
        assertThat(browser.findElement(By.cssSelector(".qualities")).getText()).contains("8 mensen");

        // Readable on a phone: no sideways scrolling at 320 px
        phone(320);
        open("/persons/" + person + "/network");
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        screenshot("network-phone");
        desktop();
        assertThat(overflow).isLessThanOrEqualTo(0L);
    }

    @Test
    void jonas_network_now_and_before_kevin_became_too_busy() {
        signIn("sanne");
        open("/persons/" + org.samenkracht.common.demo.DemoIds.PERSON_JONAS + "/network");
        assertThat(browser.findElements(By.cssSelector("svg.ecogram g.member.has-warning"))).isNotEmpty();
        screenshot("network-jonas");
        AtomicReference<LocalDate> kevinBusy = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> kevinBusy.set(network.history(org.samenkracht.common.demo.DemoIds.PERSON_JONAS,
                LocalDate.of(2000, 1, 1)).changesSince().stream()
                .filter(c -> c.name().startsWith("Kevin") && c.kind() == NetworkHistory.Kind.CHANGED).findFirst().orElseThrow().day()));
        open("/persons/" + org.samenkracht.common.demo.DemoIds.PERSON_JONAS + "/network/history?on=" + kevinBusy.get().minusDays(1));
        assertThat(text()).contains("Kevin (vriend)").doesNotContain("Daan (voetbalteam) (");
        assertThat(browser.findElement(By.cssSelector(".changes")).getText()).contains("Daan (voetbalteam)").contains("Kevin (vriend)");
        screenshot("network-jonas-history");
    }

    @Test
    void a_network_member_sees_only_their_own_entry_and_reports_how_heavy_it_is() {
        signIn("kevin");
        assertThat(browser.getCurrentUrl()).endsWith("/network/mine");
        assertThat(text()).contains("In het netwerk van Jonas").contains("Kevin (vriend)")
                .doesNotContain("Ria").doesNotContain("Lotte").doesNotContain("Daan");
        int before = browser.findElements(By.cssSelector("section.mine table tbody tr")).size();
        setDate("reportedOn", LocalDate.now(Network.ZONE));
        type(By.id("hoursPerWeek"), "1.5");
        new Select(browser.findElement(By.id("capacity"))).selectByValue("3");
        new Select(browser.findElement(By.id("burden"))).selectByValue("2");
        browser.findElement(By.cssSelector("section.mine form button.primary")).click();
        waitUpTo(10).until(d ->
                d.findElements(By.cssSelector("section.mine table tbody tr")).size() == before + 1);
        assertThat(text()).contains("zelf gemeld");
        screenshot("network-mine");
        open("/persons/" + org.samenkracht.common.demo.DemoIds.PERSON_JONAS + "/network");
        assertThat(text()).doesNotContain("Ria");
    }

    private void setDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }

    private UUID newPerson() {
        AtomicReference<UUID> id = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> id.set(persons.register(new RegisterPerson("Test", "Netwerk",
                null, "", "", "", "", "", ""))));
        return id.get();
    }
}
