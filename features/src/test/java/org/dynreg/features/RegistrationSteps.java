package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration of a missed-out household: a token at a site, the survey as an operator's task,
 * the identity authority (its simulator, told beforehand how to answer for a member) and a caseworker's
 * review when a member is not verified.
 */
public class RegistrationSteps {
    private final WorkflowScenario scenario;
    private ObjectNode survey;
    private JsonNode issued;

    public RegistrationSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    @Given("a household answering like reference household {string} comes to the site {string}")
    public void comes(String reference, String site) {
        survey = WorkflowScenario.reference(reference, WorkflowScenario.nextPrefix());
        survey.put("siteId", site);
    }

    @Given("the identity authority will reject member {int} of the household")
    public void willReject(int member) {
        String id = survey.get("members").get(member).get("nationalId").asText();
        ResponseEntity<JsonNode> r = scenario.client().put("admin", "/api/simulator/identity/" + id, Map.of("behaviour", "REJECT"));
        assertThat(r.getStatusCode().value()).isEqualTo(204);
    }

    @When("a data-entry operator issues the household the site's next token")
    public void issue() {
        ResponseEntity<JsonNode> r = scenario.client().post("operator", "/api/registrations/tokens",
                Map.of("siteId", survey.get("siteId").asText()));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        issued = r.getBody();
        scenario.caseId(issued.get("caseId").asLong());
    }

    @Then("the token reads {string}, the day and its number")
    public void tokenReads(String site) {
        assertThat(issued.get("token").asText()).isEqualTo(site + "/" + issued.get("issuedOn").asText() + "/"
                + String.format("%03d", issued.get("number").asInt()));
    }

    @When("the data-entry operator completes {string} with the household's survey")
    public void survey(String task) {
        // The survey goes as JSON text, as a tablet sends it.
        ResponseEntity<JsonNode> r = scenario.complete("operator", scenario.taskId("operator", task), "SURVEYED", null,
                Map.of("survey", survey.toString()));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("the identity authority has verified every member")
    public void allVerified() {
        JsonNode check = scenario.lastEntry("registration.identity-check");
        assertThat(check.get("allVerified").asBoolean()).isTrue();
        assertThat(check.get("members").findValuesAsText("status")).hasSize(survey.get("members").size()).containsOnly("VERIFIED");
    }

    @Then("the identity authority has rejected member {int} of the household")
    public void rejected(int member) {
        JsonNode check = scenario.lastEntry("registration.identity-check");
        assertThat(check.get("allVerified").asBoolean()).isFalse();
        assertThat(check.get("members").get(member).get("status").asText()).isEqualTo("REJECTED");
    }

    @Then("the household is registered with the score {int} and enrolled in {string}")
    public void registered(int score, String programme) {
        JsonNode token = token();
        assertThat(token.get("householdId").isNull()).isFalse();
        scenario.household(token.get("householdId").asLong());
        assertThat(token.get("currentDecision").get("score").asInt()).isEqualTo(score);
        assertThat(scenario.lastEntry("registration.enrolment").get("programs").toString()).contains(programme);
        assertThat(scenario.casesOf(scenario.household(), "MISSED_OUT")).as("the registration is among the household's cases")
                .anySatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(scenario.caseId()));
    }

    @Then("nothing of the household is registered while the caseworker checks")
    public void waitsUnregistered() {
        JsonNode token = token();
        assertThat(token.get("state").asText()).isEqualTo("OPEN");
        assertThat(token.get("householdId").isNull()).isTrue();
        assertThat(token.get("pendingSurvey").get("members")).as("the caseworker sees whom to check").hasSize(survey.get("members").size());
    }

    @Then("a data-entry operator may not resolve the identity check")
    public void operatorRefused() {
        String task = scenario.taskId("caseworker", "Resolve identity check");
        assertThat(scenario.complete("operator", task, "ACCEPT", null, null).getStatusCode().value()).isEqualTo(403);
    }

    @Then("nothing of the household is registered")
    public void unregistered() {
        JsonNode token = token();
        assertThat(token.get("householdId").isNull()).isTrue();
        assertThat(token.get("pendingSurvey").isNull()).as("the waiting survey is gone").isTrue();
        assertThat(scenario.history()).doesNotContain("registration.registered by system");
        assertThat(scenario.client().submitSurvey(survey).get("householdId").isNull())
                .as("its members are free to register: none was stored").isFalse();
    }

    private JsonNode token() {
        return scenario.client().read("caseworker", "/api/registrations/tokens/" + scenario.caseId());
    }
}
