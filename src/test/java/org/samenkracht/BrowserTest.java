package org.samenkracht;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Base for browser tests: Debian's headless chromium driven through Debian's chromedriver (no
 * tool downloads a browser). One browser for all browser test classes; each test starts signed out. Where no
 * Chromium is found the browser tests are skipped with one line that names the packages.
 */
@SamenkrachtTest
public abstract class BrowserTest {

    /** Where Debian, Ubuntu and other systems put the browser and its driver; PATH is searched first. */
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final List<String> DRIVERS = List.of("chromedriver", "chromium-driver");
    private static final AtomicBoolean TOLD = new AtomicBoolean();
    /**
     * The tests speak WebDriver only, never the DevTools protocol, so Selenium's warning that it has
     * no DevTools (CDP) binding for this exact Chromium version says nothing about them; Debian's
     * Chromium is updated more often than Selenium's bindings. Kept as fields: JUL holds loggers weakly.
     */
    private static final java.util.logging.Logger CDP_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final java.util.logging.Logger CHROMIUM_DRIVER = quiet("org.openqa.selenium.chromium.ChromiumDriver");

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    /**
     * One browser for every browser test class of the run: starting Chromium and its driver for each
     * class cost seconds each. Each test still starts signed out, with no session storage and the
     * desktop window size (see {@link #signedOut()}); the browser quits when the test JVM ends.
     */
    private static WebDriver shared;

