package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work routed by office: people of district and tehsil offices, the tasks each sees and may take,
 * supervisors reassigning and releasing, escalations, task-list lines and searching for households.
 * The people a scenario names ("sup-dadu") are users of the service by that name.
 */
public class RoutingSteps {
    private static final String PASSWORD = "a long office password 7";

    private final WorkflowScenario scenario;

    public RoutingSteps(WorkflowScenario scenario) {
        this.scenario = scenario;
    }

    @Given("a household of tehsil {string} in district {string} surveyed like reference household {string}")
    public void register(String tehsil, String district, String reference) {
        ObjectNode survey = WorkflowScenario.reference(reference, WorkflowScenario.nextPrefix());
        ObjectNode location = (ObjectNode) survey.get("location");
        location.put("district", district);
        location.put("tehsil", tehsil);
        location.put("address", "House 4, " + tehsil + ", " + district);
        scenario.household(scenario.client().submitSurvey(survey).get("householdId").asLong());
    }

    @Given("{word} {string} works for the district office of {string}")
    public void districtOffice(String role, String person, String district) {
        create(role, person, Map.of("scope", "DISTRICT", "district", district));
    }

    @Given("{word} {string} works for the tehsil office of {string} in {string}")
    public void tehsilOffice(String role, String person, String tehsil, String district) {
        create(role, person, Map.of("scope", "TEHSIL", "district", district, "tehsil", tehsil));
    }

    @When("the team lead asks to change the head of the household")
    public void headChange() {
        ResponseEntity<JsonNode> r = scenario.client().post("lead", "/api/updates/roster", Map.of("householdId", scenario.household(),
                "kind", "CHANGE_HEAD", "memberLine", 2, "values", Map.of("relations", Map.of("1", "SPOUSE")),
                "reason", "the husband works abroad", "evidence", "statement DOC-12"));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        scenario.caseId(r.getBody().get("id").asLong());
    }

    @Then("{string} sees the task {string} in the group's list")
    public void sees(String person, String task) {
        assertThat(scenario.taskId(user(person), task)).isNotBlank();
    }

    @Then("{string} does not see it")
    public void doesNotSee(String person) {
        JsonNode tasks = scenario.client().read(user(person), "/api/tasks?scope=group");
        assertThat(tasks.findValuesAsText("caseId")).doesNotContain(String.valueOf(scenario.caseId()));
    }

    @Then("{string} is refused taking {string}, the answer naming the office {string}")
    public void refusedTaking(String person, String task, String office) {
        String id = scenario.taskId("supervisor", task);
        ResponseEntity<JsonNode> r = scenario.client().post(user(person), "/api/tasks/" + id + "/claim", Map.of());
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        assertThat(r.getBody().get("detail").asText()).contains(office);
    }

