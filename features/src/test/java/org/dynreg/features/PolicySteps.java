package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.dynreg.policy.Hashes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy lifecycle in a policy officer's words: upload, the regression gate, approval, activation, roll-back. */
public class PolicySteps {

    /** The bundle a fresh installation puts in force from the repository's decision-tables/ and rules/. */
    static final int REPOSITORY_VERSION = 1;
    private static final String STANDARD_CUTOFF = "the standard cut-off";

    /** The audit trail's actions, in the words of the scenarios. */
    private static final Map<String, String> POLICY_ACTIONS = Map.of(
            "uploaded", "policy.upload",
            "checked against the reference households", "policy.validate",
            "new expected outcome recorded", "policy.expectation",
            "approved", "policy.approve",
            "put in force", "policy.activate",
            "rolled back to", "policy.rollback",
            "refused", "policy.refused");

    private static final Map<String, String> PROGRAMS = Map.of(
            "the unconditional cash transfer", DecisionSteps.CASH_TRANSFER, "the education stipend", DecisionSteps.STIPEND);

    private final ServiceClient service;
    private final PolicyUnderReview review;
    private final HouseholdUnderSurvey household;

    public PolicySteps(ServiceClient service, PolicyUnderReview review, HouseholdUnderSurvey household) {
        this.service = service;
        this.review = review;
        this.household = household;
    }

    @ParameterType("officer2|officer")
    public String officer(String name) {
        return name;
    }

    @ParameterType("the new version|version \\d+")
    public int version(String said) {
        return said.equals("the new version") ? review.newVersion() : Integer.parseInt(said.substring("version ".length()));
    }

    @ParameterType("the standard cut-off|the cut-off for households with a disabled member")
    public String cutoff(String name) {
        return name;
    }

