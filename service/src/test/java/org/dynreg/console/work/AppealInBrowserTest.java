package org.dynreg.console.work;

import com.fasterxml.jackson.databind.JsonNode;
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
 * An appeal end to end in the browser: lodged (REST, as the operator), reviewed by a caseworker through the work list
 * and the task form, refused to that same person at the decision step (the sentence on the page), decided by a
 * supervisor, and the outcome shown on the household's page and by the case's API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppealInBrowserTest {
    RunningService service;
    ConsoleBrowser browser;
    WorkData data;

    @BeforeAll
    void open() {
        service = ConsoleService.get();
        data = new WorkData(service);
        browser = ConsoleBrowser.open(ConsoleService.base());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Takes a task from the group list of the work list, opens its form, and answers it. */
    void answer(long household, String outcome, String comment) {
        browser.go("/work?tab=group&text=" + household);
        browser.find(By.cssSelector("#tasks button.claim")).click();
        browser.waitFor(By.id("confirmation"));
        browser.go("/work?tab=mine&text=" + household);
        browser.find(By.cssSelector("#tasks a.task-open")).click();
        browser.waitFor(By.id("complete"));
        browser.find(By.id("comment")).sendKeys(comment);
        browser.find(By.cssSelector("button.outcome[value=" + outcome + "]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/work"));
        browser.waitFor(By.id("confirmation"));
    }

    @Test
    void anAppealIsReviewedRefusedToItsReviewerAtTheDecisionAndDecidedByASupervisor() {
        long household = data.register("93190");
        long caseId = data.lodge(household);

        // the reviewer: lead, a caseworker (and a supervisor too)
        browser.signIn("lead");
        answer(household, "UPHOLD", "the household lost its only earner");
        assertThat(browser.find(By.id("confirmation")).getText()).contains("Review evidence", String.valueOf(caseId), "UPHOLD");

        // at the decision the reviewer is refused, in words, on the task form
        String decide = data.taskOf("supervisor", caseId, "Decide appeal");
        browser.go("/work?tab=group&text=" + household);
        assertThat(browser.all(By.cssSelector("#tasks tbody tr"))).as("the reviewer is not offered the decision").isEmpty();
        browser.go("/tasks/" + decide);
        browser.find(By.id("comment")).sendKeys("approve");
        browser.find(By.cssSelector("button.outcome[value=APPROVE]")).click();
        WebElement refusal = browser.waitFor(By.cssSelector("#problems .alert-danger"));
        assertThat(refusal.getText()).contains("you did a step that task " + decide + " checks; a different person must take it");

        // a supervisor decides: rejected, with the reason the household is told
        browser.signIn("supervisor");
        answer(household, "REJECT", "the earner's loss was made good by a pension");

        JsonNode c = service.get("supervisor", "/api/cases/" + caseId).getBody();
        assertThat(c.get("state").asText()).isEqualTo("CLOSED");
        assertThat(c.get("outcome").asText()).isEqualTo("REJECTED");

        // the household's page (the households' pages) shows the case with its outcome
        browser.go("/households/" + household);
        assertThat(browser.waitFor(By.id("cases")).getText()).contains(String.valueOf(caseId)).containsIgnoringCase("rejected");
    }
}
