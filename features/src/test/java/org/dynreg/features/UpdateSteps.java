package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cyclic updates and recertifications: households surveyed on a chosen day (their members' ages and
 * score kept), the update or the sweep that opens the case, and the re-survey that closes it.
 *
 * <p>The recertification scenarios survey their households years back, on days no other scenario uses,
 * so that a sweep selects their households and none registered by another scenario on the shared database.
 */
public class UpdateSteps {
    private static final int CYCLIC_MONTHS = 24;

    record Household(long id, String reference, String prefix, LocalDate lastSurveyedOn) {}

    private final WorkflowScenario scenario;
    private final Map<String, Household> households = new HashMap<>();
    private Household current;
    private JsonNode sweep;

    public UpdateSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    @Given("the service is running with a case clock of {int} milliseconds a day")
    public void startWithShortClock(int millis) {
        scenario.start("dynreg.workflow.day=" + Duration.ofMillis(millis));
    }

    @Given("a household surveyed like reference household {string} {int} months ago")
    public void surveyedMonthsAgo(String reference, int months) {
        current = register(reference, WorkflowScenario.today().minusMonths(months));
        scenario.household(current.id());
    }

    @Given("a beneficiary {string} surveyed like reference household {string} on {string}")
    public void beneficiary(String name, String reference, String day) {
        Household h = register(reference, LocalDate.parse(day));
        households.put(name, h);
    }

    // ---- cyclic update

    @When("caseworker {string} opens a cyclic update for the household")
    public void openCyclic(String user) {
        ResponseEntity<JsonNode> r = scenario.client().post(user, "/api/updates/cyclic", Map.of("householdId", current.id()));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        assertThat(r.getBody().get("caseType").asText()).isEqualTo("CYCLIC_UPDATE");
        scenario.caseId(r.getBody().get("id").asLong());
    }

    @Then("a second cyclic update for the household is refused because it {string}")
    @Then("a cyclic update for the household is refused because it {string}")
    public void cyclicRefused(String why) {
        ResponseEntity<JsonNode> r = scenario.client().post("caseworker", "/api/updates/cyclic", Map.of("householdId", scenario.household()));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(409);
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    @Then("a cyclic update for the household is refused: possible from {int} months after its last survey")
    public void tooEarly(int months) {
        ResponseEntity<JsonNode> r = scenario.client().post("operator", "/api/updates/cyclic", Map.of("householdId", current.id()));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        LocalDate possible = current.lastSurveyedOn().plusMonths(months);
        assertThat(possible).isAfter(WorkflowScenario.today());
        assertThat(r.getBody().get("detail").asText()).contains("possible from " + possible,
                months + " months after its last survey on " + current.lastSurveyedOn());
    }

    @Then("the household has no {string} case")
    public void noCase(String caseType) {
        assertThat(scenario.casesOf(current.id(), caseType)).isEmpty();
    }

    @When("the data-entry operator re-surveys the household, now answering like reference household {string}, for {string} as a {string}")
    public void resurveyCurrent(String reference, String task, String updateType) {
        long survey = resurvey(current, reference, updateType, null);
        completeWith(scenario.caseId(), task, survey);
    }

    @Then("the new decision gives the household the score {int} in {string}")
    public void rescored(int score, String action) {
        JsonNode rescore = scenario.lastEntry(action);
        assertThat(rescore.get("score").asInt()).isEqualTo(score);
    }

    // ---- recertification

    @Then("a data-entry operator may not run the recertification sweep")
    public void operatorMayNotSweep() {
        assertThat(scenario.client().post("operator", "/api/sweeps/recertification?asOf=" + WorkflowScenario.today(), Map.of())
                .getStatusCode().value()).isEqualTo(403);
    }

    @Then("the recertification sweep may not be run for tomorrow")
    public void notAhead() {
        ResponseEntity<JsonNode> r = scenario.client().post("supervisor", "/api/sweeps/recertification?asOf="
                + WorkflowScenario.today().plusDays(1), Map.of());
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).contains("after today");
    }

