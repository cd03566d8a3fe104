package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Roster updates: a change asked for, the household's members before and after, and its rescoring. */
public class RosterSteps {
    private final WorkflowScenario scenario;
    private String leaving;
    private int surveysBefore;

    public RosterSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    @When("caseworker {string} asks to remove member {int} of the household, who left for {string}, with the evidence {string}")
    public void remove(String user, int line, String cause, String evidence) {
        leaving = members().get(line - 1).get("nationalId").asText();
        ask(user, Map.of("householdId", scenario.household(), "kind", "REMOVE_MEMBER", "memberLine", line,
                "values", Map.of("cause", cause), "reason", "the household asked at the registration centre", "evidence", evidence));
    }

    @When("a data-entry operator asks to add a son born {int} days ago, with the evidence {string}")
    public void addNewborn(int days, String evidence) {
        surveysBefore = surveys().size();
        // A national id of the household's own prefix and reference number, on a line no reference uses.
        String head = members().get(0).get("nationalId").asText();
        Map<String, Object> son = new HashMap<>();
        son.put("nationalId", head.substring(0, 6) + "0000009-9");
        son.put("name", "Newborn Son");
        son.put("relation", "SON");
        son.put("gender", "MALE");
        son.put("dateOfBirth", WorkflowScenario.today().minusDays(days).toString());
        son.put("maritalStatus", "NEVER_MARRIED");
        son.put("disability", "NONE");
        son.put("literate", false);
        son.put("educationLevel", "NONE");
        son.put("inSchool", false);
        son.put("employment", "NONE");
        son.put("occupation", "NONE");
        son.put("elementaryOccupation", false);
        son.put("chronicDisease", "NONE");
        ask("operator", Map.of("householdId", scenario.household(), "kind", "ADD_MEMBER", "member", son,
                "values", Map.of("cause", "BIRTH"), "reason", "birth registered on B-Form", "evidence", evidence));
    }

    @Then("a second roster change for the household is refused because it {string}")
    public void secondRefused(String why) {
        ResponseEntity<JsonNode> r = scenario.client().post("caseworker", "/api/updates/roster", Map.of("householdId", scenario.household(),
                "kind", "CONTACT", "values", Map.of("mobile", "03111234567"), "reason", "the head asked", "evidence", "visit DOC-5"));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(409);
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    @Then("the household still has {int} members")
    @Then("the household has {int} members")
    public void memberCount(int count) {
        assertThat(members()).hasSize(count);
    }

    @Then("the household has {int} members, none of them the one who left")
    public void removed(int count) {
        assertThat(members()).hasSize(count);
        assertThat(members().findValuesAsText("nationalId")).doesNotContain(leaving);
    }

    @Then("the household was scored again from a {string} survey")
    public void rescored(String updateType) {
        JsonNode surveys = surveys();
        assertThat(surveys).hasSize(surveysBefore + 1);
        JsonNode latest = surveys.get(surveys.size() - 1);
        assertThat(latest.get("updateType").asText()).isEqualTo(updateType);
        JsonNode applied = scenario.lastEntry("roster.apply");
        assertThat(applied.get("rescore").asBoolean()).isTrue();
        assertThat(applied.get("surveyId").asLong()).isEqualTo(latest.get("id").asLong());
        JsonNode decisions = scenario.client().read("caseworker", "/api/households/" + scenario.household() + "/decisions");
        assertThat(decisions.get(decisions.size() - 1).get("score").asInt()).isEqualTo(applied.get("scoreAfter").asInt());
    }

    private void ask(String user, Map<String, Object> change) {
        ResponseEntity<JsonNode> r = scenario.client().post(user, "/api/updates/roster", change);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        scenario.caseId(r.getBody().get("id").asLong());
    }

    private JsonNode members() {
        return scenario.client().read("caseworker", "/api/households/" + scenario.household()).get("members");
    }

    private JsonNode surveys() {
        return scenario.client().read("caseworker", "/api/households/" + scenario.household() + "/surveys");
    }
}
