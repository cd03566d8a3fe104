package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.dynreg.places.Places;
import org.dynreg.registry.Province;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shock updates: households registered in a Punjab district of the scenario's own, in its first tehsil (a
 * declaration strikes every household registered there), the declaration, refused when it repeats one, its
 * extension, the re-survey orders and their completion.
 */
public class ShockSteps {
    record Household(long id, long surveyId, ObjectNode survey) {}

    private final WorkflowScenario scenario;
    private final Map<String, Household> households = new LinkedHashMap<>();
    private JsonNode shock;

    public ShockSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    @Given("these households are registered in the district {string} of Punjab:")
    public void registered(String district, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            ObjectNode survey = WorkflowScenario.reference(row.get("like reference household"), WorkflowScenario.nextPrefix());
            ((ObjectNode) survey.get("location")).put("province", "PUNJAB").put("district", district)
                    .put("tehsil", Places.pakistan().requireDistrict(Province.PUNJAB, district).tehsils().get(0).name());
            JsonNode r = scenario.client().submitSurvey(survey);
            households.put(row.get("household"), new Household(r.get("householdId").asLong(), r.get("surveyId").asLong(), survey));
        }
    }

    @When("policy officer {string} declares a flood from {string} to {string} over the district {string} of Punjab")
    public void declare(String officer, String from, String to, String district) {
        ResponseEntity<JsonNode> r = scenario.client().post(officer, "/api/shocks", declaration(from, to, List.of(punjab(district))));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        shock = r.getBody();
        assertThat(shock.get("skipped")).isEmpty();
    }

    @When("policy officer {string} declares a flood from {string} to {string} over the district {string} of Punjab, which is refused because shock {string} already covers {string}")
    public void declareAgain(String officer, String from, String to, String district, String first, String covered) {
        ResponseEntity<JsonNode> r = scenario.client().post(officer, "/api/shocks", declaration(from, to, List.of(punjab(district))));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(409);
        assertThat(r.getBody().get("detail").asText()).contains("shock " + shock.get("id").asLong() + " (FLOOD, " + first + ") already covers "
                + covered).contains("extend shock " + shock.get("id").asLong());
    }

    @When("policy officer {string} extends the flood to {string} and the district {string} of Punjab, as notification {string} says")
    public void extend(String officer, String to, String district, String notification) {
        ResponseEntity<JsonNode> r = scenario.client().post(officer, "/api/shocks/" + shock.get("id").asLong() + "/extensions",
                Map.of("endsOn", to, "areas", List.of(punjab(district)), "comment", notification));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        shock = r.getBody();
    }

    @Then("the flood lasts until {string} over the districts {string} and {string}")
    public void lasts(String to, String first, String second) {
        JsonNode s = scenario.client().read("auditor", "/api/shocks/" + shock.get("id").asLong());
        assertThat(s.get("endsOn").asText()).isEqualTo(to);
        assertThat(s.get("areas").findValuesAsText("district")).containsExactlyInAnyOrder(first, second);
    }

    @Then("{string} are named once for the flood")
    public void namedOnce(String name) {
        long id = households.get(name).id();
        List<Long> named = new ArrayList<>();
        shock.get("cases").forEach(c -> named.add(c.get("householdId").asLong()));
        assertThat(named.stream().filter(h -> h == id)).hasSize(1);
        assertThat(scenario.client().read("caseworker", "/api/households/" + id + "/cases")).hasSize(1);
    }

    @Then("a flood declared by {string} over the district {string} of Punjab is refused on {string}, saying {string}")
    public void misspelt(String officer, String district, String path, String saying) {
        ResponseEntity<JsonNode> r = scenario.client().post(officer, "/api/shocks", declaration("2025-01-15", "2025-02-10", List.of(punjab(district))));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("errors").findValuesAsText("path")).containsExactly(path);
        assertThat(r.getBody().get("detail").asText()).contains(saying);
    }

    @Then("re-surveys are ordered, in this order:")
    public void ordered(DataTable table) {
        List<String> expected = table.asMaps().stream().map(r -> households.get(r.get("household")).id() + " priority " + r.get("priority"))
                .toList();
        List<String> orders = new ArrayList<>();
        orders().forEach(o -> orders.add(o.get("householdId").asLong() + " priority " + o.get("priority").asInt()));
        assertThat(orders).containsExactlyElementsOf(expected);
        List<String> cases = new ArrayList<>();
        shock.get("cases").forEach(c -> cases.add(c.get("householdId").asLong() + " priority " + c.get("priority").asInt()));
        assertThat(cases).as("the cases of the shock, opened in that order").containsExactlyElementsOf(expected);
    }

    @When("the data-entry operator re-surveys {string}, who sold their television")
    public void resurveyWithoutTelevision(String name) {
        Household h = households.get(name);
        ObjectNode survey = resurvey(h);
        ((ObjectNode) survey.get("assets")).put("television", false);
        completeWith(name, scenario.client().submitSurvey(survey).get("surveyId").asLong());
    }

    @When("the data-entry operator re-surveys {string}, whose answers are unchanged")
    public void resurveyUnchanged(String name) {
        completeWith(name, scenario.client().submitSurvey(resurvey(households.get(name))).get("surveyId").asLong());
    }

    @When("the data-entry operator reports {string} not found, because {string}")
    public void notFound(String name, String why) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", taskOf(name), "NOT_FOUND", why, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @When("the data-entry operator reports that {string} moved, because {string}")
    public void moved(String name, String why) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", taskOf(name), "MOVED", why, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("reporting {string} not found without saying why is refused")
    public void notFoundWithoutReason(String name) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", taskOf(name), "NOT_FOUND", null, null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).contains("comment is required");
    }

    @Then("the re-survey of {string} is ordered again")
    public void orderedAgain(String name) {
        assertThat(taskOf(name)).isNotBlank();
        assertThat(scenario.client().read("auditor", "/api/cases/" + caseOf(name)).get("state").asText()).isEqualTo("OPEN");
    }

    @Then("the shock's cases are closed as:")
    public void closedAs(DataTable table) {
        Map<Long, String> expected = new HashMap<>();
        table.asMaps().forEach(r -> expected.put(households.get(r.get("household")).id(), r.get("outcome")));
        Map<Long, String> actual = new HashMap<>();
        for (JsonNode c : scenario.client().read("auditor", "/api/shocks/" + shock.get("id").asLong()).get("cases")) {
            assertThat(c.get("state").asText()).isEqualTo("CLOSED");
            actual.put(c.get("householdId").asLong(), c.get("outcome").asText());
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Then("emergency assistance of PKR {int} goes to {string} and {string}")
    public void assistance(int amount, String first, String second) {
        JsonNode assistance = scenario.client().read("officer", "/api/shocks/" + shock.get("id").asLong() + "/assistance");
        List<Long> ids = new ArrayList<>();
        assistance.forEach(a -> {
            ids.add(a.get("householdId").asLong());
            assertThat(a.get("amountPkr").asInt()).isEqualTo(amount);
        });
        assertThat(ids).containsExactlyInAnyOrder(households.get(first).id(), households.get(second).id());
    }

    @Then("{string} are told {string}")
    public void told(String name, String message) {
        assertThat(scenario.notifications(households.get(name).id())).anySatisfy(m -> assertThat(m).contains(message));
    }

    @Then("{string} are told of the shock update with {string}")
    public void toldKind(String name, String kind) {
        assertThat(scenario.client().read("caseworker", "/api/households/" + households.get(name).id() + "/notifications")
                .findValuesAsText("kind")).containsExactly(kind);
    }

    @Then("no re-survey of the shock is left to do")
    public void noneLeft() {
        assertThat(orders()).isEmpty();
    }

    @Then("completing the re-survey of {string} is refused with {string}, given the re-survey of {string}")
    public void refusedOthers(String name, String why, String other) {
        long survey = scenario.client().submitSurvey(resurvey(households.get(other))).get("surveyId").asLong();
        refusedWith(name, survey, why);
    }

    @Then("completing the re-survey of {string} is refused with {string}, given the survey they were registered with")
    public void refusedRegistration(String name, String why) {
        refusedWith(name, households.get(name).surveyId(), why);
    }

    @Then("the re-survey of {string} is still to do and nothing is rescored")
    public void stillToDo(String name) {
        assertThat(taskOf(name)).isNotBlank();
        JsonNode c = scenario.client().read("auditor", "/api/cases/" + caseOf(name));
        assertThat(c.get("state").asText()).isEqualTo("OPEN");
        assertThat(c.get("history").findValuesAsText("action")).doesNotContain("task.complete", "shock.rescore");
    }

    @Then("caseworker {string} may not declare a flood over the district {string} of Punjab")
    public void caseworkerRefused(String user, String district) {
        assertThat(scenario.client().post(user, "/api/shocks", declaration("2025-01-15", "2025-02-10", List.of(punjab(district))))
                .getStatusCode().value()).isEqualTo(403);
    }

    @Then("a flood declared by {string} over no area is refused on {string}")
    public void noArea(String officer, String path) {
        ResponseEntity<JsonNode> r = scenario.client().post(officer, "/api/shocks", declaration("2025-01-15", "2025-02-10", List.of()));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("errors").findValuesAsText("path")).contains(path);
    }

    @Then("no case is opened for {string}")
    public void noCase(String name) {
        assertThat(scenario.client().read("caseworker", "/api/households/" + households.get(name).id() + "/cases")).isEmpty();
    }

    private void refusedWith(String name, long surveyId, String why) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", taskOf(name), "SURVEYED", "re-surveyed at home", Map.of("surveyId", surveyId));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    private void completeWith(String name, long surveyId) {
        ResponseEntity<JsonNode> r = scenario.complete("operator", taskOf(name), "SURVEYED", "re-surveyed at home", Map.of("surveyId", surveyId));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    /** The household's survey again as a shock update; its dates are kept, so ages and the score do not move. */
    private static ObjectNode resurvey(Household h) {
        ObjectNode survey = h.survey().deepCopy();
        survey.put("updateType", "SHOCK_UPDATE").put("householdId", h.id());
        return survey;
    }

    private JsonNode orders() {
        return scenario.client().read("operator", "/api/shocks/resurveys?shock=" + shock.get("id").asLong());
    }

    private String taskOf(String name) {
        long id = households.get(name).id();
        for (JsonNode o : orders()) {
            if (o.get("householdId").asLong() == id) {
                return o.get("taskId").asText();
            }
        }
        throw new AssertionError("no re-survey order for " + name + " in " + orders());
    }

    private long caseOf(String name) {
        long id = households.get(name).id();
        for (JsonNode c : shock.get("cases")) {
            if (c.get("householdId").asLong() == id) {
                return c.get("caseId").asLong();
            }
        }
        throw new AssertionError("no case of the shock for " + name);
    }

    private static Map<String, Object> punjab(String district) {
        return Map.of("province", "PUNJAB", "district", district);
    }

    private static Map<String, Object> declaration(String from, String to, List<Map<String, Object>> areas) {
        return Map.of("kind", "FLOOD", "startsOn", from, "endsOn", to, "areas", areas,
                "comment", "provincial disaster authority notification 17/2025");
    }
}