    @When("supervisor {string} runs the recertification sweep as of {string}")
    public void runSweep(String user, String asOf) {
        ResponseEntity<JsonNode> r = scenario.client().post(user, "/api/sweeps/recertification?asOf=" + asOf, Map.of());
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        sweep = r.getBody();
        assertThat(sweep.get("failed").asInt()).isZero();
    }

    @Then("{string} and {string} have a recertification each, and {string} none")
    public void swept(String first, String second, String none) {
        assertThat(recertifications(first)).hasSize(1);
        assertThat(recertifications(second)).hasSize(1);
        assertThat(recertifications(none)).isEmpty();
        assertThat(recertifications(first).get(0).get("state").asText()).isEqualTo("OPEN");
    }

    @Then("{string} has a recertification")
    public void hasOne(String name) {
        assertThat(recertifications(name)).hasSize(1);
    }

    @Then("the sweep opens nothing new")
    public void nothingNew() {
        assertThat(sweep.get("opened").asInt()).isZero();
        households.keySet().forEach(name -> assertThat(recertifications(name).size()).isLessThanOrEqualTo(1));
    }

    @When("the data-entry operator re-surveys {string} with unchanged answers")
    public void resurveyUnchanged(String name) {
        resurveyUnchanged(name, "Re-survey the household");
    }

    @When("the data-entry operator re-surveys {string} with unchanged answers, for {string}")
    public void resurveyUnchanged(String name, String task) {
        Household h = households.get(name);
        completeWith(caseOf(name), task, resurvey(h, h.reference(), "RECERTIFICATION", null));
    }

    @When("the data-entry operator re-surveys {string} with a car among its assets")
    public void resurveyWithCar(String name) {
        Household h = households.get(name);
        completeWith(caseOf(name), "Re-survey the household", resurvey(h, h.reference(), "RECERTIFICATION", "car"));
    }

    @Then("the recertification of {string} is closed with the outcome {string}")
    public void recertified(String name, String outcome) {
        JsonNode c = scenario.client().read("auditor", "/api/cases/" + caseOf(name));
        assertThat(c.get("state").asText()).isEqualTo("CLOSED");
        assertThat(c.get("outcome").asText()).isEqualTo(outcome);
        assertThat(c.get("history").findValuesAsText("action")).containsSubsequence("case.open", "task.complete",
                "recertification.rescore", "case.close");
    }

    @Then("{string} is told {string}")
    public void told(String name, String message) {
        assertThat(scenario.notifications(households.get(name).id())).anySatisfy(m -> assertThat(m).contains(message));
    }

