package org.dynreg.console.jobs;

import org.dynreg.RunningService;
import org.dynreg.console.ConsoleBrowser;
import org.dynreg.console.ConsoleService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs page in the browser: a supervisor rescores a district of the test's own and follows it to the end; a start
 * without a scope is refused in words; auditors follow without the controls; other roles are turned away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleJobsTest {
    /** A district no other test class registers in (test places), so the rescoring reaches only this class's households. */
    static final String DISTRICT = "Console jobs district";

    RunningService service;
    ConsoleBrowser browser;

    @BeforeAll
    void open() {
        service = ConsoleService.get();
        ConsoleService.registerIn(DISTRICT, "952");
        browser = ConsoleBrowser.open(ConsoleService.base());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSupervisorRescoresADistrictAndFollowsItToTheEnd() {
        browser.signIn("supervisor");
        browser.go("/jobs");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Jobs");
        browser.find(By.id("r-district")).sendKeys(DISTRICT);
        browser.find(By.cssSelector("#rescore button[type=submit]")).click();

        By first = By.cssSelector("#jobs-table tbody tr:first-child");
        browser.waitForText(By.cssSelector("#jobs-table tbody tr:first-child .job-scope"), DISTRICT);
        browser.waitForText(By.cssSelector("#jobs-table tbody tr:first-child .job-status"), "completed");
        WebElement row = browser.find(first);
        assertThat(row.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("Rescoring");
        assertThat(row.findElement(By.cssSelector(".job-scope")).getText()).isEqualTo("district " + DISTRICT);
        String done = row.findElement(By.cssSelector(".job-done")).getText();
        assertThat(done).as("every household of the district done").matches("([1-9][0-9]*) of \\1");
        assertThat(row.findElement(By.cssSelector("progress")).getAttribute("value"))
                .isEqualTo(row.findElement(By.cssSelector("progress")).getAttribute("max"));
        assertThat(row.getText()).contains("a second").contains("supervisor");
        assertThat(browser.find(By.id("jobs")).getAttribute("hx-trigger")).as("no polling once nothing runs").isNull();
        assertThat(row.findElements(By.cssSelector("button"))).as("a completed run is neither stopped nor restarted").isEmpty();
        browser.assertAccessible();
        browser.screenshot("jobs");

        browser.tablet();
        try {
            browser.go("/jobs");
            browser.assertFitsWidth();
        } finally {
            browser.laptop();
        }
    }

    @Test
    void aStartWithoutAScopeIsRefusedInWordsAndStartsNothing() {
        browser.signIn("officer");
        browser.go("/jobs");
        String newest = browser.all(By.cssSelector("#jobs-table tbody tr")).stream().findFirst().map(e -> e.getAttribute("id")).orElse("");
        browser.find(By.cssSelector("#rescore button[type=submit]")).click();

        WebElement problem = browser.waitFor(By.cssSelector("#problems .alert-danger"));
        assertThat(problem.getText()).contains("scope: is required: \"REGISTRY\" for the whole registry, or narrow the request with "
                + "province, district or program and leave the scope out");
        browser.go("/jobs");
        assertThat(browser.all(By.cssSelector("#jobs-table tbody tr")).stream().findFirst().map(e -> e.getAttribute("id")).orElse(""))
                .as("no execution started").isEqualTo(newest);
        assertThat(browser.all(By.id("sweep"))).as("a policy officer does not sweep").isEmpty();
    }

    @Test
    void anAuditorFollowsJobsWithoutTheControls() {
        browser.signIn("auditor");
        browser.go("/jobs");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Jobs");
        assertThat(browser.all(By.id("rescore"))).isEmpty();
        assertThat(browser.all(By.id("sweep"))).isEmpty();
        assertThat(browser.all(By.cssSelector("#jobs button"))).isEmpty();
        browser.assertAccessible();
    }

    @Test
    void anAdministratorRunsTheJobs() {
        browser.signIn("admin");
        browser.go("/jobs");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Jobs");
        assertThat(browser.all(By.id("rescore"))).hasSize(1);
        assertThat(browser.all(By.id("sweep"))).hasSize(1);
    }

    @Test
    void rolesWithoutTheJobsApiAreTurnedAway() {
        for (String user : new String[] {"caseworker", "operator", "partner"}) {
            browser.signIn(user);
            browser.go("/jobs");
            assertThat(browser.find(By.tagName("h1")).getText()).as(user).isEqualTo("Not for your role");
        }
        browser.assertAccessible();
    }
}
