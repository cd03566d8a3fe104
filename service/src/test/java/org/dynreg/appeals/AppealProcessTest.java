package org.dynreg.appeals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.RestAs;
import org.dynreg.cli.ShellAs;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appeal process through REST on the real engine and MariaDB, including a restart of the
 * service between the caseworker's review and the supervisor's decision.
 */
class AppealProcessTest {
    ConfigurableApplicationContext context;
    TestRestTemplate rest;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    void start() {
        context = new SpringApplicationBuilder(DynregApplication.class).profiles("test").properties("server.port=0").run();
        rest = new TestRestTemplate();
        rest.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory(
                "http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
    }

    long register(String reference, String idPrefix) {
        ObjectNode survey = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(reference)).findFirst()
                .orElseThrow().survey().deepCopy();
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", idPrefix + id.substring(idPrefix.length()));
        }
        return context.getBean(Registry.class).submit(survey, "operator").householdId();
    }

    @Test
    void anAppealIsReviewedBeforeARestartAndDecidedAfterIt() {
        start();
        long household = register("cutoff-33-standard-not-eligible", "94");

        ResponseEntity<JsonNode> lodged = post("caseworker", "/api/appeals", Map.of("householdId", household, "evidence", "income fell"));
        assertThat(lodged.getStatusCode().value()).isEqualTo(201);
        long caseId = lodged.getBody().get("id").asLong();
        assertThat(lodged.getBody().get("history").findValuesAsText("action")).contains("case.open", "appeal.admissibility");
        assertThat(post("caseworker", "/api/appeals", Map.of("householdId", household)).getStatusCode().value())
                .as("one open appeal per household").isEqualTo(409);

        String review = taskOf("caseworker", caseId, "Review evidence");
        assertThat(post("supervisor", "/api/tasks/" + review + "/complete", Map.of("outcome", "UPHOLD")).getStatusCode().value())
                .as("not the supervisor's group").isEqualTo(403);
        assertThat(post("caseworker", "/api/tasks/" + review + "/complete", Map.of("comment", "no outcome")).getStatusCode().value())
                .as("an outcome is required").isEqualTo(422);
        assertThat(post("caseworker", "/api/tasks/" + review + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(post("caseworker2", "/api/tasks/" + review + "/complete", Map.of("outcome", "UPHOLD")).getStatusCode().value())
                .as("held by another caseworker").isEqualTo(403);
        assertThat(get("caseworker", "/api/tasks?scope=mine").getBody().findValuesAsText("id")).contains(review);
        assertThat(post("caseworker", "/api/tasks/" + review + "/complete",
                Map.of("outcome", "UPHOLD", "comment", "the household lost its only earner")).getStatusCode().value()).isEqualTo(200);

        context.close();
        start();

        String decide = taskOf("supervisor", caseId, "Decide appeal");
        ResponseEntity<JsonNode> done = post("supervisor", "/api/tasks/" + decide + "/complete",
                Map.of("outcome", "APPROVE", "comment", "re-survey ordered"));
        assertThat(done.getStatusCode().value()).isEqualTo(200);
        assertThat(post("supervisor", "/api/tasks/" + decide + "/complete", Map.of("outcome", "APPROVE")).getStatusCode().value())
                .as("completing twice").isEqualTo(409);

        JsonNode after = get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(after.get("state").asText()).isEqualTo("CLOSED");
        assertThat(after.get("outcome").asText()).isEqualTo("RESURVEY_ORDERED");
        assertThat(after.get("openTasks")).isEmpty();
        assertThat(after.get("currentDecision").get("score").asInt()).isEqualTo(33);
        List<String> steps = new ArrayList<>();
        after.get("history").forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        assertThat(steps).containsSubsequence("case.open by caseworker", "appeal.admissibility by system",
                "task.claim by caseworker", "task.complete by caseworker", "task.complete by supervisor", "case.close by system");
        assertThat(get("caseworker", "/api/households/" + household + "/notifications").getBody().findValuesAsText("kind"))
                .containsExactly("APPEAL_ACCEPTED");
    }

    @Test
    void nobodyDecidesAnAppealTheyReviewed() {
        start();
        long household = register("cutoff-38-disabled-member-not-eligible", "93");
        long caseId = post("lead", "/api/appeals", Map.of("householdId", household)).getBody().get("id").asLong();

        String review = taskOf("lead", caseId, "Review evidence");
        assertThat(post("lead", "/api/tasks/" + review + "/complete", Map.of("outcome", "REJECT")).getStatusCode().value()).isEqualTo(200);
        String decide = taskOf("lead", caseId, "Decide appeal");
        ResponseEntity<JsonNode> own = post("lead", "/api/tasks/" + decide + "/complete", Map.of("outcome", "REJECT"));

        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("detail").asText()).contains("different person");
        assertThat(post("supervisor", "/api/tasks/" + decide + "/complete", Map.of("outcome", "REJECT", "comment", "income above the line"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(get("auditor", "/api/cases/" + caseId).getBody().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(post("supervisor", "/api/tasks/" + decide + "/complete", Map.of("outcome", "REJECT")).getStatusCode().value())
                .as("on a closed case").isEqualTo(409);
    }

    @Test
    void anAppealWithoutGroundsIsClosedAtOnceAndABeneficiaryCannotAppeal() {
        start();
        long far = register("exclusion-car", "92");
        long beneficiary = register("cutoff-32-standard-eligible", "91");

        ResponseEntity<JsonNode> r = post("caseworker", "/api/appeals", Map.of("householdId", far));

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody().get("state").asText()).isEqualTo("CLOSED");
        assertThat(r.getBody().get("outcome").asText()).isEqualTo("NOT_ADMISSIBLE");
        assertThat(get("caseworker", "/api/households/" + far + "/notifications").getBody().findValuesAsText("kind"))
                .containsExactly("APPEAL_NOT_ADMISSIBLE");
        assertThat(post("caseworker", "/api/appeals", Map.of("householdId", beneficiary)).getStatusCode().value()).isEqualTo(409);
        assertThat(post("caseworker", "/api/appeals", Map.of("householdId", 99_999_999)).getStatusCode().value()).isEqualTo(404);
        assertThat(post("auditor", "/api/appeals", Map.of("householdId", far)).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aCaseworkerAndASupervisorTakeAnAppealThroughTheShell() {
        start();
        long household = register("cutoff-37-disabled-member-eligible", "79");
        // eligible at 37 with a disabled member: a beneficiary cannot appeal
        assertThat(shell("caseworker", "appeal", "lodge", "--household", String.valueOf(household))).isEqualTo(2);
        long other = register("cutoff-33-standard-not-eligible", "78");

        assertThat(shell("caseworker", "appeal", "lodge", "--household", String.valueOf(other), "--evidence", "job lost")).isZero();
        long caseId = get("caseworker", "/api/households/" + other + "/cases").getBody().get(0).get("id").asLong();
        String review = taskOf("caseworker", caseId, "Review evidence");
        assertThat(shell("caseworker", "task", "list", "--scope", "group")).isZero();
        assertThat(shell("caseworker", "task", "claim", "--id", review)).isZero();
        assertThat(shell("caseworker", "task", "complete", "--id", review, "--outcome", "MAYBE")).as("not an outcome of the task").isEqualTo(2);
        assertThat(shell("caseworker", "task", "complete", "--id", review, "--outcome", "UPHOLD", "--comment", "evidence checked")).isZero();
        String decide = taskOf("supervisor", caseId, "Decide appeal");
        assertThat(shell("caseworker", "task", "complete", "--id", decide, "--outcome", "APPROVE")).isEqualTo(3);
        assertThat(shell("supervisor", "task", "complete", "--id", decide, "--outcome", "APPROVE", "--comment", "re-survey")).isZero();
        assertThat(shell("supervisor", "case", "show", "--id", String.valueOf(caseId))).isZero();
        assertThat(shell("supervisor", "case", "show", "--id", "99999999")).isEqualTo(5);

        assertThat(get("auditor", "/api/cases/" + caseId).getBody().get("outcome").asText()).isEqualTo("RESURVEY_ORDERED");
    }

    int shell(String user, String... command) {
        return ShellAs.run(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), user, command);
    }

    String taskOf(String user, long caseId, String name) {
        JsonNode tasks = get(user, "/api/tasks?scope=group").getBody();
        for (JsonNode t : tasks) {
            if (t.get("caseId").asLong() == caseId && t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no task '" + name + "' of case " + caseId + " for " + user + " in " + tasks);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return RestAs.get(rest, user, path);
    }

    /** As a client should: a step refused because an escalation was stored at the same moment is sent again once. */
    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        ResponseEntity<JsonNode> r = RestAs.post(rest, user, path, body);
        if (r.getStatusCode().value() == 409 && r.getBody() != null && r.getBody().path("type").asText().endsWith("/case-changed")) {
            r = RestAs.post(rest, user, path, body);
        }
        return r;
    }
}
