package org.dynreg.console;

import org.dynreg.RestAs;
import org.dynreg.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in to the console in the browser, the language switch, and the API's own sign-in beside it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSignInTest {
    RunningService service;
    ConsoleBrowser browser;

    @BeforeAll
    void open() {
        service = ConsoleService.get();
        browser = ConsoleBrowser.open(ConsoleService.base());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theStartPageAsksForSignInAndAWrongPasswordIsSaidInWords() {
        browser.driver.manage().deleteAllCookies();
        browser.go("/");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/login");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in to the registry");
        browser.assertAccessible();
        browser.screenshot("sign-in");

        browser.find(By.id("username")).sendKeys("caseworker");
        browser.find(By.id("password")).sendKeys("not-the-password");
        browser.find(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        assertThat(browser.waitFor(By.cssSelector(".alert-danger")).getText()).isEqualTo("The user name or password is wrong.");
        assertThat(browser.driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void aPartnerSignsInToNoPages() {
        browser.signIn("partner");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("No pages for your role");
        assertThat(browser.all(By.cssSelector("header .nav-link"))).isEmpty();
        for (String page : new String[] {"/work", "/households", "/policy", "/audit", "/jobs"}) {
            browser.go(page);
            assertThat(browser.find(By.tagName("h1")).getText()).as(page).isEqualTo("Not for your role");
        }
        browser.assertAccessible();
        browser.go("/no-such-page");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not Found");
        assertThat(browser.find(By.cssSelector("#content .alert")).getText()).contains("there is nothing at this path");
    }

    @Test
    void eachRoleSeesItsOwnPagesInTheNavigation() {
        assertThat(links("caseworker")).containsExactly("Work list", "Households");
        assertThat(links("supervisor")).containsExactly("Work list", "Households", "Jobs");
        assertThat(links("operator")).containsExactly("Work list", "Households");
        assertThat(links("officer")).containsExactly("Policy", "Jobs");
        assertThat(links("auditor")).containsExactly("Households", "Audit", "Jobs");
        assertThat(links("admin")).containsExactly("Jobs");
    }

    @Test
    void theLanguageChosenIsKeptWithTheUserAndUrduIsRightToLeft() {
        browser.signIn("caseworker2");
        try {
            browser.chooseLanguage("ur");
            assertThat(browser.direction()).isEqualTo("rtl");
            assertThat(browser.find(By.cssSelector("header .nav-link")).getText()).isEqualTo("کام کی فہرست");
            browser.signIn("caseworker2"); // a new session, the same choice
            assertThat(browser.direction()).isEqualTo("rtl");
            browser.assertAccessible();
        } finally {
            browser.chooseLanguage("en");
        }
        assertThat(browser.direction()).isEqualTo("ltr");
    }

    @Test
    void theApiKeepsItsOwnSignInAndAPageChangeNeedsTheFormsToken() {
        ResponseEntity<com.fasterxml.jackson.databind.JsonNode> me = RestAs.get(service.rest, "caseworker", "/api/me");
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody().path("username").asText()).isEqualTo("caseworker");

        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("caseworker", "caseworker-pass");
        h.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> noToken = service.rest.exchange("/language", HttpMethod.POST, new HttpEntity<>("language=ur", h), String.class);
        assertThat(noToken.getStatusCode().value()).isEqualTo(403);
    }

    private java.util.List<String> links(String user) {
        browser.signIn(user);
        return browser.all(By.cssSelector("header .nav-link")).stream().map(e -> e.getText()).toList();
    }
}
