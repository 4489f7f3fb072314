package org.samenkracht.network;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.samenkracht.BrowserTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/**
 * The ecogram and the trend charts as Sanne sees them on a 375 px phone, measured in the browser
 * itself (the boxes the browser drew, not estimates): no two texts of the ecogram overlap, no name
 * covers another member's node; the eight trend charts carry a title and every date they show ends
 * inside the chart. Screenshots in target/screenshots to look at.
 */
class EcogramOnAPhoneBrowserTest extends BrowserTest {

    @AfterEach
    void desktopAgain() {
        desktop();
    }

    @SuppressWarnings("unchecked")
    private List<Object> js(String script) {
        return (List<Object>) ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void the_ecogram_and_the_trend_charts_read_on_a_phone() {
        signIn("sanne");
        phone(375);
        open("/persons/" + PERSON_JONAS + "/network");
        assertThat(browser.findElements(By.cssSelector("svg.ecogram g.member[data-name]"))).isNotEmpty();
        ((JavascriptExecutor) browser).executeScript("document.querySelector('svg.ecogram').scrollIntoView()");
        screenshot("phone-ecogram");
        List<Object> clashes = js("""
                const svg = document.querySelector('svg.ecogram');
                const texts = Array.from(svg.querySelectorAll('text.name, text.ring-label'));
                const nodes = Array.from(svg.querySelectorAll('g.member circle.node'));
                const box = e => e.getBBox();
                const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
                const out = [];
                texts.forEach((t, i) => texts.slice(i + 1).forEach(u => { if (hit(box(t), box(u))) out.push(t.textContent + ' over ' + u.textContent); }));
                texts.forEach(t => nodes.forEach(n => {
                  if (t.closest('g.member') === n.closest('g.member')) return;
                  const b = box(t), cx = +n.getAttribute('cx'), cy = +n.getAttribute('cy'), r = +n.getAttribute('r');
                  const nx = Math.max(b.x, Math.min(cx, b.x + b.width)), ny = Math.max(b.y, Math.min(cy, b.y + b.height));
                  if ((nx - cx) ** 2 + (ny - cy) ** 2 < r * r) out.push(t.textContent + ' over the node of ' + n.closest('g.member').dataset.name);
                }));
                return out;""");
        assertThat(clashes).as("texts of the ecogram that overlap, as drawn at 375 px").isEmpty();
        // each node filled in its ring's colour (a layer without a rule in the style sheet is drawn black)
        List<Object> black = js("""
                return Array.from(document.querySelectorAll('svg.ecogram circle.node'))
                  .filter(n => getComputedStyle(n).fill === 'rgb(0, 0, 0)').map(n => n.getAttribute('class'));""");
        assertThat(black).as("nodes without their ring's colour").isEmpty();

        open("/persons/" + PERSON_JONAS + "/exploration");
        List<Object> charts = js("""
                return Array.from(document.querySelectorAll('.chart-grid figure.chart-figure')).map(f => {
                  const svg = f.querySelector('svg');
                  const title = (f.querySelector('figcaption') || {}).textContent || '';
                  const w = svg.viewBox.baseVal.width;
                  const cut = Array.from(svg.querySelectorAll('text')).filter(t => { const b = t.getBBox(); return b.x < 0 || b.x + b.width > w; })
                    .map(t => t.textContent);
                  return title.trim() + ' | cut: ' + cut.join(', ');
                });""");
        if (!charts.isEmpty()) {
            ((JavascriptExecutor) browser).executeScript("document.querySelector('.chart-grid').scrollIntoView()");
        }
        screenshot("phone-trend-charts");
        assertThat(charts).as("the trend charts, each titled by its domain, no date cut off")
                .allMatch(c -> String.valueOf(c).matches("\\S.* \\| cut: "));
        System.out.println("Trend charts at 375 px: " + charts);
    }
}
