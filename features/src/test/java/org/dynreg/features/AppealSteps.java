package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

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

    @When("a caseworker lodges an appeal for the household with the evidence {string}")
    public void lodge(String evidence) {
        ResponseEntity<JsonNode> r = scenario.client().post("caseworker", "/api/appeals",
                Map.of("householdId", scenario.household(), "evidence", evidence));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        scenario.caseId(r.getBody().get("id").asLong());
    }

    @Then("a caseworker's appeal for the household is refused because it {string}")
    public void refused(String why) {
        ResponseEntity<JsonNode> r = scenario.client().post("caseworker", "/api/appeals", Map.of("householdId", scenario.household()));
        assertThat(r.getStatusCode().is4xxClientError()).as("%s", r.getBody()).isTrue();
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    @Then("the appeal is admissible on the ground {string}")
    public void admissible(String ground) {
        JsonNode check = scenario.lastEntry("appeal.admissibility");
        assertThat(check.get("admissible").asBoolean()).isTrue();
        assertThat(check.get("grounds").toString()).contains(ground);
    }
}