    @BeforeAll
    static synchronized void startBrowser() throws IOException {
        if (shared != null && alive(shared) && freshTab(shared)) {
            browser = shared;
            return;
        }
        if (shared != null) {
            quit(shared);  // an earlier class left it broken: a new one
        }
        WebDriver started = newBrowser();
        if (shared == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> quit(shared), "quit-browser"));
        }
        shared = started;
        browser = started;
    }

    /**
     * A browser of its own (the caller quits it): headless Chromium through its driver, that waits for
     * the next page after a click that leaves the page. Aborts the test where no Chromium is found.
     */
    public static WebDriver newBrowser() throws IOException {
        Optional<Path> chromium = find(BROWSERS);
        Optional<Path> chromedriver = find(DRIVERS);
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            if (TOLD.compareAndSet(false, true)) {
                System.out.println("Browser tests skipped: no Chromium found. Install Debian's packages "
                        + "chromium and chromium-driver to run them (.ci/run installs them).");
            }
            Assumptions.abort("no Chromium: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--lang=nl", "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        WebDriver started = new org.openqa.selenium.support.events.EventFiringDecorator<WebDriver>(new WaitsForTheNextPage(chrome))
                .decorate(chrome);
        started.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return started;
    }

    /** A new tab in place of the old ones: a class starts with the session storage a new browser has. */
    private static boolean freshTab(WebDriver driver) {
        try {
            driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            String fresh = driver.getWindowHandle();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(fresh)) {
                    driver.switchTo().window(handle);
                    driver.close();
                }
            }
            driver.switchTo().window(fresh);
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return false;
        }
    }

    private static boolean alive(WebDriver driver) {
        try {
            driver.getWindowHandle();
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return false;
        }
    }

    private static void quit(WebDriver driver) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } catch (org.openqa.selenium.WebDriverException e) {
            // already gone
        }
    }

    @AfterAll
    static void leaveBrowserForTheNextClass() {
        // the shared browser stays open for the next class; the page it shows is left behind
        if (browser != null) {
            try {
                browser.get("about:blank");
            } catch (org.openqa.selenium.WebDriverException e) {
                // broken: the next class starts a new one
            }
        }
    }

    static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** The first executable of these names on PATH, or in /usr/bin and /usr/lib/chromium. */
    static Optional<Path> find(List<String> names) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/local/bin", "/usr/lib/chromium", "/snap/bin"));
        for (String name : names) {
            for (String dir : dirs) {
                if (!dir.isBlank()) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @BeforeEach
    void signedOut() {
        // cookies and storage are cleared for the page shown: the shared browser comes to a new class on a
        // blank tab, so the application's own origin is opened first (else the last class's session stays)
        String shown = browser.getCurrentUrl();
        if (shown == null || !shown.startsWith(url("/"))) {
            browser.get(url("/login"));
        }
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        desktop();
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        try {
            // drafts kept by an earlier test would lead this test's sign-in back to that test's form
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.sessionStorage.clear()");
        } catch (org.openqa.selenium.WebDriverException e) {
            // a blank first page has no storage
        }
    }

    /**
     * A click on a link or on a form's submit button leaves the page: the next step of a test must
     * act on the next page, not on the old one that is still shown for a moment. So such a click
     * waits until the old page is gone and the new one has loaded; an htmx request does not leave
     * the page and is not waited for here.
     */
    public static final class WaitsForTheNextPage implements org.openqa.selenium.support.events.WebDriverListener {
        private static final String LEAVES_THE_PAGE = """
                var e = arguments[0];
                var htmx = '[hx-get],[hx-post],[hx-put],[hx-patch],[hx-delete],[hx-boost]';
                var a = e.closest('a[href]');
                if (a) {
                  var href = a.getAttribute('href');
                  return !(href.charAt(0) === '#' || href.indexOf('javascript:') === 0 || a.hasAttribute('download')
                      || a.target === '_blank' || a.closest(htmx) !== null || /\\.(pdf|csv|json)(\\?|$)/.test(href));
                }
                var b = e.closest('button, input[type=submit]');
                if (!b || (b.getAttribute('type') || 'submit').toLowerCase() !== 'submit' || !b.form) return false;
                var f = b.form;
                if (b.closest(htmx) !== null || f.closest(htmx) !== null || f.target === '_blank') return false;
                var action = b.getAttribute('formaction') || f.getAttribute('action') || '';
                if (/\\.(pdf|csv)(\\?|$)|\\/(pdf|print|export)(\\?|\\/|$)/.test(action)) return false;
                return f.noValidate || b.formNoValidate || f.checkValidity();
                """;
        private final WebDriver driver;
        private WebElement leaving;

        WaitsForTheNextPage(WebDriver driver) {
            this.driver = driver;
        }

        @Override
        public void beforeClick(WebElement element) {
            leaving = null;
            try {
                if (Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript(LEAVES_THE_PAGE, element))) {
                    leaving = driver.findElement(By.tagName("html"));
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                leaving = null;
            }
        }

        @Override
        public void afterClick(WebElement element) {
            WebElement old = leaving;
            leaving = null;
            if (old == null) {
                return;
            }
            try {
                new WebDriverWait(driver, Duration.ofSeconds(10), POLL).until(ExpectedConditions.stalenessOf(old));
                new WebDriverWait(driver, Duration.ofSeconds(10), POLL).until(d -> "complete".equals(
                        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
            } catch (org.openqa.selenium.TimeoutException e) {
                // the click stayed on the page after all (a script held it): the test's own checks tell
            }
        }
    }

    /**
     * How often a wait looks again. Selenium's default is every 500 ms, so a page that was ready after
     * 30 ms cost half a second; the browser tests wait a few hundred times.
     */
    public static final Duration POLL = Duration.ofMillis(25);

    /** A wait that looks every {@link #POLL} for up to the given seconds. */
    /** The network page's add form opens on demand (htmx fetches it into the panel): open it unless it is open. */
    protected void openAddMemberForm() {
        if (browser.findElements(By.id("name")).isEmpty()) {
            browser.findElement(By.cssSelector("#panel details.add-member summary")).click();
            waitUpTo(10).until(d -> !d.findElements(By.id("name")).isEmpty());
        }
    }

    protected WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds), POLL);
    }

    /**
     * The elements the page shows now, without the implicit wait: for checking that something is
     * absent, which otherwise waits the full two seconds for an element that is rightly not there.
     */
    protected List<WebElement> shownNow(By by) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(by);
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Lays the pages out as on a phone {@code width} px wide, until {@link #desktop()}. A headless window is never
     * narrower than 500 px, so the window's size cannot show a 320 or 375 px phone; the device metrics can.
     */
    protected static void phone(int width) {
        chromium().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    }

    protected static void desktop() {
        chromium().executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    private static org.openqa.selenium.chromium.ChromiumDriver chromium() {
        return (org.openqa.selenium.chromium.ChromiumDriver) ((org.openqa.selenium.WrapsDriver) browser).getWrappedDriver();
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected void signIn(String username, String password) {
        signIn(browser, username, password);
    }

    /** Signs in through the login form of the given browser. */
    protected void signIn(WebDriver in, String username, String password) {
        in.get(url("/login"));
        for (String[] field : new String[][] {{"username", username}, {"password", password}}) {
            WebElement input = in.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        in.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(in, Duration.ofSeconds(10), POLL)
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    protected void signIn(String username) {
        signIn(username, org.samenkracht.common.demo.DemoIds.PASSWORD);
    }

    protected void type(By by, String text) {
        WebElement field = browser.findElement(by);
        field.clear();
        field.sendKeys(text);
    }

    /** The visible text of the page's main content (retried while a new page replaces the old one). */
    protected String text() {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.findElement(By.tagName("main")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** A screenshot in target/screenshots, to look at what a person sees. */
    protected void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