    /**
     * Other scenarios expect the repository's policy in force, so whatever a scenario put in force is
     * rolled back; by officer2, since version 1 was installed by the system and not by either officer.
     */
    @After
    public void backToTheRepositorysPolicy() {
        if (inForce() != REPOSITORY_VERSION) {
            ResponseEntity<JsonNode> r = service.post("officer2", "/api/policy/rollback",
                    Map.of("version", REPOSITORY_VERSION, "comment", "back to the repository's policy after a scenario"));
            assertThat(r.getStatusCode()).as("roll-back after the scenario: %s", r.getBody()).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Given("the repository's policy is in force as version 1")
    public void repositorysPolicyInForce() {
        JsonNode active = service.read("officer", "/api/policy/active");
        assertThat(active.get("version").asInt()).isEqualTo(REPOSITORY_VERSION);
        assertThat(active.get("uploadedBy").asText()).isEqualTo("system");
        assertThat(fileSha256(active, EligibilityTable.FILE)).as("the eligibility table in force is the repository's")
                .isEqualTo(Hashes.sha256(RepositoryFiles.read("decision-tables/" + EligibilityTable.FILE)));
        review.started(service.read("officer", "/api/policy/bundles").size());
    }

    // ---- uploads ----

    @When("{officer} uploads the eligibility table with the standard cut-off raised/lowered to {int}")
    public void uploadCutoff(String officer, int cutoff) {
        upload(officer, EligibilityTable.withCutoff(STANDARD_CUTOFF, cutoff), "the standard cut-off set to " + cutoff);
    }

    @When("{officer} uploads the eligibility table with the source of {cutoff} changed to {string}")
    public void uploadSource(String officer, String cutoff, String source) {
        upload(officer, EligibilityTable.withSource(cutoff, source), "the source of " + cutoff + " reworded");
    }

    @When("{officer} uploads the eligibility table with the heading CONDITION of the cut-offs misspelt {string}")
    public void uploadMisspeltHeading(String officer, String misspelt) {
        upload(officer, EligibilityTable.withHeading("CONDITION", misspelt), "a heading of the cut-off table retyped");
    }

    @When("{officer} uploads the eligibility table with the standard cut-off written {string}")
    public void uploadCutoffAsText(String officer, String text) {
        upload(officer, EligibilityTable.withCutoffWritten(STANDARD_CUTOFF, text), "the standard cut-off retyped");
    }

    /**
     * Only the changed table is sent; the service carries the other files over from the version in force.
     * It refuses a bundle identical to one already stored, so each scenario makes a change of its own
     * (a cut-off value or a source note that no other scenario uses).
     */
    private void upload(String officer, byte[] table, String comment) {
        review.uploaded(table, service.upload(officer, "/api/policy/bundles/changes", EligibilityTable.FILE, table, comment));
    }

    @Then("the new version is stored, based on version 1, uploaded by {officer}, with only the eligibility table changed")
    public void storedWithOnlyTheTableChanged(String officer) {
        assertThat(review.answer().getStatusCode()).as("the upload: %s", review.answer().getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode stored = bundle(review.newVersion());
        assertThat(stored.get("basedOn").asInt()).isEqualTo(REPOSITORY_VERSION);
        assertThat(stored.get("uploadedBy").asText()).isEqualTo(officer);
        JsonNode before = bundle(REPOSITORY_VERSION);
        assertThat(stored.get("files")).hasSameSizeAs(before.get("files"));
        for (JsonNode f : before.get("files")) {
            String name = f.get("path").asText();
            String expected = name.endsWith("/" + EligibilityTable.FILE) ? Hashes.sha256(review.uploadedTable()) : f.get("sha256").asText();
            assertThat(fileSha256(stored, name.substring(name.lastIndexOf('/') + 1))).as(name).isEqualTo(expected);
        }
    }

    @Then("every reference household gives its expected outcome, so the new version is validated")
    public void validated() {
        assertThat(review.report().get("passed").asBoolean()).as("the check: %s", review.report().get("mismatches")).isTrue();
        assertThat(review.report().get("mismatches")).isEmpty();
        assertThat(state(review.newVersion())).isEqualTo("VALIDATED");
    }

    @Then("the new version is stored as a draft, since some reference households give another outcome")
    public void storedAsDraft() {
        assertThat(review.answer().getStatusCode()).as("the upload: %s", review.answer().getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(review.report().get("passed").asBoolean()).isFalse();
        assertThat(review.report().get("mismatches")).isNotEmpty();
        assertThat(state(review.newVersion())).isEqualTo("DRAFT");
    }

    @Then("the reference household {string} differs: {string}")
    public void referenceHouseholdDiffers(String name, String difference) {
        JsonNode check = referenceCheck(name);
        assertThat(check.get("matches").asBoolean()).isFalse();
        assertThat(texts(check.get("differences"))).contains(difference);
    }

    @Then("the reference household {string} gives its expected outcome")
    public void referenceHouseholdAsExpected(String name) {
        JsonNode check = referenceCheck(name);
        assertThat(check.get("matches").asBoolean()).as("differences: %s", check.get("differences")).isTrue();
        assertThat(check.get("differences")).isEmpty();
    }

    @Then("the upload is refused, with a problem at {string} that mentions {string}")
    public void uploadRefused(String location, String words) {
        ResponseEntity<JsonNode> r = review.answer();
        assertThat(r.getStatusCode()).as("the upload: %s", r.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(r.getBody().get("detail").asText()).contains("the policy in force is unchanged");
        List<String> messages = new ArrayList<>();
        r.getBody().get("problems").forEach(p -> {
            // a value's problem names the column's heading after the cell: ..., cell C10 ("Eligible when ...")
            String at = p.get("location").asText();
            if (at.equals(location) || at.startsWith(location + " (\"")) {
                messages.add(p.get("problem").get("message").asText());
            }
        });
        assertThat(messages).as("problems at %s, among %s", location, r.getBody().get("problems")).isNotEmpty();
        assertThat(messages).anySatisfy(m -> assertThat(m).contains(words));
    }

    @Then("no new version is stored")
    public void noNewVersion() {
        assertThat(service.read("officer", "/api/policy/bundles")).hasSize(review.versionsAtStart());
    }

    // ---- review ----

    @When("{officer} records the outcome the new version gives as the expected outcome of every differing reference household, because {string}")
    public void recordNewExpectations(String officer, String reason) {
        int version = review.newVersion();
        JsonNode report = check(officer, version);
        assertThat(report.get("mismatches")).as("reference households that differ").isNotEmpty();
        for (JsonNode m : report.get("mismatches")) {
            ResponseEntity<JsonNode> r = service.post(officer, "/api/policy/bundles/" + version + "/expectations",
                    Map.of("household", m.get("household").asText(), "reason", reason));
            review.answered(r);
            assertThat(r.getStatusCode()).as("recording the expected outcome of %s: %s", m.get("household"), r.getBody())
                    .isEqualTo(HttpStatus.OK);
            review.checked(r.getBody());
        }
    }

    @Then("the differences are grouped by kind, each with the number of reference households showing it:")
    public void differencesByKind(DataTable table) {
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        table.asMaps().forEach(row -> expected.put(row.get("kind"), Long.parseLong(row.get("households"))));
        Map<String, Long> actual = new java.util.LinkedHashMap<>();
        review.report().get("differencesByKind").forEach(k -> actual.put(k.get("kind").asText(), k.get("householdCount").asLong()));
        assertThat(actual).as("the differences by kind: %s", review.report().get("differencesByKind")).isEqualTo(expected);
    }

    @When("{officer} accepts the differences of kind {string} for every reference household, because {string}")
    public void acceptKind(String officer, String kind, String reason) {
        ResponseEntity<JsonNode> r = service.post(officer, "/api/policy/bundles/" + review.newVersion() + "/accepted-differences",
                Map.of("kind", kind, "reason", reason));
        review.answered(r);
        assertThat(r.getStatusCode()).as("accepting %s: %s", kind, r.getBody()).isEqualTo(HttpStatus.OK);
        review.checked(r.getBody());
    }

    @When("{officer} accepts each kind of difference left for every reference household, because {string}")
    public void acceptEveryKindLeft(String officer, String reason) {
        for (String kind : texts(review.report().get("differencesByKind"), "kind")) {
            acceptKind(officer, kind, reason);
        }
    }

    @Then("the differences left are of the kinds {string}")
    public void kindsLeft(String kinds) {
        assertThat(texts(review.report().get("differencesByKind"), "kind"))
                .containsExactlyInAnyOrderElementsOf(List.of(kinds.split(",\\s*")));
        assertThat(state(review.newVersion())).isEqualTo("DRAFT");
    }

    @Then("beside the diff of the new version {officer} reads the accepted kind {string} with the reason {string}, for {int} reference households")
    public void acceptedBesideTheDiff(String officer, String kind, String reason, int households) {
        JsonNode diff = service.read(officer, "/api/policy/diff?from=" + REPOSITORY_VERSION + "&to=" + review.newVersion());
        assertThat(diff.get("acceptedDifferences")).anySatisfy(a -> {
            assertThat(a.get("kind").asText()).isEqualTo(kind);
            assertThat(a.get("reason").asText()).isEqualTo(reason);
            assertThat(a.get("households")).hasSize(households);
        });
        assertThat(diff.get("text").asText()).contains(reason);
    }

    @When("{officer} approves {version}")
    public void approve(String officer, int version) {
        review.answered(service.post(officer, "/api/policy/bundles/" + version + "/approve",
                Map.of("comment", "reviewed the change and the reference households")));
    }

    @When("{officer} puts {version} in force")
    public void activate(String officer, int version) {
        review.answered(service.post(officer, "/api/policy/bundles/" + version + "/activate",
                Map.of("comment", "in force from now")));
    }

    @When("{officer} rolls back to {version}")
    public void rollBack(String officer, int version) {
        review.answered(service.post(officer, "/api/policy/rollback", Map.of("version", version, "comment", "the change is withdrawn")));
    }

    /** A sequence the lifecycle scenarios spell out step by step, for scenarios about something else. */
    @Given("{officer} has uploaded the eligibility table with the standard cut-off raised to {int}, {officer} has approved it and put it in force")
    public void raisedCutoffInForce(String uploader, int cutoff, String approver) {
        uploadCutoff(uploader, cutoff);
        recordNewExpectations(uploader, "the standard cut-off is raised to " + cutoff);
        approve(approver, review.newVersion());
        assertThat(review.answer().getStatusCode()).as("approval: %s", review.answer().getBody()).isEqualTo(HttpStatus.OK);
        activate(approver, review.newVersion());
        assertThat(review.answer().getStatusCode()).as("activation: %s", review.answer().getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(inForce()).isEqualTo(review.newVersion());
    }

    @Then("^it is refused, since another policy officer must (approve|activate|roll back to) it$")
    public void secondOfficerRequired(String what) {
        ResponseEntity<JsonNode> r = review.answer();
        assertThat(r.getStatusCode()).as("the answer: %s", r.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(r.getBody().get("detail").asText()).contains("another policy officer must " + what + " it");
    }

    @Then("the approval is refused while reference households differ, among them {string}")
    public void approvalHeldBack(String name) {
        ResponseEntity<JsonNode> r = review.answer();
        assertThat(r.getStatusCode()).as("the answer: %s", r.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody().get("detail").asText()).contains("give a different outcome");
        assertThat(texts(r.getBody().get("mismatches"), "household")).contains(name);
    }

    @Then("it is refused, since {version} has never been in force")
    public void neverInForce(int version) {
        ResponseEntity<JsonNode> r = review.answer();
        assertThat(r.getStatusCode()).as("the answer: %s", r.getBody()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody().get("detail").asText()).contains("version " + version + " has never been in force");
    }

    @Then("{version} is approved by {officer}")
    public void approvedBy(int version, String officer) {
        JsonNode b = bundle(version);
        assertThat(b.get("state").asText()).isEqualTo("APPROVED");
        assertThat(b.get("approvedBy").asText()).isEqualTo(officer);
    }

    @Then("{version} is not approved")
    public void notApproved(int version) {
        JsonNode b = bundle(version);
        assertThat(b.get("approvedBy").isNull()).as("approved by %s", b.get("approvedBy")).isTrue();
        assertThat(b.get("state").asText()).isIn("DRAFT", "VALIDATED");
    }

    @Then("{version} is (still )in force")
    public void inForce(int version) {
        assertThat(inForce()).isEqualTo(version);
        assertThat(state(version)).isEqualTo("ACTIVE");
    }

    @Then("{version} is retired")
    public void retired(int version) {
        assertThat(state(version)).isEqualTo("RETIRED");
    }

    @Then("the latest activation is a roll-back to {version} by {officer}")
    public void latestActivationIsRollBack(int version, String officer) {
        JsonNode activations = service.read("auditor", "/api/policy/activations");
        JsonNode latest = activations.get(activations.size() - 1);
        assertThat(latest.get("kind").asText()).isEqualTo("ROLLBACK");
        assertThat(latest.get("version").asInt()).isEqualTo(version);
        assertThat(latest.get("requestedBy").asText()).isEqualTo(officer);
    }

    @Then("for the reference household {string} the new expectation is kept beside the one it replaces:")
    public void expectationKeptBesideTheOld(String name, DataTable table) {
        JsonNode recorded = referenceCheck(name).get("recorded");
        assertThat(recorded.isNull()).as("an expectation recorded for %s", name).isFalse();
        for (Map<String, String> row : table.asMaps()) {
            String program = SurveySteps.known(PROGRAMS, row.get("program"), "program");
            assertThat(eligibility(recorded.get("expected"), program)).as("%s expected now", row.get("program"))
                    .isEqualTo(row.get("expected now"));
            assertThat(eligibility(recorded.get("replaces"), program)).as("%s expected before", row.get("program"))
                    .isEqualTo(row.get("expected before"));
        }
    }

    @Then("the expectation of {string} was recorded by {officer}, with the reason {string}")
    public void expectationRecordedBy(String name, String officer, String reason) {
        JsonNode recorded = referenceCheck(name).get("recorded");
        assertThat(recorded.get("recordedBy").asText()).isEqualTo(officer);
        assertThat(recorded.get("reason").asText()).isEqualTo(reason);
        assertThat(recorded.get("version").asInt()).isEqualTo(review.newVersion());
    }

    private static String eligibility(JsonNode outcome, String program) {
        return outcome.get("programs").get(program).asBoolean() ? "eligible" : "not eligible";
    }

    // ---- households decided under a version ----

    @When("a household like the reference household {string} is surveyed")
    public void surveyLikeReference(String name) {
        household.startFromReference(name);
        household.answered(service.submitSurvey(household.survey()));
    }

    @Then("the household is decided under {version}")
    public void decidedUnder(int version) {
        JsonNode decision = household.decision();
        assertThat(decision.get("policyVersion").asInt()).isEqualTo(version);
        assertThat(decision.get("policySha256").asText()).isEqualTo(bundle(version).get("sha256").asText());
        JsonNode stored = service.read("auditor", "/api/decisions/" + decision.get("id").asLong());
        assertThat(stored.get("policyVersion").asInt()).as("the decision as stored").isEqualTo(version);
    }

    // ---- audit trail ----

    @Then("the audit trail of {version} records, in order:")
    public void auditTrail(int version, DataTable table) {
        assertThat(auditTrail(version)).containsExactlyElementsOf(steps(table));
    }

    /** For a version other scenarios act on too, such as version 1. */
    @Then("the audit trail of {version} ends with:")
    public void auditTrailEndsWith(int version, DataTable table) {
        List<String> expected = steps(table);
        List<String> actual = auditTrail(version);
        assertThat(actual).hasSizeGreaterThanOrEqualTo(expected.size());
        assertThat(actual.subList(actual.size() - expected.size(), actual.size())).as("the trail %s", actual)
                .containsExactlyElementsOf(expected);
    }

    private List<String> auditTrail(int version) {
        List<String> actual = new ArrayList<>();
        service.read("auditor", "/api/audit/trail?limit=1000&subject=policy:" + version)
                .forEach(e -> actual.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        return actual;
    }

    private static List<String> steps(DataTable table) {
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            expected.add(SurveySteps.known(POLICY_ACTIONS, row.get("step"), "step") + " by " + row.get("by"));
        }
        return expected;
    }

    @Then("the audit trail records the new expected outcome of {string} by {officer}, with the outcome it replaces")
    public void auditedExpectation(String name, String officer) {
        JsonNode recorded = referenceCheck(name).get("recorded");
        List<JsonNode> entries = new ArrayList<>();
        service.read("auditor", "/api/audit/trail?action=policy.expectation&subject=policy:" + review.newVersion()).forEach(e -> {
            if (e.get("details").get("household").asText().equals(name)) {
                entries.add(e);
            }
        });
        assertThat(entries).as("new expected outcomes of %s in the audit trail", name).hasSize(1);
        JsonNode entry = entries.get(0);
        assertThat(entry.get("actor").asText()).isEqualTo(officer);
        assertThat(entry.get("details").get("reason").asText()).isEqualTo(recorded.get("reason").asText());
        assertThat(entry.get("details").get("expected")).isEqualTo(recorded.get("expected"));
        assertThat(entry.get("details").get("replaces")).isEqualTo(recorded.get("replaces"));
    }

    @Then("the audit trail is intact")
    public void auditTrailIntact() {
        JsonNode verification = service.read("auditor", "/api/audit/verify");
        assertThat(verification.get("intact").asBoolean()).as("first broken link: %s", verification.get("firstBrokenLink")).isTrue();
        assertThat(verification.get("entriesChecked").asLong()).isPositive();
    }

    // ---- reading ----

    private int inForce() {
        return service.read("officer2", "/api/policy/active").get("version").asInt();
    }

    private JsonNode bundle(int version) {
        return service.read("auditor", "/api/policy/bundles/" + version);
    }

    private String state(int version) {
        return bundle(version).get("state").asText();
    }

    private JsonNode check(String officer, int version) {
        ResponseEntity<JsonNode> r = service.post(officer, "/api/policy/bundles/" + version + "/validate", Map.of());
        assertThat(r.getStatusCode()).as("checking version %d: %s", version, r.getBody()).isEqualTo(HttpStatus.OK);
        review.checked(r.getBody());
        return r.getBody();
    }

    private JsonNode referenceCheck(String name) {
        for (JsonNode c : review.report().get("references")) {
            if (c.get("household").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no reference household named " + name + " in the check");
    }

    private static String fileSha256(JsonNode bundle, String fileName) {
        for (JsonNode f : bundle.get("files")) {
            if (f.get("path").asText().endsWith("/" + fileName)) {
                return f.get("sha256").asText();
            }
        }
        throw new AssertionError("version " + bundle.get("version") + " has no file named " + fileName);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.get(field).asText()));
        return out;
    }
}
