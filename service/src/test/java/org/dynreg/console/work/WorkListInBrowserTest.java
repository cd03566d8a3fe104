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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.ResponseEntity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work list in the browser: filters and pages read in the database, claim and release without reloading the page
 * (also by keyboard alone), a supervisor's reassignment, a four-eyes refusal on the task form in words, Urdu right to
 * left, a tablet's width, and axe on each page. Appeals lodged by the operator wait for review by the caseworkers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkListInBrowserTest {
    /** Enough appeals for two pages of ten after the other tests of the class have taken theirs (five at most). */
    static final int HOUSEHOLDS = 16;

    RunningService service;
    ConsoleBrowser browser;
    WorkData data;
    final List<Long> households = new ArrayList<>();
    final List<Long> cases = new ArrayList<>();

    @BeforeAll
    void open() {
        service = ConsoleService.get();
        data = new WorkData(service);
        for (int i = 0; i < HOUSEHOLDS; i++) {
            long h = data.register(String.format("931%02d", i));
            households.add(h);
            cases.add(data.lodge(h));
        }
        browser = ConsoleBrowser.open(ConsoleService.base());
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    String district() {
        for (JsonNode t : service.get("caseworker", "/api/tasks?scope=group&text=" + cases.get(0)).getBody()) {
            if (t.get("caseId").asLong() == cases.get(0)) {
                return t.get("district").asText();
            }
        }
        throw new AssertionError("no task of case " + cases.get(0));
    }

    long total(String user, String query) {
        ResponseEntity<JsonNode> r = service.get(user, "/api/tasks?" + query + "&size=1");
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        return Long.parseLong(r.getHeaders().getFirst("X-Total-Count"));
    }

    int rows() {
        return browser.all(By.cssSelector("#tasks tbody tr")).size();
    }

    /**
     * Rows of one household: a number in the text filter matches a household id or a case id, and the shared
     * service holds other tests' cases whose ids may equal this household's.
     */
    WebElement row(long household) {
        return browser.all(By.cssSelector("#tasks tbody tr.task-row")).stream()
                .filter(r -> r.findElement(By.cssSelector("td:first-child a")).getText().equals(String.valueOf(household)))
                .findFirst().orElseThrow(() -> new AssertionError("no row of household " + household));
    }

    /** The API's task rows of one household (see {@link #rowsOf}). */
    java.util.List<com.fasterxml.jackson.databind.JsonNode> apiRowsOf(String user, String scope, long household) {
        java.util.List<com.fasterxml.jackson.databind.JsonNode> found = new java.util.ArrayList<>();
        service.get(user, "/api/tasks?scope=" + scope + "&text=" + household).getBody()
                .forEach(t -> { if (t.path("householdId").asLong() == household) { found.add(t); } });
        return found;
    }

    int rowsOf(long household) {
        return (int) browser.all(By.cssSelector("#tasks tbody tr td:first-child a")).stream()
                .filter(a -> a.getText().equals(String.valueOf(household))).count();
    }

    void markPage() {
        ((JavascriptExecutor) browser.driver).executeScript("window.dynregNotReloaded = true;");
    }

    boolean stillSamePage() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver).executeScript("return window.dynregNotReloaded === true;"));
    }

    @Test
    void theFiltersNarrowTheListAndItIsReadAPageAtATime() {
        browser.laptop();
        browser.signIn("caseworker");
        String district = district();
        String query = "scope=group&type=APPEAL&step=" + URLEncoder.encode("Review evidence", StandardCharsets.UTF_8)
                + "&district=" + URLEncoder.encode(district, StandardCharsets.UTF_8);
        long total = total("caseworker", query);
        assertThat(total).as("this class's appeals wait for review: %s", service.get("caseworker", "/api/tasks?scope=group&text="
                + households.get(1)).getBody()).isGreaterThanOrEqualTo(HOUSEHOLDS - 5);

        browser.go("/work?tab=group");
        new Select(browser.find(By.id("f-type"))).selectByValue("APPEAL");
        new Select(browser.find(By.id("f-step"))).selectByValue("Review evidence");
        browser.find(By.id("f-district")).sendKeys(district);
        new Select(browser.find(By.id("f-size"))).selectByValue("10");
        browser.find(By.cssSelector("#filters button[type=submit]")).click();
        browser.waitFor(By.id("tasks"));
        assertThat(rows()).isEqualTo(10);
        assertThat(browser.find(By.cssSelector("#work-list nav")).getText()).contains("1-10 of " + total);
        assertThat(browser.all(By.cssSelector("#tasks tbody tr td:nth-child(5)"))).allSatisfy(td -> assertThat(td.getText()).isEqualTo("Review evidence"));
        assertThat(browser.all(By.cssSelector("#tasks tbody tr td:nth-child(3)"))).allSatisfy(td -> assertThat(td.getText()).isEqualTo(district));
        browser.assertAccessible();
        browser.screenshot("work-list");

        browser.find(By.linkText("Next")).sendKeys(Keys.ENTER);
        browser.waitFor(By.id("tasks"));
        assertThat(rows()).isEqualTo((int) Math.min(10, total - 10));
        assertThat(browser.find(By.cssSelector("#work-list nav")).getText()).contains("11-" + Math.min(20, total) + " of " + total);
        assertThat(browser.driver.getCurrentUrl()).contains("page=1").contains("type=APPEAL").contains("size=10");

        long household = households.get(3);
        browser.go("/work?tab=group&text=" + household);
        assertThat(rowsOf(household)).isEqualTo(1);
        assertThat(row(household).findElement(By.cssSelector("td:first-child a")).getText()).isEqualTo(String.valueOf(household));
        assertThat(browser.find(By.cssSelector("#tasks tbody tr td:nth-child(2)")).getText()).as("a caseworker sees the head's name")
                .isNotBlank().isNotEqualTo("Not shown for your role");

        browser.go("/work?tab=group&sla=BREACHED&text=" + household);
        assertThat(browser.find(By.id("no-tasks")).getText()).as("a task of minutes ago is not past a deadline of days")
                .isEqualTo("No unclaimed tasks of your office match.");
        browser.go("/work?tab=group&sla=ON_TRACK&text=" + household);
        assertThat(rowsOf(household)).isEqualTo(1);
        assertThat(browser.find(By.cssSelector("#tasks .badge")).getText()).isEqualTo("On track");
    }

    @Test
    void aTaskIsClaimedAndReleasedWithoutReloadingThePage() {
        browser.laptop();
        browser.signIn("caseworker2");
        long household = households.get(5);
        browser.go("/work?tab=group&text=" + household);
        markPage();
        row(household).findElement(By.cssSelector("button.claim")).click();
        browser.waitFor(By.id("confirmation"));
        assertThat(browser.find(By.id("confirmation")).getText()).isEqualTo("You took \"Review evidence\" of case " + cases.get(5)
                + ". It is now in My tasks.");
        assertThat(rowsOf(household)).as("no longer unclaimed").isZero();
        assertThat(stillSamePage()).as("the list was replaced, the page not reloaded").isTrue();
        assertThat(apiRowsOf("caseworker2", "mine", household).stream().map(t -> t.path("caseId").asText()).toList())
                .containsExactly(String.valueOf(cases.get(5)));

        browser.go("/work?tab=mine&text=" + household);
        assertThat(rowsOf(household)).isEqualTo(1);
        markPage();
        row(household).findElement(By.cssSelector("button.release")).click();
        browser.waitForText(By.id("confirmation"), "back to its group");
        assertThat(rowsOf(household)).isZero();
        assertThat(stillSamePage()).isTrue();
        assertThat(apiRowsOf("caseworker2", "group", household)).hasSize(1);

        browser.go("/work?tab=done");
        browser.assertAccessible();
    }

    @Test
    void aTaskIsClaimedWithTheKeyboardAlone() {
        browser.laptop();
        browser.signIn("caseworker2");
        long household = households.get(6);
        browser.go("/work?tab=group&text=" + household);
        browser.find(By.id("f-text")).click();
        WebElement focused = null;
        for (int i = 0; i < 40; i++) {
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            focused = browser.driver.switchTo().activeElement();
            if (focused.getAttribute("class").contains("claim")) {
                break;
            }
        }
        assertThat(focused.getAttribute("class")).as("the claim button is reached by Tab").contains("claim");
        focused.sendKeys(Keys.ENTER);
        browser.waitFor(By.id("confirmation"));
        assertThat(browser.find(By.id("confirmation")).getText()).contains("case " + cases.get(6));
        assertThat(apiRowsOf("caseworker2", "mine", household)).hasSize(1);
    }

    @Test
    void aSupervisorGivesATaskToSomeoneOfTheOfficeWithAReason() {
        browser.laptop();
        long household = households.get(8);
        long caseId = cases.get(8);
        data.take("caseworker", caseId, "Review evidence", "UPHOLD", "the household lost its only earner");
        browser.signIn("supervisor");
        browser.go("/work?tab=group&text=" + household);
        assertThat(rowsOf(household)).isEqualTo(1);
        row(household).findElement(By.cssSelector("button.reassign")).click();
        WebElement to = browser.waitFor(By.cssSelector(".reassign-form select"));
        List<String> people = new Select(to).getOptions().stream().map(WebElement::getText).toList();
        assertThat(people).as("supervisors of the office; not the caseworker who reviewed it").contains("lead").doesNotContain("caseworker");
        new Select(to).selectByValue("lead");
        browser.find(By.cssSelector(".reassign-form input[name=reason]")).sendKeys("the supervisor is on leave");
        markPage();
        browser.find(By.cssSelector(".reassign-form button[type=submit]")).click();
        browser.waitForText(By.id("confirmation"), "to lead");
        assertThat(stillSamePage()).isTrue();
        assertThat(service.get("lead", "/api/tasks?scope=mine&text=" + household).getBody().findValuesAsText("name"))
                .containsExactly("Decide appeal");
    }

    @Test
    void aFourEyesRefusalIsShownAsASentenceOnTheTaskForm() {
        browser.laptop();
        long caseId = cases.get(10);
        data.take("lead", caseId, "Review evidence", "UPHOLD", "seen the papers");
        String decide = data.taskOf("supervisor", caseId, "Decide appeal");
        browser.signIn("lead");
        browser.go("/tasks/" + decide);
        assertThat(browser.find(By.id("four-eyes-note")).getText()).contains("a different person must complete it");
        browser.find(By.id("comment")).sendKeys("approved");
        browser.find(By.cssSelector("button.outcome[value=APPROVE]")).click();
        WebElement problem = browser.waitFor(By.cssSelector("#problems .alert-danger"));
        assertThat(problem.getText()).contains("you did a step that task " + decide + " checks; a different person must take it");
        assertThat(browser.driver.getCurrentUrl()).as("the form stays").endsWith("/tasks/" + decide);
        assertThat(service.get("supervisor", "/api/tasks?scope=group&text=" + caseId).getBody().findValuesAsText("id")).contains(decide);
    }

    @Test
    void theTaskFormAsksItsQuestionShowsTheEvidenceAndCompletes() {
        browser.laptop();
        long caseId = cases.get(12);
        String review = data.taskOf("caseworker2", caseId, "Review evidence");
        browser.signIn("caseworker2");
        browser.go("/tasks/" + review);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Review evidence");
        assertThat(browser.find(By.id("question")).getText()).startsWith("Having reviewed the evidence");
        assertThat(browser.find(By.id("decision")).getText()).contains("Score 33");
        assertThat(browser.find(By.id("history")).getText()).contains("case.open").contains("SCORE_NEAR_CUTOFF");
        assertThat(browser.all(By.cssSelector("button.outcome")).stream().map(WebElement::getText).toList()).containsExactly("Uphold", "Reject");
        browser.assertAccessible();
        browser.screenshot("task-form");
        browser.tablet();
        browser.assertFitsWidth();
        browser.laptop();

        browser.find(By.id("comment")).sendKeys("the household lost its only earner");
        browser.find(By.cssSelector("button.outcome[value=UPHOLD]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/work"));
        assertThat(browser.waitFor(By.id("confirmation")).getText()).isEqualTo("Done: \"Review evidence\" of case " + caseId + ", outcome UPHOLD.");
        browser.go("/work?tab=done");
        assertThat(browser.find(By.id("done-table")).getText()).contains(String.valueOf(caseId)).contains("the household lost its only earner");
    }

    @Test
    void theWorkListInUrduIsRightToLeftAndFitsATablet() {
        browser.laptop();
        browser.signIn("caseworker");
        try {
            browser.chooseLanguage("ur");
            browser.go("/work?tab=group&type=APPEAL");
            assertThat(browser.direction()).isEqualTo("rtl");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("کام کی فہرست");
            assertThat(browser.find(By.cssSelector("#tasks button.claim")).getText()).isEqualTo("لیں");
            browser.assertAccessible();
            browser.screenshot("work-list-ur");
            browser.tablet();
            browser.assertFitsWidth();
        } finally {
            browser.laptop();
            browser.chooseLanguage("en");
        }
        browser.tablet();
        browser.go("/work?tab=group&type=APPEAL");
        browser.assertFitsWidth();
        browser.laptop();
    }
}
