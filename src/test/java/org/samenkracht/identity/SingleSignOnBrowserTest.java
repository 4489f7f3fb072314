package org.samenkracht.identity;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect server started on this machine (NAV's standalone
 * mock-oauth2-server: discovery, authorize, token and JWKS endpoints, signed ID tokens), driven through
 * headless chromium: the login page offers the provider, the browser goes there and back, Spring does
 * the code exchange and checks the ID token, and the local account decides role and organisation.
 * A context of its own (the provider's settings), on the same embedded database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samenkracht.data-dir=target/test-pg", "samenkracht.demo.enabled=true"})
class SingleSignOnBrowserTest {

    static final MockOAuth2Server provider = new MockOAuth2Server();
    static WebDriver browser;

    static {
        provider.start();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.registration.lindenhoven.";
        registry.add(prefix + "client-id", () -> "samenkracht");
        registry.add(prefix + "client-secret", () -> "geheim");
        registry.add(prefix + "client-name", () -> "Lindenhoven ID");
        registry.add(prefix + "scope", () -> "openid,profile");
        registry.add(prefix + "authorization-grant-type", () -> "authorization_code");
        registry.add(prefix + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.lindenhoven.issuer-uri",
                () -> provider.issuerUrl("lindenhoven").toString());
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        // a browser of its own (another context, another port); skipped with one line where no Chromium is found
        browser = org.samenkracht.BrowserTest.newBrowser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        provider.shutdown();
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    private void signInThroughProvider() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.linkText("Aanmelden via Lindenhoven ID")).click();
    }

    @Test
    void a_colleague_signs_in_through_the_identity_provider_and_works_as_her_local_account() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("lindenhoven", "f3b0-sanne-at-idp", "JWT", null,
                Map.of("preferred_username", "Sanne", "amr", List.of("pwd", "mfa")), 3600));
        signInThroughProvider();
        new WebDriverWait(browser, Duration.ofSeconds(20), org.samenkracht.BrowserTest.POLL).until(ExpectedConditions.urlContains("/persons"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Jonas");
        // role and organisation are Samenkracht's: Sanne is refused what only an administrator may see
        browser.get("http://localhost:" + port + "/admin");
        assertThat(browser.getPageSource()).doesNotContain("API-sleutels");
    }

    @Test
    void someone_without_a_local_account_is_refused() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("lindenhoven", "stranger", "JWT", null,
                Map.of("preferred_username", "onbekend.iemand"), 3600));
        signInThroughProvider();
        new WebDriverWait(browser, Duration.ofSeconds(20), org.samenkracht.BrowserTest.POLL).until(ExpectedConditions.urlContains("ssoError"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("lukte niet");
    }
}
