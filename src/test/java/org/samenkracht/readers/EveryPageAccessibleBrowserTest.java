package org.samenkracht.readers;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.samenkracht.BrowserTest;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page every demo account reaches: signed in as each account, the pages linked
 * from its start page (same-origin links in the main content and the navigation, breadth-first)
 * are opened in a real browser and checked; any violation fails the test, naming the page, the
 * rule and the nodes. To stay fast one browser is shared, each path shape (ids collapsed, query
 * left off) is checked once per role (two professionals share theirs), and an account is walked for
 * {@value #MAX_PAGES} pages at most. Every page is also laid out on a {@value #PHONE} px phone and must not
 * scroll sideways there.
 */
class EveryPageAccessibleBrowserTest extends BrowserTest {

    static final List<String> ACCOUNTS = List.of("sanne", "marieke", "jonas", "kevin", "pieter", "ahmed", "lotte",
            "karim", "noor", "apotheek", "fatima");
    static final int MAX_PAGES = 30;
    /** axe-core's webjar, as the application serves the webjars on its test classpath. */
    private static final String AXE_URL = "/webjars/axe-core/4.6.3/axe.min.js";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** Links to leave alone: downloads, the API and its documentation, signing out, a language switch. */
    private static final String SKIP = "^/(api|swagger|v3|webjars|css|js|img|logout|login)(/.*)?$|.*\\.(pdf|csv|json|png|svg)$|.*/pdf$";
    /** Accounts of one role see one template alike: a shape checked for one is not checked again for the other. */
    static final Map<String, String> SAME_ROLE_AS = Map.of("lotte", "sanne");

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void every_page_of_every_demo_account_has_no_axe_violations() {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<String> violations = new ArrayList<>();
        Map<String, Integer> pagesPerAccount = new java.util.LinkedHashMap<>();
        Map<String, Set<String>> shapesOf = new HashMap<>();
        long started = System.nanoTime();
        for (String account : ACCOUNTS) {
            browser.manage().deleteAllCookies();
            signIn(account);
            Deque<String> queue = new ArrayDeque<>();
            queue.add(local(browser.getCurrentUrl()));
            Set<String> shapes = shapesOf.computeIfAbsent(SAME_ROLE_AS.getOrDefault(account, account), a -> new LinkedHashSet<>());
            int pages = 0;
            while (!queue.isEmpty() && pages < MAX_PAGES) {
                String path = queue.poll();
                // the start page is checked for every account; other shapes once per role
                if (path == null || !shapes.add(shape(path)) && pages > 0) {
                    continue;
                }
                open(path);
                pages++;
                String here = local(browser.getCurrentUrl());
                if (here == null || here.startsWith("/login")) {
                    violations.add(account + " " + path + ": signed out by the page");
                    signIn(account);
                    continue;
                }
                // loaded from the application like its own scripts, so the browser keeps it compiled
                // between pages (pasted into every page it was parsed anew: half the walk's time)
                Object loaded = ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        if (window.axe) { done(true); return; }
                        const s = document.createElement('script');
                        s.src = arguments[0];
                        s.onload = () => done(true);
                        s.onerror = () => done(false);
                        document.head.appendChild(s);""", AXE_URL);
                assertThat(loaded).as("axe-core loaded on " + path).isEqualTo(true);
                @SuppressWarnings("unchecked")
                List<Object> found = (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, {resultTypes: ['violations']})
                           .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
                                + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.substring(0, 120)).join(' | '))))
                           .catch(e => done(['axe failed: ' + e]));""");
                for (Object v : found) {
                    violations.add(account + " " + path + ": " + v);
                }
                long phoneStarted = System.nanoTime();
                String sideways = sidewaysOnAPhone();
                phoneNanos += System.nanoTime() - phoneStarted;
                if (sideways != null) {
                    violations.add(account + " " + path + ": " + sideways);
                }
                @SuppressWarnings("unchecked")
                List<Object> links = (List<Object>) js("""
                        return Array.from(document.querySelectorAll('main a[href], nav a[href], header a[href]'))
                            .filter(a => a.origin === location.origin && !a.hasAttribute('download'))
                            .map(a => a.pathname + a.search);""");
                for (Object link : links) {
                    String target = String.valueOf(link);
                    if (!target.matches(".*(\\?|&)lang=.*") && !URI.create("http://x" + target.replace(" ", "%20")).getPath().matches(SKIP)
                            && !shapes.contains(shape(target))) {
                        queue.add(target);
                    }
                }
            }
            pagesPerAccount.put(account, pages);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.println("axe-core on every page: " + pagesPerAccount + " in " + seconds + " s, of which "
                + phoneNanos / 1_000_000 + " ms laying them out on a phone");
        assertThat(pagesPerAccount.values()).as("pages checked per account").allMatch(n -> n >= 1);
        assertThat(violations).as("axe-core violations (account page: rule (impact): nodes)").isEmpty();
    }

    private long phoneNanos;

    /** The narrowest phone the pages are made for. */
    static final int PHONE = 320;

    /**
     * The page laid out on a {@value #PHONE} px phone, and whether it then scrolls sideways (naming the widest
     * elements); null when it does not. Then back to the desktop.
     */
    private String sidewaysOnAPhone() {
        phone(PHONE);
        try {
            @SuppressWarnings("unchecked")
            List<Object> wide = (List<Object>) js("""
                    const html = document.documentElement;
                    if (html.scrollWidth <= html.clientWidth + 1) return [];
                    return Array.from(document.querySelectorAll('main *, header *'))
                        .filter(e => e.getBoundingClientRect().right > html.clientWidth + 1)
                        .filter(e => !Array.from(e.children).some(c => c.getBoundingClientRect().right > html.clientWidth + 1))
                        .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
                            + ' ' + Math.round(e.getBoundingClientRect().right) + ' px');""");
            return wide.isEmpty() ? null : "scrolls sideways on a " + PHONE + " px phone: " + wide;
        } finally {
            desktop();
        }
    }

    /** The path with ids collapsed and the query left off: pages of one shape share one template. */
    static String shape(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.replaceAll(UUID_PATTERN, "{id}").replaceAll("/\\d+(?=/|$)", "/{n}");
    }

    private String local(String absolute) {
        if (absolute == null) {
            return null;
        }
        URI uri = URI.create(absolute);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
