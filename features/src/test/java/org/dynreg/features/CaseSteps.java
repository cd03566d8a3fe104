package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every workflow feature says of its service, its household and its case: tasks waiting for a
 * group, taken and completed, the case closed, the household told and the case's history.
 */
public class CaseSteps {
    private final WorkflowScenario scenario;

    public CaseSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    @Given("the service is running")
    public void start() {
        scenario.start();
    }

    @When("the service is restarted")
    public void restart() {
        scenario.restart();
    }

    @After
    public void stop() {
        scenario.stop();
    }

    @Given("a household surveyed like reference household {string}")
    public void register(String reference) {
        JsonNode r = scenario.client().submitSurvey(WorkflowScenario.reference(reference, WorkflowScenario.nextPrefix()));
        scenario.household(r.get("householdId").asLong());
    }

    @Then("a task {string} waits for the caseworkers")
    public void waitsForCaseworkers(String task) {
        boolean waiting = false;
        for (JsonNode t : scenario.caseView().get("openTasks")) {
            waiting |= t.get("name").asText().equals(task) && t.get("groups").toString().contains("CASEWORKER");
        }
        assertThat(waiting).as("task %s of the case waits for the caseworkers", task).isTrue();
    }

    @Then("a task {string} waits for the supervisors")
    public void waitsForSupervisors(String task) {
        assertThat(scenario.taskId("supervisor", task)).isNotBlank();
    }

    @Then("a task {string} waits for the data-entry operators")
    public void waitsForOperators(String task) {
        assertThat(scenario.taskId("operator", task)).isNotBlank();
    }

    @When("caseworker {string} takes the task {string} and completes it with {string}")
    @When("supervisor {string} takes the task {string} and completes it with {string}")
    public void takeAndComplete(String user, String task, String outcome) {
        String id = scenario.taskId(user, task);
        assertThat(scenario.client().post(user, "/api/tasks/" + id + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> r = scenario.complete(user, id, outcome, "checked", null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("{string} is refused completing {string} with {string}, because a different person must")
    public void refusedAsTheSamePerson(String user, String task, String outcome) {
        String id = null;
        for (JsonNode t : scenario.caseView().get("openTasks")) {
            if (t.get("name").asText().equals(task)) {
                id = t.get("id").asText();
            }
        }
        assertThat(id).as("open task %s", task).isNotNull();
        assertThat(scenario.client().read(user, "/api/tasks?scope=group").findValuesAsText("id"))
                .as("a task %s may not take is not offered to them", user).doesNotContain(id);
        ResponseEntity<JsonNode> r = scenario.complete(user, id, outcome, null, null);
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        assertThat(r.getBody().get("detail").asText()).contains("different person");
        assertThat(scenario.caseView().get("state").asText()).isEqualTo("OPEN");
    }

    @Then("the case is closed with the outcome {string}")
    public void closed(String outcome) {
        JsonNode c = scenario.caseView();
        assertThat(c.get("state").asText()).isEqualTo("CLOSED");
        assertThat(c.get("outcome").asText()).isEqualTo(outcome);
        assertThat(c.get("openTasks")).isEmpty();
    }

    @Then("the household is told {string}")
    public void told(String message) {
        assertThat(scenario.notifications(scenario.household())).anySatisfy(m -> assertThat(m).contains(message));
    }

    @Then("the case history reads, in order:")
    public void history(DataTable table) {
        List<String> expected = table.asMaps().stream().map(r -> r.get("step") + " by " + r.get("by")).toList();
        assertThat(scenario.history()).containsSubsequence(expected);
        assertThat(scenario.client().read("auditor", "/api/audit/verify").get("intact").asBoolean()).isTrue();
    }
}
