package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workflow changed by policy officers while the service runs: a process uploaded as a policy file, approved by a
 * second officer and put in force, and the cases opened before and after it, each followed by its name. The
 * scenario's own service instance is used throughout, so that it can be restarted; the policy is rolled back to
 * the repository's after the scenario (PolicySteps).
 */
public class ProcessChangeSteps {
    private final WorkflowScenario scenario;
    /** The appeals of the scenario by the name it gives them, each its household and its case. */
    private final Map<String, long[]> appeals = new HashMap<>();
    private ResponseEntity<JsonNode> upload;
    private int uploaded;

    public ProcessChangeSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    /** A changed process as a policy officer saved it from the modeler (features/src/test/resources/policy-changes/). */
    static byte[] changedProcess(String file) {
        try (InputStream in = ProcessChangeSteps.class.getResourceAsStream("/policy-changes/" + file)) {
            assertThat(in).as("the changed process %s", file).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Given("the {word} appeal, by a household surveyed like reference household {string} on the ground {string}")
    public void appeal(String name, String reference, String ground) {
        JsonNode survey = scenario.client().submitSurvey(WorkflowScenario.reference(reference, WorkflowScenario.nextPrefix()));
        long household = survey.get("householdId").asLong();
        ResponseEntity<JsonNode> r = scenario.client().post("caseworker", "/api/appeals", Map.of("householdId", household,
                "evidence", "a member cannot walk", "grounds", List.of(ground)));
        assertThat(r.getStatusCode().value()).as("the %s appeal: %s", name, r.getBody()).isEqualTo(201);
        appeals.put(name, new long[] {household, r.getBody().get("id").asLong()});
    }

    private long caseOf(String name) {
        assertThat(appeals).as("an appeal called the %s", name).containsKey(name);
        return appeals.get(name)[1];
    }

    private JsonNode caseView(String name) {
        return scenario.client().read("auditor", "/api/cases/" + caseOf(name));
    }

    @Then("the {word} appeal runs on version {string} of the appeal process")
    public void runsOn(String name, String version) {
        JsonNode c = caseView(name);
        assertThat(c.get("processVersion").asText()).as("the %s appeal's process version", name).isEqualTo(version);
        for (JsonNode t : c.get("openTasks")) {
            assertThat(t.get("processVersion").asText()).as("task %s", t.get("name").asText()).isEqualTo(version);
        }
    }

    @Then("the {word} appeal runs on the appeal process of the new policy version")
    public void runsOnTheNew(String name) {
        runsOn(name, String.valueOf(uploaded));
    }

    @Then("the {word} appeal waits at {string}")
    public void waitsAt(String name, String task) {
        assertThat(caseView(name).get("openTasks").findValuesAsText("name")).as("the %s appeal's open tasks", name).containsExactly(task);
    }

    @When("{word} {string} takes the {word} appeal's task {string} and completes it with {string}")
    public void take(String role, String user, String name, String task, String outcome) {
        String id = scenario.taskId(user, caseOf(name), task);
        assertThat(scenario.client().post(user, "/api/tasks/" + id + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> r = scenario.complete(user, id, outcome, "checked", null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("the {word} appeal's history has the step {string}")
    public void hasStep(String name, String task) {
        assertThat(caseView(name).get("history").findValuesAsText("task")).as("the %s appeal's history", name).contains(task);
    }

    @Then("the {word} appeal's history has no step {string}")
    public void hasNoStep(String name, String task) {
        assertThat(caseView(name).get("history").findValuesAsText("task")).as("the %s appeal's history", name).doesNotContain(task);
    }

    @When("{word} uploads the changed appeal process {string}")
    public void uploadProcess(String officer, String file) {
        upload = scenario.client().upload(officer, "/api/policy/bundles/changes", "appeal.bpmn", changedProcess(file),
                "a legal check of appeals on the disability ground");
    }

    @When("{word} uploads the appeal process with the condition of flow {string} written {string}")
    public void uploadBroken(String officer, String flow, String condition) {
        String xml = new String(changedProcess("appeal-legal-check.bpmn"), StandardCharsets.UTF_8);
        String changed = xml.replaceFirst("(<bpmn2:sequenceFlow id=\"" + flow + "\"[^>]*>\\s*<bpmn2:conditionExpression[^>]*><!\\[CDATA\\[)[^]]*(]]>)",
                "$1" + java.util.regex.Matcher.quoteReplacement(condition) + "$2");
        assertThat(changed).as("flow %s has a condition to change", flow).isNotEqualTo(xml);
        upload = scenario.client().upload(officer, "/api/policy/bundles/changes", "appeal.bpmn", changed.getBytes(StandardCharsets.UTF_8),
                "a condition retyped");
    }

    @Then("the new policy version is stored and passes the regression gate")
    public void stored() {
        assertThat(upload.getStatusCode().value()).as("the upload: %s", upload.getBody()).isEqualTo(201);
        uploaded = upload.getBody().get("bundle").get("version").asInt();
        assertThat(upload.getBody().get("bundle").get("state").asText()).as("the upload: %s", upload.getBody()).isEqualTo("VALIDATED");
        assertThat(upload.getBody().get("report").get("passed").asBoolean()).as("the upload: %s", upload.getBody()).isTrue();
    }

    @Then("the upload is refused, naming the element {string} and saying {string}")
    public void refused(String element, String words) {
        assertThat(upload.getStatusCode().value()).as("the upload: %s", upload.getBody()).isEqualTo(422);
        String body = upload.getBody().toString();
        assertThat(body).contains(element).contains(words);
    }

    @When("{word} approves the new policy version and puts it in force")
    public void approveAndActivate(String officer) {
        ResponseEntity<JsonNode> approved = scenario.client().post(officer, "/api/policy/bundles/" + uploaded + "/approve",
                Map.of("comment", "the legal check is wanted by the appeals policy"));
        assertThat(approved.getStatusCode().value()).as("approval: %s", approved.getBody()).isEqualTo(200);
        ResponseEntity<JsonNode> active = scenario.client().post(officer, "/api/policy/bundles/" + uploaded + "/activate",
                Map.of("comment", "in force from now"));
        assertThat(active.getStatusCode().value()).as("activation: %s", active.getBody()).isEqualTo(201);
        assertThat(scenario.client().read("officer", "/api/policy/active").get("version").asInt()).isEqualTo(uploaded);
    }

    @Then("the new policy version is stored as a draft: the reference walk {string} is stranded at the gateway {string}")
    public void strandedDraft(String walk, String gateway) {
        assertThat(upload.getStatusCode().value()).as("the upload: %s", upload.getBody()).isEqualTo(201);
        uploaded = upload.getBody().get("bundle").get("version").asInt();
        assertThat(upload.getBody().get("bundle").get("state").asText()).as("the upload: %s", upload.getBody()).isEqualTo("DRAFT");
        JsonNode report = upload.getBody().get("report");
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("mismatches")).as("no reference household moves").isEmpty();
        assertThat(walk(report, walk).get("passed").asBoolean()).isFalse();
        assertThat(walk(report, walk).get("reason").asText()).contains("stranded at the gateway '" + gateway + "'");
    }

    @Then("the reference walk {string} passes, through the user task {string} it does not know")
    public void passesThrough(String walk, String task) {
        JsonNode w = walk(upload.getBody().get("report"), walk);
        assertThat(w.get("passed").asBoolean()).as("the walk: %s", w).isTrue();
        assertThat(w.get("passedThrough").toString()).isEqualTo("[\"" + task + "\"]");
    }

    @When("{word} approves the new policy version")
    public void approve(String officer) {
        upload = scenario.client().post(officer, "/api/policy/bundles/" + uploaded + "/approve",
                Map.of("comment", "the ground applies only with evidence"));
    }

    @Then("the approval is refused, naming the reference walk {string} and the gateway {string}")
    public void approvalRefused(String walk, String gateway) {
        assertThat(upload.getStatusCode().value()).as("approval: %s", upload.getBody()).isEqualTo(409);
        assertThat(upload.getBody().get("detail").asText()).contains("the reference walk " + walk + " fails: " + walk
                + ": stranded at the gateway '" + gateway + "'");
        assertThat(scenario.client().read("officer", "/api/policy/bundles/" + uploaded).get("state").asText()).isEqualTo("DRAFT");
    }

    private static JsonNode walk(JsonNode report, String name) {
        for (JsonNode w : report.get("walks")) {
            if (w.get("walk").asText().equals(name)) {
                return w;
            }
        }
        throw new AssertionError("the report has no reference walk " + name + ": " + report);
    }
}
