package org.dynreg.console.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.RunningService;
import org.dynreg.console.ConsoleBrowser;
import org.dynreg.console.ConsoleService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page in the browser: an auditor verifies the chain, narrows the trail with its filters, lists the reads of
 * personal data, and follows a replay run started from the page to its end; other roles are turned away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuditTest {
    /** A district of the test places that no other console test registers in: the replay run covers this class's decisions. */
    static final String DISTRICT = "Console jobs district";

    RunningService service;
    ConsoleBrowser browser;
    long decision;
    long household;

    @BeforeAll
    void open() {
        service = ConsoleService.get();
        JsonNode registered = ConsoleService.registerIn(DISTRICT, "952");
        decision = registered.get("decision").get("id").asLong();
        household = registered.get("householdId").asLong();
        // an entry of this test's own in the trail, and a read of personal data by the auditor
        assertThat(service.get("auditor", "/api/decisions/" + decision + "/replay").getStatusCode().value()).isEqualTo(200);
        assertThat(service.get("auditor", "/api/households/" + household).getStatusCode().value()).isEqualTo(200);
        browser = ConsoleBrowser.open(ConsoleService.base());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAuditorVerifiesTheChain() {
        browser.signIn("auditor");
        browser.go("/audit");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Audit");
        assertThat(browser.all(By.cssSelector("#verification .alert"))).as("nothing said before it is asked").isEmpty();
        browser.assertAccessible();
        browser.screenshot("audit");

        click(By.id("verify-chain"));
        WebElement intact = browser.waitFor(By.id("chain-intact"));
        assertThat(intact.getText()).matches("(?s)The chain is intact: [1-9][0-9,]* links checked\\..*");
        assertThat(intact.getText()).contains("The head is entry");
        assertThat(browser.all(By.id("chain-broken"))).isEmpty();
        browser.assertAccessible();
        browser.screenshot("audit-verify");
    }

    @Test
    void theTrailsFiltersNarrowTheList() {
        browser.signIn("auditor");
        browser.go("/audit");
        List<String> all = column(5);
        assertThat(all).as("the first page of the whole trail holds other subjects").anyMatch(s -> !s.equals("decision:" + decision));

        browser.find(By.id("f-subject")).sendKeys("decision:" + decision);
        click(By.cssSelector("#trail-filter button[type=submit]"));
        browser.waitUntil(d -> !column(5).isEmpty() && column(5).stream().allMatch(s -> s.equals("decision:" + decision)));
        assertThat(column(5)).hasSizeGreaterThanOrEqualTo(1);
        assertThat(column(4)).allMatch(a -> a.equals("decision.replay"));

        browser.find(By.id("f-action")).sendKeys("policy.activate");
        click(By.cssSelector("#trail-filter button[type=submit]"));
        assertThat(browser.waitFor(By.id("trail-empty")).getText()).isEqualTo("No entry matches these filters.");

        browser.find(By.id("r-household")).sendKeys(Long.toString(household));
        browser.find(By.id("r-user")).sendKeys("auditor");
        click(By.cssSelector("#reads-filter button[type=submit]"));
        browser.waitFor(By.id("reads-table"));
        List<WebElement> reads = browser.all(By.cssSelector("#reads-table tbody tr"));
        assertThat(reads).isNotEmpty();
        assertThat(reads).allMatch(r -> r.findElement(By.cssSelector("td:nth-child(2)")).getText().equals("auditor")
                && r.findElement(By.cssSelector("td:nth-child(5)")).getText().equals(Long.toString(household)));
        assertThat(reads.get(0).findElement(By.cssSelector("td:nth-child(7)")).getText()).isEqualTo("redacted");
        browser.assertAccessible();
    }

    @Test
    void aReplayRunStartedFromThePageIsFollowedToItsEnd() {
        browser.signIn("auditor");
        browser.go("/audit");
        browser.find(By.id("p-district")).sendKeys(DISTRICT);
        click(By.cssSelector("#replay-start button[type=submit]"));

        browser.waitFor(By.cssSelector("#run h3"));
        browser.waitForText(By.cssSelector("#run .run-state"), "done");
        assertThat(browser.find(By.cssSelector("#run .run-done")).getText()).as("every decision of the district replayed")
                .matches("([1-9][0-9]*) of \\1");
        assertThat(browser.find(By.cssSelector("#run .run-mismatched")).getText()).isEqualTo("0");
        assertThat(browser.find(By.cssSelector("#run .run-identical")).getText())
                .isEqualTo(browser.find(By.cssSelector("#run .run-done")).getText().split(" ")[0]);
        assertThat(browser.find(By.id("run")).getAttribute("hx-trigger")).as("no polling once done").isNull();
        assertThat(browser.all(By.id("run-mismatches"))).isEmpty();
        browser.assertAccessible();
    }

    @Test
    void aReplayRunOfTheWholeRegistryIsAskedForByName() {
        browser.signIn("auditor");
        browser.go("/audit");
        click(By.cssSelector("#replay-start button[type=submit]"));
        assertThat(browser.waitFor(By.cssSelector("#problems .alert-danger")).getText())
                .contains("scope: is required: \"REGISTRY\" for the whole registry");
        assertThat(browser.all(By.cssSelector("#run h3"))).isEmpty();
    }

    @Test
    void onlyAnAuditorOpensTheAuditPage() {
        for (String user : new String[] {"admin", "supervisor", "officer", "caseworker", "partner"}) {
            browser.signIn(user);
            browser.go("/audit");
            assertThat(browser.find(By.tagName("h1")).getText()).as(user).isEqualTo("Not for your role");
        }
        browser.signIn("auditor");
        browser.tablet();
        try {
            browser.go("/audit");
            click(By.id("verify-chain"));
            browser.waitFor(By.id("chain-intact"));
            browser.assertFitsWidth();
        } finally {
            browser.laptop();
        }
    }

    /** The texts of a column of the trail, read at once (htmx may replace the table between two reads). */
    @SuppressWarnings("unchecked")
    private List<String> column(int n) {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeScript("return Array.from(document.querySelectorAll("
                + "'#trail-table tbody td:nth-child(" + n + ")')).map(e => e.textContent.trim());");
    }

    /** Clicks a control after bringing it into view at once (the page scrolls smoothly, and a moving target is missed). */
    private void click(By by) {
        WebElement e = browser.find(by);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }
}