    @When("{string} takes the task {string}")
    public void take(String person, String task) {
        String id = scenario.taskId(user(person), task);
        assertThat(scenario.client().post(user(person), "/api/tasks/" + id + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
    }

    @When("supervisor {string} gives the task {string} to {string} because {string}")
    public void reassign(String supervisor, String task, String to, String reason) {
        ResponseEntity<JsonNode> r = scenario.client().post(user(supervisor), "/api/tasks/" + heldTask(task) + "/reassign",
                Map.of("to", user(to), "reason", reason));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("supervisor {string} is refused giving the task {string} to {string}, because {string}")
    public void reassignRefused(String supervisor, String task, String to, String why) {
        ResponseEntity<JsonNode> r = scenario.client().post(user(supervisor), "/api/tasks/" + heldTask(task) + "/reassign",
                Map.of("to", user(to), "reason", "cover"));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    @When("supervisor {string} gives the task {string} back to the supervisors because {string}")
    public void release(String supervisor, String task, String reason) {
        ResponseEntity<JsonNode> r = scenario.client().post(user(supervisor), "/api/tasks/" + heldTask(task) + "/release",
                Map.of("reason", reason));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("{string} holds the task {string}")
    public void holds(String person, String task) {
        assertThat(scenario.client().read(user(person), "/api/tasks?scope=mine").findValuesAsText("name")).contains(task);
    }

    @Then("nobody holds the task {string}")
    public void nobodyHolds(String task) {
        JsonNode open = scenario.caseView().get("openTasks");
        assertThat(open).anySatisfy(t -> {
            assertThat(t.get("name").asText()).isEqualTo(task);
            assertThat(t.get("owner").isNull()).isTrue();
        });
    }

    @Then("the case history records {string} by {string} with the reason {string}")
    public void historyWithReason(String action, String person, String reason) {
        JsonNode details = scenario.lastEntry(action);
        assertThat(details.get("reason").asText()).isEqualTo(reason);
        assertThat(scenario.history()).contains(action + " by " + user(person));
    }

    @When("the task {string} waits longer than the Deadlines table allows")
    public void waitsTooLong(String task) throws InterruptedException {
        // the test clock's day is half a second: a deadline of days passes in seconds
        for (int i = 0; i < 600 && !scenario.history().contains("case.escalate by system"); i++) {
            Thread.sleep(100);
        }
        assertThat(scenario.history()).contains("case.escalate by system");
    }

    @Then("{string} sees an escalation of the case naming the step {string}, the task {string} and the group {string}")
    public void seesEscalation(String person, String step, String task, String group) {
        JsonNode e = escalation(person);
        assertThat(e).as("an escalation of case %d for %s", scenario.caseId(), person).isNotNull();
        assertThat(e.get("step").asText()).isEqualTo(step);
        assertThat(e.get("task").asText()).isEqualTo(task);
        assertThat(e.get("escalatedTo").asText()).isEqualTo(group);
        assertThat(e.get("overdue").asText()).isNotBlank();
    }

    @Then("{string} sees no escalation of the case")
    public void seesNoEscalation(String person) {
        assertThat(escalation(person)).isNull();
    }

    @Then("the line of the task {string} in {string}'s list shows:")
    public void line(String task, String person, io.cucumber.datatable.DataTable table) {
        JsonNode line = null;
        for (JsonNode t : scenario.client().read(user(person), "/api/tasks?scope=group")) {
            if (t.get("caseId").asLong() == scenario.caseId() && t.get("name").asText().equals(task)) {
                line = t;
            }
        }
        assertThat(line).isNotNull();
        for (Map<String, String> row : table.asMaps()) {
            String field = row.get("field");
            String expected = row.get("value");
            JsonNode value = line.get(field);
            assertThat(value).as(field).isNotNull();
            switch (expected) {
                case "(the household)" -> assertThat(value.asLong()).isEqualTo(scenario.household());
                case "(the head's name)" -> assertThat(value.asText()).isEqualTo(
                        scenario.client().read("caseworker", "/api/households/" + scenario.household()).get("members").get(0).get("name").asText());
                case "(the current score)" -> {
                    JsonNode d = scenario.client().read("caseworker", "/api/households/" + scenario.household() + "/decisions");
                    assertThat(value.asInt()).isEqualTo(d.get(d.size() - 1).get("score").asInt());
                }
                case "(a date)", "(a duration)" -> assertThat(value.asText()).isNotBlank().isNotEqualTo("null");
                case "(one of ON_TRACK, AT_RISK, BREACHED)" -> assertThat(value.asText()).isIn("ON_TRACK", "AT_RISK", "BREACHED");
                default -> assertThat(value.asText()).isEqualTo(expected);
            }
        }
    }

    @Then("{word} {string} finds the household by {word}")
    public void finds(String role, String user, String by) {
        JsonNode found = scenario.client().read(user, "/api/search/households?" + query(by));
        assertThat(found.findValuesAsText("householdId")).contains(String.valueOf(scenario.household()));
    }

    @Then("{word} {string} is refused searching by {word}")
    public void refusedSearching(String role, String user, String by) {
        assertThat(scenario.client().get(user, "/api/search/households?" + query(by)).getStatusCode().value()).isEqualTo(403);
    }

    @Then("the auditor's answer has no head's name")
    public void noHeadName() {
        JsonNode found = scenario.client().read("auditor", "/api/search/households?" + query("id"));
        assertThat(found.get(0).get("headName").isNull()).isTrue();
    }

    private String query(String by) {
        JsonNode household = scenario.client().read("caseworker", "/api/households/" + scenario.household());
        return switch (by) {
            case "id" -> "householdId=" + scenario.household();
            case "national-id" -> "nationalId=" + household.get("members").get(0).get("nationalId").asText();
            case "name" -> "name=" + household.get("members").get(0).get("name").asText().split(" ")[0];
            default -> throw new IllegalArgumentException("search by id, national-id or name, not " + by);
        };
    }

    private JsonNode escalation(String person) {
        for (JsonNode e : scenario.client().read(user(person), "/api/escalations")) {
            if (e.get("caseId").asLong() == scenario.caseId()) {
                return e;
            }
        }
        return null;
    }

    private String heldTask(String task) {
        for (JsonNode t : scenario.caseView().get("openTasks")) {
            if (t.get("name").asText().equals(task)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no open task " + task);
    }

    /** Creates the person as a user of that office; a person an earlier scenario created is given the office again. */
    private void create(String role, String person, Map<String, String> office) {
        String group = switch (role) {
            case "supervisor" -> "SUPERVISOR";
            case "caseworker" -> "CASEWORKER";
            case "operator" -> "DATA_ENTRY_OPERATOR";
            default -> throw new IllegalArgumentException("a supervisor, caseworker or operator, not " + role);
        };
        ResponseEntity<JsonNode> r = scenario.client().post("admin", "/api/admin/users", Map.of("username", person, "displayName", person,
                "roles", List.of(group), "offices", List.of(office), "initialPassword", PASSWORD));
        if (r.getStatusCode().value() == 422 && r.getBody().toString().contains("already exists")) {
            r = scenario.client().put("admin", "/api/admin/users/" + person + "/offices", Map.of("offices", List.of(office)));
        }
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isBetween(200, 201);
        scenario.client().password(person, PASSWORD);
    }

    /** The service's user name of a person the scenario named. */
    private static String user(String person) {
        return person;
    }
}