    @When("the grace period of the recertification of {string} runs out")
    public void graceRunsOut(String name) throws InterruptedException {
        long caseId = caseOf(name);
        // The engine's timer fires on its own thread; a minute is far beyond the 90 short days.
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!openTasks(caseId).contains("Re-survey the household again")) {
            assertThat(System.nanoTime()).as("the grace period ran out within a minute").isLessThan(until);
            Thread.sleep(100);
        }
        assertThat(openTasks(caseId)).as("the grace period's timer interrupts the first task")
                .containsExactly("Re-survey the household again");
    }

    @Then("the benefit of {string} is suspended from today because of {string}")
    public void suspended(String name, String why) {
        JsonNode suspensions = suspensions(name);
        assertThat(suspensions).hasSize(1);
        JsonNode s = suspensions.get(0);
        assertThat(s.get("caseId").asLong()).isEqualTo(caseOf(name));
        assertThat(s.get("suspendedFrom").asText()).isEqualTo(WorkflowScenario.today().toString());
        assertThat(s.get("reason").asText()).contains(why);
        assertThat(s.get("liftedAt").isNull()).isTrue();
        assertThat(scenario.client().read("auditor", "/api/cases/" + caseOf(name)).get("state").asText())
                .as("the case waits for the re-survey").isEqualTo("OPEN");
    }

    @Then("the suspension of {string} is lifted")
    public void lifted(String name) {
        JsonNode s = suspensions(name).get(0);
        assertThat(s.get("liftedAt").isNull()).isFalse();
        assertThat(s.get("outcome").asText()).isEqualTo("CONTINUED");
    }

    // ---- re-surveys that do not happen, surveys without their case

    @When("the data-entry operator ends {string} as {string} because {string}")
    public void endCurrent(String task, String outcome, String why) {
        end(scenario.caseId(), task, outcome, why);
    }

    @When("the data-entry operator ends {string} of {string} as {string} because {string}")
    public void endNamed(String task, String name, String outcome, String why) {
        end(caseOf(name), task, outcome, why);
    }

    @Then("the data-entry operator may not end {string} as {string} without saying why")
    public void endWithoutReason(String task, String outcome) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", scenario.taskId("operator", scenario.caseId(), task), outcome, null, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).contains("comment is required");
        assertThat(openTasks(scenario.caseId())).containsExactly(task);
    }

    @Then("a {string} survey of the household is refused because {string}")
    public void surveyWithoutCase(String updateType, String why) {
        ObjectNode survey = WorkflowScenario.referenceAt(current.reference(), current.prefix(),
                OffsetDateTime.now(WorkflowScenario.REGISTRY_ZONE).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        survey.put("updateType", updateType).put("householdId", current.id());
        ResponseEntity<JsonNode> r = scenario.client().post("operator", "/api/surveys", survey);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("errors").get(0).get("path").asText()).isEqualTo("updateType");
        assertThat(r.getBody().get("errors").get(0).get("message").asText()).contains(why);
    }

    @Then("{string} has a task {string} and the case waits")
    public void waits(String name, String task) {
        assertThat(openTasks(caseOf(name))).containsExactly(task);
        assertThat(scenario.client().read("auditor", "/api/cases/" + caseOf(name)).get("state").asText()).isEqualTo("OPEN");
    }

    @Then("the benefit of {string} is not suspended")
    public void notSuspended(String name) {
        assertThat(suspensions(name)).isEmpty();
    }

    private void end(long caseId, String task, String outcome, String why) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", scenario.taskId("operator", caseId, task), outcome, why, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    private Household register(String reference, LocalDate day) {
        String prefix = WorkflowScenario.nextPrefix();
        JsonNode r = scenario.client().submitSurvey(WorkflowScenario.referenceOn(reference, prefix, day));
        return new Household(r.get("householdId").asLong(), reference, prefix, day);
    }

    /**
     * The household re-surveyed an hour ago with a reference's answers (and, when named, that asset
     * more); the members keep the ids of the household's prefix. Returns the new survey's id.
     */
    private long resurvey(Household h, String reference, String updateType, String asset) {
        ObjectNode survey = WorkflowScenario.referenceAt(reference, h.prefix(),
                OffsetDateTime.now(WorkflowScenario.REGISTRY_ZONE).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        survey.put("updateType", updateType).put("householdId", h.id());
        if (asset != null) {
            ((ObjectNode) survey.get("assets")).put(asset, true);
        }
        return scenario.client().submitSurvey(survey).get("surveyId").asLong();
    }

    private void completeWith(long caseId, String task, long surveyId) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", scenario.taskId("operator", caseId, task), "SURVEYED", null,
                Map.of("surveyId", surveyId));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    private List<JsonNode> recertifications(String name) {
        return scenario.casesOf(households.get(name).id(), "RECERTIFICATION");
    }

    private long caseOf(String name) {
        List<JsonNode> cases = recertifications(name);
        assertThat(cases).as("the recertification of %s", name).hasSize(1);
        return cases.get(0).get("id").asLong();
    }

    private List<String> openTasks(long caseId) {
        return scenario.client().read("supervisor", "/api/cases/" + caseId).get("openTasks").findValuesAsText("name");
    }

    private JsonNode suspensions(String name) {
        return scenario.client().read("caseworker", "/api/households/" + households.get(name).id() + "/suspensions");
    }
}
