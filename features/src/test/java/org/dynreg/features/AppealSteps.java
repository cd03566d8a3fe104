package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appeals against the cut-off, on a service instance of the scenario's own that can be restarted:
 * it runs on the same database as every other scenario, so a restart shows what the database keeps.
 */
public class AppealSteps {
    private final WorkflowScenario scenario;

    public AppealSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    private ResponseEntity<JsonNode> lodge(String user, String grounds, String evidence) {
        Map<String, Object> body = new HashMap<>();
        body.put("householdId", scenario.household());
        if (evidence != null) {
            body.put("evidence", evidence);
        }
        if (grounds != null) {
            body.put("grounds", Arrays.stream(grounds.split(",")).map(String::strip).toList());
        }
        return scenario.client().post(user, "/api/appeals", body);
    }

    private void lodged(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        scenario.caseId(r.getBody().get("id").asLong());
    }

    @When("a caseworker lodges an appeal for the household with the evidence {string}")
    public void lodge(String evidence) {
        lodged(lodge("caseworker", null, evidence));
    }

    @When("caseworker {string} lodges an appeal for the household on the ground(s) {string} with the evidence {string}")
    public void lodgeOnGrounds(String user, String grounds, String evidence) {
        lodged(lodge(user, grounds, evidence));
    }

    @Then("a caseworker's appeal for the household is refused because it {string}")
    public void refused(String why) {
        ResponseEntity<JsonNode> r = lodge("caseworker", null, null);
        assertThat(r.getStatusCode().is4xxClientError()).as("%s", r.getBody()).isTrue();
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    @Then("another appeal for the household is refused: {string}")
    public void anotherRefused(String why) {
        ResponseEntity<JsonNode> r = lodge("caseworker", "SCORE_NEAR_CUTOFF", null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(409);
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    @Then("an appeal on the ground {string} is refused, naming {string}")
    public void unknownGround(String ground, String field) {
        ResponseEntity<JsonNode> r = lodge("caseworker", ground, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).startsWith(field + ":");
    }

    @Then("the appeal is admissible on the ground {string}")
    public void admissible(String ground) {
        JsonNode check = scenario.lastEntry("appeal.admissibility");
        assertThat(check.get("admissible").asBoolean()).isTrue();
        assertThat(check.get("grounds").toString()).contains(ground);
    }

    @Then("the claimed ground {string} is not on the registry's record, so its evidence is to be checked")
    public void evidenceToCheck(String ground) {
        JsonNode check = scenario.lastEntry("appeal.admissibility");
        assertThat(check.get("admissible").asBoolean()).isFalse();
        assertThat(check.get("evidenceToCheck").toString()).contains(ground);
        assertThat(scenario.caseView().get("state").asText()).isEqualTo("OPEN");
    }

    @Then("{string} may not take the task {string}, because a different person must")
    public void mayNotTake(String user, String task) {
        ResponseEntity<JsonNode> r = scenario.client().post(user, "/api/tasks/" + openTask(task) + "/claim", Map.of());
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(403);
        assertThat(r.getBody().get("detail").asText()).contains("different person");
    }

    @Then("supervisor {string} may not reject the appeal without a reason")
    public void rejectWithoutReason(String user) {
        ResponseEntity<JsonNode> r = scenario.complete(user, scenario.taskId(user, "Decide appeal"), "REJECT", " ", null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).startsWith("comment:");
        assertThat(scenario.caseView().get("state").asText()).isEqualTo("OPEN");
    }

    @When("supervisor {string} rejects the appeal because {string}")
    public void reject(String user, String reason) {
        ResponseEntity<JsonNode> r = scenario.complete(user, scenario.taskId(user, "Decide appeal"), "REJECT", reason, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @When("the data-entry operator re-surveys the household for the appeal, now answering like reference household {string}")
    public void resurvey(String reference) {
        ObjectNode survey = WorkflowScenario.referenceAt(reference, WorkflowScenario.nextPrefix(),
                OffsetDateTime.now(WorkflowScenario.REGISTRY_ZONE).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        survey.put("updateType", "APPEAL").put("householdId", scenario.household());
        long surveyId = scenario.client().submitSurvey(survey).get("surveyId").asLong();
        ResponseEntity<JsonNode> r = scenario.complete("operator", scenario.taskId("operator", "Re-survey the household"), "SURVEYED",
                null, Map.of("surveyId", surveyId));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @When("the data-entry operator reports the household {string} because {string}")
    public void notResurveyed(String outcome, String reason) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", scenario.taskId("operator", "Re-survey the household"), outcome,
                reason, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("the new decision, with the score {int} where it was {int}, is linked to the case")
    public void linked(int score, int was) {
        JsonNode rescore = scenario.lastEntry("appeal.rescore");
        JsonNode current = scenario.caseView().get("currentDecision");
        assertThat(rescore.get("decision").asLong()).isEqualTo(current.get("id").asLong());
        assertThat(rescore.get("score").asInt()).isEqualTo(score);
        assertThat(rescore.get("previousScore").asInt()).isEqualTo(was);
    }

    @Then("the household is told {string} only once")
    public void toldOnce(String message) {
        List<String> told = scenario.notifications(scenario.household()).stream().filter(m -> m.contains(message)).toList();
        assertThat(told).hasSize(1);
    }

    /** The open task of the case with that name, whoever's group it is for. */
    private String openTask(String name) {
        for (JsonNode t : scenario.caseView().get("openTasks")) {
            if (t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no open task '" + name + "' in case " + scenario.caseId());
    }
}
