package org.dynreg.appeals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.RestAs;
import org.dynreg.cli.ShellAs;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The appeal process through REST on the real engine and MariaDB: the whole loop from lodging with
 * grounds to the household told the re-survey's decision (across a restart of the service), and each
 * rule an appeal follows. One service for the class; each test has households of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppealProcessTest {
    ConfigurableApplicationContext context;
    TestRestTemplate rest;

    /**
     * A case-clock day of an hour, not the test profile's half second: these tests are about the appeal's
     * rules, and an escalation falling due in the middle of a completion would only make them wait.
     */
    @BeforeAll
    void start() {
        context = new SpringApplicationBuilder(DynregApplication.class).profiles("test")
                .properties("server.port=0", "dynreg.workflow.day=PT1H").run();
        rest = new TestRestTemplate();
        rest.setUriTemplateHandler(new org.springframework.web.util.DefaultUriBuilderFactory(
                "http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    void restart() {
        context.close();
        start();
    }

    static ObjectNode survey(String reference, String idPrefix) {
        ObjectNode survey = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(reference)).findFirst()
                .orElseThrow().survey().deepCopy();
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", idPrefix + id.substring(idPrefix.length()));
        }
        return survey;
    }

    long register(String reference, String idPrefix) {
        return register(reference, idPrefix, "operator");
    }

    /** A household registered with a reference's survey, submitted by the given user. */
    long register(String reference, String idPrefix, String submittedBy) {
        return context.getBean(Registry.class).submit(survey(reference, idPrefix), submittedBy).householdId();
    }

    /** The household re-surveyed for its appeal with a reference's answers, by the operator over REST; the new survey's id. */
    long appealSurvey(long household, String reference, String idPrefix) {
        ObjectNode s = survey(reference, idPrefix);
        s.put("updateType", "APPEAL").put("householdId", household);
        ResponseEntity<JsonNode> r = post("operator", "/api/surveys", s);
        assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
        return r.getBody().get("surveyId").asLong();
    }

    long lodge(String user, long household, String... grounds) {
        ResponseEntity<JsonNode> r = post(user, "/api/appeals", Map.of("householdId", household, "evidence", "income fell",
                "grounds", List.of(grounds)));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    /** Claims and completes a task, expecting both to succeed. */
    void take(String user, long caseId, String task, String outcome, String comment) {
        String id = taskOf(user, caseId, task);
        assertThat(post(user, "/api/tasks/" + id + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> r = post(user, "/api/tasks/" + id + "/complete", Map.of("outcome", outcome, "comment", comment));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    /** Review upheld by the caseworker and approval by the supervisor: the case waits for the re-survey. */
    void approve(long caseId) {
        take("caseworker2", caseId, "Review evidence", "UPHOLD", "the household lost its only earner");
        take("supervisor", caseId, "Decide appeal", "APPROVE", "re-survey ordered");
    }

    @Test
    void anApprovedAppealOrdersAReSurveyWhoseNewDecisionIsLinkedToTheCaseAndToldToTheHousehold() {
        long household = register("cutoff-33-standard-not-eligible", "94");

        long caseId = lodge("caseworker", household, "SCORE_NEAR_CUTOFF");
        JsonNode lodged = get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(lodged.get("state").asText()).isEqualTo("OPEN");
        assertThat(lodged.get("history").findValuesAsText("action")).contains("case.open", "appeal.admissibility");
        assertThat(post("caseworker", "/api/appeals", Map.of("householdId", household)).getStatusCode().value())
                .as("one open appeal per household").isEqualTo(409);
        take("caseworker2", caseId, "Review evidence", "UPHOLD", "the household lost its only earner");

        restart();

        take("supervisor", caseId, "Decide appeal", "APPROVE", "re-survey ordered");
        JsonNode ordered = get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(ordered.get("state").asText()).as("an approved appeal waits for its re-survey").isEqualTo("OPEN");
        assertThat(ordered.get("openTasks").findValuesAsText("name")).containsExactly("Re-survey the household");
        assertThat(context.getBean(Appeals.class).awaitingResurvey(household)).contains(caseId);
        assertThat(notices(household)).anySatisfy(m -> assertThat(m).contains("Your appeal is accepted", "within 30 days"));

        String resurvey = taskOf("operator", caseId, "Re-survey the household");
        long registration = context.getBean(Registry.class).surveysOf(household).get(0).id();
        ResponseEntity<JsonNode> old = post("operator", "/api/tasks/" + resurvey + "/complete",
                Map.of("outcome", "SURVEYED", "data", Map.of("surveyId", registration)));
        assertThat(old.getStatusCode().value()).as("the survey the household was registered with").isEqualTo(422);
        long survey = appealSurvey(household, "cutoff-32-standard-eligible", "94");
        ResponseEntity<JsonNode> done = post("operator", "/api/tasks/" + resurvey + "/complete",
                Map.of("outcome", "SURVEYED", "comment", "visited", "data", Map.of("surveyId", survey)));
        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(200);

        JsonNode after = get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(after.get("state").asText()).isEqualTo("CLOSED");
        assertThat(after.get("outcome").asText()).isEqualTo("RESURVEYED");
        assertThat(after.get("openTasks")).isEmpty();
        JsonNode newDecision = after.get("currentDecision");
        assertThat(newDecision.get("score").asInt()).isEqualTo(32);
        JsonNode rescore = last(after, "appeal.rescore");
        assertThat(rescore.get("decision").asLong()).as("the new decision is linked to the case").isEqualTo(newDecision.get("id").asLong());
        assertThat(rescore.get("surveyId").asLong()).isEqualTo(survey);
        assertThat(rescore.get("previousScore").asInt()).isEqualTo(33);
        assertThat(context.getBean(Appeals.class).awaitingResurvey(household)).isEmpty();
        List<String> steps = new ArrayList<>();
        after.get("history").forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        assertThat(steps).containsSubsequence("case.open by caseworker", "appeal.admissibility by system",
                "task.complete by caseworker2", "appeal.review by system", "task.complete by supervisor", "appeal.resurvey-order by system",
                "task.complete by operator", "appeal.rescore by system", "case.close by system");
        assertThat(kinds(household)).containsExactly("APPEAL_ACCEPTED", "APPEAL_RESURVEYED");
        assertThat(notices(household).get(1)).contains("score is now 32 (it was 33)", "You are now eligible for UCT");
    }

    @Test
    void whoSurveyedTheHouseholdLodgedOrReviewedTheAppealMayNotDecideIt() {
        // surveyed by lead (a caseworker and supervisor): lead may neither review nor decide
        long surveyedByLead = register("cutoff-38-disabled-member-not-eligible", "61", "lead");
        long c1 = lodge("caseworker", surveyedByLead, "DISABILITY");
        String review1 = taskOf("caseworker2", c1, "Review evidence");
        assertThat(get("lead", "/api/tasks?scope=group").getBody().findValuesAsText("id")).as("a task one may not take is not offered")
                .doesNotContain(review1);
        assertThat(post("lead", "/api/tasks/" + review1 + "/claim", Map.of()).getStatusCode().value())
                .as("the surveyor may not claim the review").isEqualTo(403);
        take("caseworker2", c1, "Review evidence", "UPHOLD", "evidence seen");
        String decide1 = taskOf("supervisor", c1, "Decide appeal");
        ResponseEntity<JsonNode> bySurveyor = post("lead", "/api/tasks/" + decide1 + "/claim", Map.of());
        assertThat(bySurveyor.getStatusCode().value()).as("the surveyor may not claim the decision").isEqualTo(403);
        assertThat(bySurveyor.getBody().get("detail").asText()).contains("different person");
        assertThat(post("lead", "/api/tasks/" + decide1 + "/complete", Map.of("outcome", "APPROVE")).getStatusCode().value())
                .as("nor decide it").isEqualTo(403);

        // lodged by lead
        long lodgedByLead = register("cutoff-38-disabled-member-not-eligible", "62");
        long c2 = lodge("lead", lodgedByLead, "DISABILITY");
        assertThat(post("lead", "/api/tasks/" + taskOf("caseworker", c2, "Review evidence") + "/claim", Map.of()).getStatusCode().value())
                .as("the lodger may not claim the review").isEqualTo(403);
        take("caseworker", c2, "Review evidence", "REJECT", "income above the line");
        assertThat(post("lead", "/api/tasks/" + taskOf("supervisor", c2, "Decide appeal") + "/claim", Map.of()).getStatusCode().value())
                .as("the lodger may not claim the decision").isEqualTo(403);

        // reviewed by lead
        long reviewedByLead = register("cutoff-38-disabled-member-not-eligible", "63");
        long c3 = lodge("caseworker", reviewedByLead, "DISABILITY");
        take("lead", c3, "Review evidence", "REJECT", "income above the line");
        String decide3 = taskOf("supervisor", c3, "Decide appeal");
        assertThat(post("lead", "/api/tasks/" + decide3 + "/complete", Map.of("outcome", "REJECT", "comment", "no")).getStatusCode().value())
                .as("the reviewer may not decide").isEqualTo(403);
        take("supervisor", c3, "Decide appeal", "REJECT", "the household's income is above the line");
        JsonNode review = last(get("auditor", "/api/cases/" + c3).getBody(), "appeal.review");
        assertThat(review.get("mayNotDecide").toString()).contains("caseworker", "lead", "operator");
        assertThat(get("auditor", "/api/cases/" + c3).getBody().get("outcome").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aRejectionNeedsAReasonTheHouseholdIsToldAndAnotherAppealWaitsTheTablesDays() {
        long household = register("cutoff-38-disabled-member-not-eligible", "64");
        long caseId = lodge("caseworker", household, "DISABILITY");
        take("caseworker2", caseId, "Review evidence", "REJECT", "income above the line");
        String decide = taskOf("supervisor", caseId, "Decide appeal");

        for (String blank : new String[]{"", "   "}) {
            ResponseEntity<JsonNode> r = post("supervisor", "/api/tasks/" + decide + "/complete", Map.of("outcome", "REJECT", "comment", blank));
            assertThat(r.getStatusCode().value()).isEqualTo(422);
            assertThat(r.getBody().get("detail").asText()).startsWith("comment:");
        }
        assertThat(get("auditor", "/api/cases/" + caseId).getBody().get("state").asText()).as("nothing changed").isEqualTo("OPEN");
        assertThat(post("supervisor", "/api/tasks/" + decide + "/complete",
                Map.of("outcome", "REJECT", "comment", "the household owns land above the limit")).getStatusCode().value()).isEqualTo(200);
        assertThat(get("auditor", "/api/cases/" + caseId).getBody().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(kinds(household)).containsExactly("APPEAL_REJECTED");
        assertThat(notices(household).get(0)).isEqualTo("Your appeal is not accepted. The reason: the household owns land above the limit");

        ResponseEntity<JsonNode> again = post("caseworker", "/api/appeals", Map.of("householdId", household, "grounds", List.of("DISABILITY")));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        LocalDate from = LocalDate.now(ZoneOffset.UTC).plusDays(90);
        assertThat(again.getBody().get("detail").asText()).contains("another appeal may be lodged from", "90 days after a decided appeal");
        assertThat(again.getBody().get("detail").asText()).containsAnyOf(from.toString(), from.minusDays(1).toString(), from.plusDays(1).toString());
    }

    @Test
    void aGroundTheRegistryDoesNotSupportGoesToAnEvidenceCheck() {
        // exclusion-car: no ground of the table applies (score below the cut-off, nobody disabled, no widow at the head)
        long refused = register("exclusion-car", "65");
        long c1 = lodge("caseworker", refused, "DISABILITY");
        JsonNode lodged = get("auditor", "/api/cases/" + c1).getBody();
        assertThat(lodged.get("state").asText()).as("not closed at once").isEqualTo("OPEN");
        JsonNode check = last(lodged, "appeal.admissibility");
        assertThat(check.get("evidenceToCheck").toString()).contains("DISABILITY");
        String evidence = taskOf("caseworker2", c1, "Check the evidence");
        assertThat(post("caseworker", "/api/tasks/" + evidence + "/claim", Map.of()).getStatusCode().value())
                .as("the lodger does not check the evidence").isEqualTo(403);
        ResponseEntity<JsonNode> noComment = post("caseworker2", "/api/tasks/" + evidence + "/complete", Map.of("outcome", "NOT_CONFIRMED"));
        assertThat(noComment.getStatusCode().value()).isEqualTo(422);
        assertThat(noComment.getBody().get("detail").asText()).startsWith("comment:");
        take("caseworker2", c1, "Check the evidence", "NOT_CONFIRMED", "no medical certificate; nobody disabled at the visit");
        JsonNode closed = get("auditor", "/api/cases/" + c1).getBody();
        assertThat(closed.get("outcome").asText()).isEqualTo("NOT_ADMISSIBLE");
        assertThat(closed.get("outcomeReason").asText()).contains("DISABILITY was not confirmed", "no medical certificate");
        assertThat(kinds(refused)).containsExactly("APPEAL_NOT_ADMISSIBLE");

        long confirmed = register("exclusion-car", "66");
        long c2 = lodge("caseworker", confirmed, "DISABILITY", "WIDOW_HEAD");
        take("caseworker2", c2, "Check the evidence", "CONFIRMED", "disability certificate of the son seen");
        JsonNode reviewing = get("auditor", "/api/cases/" + c2).getBody();
        assertThat(reviewing.get("state").asText()).isEqualTo("OPEN");
        assertThat(reviewing.get("openTasks").findValuesAsText("name")).containsExactly("Review evidence");
        assertThat(last(reviewing, "appeal.evidence").get("confirmed").asBoolean()).isTrue();
    }

    @Test
    void anUnknownGroundIsRefusedNamingTheField() {
        long household = register("cutoff-33-standard-not-eligible", "67");
        ResponseEntity<JsonNode> r = post("caseworker", "/api/appeals", Map.of("householdId", household, "grounds", List.of("POVERTY")));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("detail").asText()).startsWith("grounds:").contains("POVERTY");
        assertThat(get("caseworker", "/api/households/" + household + "/cases").getBody()).as("nothing was opened").isEmpty();
    }

    @Test
    void anAppealOnNoGroundIsAnsweredClosedAndToldOncePerDecision() {
        long far = register("exclusion-car", "68");
        long beneficiary = register("cutoff-32-standard-eligible", "68");

        ResponseEntity<JsonNode> r = post("caseworker", "/api/appeals", Map.of("householdId", far));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody().get("state").asText()).isEqualTo("CLOSED");
        assertThat(r.getBody().get("outcome").asText()).isEqualTo("NOT_ADMISSIBLE");
        assertThat(r.getBody().get("outcomeReason").asText()).contains("none of the grounds for appeal applies");
        ResponseEntity<JsonNode> second = post("caseworker", "/api/appeals", Map.of("householdId", far));
        assertThat(second.getBody().get("outcome").asText()).as("an inadmissible appeal does not start the waiting period")
                .isEqualTo("NOT_ADMISSIBLE");
        assertThat(kinds(far)).as("told once for the same decision").containsExactly("APPEAL_NOT_ADMISSIBLE");
        assertThat(get("auditor", "/api/cases/" + second.getBody().get("id").asLong()).getBody().get("history").findValuesAsText("action"))
                .contains("appeal.not-notified");
        assertThat(shell("caseworker", "appeal", "lodge", "--household", String.valueOf(far))).as("the shell does not call it lodged")
                .isEqualTo(2);
        assertThat(kinds(far)).hasSize(1);

        assertThat(post("caseworker", "/api/appeals", Map.of("householdId", beneficiary)).getStatusCode().value()).isEqualTo(409);
        assertThat(post("caseworker", "/api/appeals", Map.of("householdId", 99_999_999)).getStatusCode().value()).isEqualTo(404);
        assertThat(post("auditor", "/api/appeals", Map.of("householdId", far)).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aHouseholdNotFoundIsVisitedOnceMoreThenTheAppealLapsesAndARefusalEndsItAtOnce() {
        long household = register("cutoff-33-standard-not-eligible", "90");
        long caseId = lodge("caseworker", household, "SCORE_NEAR_CUTOFF");
        approve(caseId);

        String first = taskOf("operator", caseId, "Re-survey the household");
        for (Object notAnId : List.of("abc", 4.5)) {
            ResponseEntity<JsonNode> r = post("operator", "/api/tasks/" + first + "/complete",
                    Map.of("outcome", "SURVEYED", "data", Map.of("surveyId", notAnId)));
            assertThat(r.getStatusCode().value()).as("surveyId %s", notAnId).isEqualTo(422);
            assertThat(r.getBody().get("detail").asText()).startsWith("data.surveyId:");
        }
        ResponseEntity<JsonNode> noReason = post("operator", "/api/tasks/" + first + "/complete", Map.of("outcome", "NOT_FOUND"));
        assertThat(noReason.getStatusCode().value()).isEqualTo(422);
        assertThat(noReason.getBody().get("detail").asText()).startsWith("comment:");
        take("operator", caseId, "Re-survey the household", "NOT_FOUND", "house locked, neighbours say away for a week");
        JsonNode retry = get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(retry.get("state").asText()).isEqualTo("OPEN");
        assertThat(last(retry, "resurvey.not-surveyed").get("action").asText()).isEqualTo("RETRY");
        assertThat(retry.get("openTasks").findValuesAsText("name")).containsExactly("Re-survey the household");
        take("operator", caseId, "Re-survey the household", "NOT_FOUND", "house still locked");
        JsonNode lapsed = get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(lapsed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(lapsed.get("outcome").asText()).isEqualTo("RESURVEY_NOT_FOUND");
        assertThat(last(lapsed, "resurvey.not-surveyed").get("attempt").asInt()).isEqualTo(2);
        assertThat(kinds(household)).containsExactly("APPEAL_ACCEPTED", "APPEAL_NOT_FOUND", "APPEAL_NOT_FOUND");
        assertThat(notices(household).get(2)).contains("lapsed");

        long refusing = register("cutoff-33-standard-not-eligible", "91");
        long c2 = lodge("caseworker", refusing, "SCORE_NEAR_CUTOFF");
        approve(c2);
        take("operator", c2, "Re-survey the household", "REFUSED", "the head sent the enumerator away");
        assertThat(get("auditor", "/api/cases/" + c2).getBody().get("outcome").asText()).isEqualTo("RESURVEY_REFUSED");
        List<String> told = notices(refusing);
        assertThat(told.get(told.size() - 1)).contains("refused the re-survey");
    }

    @Test
    void aCaseworkerAndASupervisorTakeAnAppealThroughTheShell() {
        long household = register("cutoff-37-disabled-member-eligible", "79");
        // eligible at 37 with a disabled member: a beneficiary cannot appeal
        assertThat(shell("caseworker", "appeal", "lodge", "--household", String.valueOf(household))).isEqualTo(2);
        long other = register("cutoff-33-standard-not-eligible", "78");

        assertThat(shell("caseworker", "appeal", "lodge", "--household", String.valueOf(other), "--grounds", "SCORE_NEAR_CUTOFF,BOGUS"))
                .as("an unknown ground").isEqualTo(2);
        assertThat(shell("caseworker", "appeal", "lodge", "--household", String.valueOf(other), "--evidence", "job lost",
                "--grounds", "SCORE_NEAR_CUTOFF")).isZero();
        long caseId = get("caseworker", "/api/households/" + other + "/cases").getBody().get(0).get("id").asLong();
        assertThat(last(get("auditor", "/api/cases/" + caseId).getBody(), "appeal.admissibility").get("claimedGrounds").toString())
                .contains("SCORE_NEAR_CUTOFF");
        String review = taskOf("caseworker2", caseId, "Review evidence");
        assertThat(shell("caseworker2", "task", "claim", "--id", review)).isZero();
        assertThat(shell("caseworker2", "task", "complete", "--id", review, "--outcome", "MAYBE")).as("not an outcome of the task").isEqualTo(2);
        assertThat(shell("caseworker2", "task", "complete", "--id", review, "--outcome", "UPHOLD", "--comment", "evidence checked")).isZero();
        String decide = taskOf("supervisor", caseId, "Decide appeal");
        assertThat(shell("supervisor", "task", "complete", "--id", decide, "--outcome", "REJECT")).as("a rejection without its reason")
                .isEqualTo(2);
        assertThat(shell("supervisor", "task", "complete", "--id", decide, "--outcome", "APPROVE", "--comment", "re-survey")).isZero();
        assertThat(shell("supervisor", "case", "show", "--id", String.valueOf(caseId))).isZero();
        assertThat(get("auditor", "/api/cases/" + caseId).getBody().get("openTasks").findValuesAsText("name"))
                .containsExactly("Re-survey the household");
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

    static JsonNode last(JsonNode caseView, String action) {
        JsonNode found = null;
        for (JsonNode e : caseView.get("history")) {
            if (e.get("action").asText().equals(action)) {
                found = e.get("details");
            }
        }
        assertThat(found).as("a %s entry in the case history", action).isNotNull();
        return found;
    }

    List<String> kinds(long household) {
        return get("caseworker", "/api/households/" + household + "/notifications").getBody().findValuesAsText("kind");
    }

    List<String> notices(long household) {
        return get("caseworker", "/api/households/" + household + "/notifications").getBody().findValuesAsText("message");
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
