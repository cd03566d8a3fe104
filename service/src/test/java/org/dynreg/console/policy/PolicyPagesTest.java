package org.dynreg.console.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dynreg.RunningService;
import org.dynreg.console.ConsoleBrowser;
import org.dynreg.console.ConsoleService;
import org.dynreg.policy.CandidateVersions;
import org.dynreg.policy.Policies;
import org.dynreg.policy.PolicyFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy pages in the browser: a broken cell named on the page, a good changed workbook through the
 * regression gate, approval and activation by a second officer and the roll-back to the version in force before;
 * a changed process refused naming its element or stored, and diffed element by element beside both pictures;
 * the diff cell by cell, what-if with its chart and table, the budget solver, and a download.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyPagesTest {
    static final String SCORING = "decision-tables/pmt-scoring.drl.xlsx";
    static final String ELIGIBILITY = CandidateVersions.ELIGIBILITY;

    RunningService service;
    Policies policies;
    ConsoleBrowser browser;
    int inForceBefore;
    Path dir;

    @BeforeAll
    void open() throws IOException {
        service = ConsoleService.get();
        policies = service.context.getBean(Policies.class);
        inForceBefore = policies.active().version();
        dir = Files.createTempDirectory("dynreg-policy-pages");
        browser = ConsoleBrowser.open(ConsoleService.base());
    }

    /** Other tests share the service: the version in force when this class began is in force when it ends. */
    @AfterAll
    void close() {
        try {
            if (policies != null && policies.active().version() != inForceBefore) {
                String by = "officer2".equals(policies.summary(inForceBefore).uploadedBy()) ? "officer" : "officer2";
                policies.rollBack(inForceBefore, "back to the version in force before the policy page tests", by);
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    void aBrokenCellIsNamedAGoodChangeIsApprovedAndActivatedByASecondOfficerAndRolledBack() throws Exception {
        int versions = policies.versions().size();
        browser.signIn("officer");
        browser.go("/policy");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Policy versions");
        browser.assertAccessible();

        // a misspelt column keyword: refused, the cell named, nothing stored
        Path broken = write("pmt-scoring.drl.xlsx", CandidateVersions.edit(CandidateVersions.file(SCORING).content(), "Scorecard",
                "CONDITION", "CONDITON"));
        upload(broken, "try a misspelt header");
        browser.waitFor(By.id("upload-refused"));
        List<WebElement> problems = browser.all(By.cssSelector("#upload-refused tr.policy-problem"));
        assertThat(problems).isNotEmpty();
        assertThat(problems).anySatisfy(row -> {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).contains("pmt-scoring.drl.xlsx");
            assertThat(cells.get(1).getText()).isEqualTo("Scorecard");
            assertThat(cells.get(2).getText()).matches("B\\d+");
            assertThat(cells.get(3).getText()).contains("CONDITON");
        });
        assertThat(browser.find(By.cssSelector("#upload-refused h3")).getText()).isEqualTo("The policy bundle was refused");
        assertThat(policies.versions()).hasSize(versions);
        assertThat(policies.active().version()).isEqualTo(inForceBefore);
        browser.assertAccessible();
        browser.screenshot("policy-upload-problems");

        // a real changed copy of the repository's table: the source of the standard cut-off is reworded
        String source = "BISP cut-off, source reviewed " + System.nanoTime();
        Path good = write("program-eligibility.drl.xlsx", setCell(CandidateVersions.file(ELIGIBILITY).content(), "Cut-offs", "D10", source));
        browser.go("/policy");
        upload(good, "source of the standard cut-off reworded");
        browser.waitFor(By.id("upload-stored"));
        assertThat(browser.find(By.cssSelector("#upload-stored .alert")).getText()).contains("validated");
        List<WebElement> households = browser.all(By.cssSelector("#upload-stored tr[data-household]"));
        assertThat(households).hasSizeGreaterThan(5);
        assertThat(households).allSatisfy(row -> assertThat(row.getText()).contains("as expected"));
        assertThat(browser.find(By.id("gate-summary")).getText())
                .isEqualTo("All " + households.size() + " reference households give their expected outcome.");
        List<WebElement> walks = browser.all(By.cssSelector("#upload-stored tr[data-walk]"));
        assertThat(walks).hasSizeGreaterThan(10);
        assertThat(walks).allSatisfy(row -> assertThat(row.getText()).contains("as scripted"));
        assertThat(browser.find(By.id("walks-summary")).getText())
                .isEqualTo("All " + walks.size() + " reference walks take their scripted path through the processes.");
        assertThat(browser.find(By.cssSelector("#upload-diff pre")).getText())
                .contains("Changes from policy version " + inForceBefore + " to version ")
                .contains("row 10: the standard cut-off: \"Source\" ").contains(source);
        int version = policies.versions().get(policies.versions().size() - 1).version();
        assertThat(policies.summary(version).uploadedBy()).isEqualTo("officer");
        assertThat(policies.summary(version).comment()).isEqualTo("source of the standard cut-off reworded");
        browser.assertAccessible();

        // the uploader may not approve it: the facade's sentence on the page
        browser.go("/policy/versions/" + version);
        browser.find(By.id("approve-comment")).sendKeys("my own change");
        click(By.cssSelector("#approve-form button[type=submit]"));
        browser.waitForText(By.id("problems"), "another policy officer must approve it");
        assertThat(browser.find(By.id("problems")).getText()).contains("version " + version + " was uploaded by officer");
        assertThat(policies.summary(version).approvedBy()).isNull();

        // the second officer sees who uploaded it, approves and activates it
        browser.signIn("officer2");
        browser.go("/policy/versions/" + version);
        assertThat(browser.find(By.id("uploaded-by")).getText()).startsWith("Uploaded by officer on ");
        browser.find(By.id("approve-comment")).sendKeys("checked the reworded source");
        click(By.cssSelector("#approve-form button[type=submit]"));
        browser.waitForText(By.id("done"), "Version " + version + " is approved.");
        assertThat(policies.summary(version).approvedBy()).isEqualTo("officer2");
        browser.find(By.id("activate-comment")).sendKeys("in force now");
        click(By.cssSelector("#activate-form button[type=submit]"));
        browser.waitForText(By.id("done"), "Version " + version + " is in force.");
        assertThat(policies.active().version()).isEqualTo(version);
        assertThat(browser.find(By.id("version-state")).getText()).isEqualTo("in force");

        // and rolls back to the version in force before
        browser.go("/policy/versions/" + inForceBefore);
        browser.find(By.id("rollback-comment")).sendKeys("the test puts the policy back");
        click(By.cssSelector("#rollback-form button[type=submit]"));
        browser.waitForText(By.id("done"), "Version " + inForceBefore + " is back in force.");
        assertThat(policies.active().version()).isEqualTo(inForceBefore);

        browser.go("/policy");
        assertThat(browser.find(By.cssSelector("tr[data-version='" + version + "']")).getText()).contains("retired", "officer2");
        assertThat(browser.find(By.cssSelector("tr[data-version='" + inForceBefore + "']")).getText()).contains("in force");
        browser.screenshot("policy");
        browser.tablet();
        try {
            browser.assertFitsWidth();
            browser.go("/policy/versions/" + version);
            browser.assertFitsWidth();
        } finally {
            browser.laptop();
        }
    }

    @Test
    void theGatesDifferencesAreGroupedByKindAndOneKindIsAcceptedForEveryHouseholdWithOneReason() throws Exception {
        byte[] lowered = CandidateVersions.edit(CandidateVersions.file(ELIGIBILITY).content(), "Cut-offs", "32", "30");
        lowered = setCell(lowered, "Cut-offs", "D10", "lowered for the gate's page " + System.nanoTime());
        int version = policies.upload(List.of(new org.dynreg.policy.PolicyFile(ELIGIBILITY, lowered)), inForceBefore,
                "standard cut-off lowered to 30", "officer").bundle().version();
        browser.signIn("officer");
        browser.go("/policy/versions/" + version);
        click(By.id("validate"));
        browser.waitFor(By.id("gate-kinds"));
        WebElement cutoff = browser.find(By.cssSelector("#gate-kinds tr[data-kind='CUTOFF:UCT']"));
        assertThat(cutoff.getText()).contains("cut-off used for UCT", "UCT.cutoff 32 → 30");
        assertThat(browser.all(By.cssSelector("#gate-kinds tr[data-kind]"))).extracting(e -> e.getAttribute("data-kind"))
                .contains("CUTOFF:UCT", "WORDING", "ELIGIBILITY:UCT");
        browser.assertAccessible();
        browser.screenshot("policy-gate-kinds");

        cutoff.findElement(By.name("reason")).sendKeys("the standard cut-off is lowered to 30");
        click(By.cssSelector("#gate-kinds tr[data-kind='CUTOFF:UCT'] button[type=submit]"));
        browser.waitForText(By.id("gate-accepted"), "the standard cut-off is lowered to 30");
        assertThat(browser.find(By.id("gate-accepted")).getText()).contains("cut-off used for UCT (CUTOFF:UCT)", "accepted by officer");
        assertThat(browser.all(By.cssSelector("#gate-kinds tr[data-kind]"))).extracting(e -> e.getAttribute("data-kind"))
                .doesNotContain("CUTOFF:UCT").contains("WORDING");
        assertThat(policies.acceptedDifferences(version)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("CUTOFF:UCT");
            assertThat(a.reason()).isEqualTo("the standard cut-off is lowered to 30");
        });

        // the approver reads it on the version page without checking again
        browser.signIn("officer2");
        browser.go("/policy/versions/" + version);
        assertThat(browser.find(By.id("gate-accepted")).getText()).contains("the standard cut-off is lowered to 30");
        browser.assertAccessible();
    }

    @Test
    void aRollBackNamesTheActivationsStillPendingAndOneIsCancelledOnItsVersionsPage() {
        int now = approved(49);
        int later = approved(50);
        policies.activate(now, null, "in force for the page test", "officer2");
        long id = policies.activate(later, java.time.Instant.now().plus(90, java.time.temporal.ChronoUnit.DAYS), "next season", "officer2").id();

        browser.signIn("officer2");
        browser.go("/policy/versions/" + inForceBefore);
        browser.find(By.id("rollback-comment")).sendKeys("the test puts the policy back");
        click(By.cssSelector("#rollback-form button[type=submit]"));
        browser.waitForText(By.id("done"), "Version " + inForceBefore + " is back in force.");
        assertThat(browser.find(By.id("still-pending")).getText()).contains("Still pending").contains("Version " + later);
        browser.assertAccessible();

        browser.go("/policy/versions/" + later);
        assertThat(browser.find(By.id("activation-" + id)).getText()).contains("pending");
        browser.find(By.id("cancel-comment-" + id)).sendKeys("the season is postponed");
        click(By.cssSelector("#cancel-" + id + " button[type=submit]"));
        browser.waitForText(By.id("done"), "The scheduled activation of version " + later + " is cancelled");
        assertThat(browser.find(By.id("activation-" + id)).getText()).contains("cancelled by officer2").contains("the season is postponed");
        assertThat(policies.activation(id).cancelled()).isTrue();
        assertThat(policies.summary(later).scheduledFrom()).isNull();
        browser.assertAccessible();

        // one that took effect offers no cancel button
        long tookEffect = policies.activations().stream().filter(a -> a.version() == now).findFirst().orElseThrow().id();
        browser.go("/policy");
        assertThat(browser.all(By.id("cancel-" + tookEffect))).isEmpty();
        assertThat(browser.find(By.id("activation-" + id)).getText()).contains("cancelled by officer2");
    }

    /** A version with the standard cut-off changed, its new expected outcomes recorded, approved by officer2. */
    private int approved(int cutoff) {
        int v = CandidateVersions.withStandardCutoff(policies, cutoff, "officer");
        for (org.dynreg.policy.ReferenceCheck c : policies.validate(v, "officer").mismatches()) {
            policies.recordExpectation(v, c.household(), null, "cut-off " + cutoff, "officer");
        }
        if (policies.summary(v).approvedBy() == null) {
            policies.approve(v, "approved for the test", "officer2");
        }
        return v;
    }

    @Test
    void theDiffShowsTheChangedCellBeforeAndAfter() {
        int candidate = CandidateVersions.withStandardCutoff(policies, 35, "officer");
        browser.signIn("officer2");
        browser.go("/policy/diff");
        new Select(browser.find(By.id("diff-from"))).selectByValue("1");
        new Select(browser.find(By.id("diff-to"))).selectByValue(String.valueOf(candidate));
        click(By.cssSelector("#diff-form button[type=submit]"));
        browser.waitFor(By.id("diff-table"));
        assertThat(browser.find(By.id("diff-summary")).getText()).isEqualTo("1 change in 1 file from version 1 to version " + candidate + ".");
        List<WebElement> rows = browser.all(By.cssSelector("#diff-table tr.diff-row"));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.findElement(By.cssSelector("td:nth-child(1)")).getText()).isEqualTo(ELIGIBILITY);
            assertThat(row.findElement(By.cssSelector("td:nth-child(2)")).getText()).isEqualTo("Cut-offs");
            assertThat(row.findElement(By.cssSelector(".diff-cell")).getText()).isEqualTo("C10");
            assertThat(row.findElement(By.cssSelector("td:nth-child(4)")).getText())
                    .isEqualTo("the standard cut-off: Eligible when the score is at or below");
            assertThat(row.findElement(By.cssSelector(".diff-before")).getText()).isEqualTo("32");
            assertThat(row.findElement(By.cssSelector(".diff-after")).getText()).isEqualTo("35");
        });
        browser.assertAccessible();
        browser.screenshot("policy-diff");
        browser.tablet();
        try {
            browser.assertFitsWidth();
        } finally {
            browser.laptop();
        }
    }

    @Test
    void aChangedProcessUploadedInTheBrowserIsDiffedElementByElementBesideBothPictures() throws Exception {
        String appeal = new String(CandidateVersions.file("processes/appeal.bpmn").content(), java.nio.charset.StandardCharsets.UTF_8);
        String task = "<bpmn2:userTask id=\"Review\" name=\"Review evidence\">";
        assertThat(appeal).contains(task, "<![CDATA[appeal.admissibility]]>");
        browser.signIn("officer");
        browser.go("/policy");

        // a step the registry does not have: refused, the element named, nothing stored
        int versions = policies.versions().size();
        upload(write("appeal.bpmn", appeal.replace("<![CDATA[appeal.admissibility]]>", "<![CDATA[appeal.legal-check]]>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "a legal check first");
        browser.waitFor(By.cssSelector("tr.policy-problem"));
        WebElement problem = browser.all(By.cssSelector("tr.policy-problem")).get(0);
        assertThat(problem.findElement(By.cssSelector("td:nth-child(1)")).getText()).isEqualTo("processes/appeal.bpmn");
        assertThat(problem.findElement(By.cssSelector(".policy-problem-cell")).getText()).isEqualTo("element Admissibility");
        assertThat(problem.getText()).contains("names the step 'appeal.legal-check'");
        assertThat(policies.versions()).hasSize(versions);

        byte[] changed = appeal.replace(task, "<bpmn2:userTask id=\"Review\" name=\"Weigh the evidence\">")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        browser.go("/policy");
        upload(write("appeal.bpmn", changed), "the review task renamed");
        browser.waitFor(By.id("upload-stored"));
        int candidate = policies.versions().get(policies.versions().size() - 1).version();
        assertThat(policies.file(candidate, "appeal.bpmn").content()).isEqualTo(changed);

        browser.go("/policy/diff?from=1&to=" + candidate);
        browser.waitFor(By.id("diff-table"));
        List<WebElement> rows = browser.all(By.cssSelector("#diff-table tr.diff-row"));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.findElement(By.cssSelector("td:nth-child(1)")).getText()).isEqualTo("processes/appeal.bpmn");
            assertThat(row.findElement(By.cssSelector(".diff-cell")).getText()).isEqualTo("element Review");
            assertThat(row.findElement(By.cssSelector("td:nth-child(4)")).getText()).isEqualTo("user task \"Weigh the evidence\": name");
            assertThat(row.findElement(By.cssSelector(".diff-before")).getText()).isEqualTo("Review evidence");
            assertThat(row.findElement(By.cssSelector(".diff-after")).getText()).isEqualTo("Weigh the evidence");
        });
        WebElement pictures = browser.find(By.cssSelector("section.diff-pictures[data-file='processes/appeal.bpmn']"));
        for (String side : List.of("before", "after")) {
            WebElement img = pictures.findElement(By.cssSelector(".diff-picture-" + side + " img"));
            assertThat(img.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
            assertThat(((Number) ((JavascriptExecutor) browser.driver).executeScript("return arguments[0].naturalWidth;", img)).intValue())
                    .as("the " + side + " picture is drawn").isPositive();
            String svg = new String(java.util.Base64.getDecoder().decode(img.getAttribute("src").substring("data:image/svg+xml;base64,".length())),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(svg).contains(side.equals("before") ? "Review evidence" : "Weigh the evidence");
        }
        browser.assertAccessible();
        browser.screenshot("policy-diff-process");
    }

    @Test
    void whatIfDrawsTheProvincesAsBarsBesideTheSameNumbersAndTheBudgetSolverAnswers() {
        for (String reference : List.of("cutoff-32-standard-eligible", "cutoff-33-standard-not-eligible")) {
            service.submit(RunningService.surveyOn(reference, "951", RunningService.today()));
        }
        int candidate = CandidateVersions.withStandardCutoff(policies, 40, "officer");
        browser.signIn("officer2");
        browser.go("/policy/versions/" + candidate);
        browser.find(By.id("wi-amount")).sendKeys("1000");
        click(By.cssSelector("#what-if-form button[type=submit]"));
        browser.waitFor(By.id("what-if-chart"));

        List<WebElement> bars = browser.all(By.cssSelector("#what-if-chart g.what-if-bar"));
        List<WebElement> rows = browser.all(By.cssSelector("#what-if-table tbody tr"));
        assertThat(bars).isNotEmpty().hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> texts = bars.get(i).findElements(By.tagName("text"));
            WebElement row = rows.get(i);
            assertThat(texts.get(0).getText()).isEqualTo(row.findElement(By.tagName("th")).getText());
            assertThat(texts.get(1).getText()).isEqualTo(number(row.findElement(By.cssSelector("td:nth-child(3)")).getText()));
            assertThat(texts.get(2).getText()).isEqualTo(number(row.findElement(By.cssSelector("td:nth-child(4)")).getText()));
        }
        // the household at 33 in Punjab gains the program under a cut-off of 40
        WebElement punjab = rows.stream().filter(r -> r.findElement(By.tagName("th")).getText().equals("PUNJAB")).findFirst().orElseThrow();
        assertThat(Long.parseLong(number(punjab.findElement(By.cssSelector("td:nth-child(5)")).getText()))).isPositive();
        assertThat(browser.find(By.id("what-if-summary")).getText()).startsWith("Version " + candidate + " against version " + inForceBefore);
        // the same gains split by cause, and the households gained, as /api/what-if answers them
        List<String> causes = browser.all(By.cssSelector("#what-if-causes tbody tr.what-if-cause-national td:first-of-type")).stream()
                .map(WebElement::getText).toList();
        assertThat(causes).contains("cut-off");
        assertThat(browser.all(By.cssSelector("#what-if-sample tbody tr.what-if-gained"))).isNotEmpty();

        Path survey = dir.resolve("survey-33.json");
        try {
            Files.writeString(survey, RunningService.surveyOn("cutoff-33-standard-not-eligible", "952", RunningService.today()).toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        browser.find(By.id("wi-survey")).sendKeys(survey.toAbsolutePath().toString());
        click(By.cssSelector("#survey-form button[type=submit]"));
        browser.waitFor(By.id("survey-summary"));
        assertThat(browser.find(By.id("survey-summary")).getText()).contains("score 33 before and 33 after").endsWith("the outcome differs.");
        assertThat(browser.find(By.id("survey-programs")).getText()).contains("UCT").contains("cut-off");

        browser.find(By.id("b-budget")).sendKeys("1000000000");
        browser.find(By.id("b-amount")).sendKeys("1000");
        click(By.cssSelector("#budget-form button[type=submit]"));
        browser.waitFor(By.id("budget-answer"));
        assertThat(browser.find(By.id("budget-answer")).getText()).startsWith("Cut-off 100:").endsWith("under version " + candidate + ".");
        assertThat(browser.all(By.cssSelector("#budget-table tbody tr"))).isNotEmpty();
        browser.assertAccessible();
        ((JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('what-if-heading').scrollIntoView({block: 'start', behavior: 'instant'});");
        browser.screenshot("policy-what-if");
        browser.tablet();
        try {
            browser.assertFitsWidth();
        } finally {
            browser.laptop();
        }
    }

    @Test
    void aVersionsWorkbookDownloadsProtectedForEditingAndAsStored() throws Exception {
        browser.signIn("officer");
        browser.go("/policy/versions/1");
        WebElement link = browser.all(By.cssSelector("#files a")).stream().filter(a -> a.getText().endsWith("program-eligibility.drl.xlsx"))
                .findFirst().orElseThrow();
        WebElement asStored = browser.all(By.cssSelector("#files a")).stream()
                .filter(a -> a.getAttribute("href").endsWith("program-eligibility.drl.xlsx?as=stored")).findFirst().orElseThrow();
        PolicyFile stored = policies.file(1, "program-eligibility.drl.xlsx");

        Map<String, Object> editable = fetch(link.getAttribute("href"));
        Map<String, Object> exact = fetch(asStored.getAttribute("href"));

        assertThat(((Number) editable.get("status")).intValue()).isEqualTo(200);
        assertThat(editable.get("disposition")).isEqualTo("attachment; filename=\"program-eligibility.drl.xlsx\"");
        assertThat(editable.get("storedSha256")).isEqualTo(stored.sha256());
        assertThat(editable.get("sha256")).as("a protected copy").isNotEqualTo(stored.sha256());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode((String) editable.get("base64"))))) {
            assertThat(wb.getSheet("Cut-offs").getProtect()).isTrue();
        }
        assertThat(((Number) exact.get("status")).intValue()).isEqualTo(200);
        assertThat(exact.get("sha256")).isEqualTo(stored.sha256());
        browser.assertAccessible();
    }

    /** A download fetched in the page: status, Content-Disposition, X-Stored-Sha256, the content's SHA-256 and the content. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {"
                        + "  return crypto.subtle.digest('SHA-256', b).then(function (h) {"
                        + "    var bytes = new Uint8Array(b), text = '';"
                        + "    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }"
                        + "    done({status: r.status, disposition: r.headers.get('Content-Disposition'),"
                        + "      storedSha256: r.headers.get('X-Stored-Sha256'), base64: btoa(text),"
                        + "      sha256: Array.from(new Uint8Array(h)).map(function (x) { return ('0' + x.toString(16)).slice(-2); }).join('')});"
                        + "  }); }); });", href);
    }

    @Test
    void aCheckStoresNothingAndShowsWhatTheFilesChangeAgainstTheVersionTheyWouldReplace() throws Exception {
        int versions = policies.versions().size();
        byte[] raised;
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(CandidateVersions.file(ELIGIBILITY).content()))) {
            wb.getSheet("Cut-offs").getRow(9).getCell(2).setCellValue(34);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            raised = out.toByteArray();
        }
        browser.signIn("officer");
        browser.go("/policy");
        browser.find(By.id("upload-files")).sendKeys(write("program-eligibility.drl.xlsx", raised).toAbsolutePath().toString());
        click(By.id("check-submit"));

        browser.waitFor(By.id("check-result"));
        assertThat(browser.find(By.cssSelector("#check-result .alert")).getText())
                .isEqualTo("Checked on top of version " + inForceBefore + ": it does not pass (below). Nothing was stored.");
        assertThat(browser.all(By.cssSelector("#check-result tr[data-household]"))).anySatisfy(row ->
                assertThat(row.getText()).contains("differs"));
        assertThat(browser.all(By.cssSelector("#check-result form"))).as("nothing to record expectations on or accept").isEmpty();
        assertThat(browser.find(By.id("check-diff")).getText())
                .contains("Changes from policy version " + inForceBefore + " to the checked files (1 file):")
                .contains("row 10: the standard cut-off: \"Eligible when the score is at or below\" 32 → 34");
        assertThat(policies.versions()).hasSize(versions);
        browser.assertAccessible();
    }

    @Test
    void onlyAPolicyOfficerOpensThePolicyPages() {
        browser.signIn("auditor");
        browser.go("/policy/versions/1");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
        browser.go("/policy/diff?from=1&to=1");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Not for your role");
    }

    @Test
    void aValueInWordsIsNamedUnderItsHeadingAndARenamedColumnGoesUpOnlyWhenTheBoxIsTicked() throws Exception {
        int versions = policies.versions().size();
        browser.signIn("officer");
        browser.go("/policy");

        Path typed = write("program-eligibility.drl.xlsx", textIn(CandidateVersions.file(ELIGIBILITY).content(), "Cut-offs", 9, 2, "thirty-two"));
        upload(typed, "the cut-off typed in words");
        browser.waitFor(By.id("upload-refused"));
        List<WebElement> cells = browser.find(By.cssSelector("#upload-refused tr.policy-problem")).findElements(By.tagName("td"));
        assertThat(cells.get(2).getText()).isEqualTo("C10");
        assertThat(cells.get(3).getText()).isEqualTo("\"Eligible when the score is at or below\": found \"thirty-two\"; expected a whole number such as 34");
        assertThat(policies.versions()).hasSize(versions);

        browser.go("/policy");
        Path renamed = write("program-eligibility.drl.xlsx", CandidateVersions.edit(CandidateVersions.file(ELIGIBILITY).content(),
                "Cut-offs", "Eligible when the score is at or below", "At or below this score (renamed in the console test)"));
        upload(renamed, "a clearer heading");
        browser.waitFor(By.id("upload-refused"));
        assertThat(browser.find(By.cssSelector("#upload-refused tr.policy-problem")).getText())
                .contains("is renamed to \"At or below this score (renamed in the console test)\"");
        assertThat(policies.versions()).hasSize(versions);

        click(By.id("upload-column-changes"));
        click(By.cssSelector("#upload-form button[type=submit]"));
        browser.waitFor(By.id("upload-stored"));
        assertThat(policies.versions()).hasSize(versions + 1);
        browser.assertAccessible();
    }

    private static byte[] textIn(byte[] workbook, String sheet, int row, int column, String text) throws IOException {
        try (org.apache.poi.ss.usermodel.Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(workbook))) {
            wb.getSheet(sheet).getRow(row).getCell(column).setCellValue(text);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private void upload(Path file, String comment) {
        browser.find(By.id("upload-files")).sendKeys(file.toAbsolutePath().toString());
        browser.find(By.id("upload-comment")).sendKeys(comment);
        click(By.cssSelector("#upload-form button[type=submit]"));
    }

    /** Scrolled to at once (the page scrolls smoothly otherwise, and a click would land beside the moving button). */
    private void click(By by) {
        WebElement e = browser.find(by);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
        e.click();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path sub = Files.createDirectories(dir.resolve(String.valueOf(System.nanoTime())));
        return Files.write(sub.resolve(name), content);
    }

    private static String number(String shown) {
        return shown.replace(",", "");
    }

    private static byte[] setCell(byte[] workbook, String sheetName, String address, String text) throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet(sheetName);
            org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(address);
            Cell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
            assertThat(cell.getStringCellValue()).as("the cell changed").startsWith("BISP");
            cell.setCellValue(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
