package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.dynreg.DynregApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Appeals against the cut-off, on a service instance of the scenario's own that can be restarted:
 * it runs on the same database as every other scenario, so a restart shows what the database keeps.
 */
public class AppealSteps {
    /** National-id prefixes of the households these scenarios register (two digits, never reused in a run). */
    private static final AtomicInteger ID_PREFIX = new AtomicInteger(60);

    private ConfigurableApplicationContext service;
    private TestRestTemplate rest;
    private long household;
    private long caseId;

    @Given("the service is running")
    public void start() {
        service = new SpringApplicationBuilder(DynregApplication.class).profiles("test").properties("server.port=0").run();
        rest = new TestRestTemplate();
        rest.setUriTemplateHandler(new DefaultUriBuilderFactory("http://localhost:" + service.getEnvironment().getProperty("local.server.port")));
    }

    @When("the service is restarted")
    public void restart() {
        service.close();
        start();
    }

    @After
    public void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    @Given("a household surveyed like reference household {string}")
    public void register(String reference) {
        ObjectNode survey = RepositoryFiles.referenceSurvey(reference);
        String prefix = String.valueOf(ID_PREFIX.getAndIncrement());
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", prefix + id.substring(prefix.length()));
        }
        ResponseEntity<JsonNode> r = post("operator", "/api/surveys", survey);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        household = r.getBody().get("householdId").asLong();
    }

    @When("a caseworker lodges an appeal for the household with the evidence {string}")
    public void lodge(String evidence) {
        ResponseEntity<JsonNode> r = post("caseworker", "/api/appeals", Map.of("householdId", household, "evidence", evidence));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        caseId = r.getBody().get("id").asLong();
    }

    @Then("a caseworker's appeal for the household is refused because it {string}")
    public void refused(String why) {
        ResponseEntity<JsonNode> r = post("caseworker", "/api/appeals", Map.of("householdId", household));
        assertThat(r.getStatusCode().is4xxClientError()).as("%s", r.getBody()).isTrue();
        assertThat(r.getBody().get("detail").asText()).contains(why);
    }

    @Then("the appeal is admissible on the ground {string}")
    public void admissible(String ground) {
        JsonNode history = caseView().get("history");
        JsonNode check = null;
        for (JsonNode e : history) {
            if (e.get("action").asText().equals("appeal.admissibility")) {
                check = e.get("details");
            }
        }
        assertThat(check).as("the admissibility step in the case history").isNotNull();
        assertThat(check.get("admissible").asBoolean()).isTrue();
        assertThat(check.get("grounds").toString()).contains(ground);
    }

    @Then("a task {string} waits for the caseworkers")
    public void waitsForCaseworkers(String task) {
        assertThat(taskId("caseworker", task)).isNotBlank();
    }

    @Then("a task {string} waits for the supervisors")
    public void waitsForSupervisors(String task) {
        assertThat(taskId("supervisor", task)).isNotBlank();
    }

    @When("caseworker {string} takes the task {string} and completes it with {string}")
    @When("supervisor {string} takes the task {string} and completes it with {string}")
    public void takeAndComplete(String user, String task, String outcome) {
        String id = taskId(user, task);
        assertThat(post(user, "/api/tasks/" + id + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> r = post(user, "/api/tasks/" + id + "/complete", Map.of("outcome", outcome, "comment", "checked"));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    @Then("{string} is refused completing {string} with {string}, because a different person must")
    public void refusedOwnReview(String user, String task, String outcome) {
        ResponseEntity<JsonNode> r = post(user, "/api/tasks/" + taskId(user, task) + "/complete", Map.of("outcome", outcome));
        assertThat(r.getStatusCode().value()).isEqualTo(403);
        assertThat(r.getBody().get("detail").asText()).contains("different person");
        assertThat(caseView().get("state").asText()).isEqualTo("OPEN");
    }

    @Then("the case is closed with the outcome {string}")
    public void closed(String outcome) {
        JsonNode c = caseView();
        assertThat(c.get("state").asText()).isEqualTo("CLOSED");
        assertThat(c.get("outcome").asText()).isEqualTo(outcome);
        assertThat(c.get("openTasks")).isEmpty();
    }

    @Then("the household is told {string}")
    public void told(String message) {
        JsonNode n = get("caseworker", "/api/households/" + household + "/notifications").getBody();
        assertThat(n.findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains(message));
    }

    @Then("the case history reads, in order:")
    public void history(DataTable table) {
        List<String> actual = new ArrayList<>();
        caseView().get("history").forEach(e -> actual.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        List<String> expected = table.asMaps().stream().map(r -> r.get("step") + " by " + r.get("by")).toList();
        assertThat(actual).containsSubsequence(expected);
        assertThat(get("auditor", "/api/audit/verify").getBody().get("intact").asBoolean()).isTrue();
    }

    private JsonNode caseView() {
        ResponseEntity<JsonNode> r = get("auditor", "/api/cases/" + caseId);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    private String taskId(String user, String name) {
        JsonNode tasks = get(user, "/api/tasks?scope=group").getBody();
        for (JsonNode t : tasks) {
            if (t.get("caseId").asLong() == caseId && t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no task '" + name + "' of case " + caseId + " waiting for " + user + ": " + tasks);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), JsonNode.class);
    }
}
