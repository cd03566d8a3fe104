package org.dynreg.console.households;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.RunningService;
import org.dynreg.console.ConsoleBrowser;
import org.dynreg.console.ConsoleService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The household pages (search, one household) and the case page in the browser, against what the API answers
 * the same role: the keys a household is found by, redaction for the auditor, the score breakdown, the case's
 * timeline, picture and notices, the auditor's replay, Urdu and the tablet. Households under prefix 932.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdAndCasePagesTest {
    private static final String HEAD = "Noor Jehan Sadozai";
    private static final String MOBILE = "03932000001";

    RunningService service;
    ConsoleBrowser browser;
    long household;
    String headNationalId;
    long caseId;

    @BeforeAll
    void open() {
        service = ConsoleService.get();
        browser = ConsoleBrowser.open(ConsoleService.base());
        ObjectNode survey = RunningService.survey("cutoff-33-standard-not-eligible", "9321",
                OffsetDateTime.now(ZoneOffset.ofHours(5)).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        ObjectNode head = (ObjectNode) survey.withArray("members").get(0);
        head.put("name", HEAD);
        headNationalId = head.get("nationalId").asText();
        survey.putObject("contact").put("mobile", MOBILE);
        household = service.submit(survey).get("householdId").asLong();

        ResponseEntity<JsonNode> lodged = service.post("caseworker", "/api/appeals", Map.of("householdId", household,
                "evidence", "income fell", "grounds", List.of("SCORE_NEAR_CUTOFF")));
        assertThat(lodged.getStatusCode().value()).as("%s", lodged.getBody()).isEqualTo(201);
        caseId = lodged.getBody().get("id").asLong();
        take("caseworker2", "Review evidence", "UPHOLD", "the household lost its only earner");
        take("supervisor", "Decide appeal", "APPROVE", "re-survey ordered");
    }

    private void take(String user, String task, String outcome, String comment) {
        String id = service.taskOf(user, caseId, task);
        assertThat(service.post(user, "/api/tasks/" + id + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> r = service.post(user, "/api/tasks/" + id + "/complete", Map.of("outcome", outcome, "comment", comment));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private List<String> found() {
        return browser.all(By.cssSelector("#found tbody tr td:first-child a")).stream().map(WebElement::getText).toList();
    }

    private void search(String field, String value) {
        browser.go("/households");
        browser.find(By.id(field)).sendKeys(value);
        browser.find(By.cssSelector("form[role=search] button[type=submit]")).click();
        browser.waitFor(By.id("found-heading"));
    }

    @Test
    void aCaseworkerFindsTheHouseholdByEachKey() {
        browser.laptop();
        browser.signIn("caseworker");
        search("householdId", Long.toString(household));
        assertThat(found()).containsExactly(Long.toString(household));
        assertThat(browser.find(By.id("found")).getText()).contains(HEAD);
        search("nationalId", headNationalId);
        assertThat(found()).containsExactly(Long.toString(household));
        search("phone", MOBILE);
        assertThat(found()).contains(Long.toString(household));
        search("name", "Jehan Sado");
        assertThat(found()).containsExactly(Long.toString(household));
        browser.assertAccessible();
        browser.screenshot("household-search");

        browser.find(By.linkText(Long.toString(household))).click();
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Household " + household);
        assertThat(browser.find(By.id("roster")).getText()).contains(HEAD, headNationalId);
    }

    @Test
    void theAuditorSeesNoNameNorNationalIdAndSearchesByIdOnly() {
        JsonNode api = service.get("auditor", "/api/households/" + household).getBody();
        assertThat(api.get("members").get(0).get("name").asText()).as("the API hides it").isEqualTo("[redacted]");

        browser.laptop();
        browser.signIn("auditor");
        browser.go("/households");
        assertThat(browser.all(By.id("nationalId"))).as("no field the role may not search by").isEmpty();
        assertThat(browser.all(By.id("name"))).isEmpty();
        search("householdId", Long.toString(household));
        assertThat(found()).containsExactly(Long.toString(household));
        assertThat(browser.find(By.id("found")).getText()).doesNotContain(HEAD);

        browser.go("/households/" + household);
        String page = browser.find(By.id("content")).getText();
        assertThat(page).doesNotContain(HEAD).doesNotContain(headNationalId).doesNotContain(MOBILE).doesNotContain("[redacted]");
        assertThat(browser.find(By.id("roster")).getText()).contains("not shown");
        assertThat(browser.find(By.id("redaction")).getText()).contains("not shown to your role");

        browser.go("/households?nationalId=" + headNationalId);
        assertThat(browser.find(By.tagName("h1")).getText()).as("refused as the API refuses it").isEqualTo("Not for your role");
    }

    @Test
    void theScoreBreakdownRowsAddUpToTheScoreAndNameTheirTableRows() {
        browser.laptop();
        browser.signIn("caseworker");
        browser.go("/households/" + household);
        JsonNode decisions = service.get("caseworker", "/api/households/" + household + "/decisions").getBody();
        JsonNode current = decisions.get(decisions.size() - 1);
        List<WebElement> rows = browser.all(By.cssSelector("#breakdown tbody tr"));
        assertThat(rows).hasSize(current.get("scoreBreakdown").size());
        int sum = 0;
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            sum += Integer.parseInt(cells.get(3).getText().strip());
            assertThat(cells.get(4).getText()).as("the table row of %s", cells.get(1).getText()).contains("pmt-scoring", "sheet", "row");
        }
        assertThat(sum).isEqualTo(current.get("score").asInt());
        assertThat(browser.find(By.id("score")).getText()).isEqualTo(current.get("score").asText());
        WebElement decision = browser.find(By.id("decision"));
        assertThat(decision.getText()).contains("Decision " + current.get("id").asText(), "UCT", "Poverty likelihood");
        assertThat(browser.find(By.id("programs")).getText()).contains(current.get("programs").get(0).get("reason").asText());

        WebElement cases = browser.find(By.id("cases"));
        assertThat(cases.getText()).contains("APPEAL", "OPEN");
        assertThat(cases.findElement(By.cssSelector("a[href$='/cases/" + caseId + "']")).getText()).isEqualTo(Long.toString(caseId));
        assertThat(browser.find(By.id("surveys")).getText()).contains("MISSED_OUT");
        assertThat(browser.all(By.id("replay-button"))).as("replay is the auditor's").isEmpty();
        browser.assertAccessible();
        browser.driver.executeScript("arguments[0].scrollIntoView({behavior: 'instant', block: 'end'});", browser.find(By.id("breakdown")));
        browser.screenshot("household");

        browser.signIn("operator");
        browser.go("/households/" + household);
        assertThat(browser.find(By.id("decision")).getText()).contains("Decision " + current.get("id").asText());
        assertThat(browser.all(By.id("replay-button"))).as("replay is the auditor's").isEmpty();
        assertThat(browser.all(By.id("cases"))).as("cases are not read by an operator's API").isEmpty();
    }

    /** End to end: an auditor finds a household, replays its decision from the keyboard and is told it is identical. */
    @Test
    void anAuditorReplaysADecision() {
        browser.laptop();
        browser.signIn("auditor");
        search("householdId", Long.toString(household));
        browser.find(By.linkText(Long.toString(household))).click();
        WebElement replay = browser.waitFor(By.id("replay-button"));
        replay.sendKeys(Keys.ENTER);
        assertThat(browser.waitFor(By.cssSelector("#replay .alert")).getText()).startsWith("Identical");
        browser.assertAccessible();
    }

    @Test
    void theCasePageShowsTheTimelineTheCurrentStepAndTheNotices() {
        browser.laptop();
        browser.signIn("caseworker");
        browser.go("/cases/" + caseId);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Case " + caseId);
        String timeline = browser.find(By.id("timeline")).getText();
        assertThat(timeline).contains("opened the case", "completed the task", "Review evidence", "UPHOLD",
                "the household lost its only earner", "caseworker2", "Decide appeal", "APPROVE", "supervisor");

        WebElement picture = browser.find(By.cssSelector("#picture svg"));
        List<WebElement> current = picture.findElements(By.cssSelector("g.current"));
        assertThat(current).extracting(g -> g.getAttribute("data-element")).containsExactly("Resurvey");
        assertThat(picture.findElement(By.tagName("title")).getAttribute("textContent")).contains("Re-survey the household");
        assertThat(browser.find(By.id("current-steps")).getText()).contains("Re-survey the household");
        assertThat(browser.find(By.cssSelector("#tasks a")).getAttribute("href")).matches(".*/tasks/[^/]+$");

        assertThat(browser.find(By.id("notices")).getText()).contains("Your appeal is accepted");
        assertThat(browser.find(By.id("case-decision")).getText()).contains("score 33");
        browser.assertAccessible();
        browser.screenshot("case");

        browser.find(By.id("household-link")).click();
        assertThat(browser.waitFor(By.tagName("h1")).getText()).isEqualTo("Household " + household);
    }

    @Test
    void bothPagesAreRightToLeftInUrduAndFitATablet() {
        browser.signIn("supervisor");
        browser.go("/households/" + household);
        try {
            browser.chooseLanguage("ur");
            browser.laptop();
            browser.go("/households/" + household);
            assertThat(browser.direction()).isEqualTo("rtl");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("گھرانہ " + household);
            browser.assertAccessible();
            browser.screenshot("household-ur");
            browser.go("/cases/" + caseId);
            assertThat(browser.direction()).isEqualTo("rtl");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("کیس " + caseId);
            browser.assertAccessible();
            browser.tablet();
            browser.assertFitsWidth();
            browser.go("/households/" + household);
            browser.assertFitsWidth();
        } finally {
            browser.chooseLanguage("en");
        }
        browser.tablet();
        browser.go("/households/" + household);
        browser.assertFitsWidth();
        browser.go("/cases/" + caseId);
        browser.assertFitsWidth();
        browser.go("/households?householdId=" + household);
        browser.assertFitsWidth();
        browser.laptop();
    }

    @Test
    void theProcessPicturesServedAreTheOnesDrawnFromTheProcessFiles() throws Exception {
        Path docs = Path.of(System.getProperty("user.dir")).resolve("../docs/processes").normalize();
        try (var files = Files.list(docs)) {
            List<Path> svgs = files.filter(p -> p.toString().endsWith(".svg")).toList();
            assertThat(svgs).hasSize(6);
            for (Path svg : svgs) {
                var shipped = getClass().getClassLoader().getResourceAsStream("static/console/processes/" + svg.getFileName());
                assertThat(shipped).as("%s shipped with the service", svg.getFileName()).isNotNull();
                try (shipped) {
                    assertThat(new String(shipped.readAllBytes(), StandardCharsets.UTF_8)).as("%s", svg.getFileName())
                            .isEqualTo(Files.readString(svg));
                }
            }
        }
    }
}
