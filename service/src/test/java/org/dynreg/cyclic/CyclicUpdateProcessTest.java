package org.dynreg.cyclic;

import org.dynreg.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.facts.UpdateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cyclic update through REST on the real engine and MariaDB: the window of the Update windows table
 * counted from each household's last survey, the operator's re-survey, and the household told its new
 * outcome. Households are surveyed on days counted back from today, so the window's edge is tested
 * whatever the date.
 */
class CyclicUpdateProcessTest {
    static final String PREFIX = "80";
    static RunningService service;
    static int months;

    @BeforeAll
    static void start() {
        service = new RunningService();
        months = service.context.getBean(WorkflowPolicy.class).ask(new UpdateRequest("CYCLIC_UPDATE", false)).answer()
                .getMonthsAfterLastSurvey();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aHouseholdAboveTheThresholdIsUpdatedOnceTheWindowIsOpenAndToldItsNewOutcome() {
        LocalDate windowEdge = RunningService.today().minusMonths(months);
        JsonNode registered = service.register(RunningService.surveyOn("cutoff-33-standard-not-eligible", PREFIX, windowEdge), 33);
        long household = registered.get("householdId").asLong();
        JsonNode other = service.register(RunningService.surveyOn("exclusion-car", PREFIX, windowEdge.minusDays(40)), 31);

        ResponseEntity<JsonNode> opened = service.post("caseworker", "/api/updates/cyclic", Map.of("householdId", household));

        assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
        long caseId = opened.getBody().get("id").asLong();
        assertThat(opened.getBody().get("caseType").asText()).isEqualTo("CYCLIC_UPDATE");
        assertThat(opened.getBody().get("state").asText()).isEqualTo("OPEN");
        assertThat(opened.getBody().get("openTasks").findValuesAsText("name")).containsExactly("Re-survey the household");
        assertThat(service.post("operator", "/api/updates/cyclic", Map.of("householdId", household)).getStatusCode().value())
                .as("one open cyclic update per household").isEqualTo(409);

        String task = service.taskOf("operator", caseId, "Re-survey the household");
        assertThat(service.post("caseworker", "/api/tasks/" + task + "/complete", RunningService.surveyed(1)).getStatusCode().value())
                .as("a data-entry operator's task").isEqualTo(403);
        ResponseEntity<JsonNode> noSurvey = service.post("operator", "/api/tasks/" + task + "/complete", Map.of("outcome", "SURVEYED"));
        assertThat(noSurvey.getStatusCode().value()).isEqualTo(422);
        assertThat(noSurvey.getBody().get("detail").asText()).contains("surveyId is required");
        ResponseEntity<JsonNode> registration = service.post("operator", "/api/tasks/" + task + "/complete",
                RunningService.surveyed(registered.get("surveyId").asLong()));
        assertThat(registration.getStatusCode().value()).as("the survey the household was registered with").isEqualTo(422);
        assertThat(registration.getBody().get("detail").asText()).contains("is of update type MISSED_OUT; this case needs a survey of update type CYCLIC_UPDATE");
        ResponseEntity<JsonNode> otherHousehold = service.post("operator", "/api/tasks/" + task + "/complete",
                RunningService.surveyed(other.get("surveyId").asLong()));
        assertThat(otherHousehold.getStatusCode().value()).isEqualTo(422);
        assertThat(otherHousehold.getBody().get("detail").asText()).contains("is not a survey of household " + household);
        assertThat(service.get("auditor", "/api/cases/" + caseId).getBody().get("state").asText()).isEqualTo("OPEN");
        assertThat(service.taskNames(caseId)).as("refused completions leave the task open").containsExactly("Re-survey the household");
        assertThat(service.notificationKinds(household)).isEmpty();

        JsonNode resurvey = service.register(RunningService.resurvey("cutoff-32-standard-eligible", PREFIX, "CYCLIC_UPDATE", household), 32);
        ResponseEntity<JsonNode> done = service.post("operator", "/api/tasks/" + task + "/complete",
                RunningService.surveyed(resurvey.get("surveyId").asLong()));

        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(200);
        JsonNode closed = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("RESCORED_ELIGIBLE");
        JsonNode rescore = RunningService.history(closed, "cyclicUpdate.rescore").get("details");
        assertThat(rescore.get("score").asInt()).isEqualTo(32);
        assertThat(rescore.get("uctEligible").asBoolean()).isTrue();
        assertThat(rescore.get("surveyId").asLong()).isEqualTo(resurvey.get("surveyId").asLong());
        assertThat(service.history(caseId)).containsSubsequence("case.open by caseworker", "task.complete by operator",
                "cyclicUpdate.rescore by system", "case.close by system");
        JsonNode told = service.get("caseworker", "/api/households/" + household + "/notifications").getBody();
        assertThat(told.findValuesAsText("kind")).containsExactly("CYCLIC_UPDATE_RESCORED");
        assertThat(told.get(0).get("message").asText()).contains("score is now 32 (it was 33)", "You are now eligible for");

        ResponseEntity<JsonNode> again = service.post("caseworker", "/api/updates/cyclic", Map.of("householdId", household));
        assertThat(again.getStatusCode().value()).as("now a beneficiary, recertified instead").isEqualTo(409);
        assertThat(again.getBody().get("detail").asText()).contains("recertification");
    }

    @Test
    void aCyclicUpdateSurveyWithoutItsCaseIsRefusedNamingTheMissingCase() {
        long household = service.register(RunningService.surveyOn("cutoff-33-standard-not-eligible", "8401",
                RunningService.today().minusMonths(months).minusDays(3)), 33).get("householdId").asLong();

        ResponseEntity<JsonNode> refused = service.post("operator", "/api/surveys",
                RunningService.resurvey("cutoff-32-standard-eligible", "8401", "CYCLIC_UPDATE", household));

        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(422);
        JsonNode error = refused.getBody().get("errors").get(0);
        assertThat(error.get("path").asText()).isEqualTo("updateType");
        assertThat(error.get("message").asText()).contains("no open cyclic-update case awaits a CYCLIC_UPDATE survey of household "
                + household, "POST /api/updates/cyclic");
        ResponseEntity<JsonNode> recertification = service.post("operator", "/api/surveys",
                RunningService.resurvey("cutoff-32-standard-eligible", "8401", "RECERTIFICATION", household));
        assertThat(recertification.getStatusCode().value()).isEqualTo(422);
        assertThat(recertification.getBody().get("errors").get(0).get("message").asText())
                .contains("no open recertification case awaits a RECERTIFICATION survey of household " + household);
        for (String type : new String[]{"APPEAL", "SHOCK_UPDATE"}) {
            assertThat(service.post("operator", "/api/surveys", RunningService.resurvey("cutoff-32-standard-eligible", "8401", type, household))
                    .getStatusCode().value()).as(type).isEqualTo(422);
        }
        assertThat(service.get("caseworker", "/api/households/" + household + "/surveys").getBody().size()).as("nothing stored").isEqualTo(1);

        long caseId = service.post("operator", "/api/updates/cyclic", Map.of("householdId", household)).getBody().get("id").asLong();
        JsonNode accepted = service.register(RunningService.resurvey("cutoff-32-standard-eligible", "8401", "CYCLIC_UPDATE", household), 32);
        assertThat(accepted.get("householdId").asLong()).as("accepted once case %d awaits it", caseId).isEqualTo(household);
    }

    @Test
    void aHouseholdNotFoundIsVisitedAgainThenTheCaseClosesAndTheHouseholdIsToldEachTime() {
        long household = service.register(RunningService.surveyOn("cutoff-33-standard-not-eligible", "8402",
                RunningService.today().minusMonths(months).minusDays(5)), 33).get("householdId").asLong();
        long caseId = service.post("operator", "/api/updates/cyclic", Map.of("householdId", household)).getBody().get("id").asLong();
        String task = service.taskOf("operator", caseId, "Re-survey the household");

        ResponseEntity<JsonNode> noReason = service.post("operator", "/api/tasks/" + task + "/complete", Map.of("outcome", "NOT_FOUND"));
        assertThat(noReason.getStatusCode().value()).isEqualTo(422);
        assertThat(noReason.getBody().get("detail").asText()).contains("comment is required");
        assertThat(service.taskNames(caseId)).containsExactly("Re-survey the household");

        assertThat(service.post("operator", "/api/tasks/" + task + "/complete", Map.of("outcome", "NOT_FOUND",
                "comment", "house locked, neighbours say the family is away")).getStatusCode().value()).isEqualTo(200);
        JsonNode first = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(first.get("state").asText()).as("the table says visit again").isEqualTo("OPEN");
        assertThat(RunningService.history(first, "resurvey.not-surveyed").get("details").get("action").asText()).isEqualTo("RETRY");
        assertThat(service.taskNames(caseId)).containsExactly("Re-survey the household");
        assertThat(service.notificationKinds(household)).containsExactly("CYCLIC_UPDATE_NOT_FOUND");

        String again = service.taskOf("operator", caseId, "Re-survey the household");
        assertThat(service.post("operator", "/api/tasks/" + again + "/complete", Map.of("outcome", "NOT_FOUND",
                "comment", "house locked again")).getStatusCode().value()).isEqualTo(200);
        JsonNode closed = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("NOT_FOUND");
        assertThat(service.notificationKinds(household)).containsExactly("CYCLIC_UPDATE_NOT_FOUND", "CYCLIC_UPDATE_NOT_FOUND");
        JsonNode told = service.get("caseworker", "/api/households/" + household + "/notifications").getBody();
        assertThat(told.get(1).get("message").asText()).contains("cyclic update is closed");
        assertThat(service.post("operator", "/api/surveys", RunningService.resurvey("cutoff-32-standard-eligible", "8402", "CYCLIC_UPDATE",
                household)).getStatusCode().value()).as("the case no longer awaits a survey").isEqualTo(422);
    }

    @Test
    void aHouseholdThatRefusesOrMovedEndsTheCaseAtOnce() {
        for (String outcome : new String[]{"REFUSED", "MOVED"}) {
            String prefix = "REFUSED".equals(outcome) ? "8403" : "8404";
            long household = service.register(RunningService.surveyOn("cutoff-33-standard-not-eligible", prefix,
                    RunningService.today().minusMonths(months).minusDays(7)), 33).get("householdId").asLong();
            ResponseEntity<JsonNode> opened = service.post("operator", "/api/updates/cyclic", Map.of("householdId", household));
            assertThat(opened.getStatusCode().value()).as("%s", opened.getBody()).isEqualTo(201);
            long caseId = opened.getBody().get("id").asLong();
            String task = service.taskOf("operator", caseId, "Re-survey the household");
            assertThat(service.post("operator", "/api/tasks/" + task + "/complete", Map.of("outcome", outcome, "comment", "reported"))
                    .getStatusCode().value()).isEqualTo(200);
            JsonNode closed = service.get("auditor", "/api/cases/" + caseId).getBody();
            assertThat(closed.get("outcome").asText()).isEqualTo(outcome);
            assertThat(service.notificationKinds(household)).containsExactly("CYCLIC_UPDATE_" + outcome);
        }
    }

    @Test
    void aRequestBeforeTheWindowIsRefusedWithTheDayItBecomesPossible() {
        LocalDate lastSurvey = RunningService.today().minusMonths(months).plusDays(1);
        long household = service.register(RunningService.surveyOn("single-person-household", PREFIX, lastSurvey), 41)
                .get("householdId").asLong();

        ResponseEntity<JsonNode> early = service.post("operator", "/api/updates/cyclic", Map.of("householdId", household));

        assertThat(early.getStatusCode().value()).isEqualTo(422);
        LocalDate possible = lastSurvey.plusMonths(months);
        assertThat(possible).isAfter(RunningService.today());
        assertThat(early.getBody().get("detail").asText()).contains("possible from " + possible,
                months + " months after its last survey on " + lastSurvey);
        assertThat(service.casesOf(household, "CYCLIC_UPDATE")).as("nothing opened").isEmpty();
    }

    @Test
    void aHouseholdStillNotEligibleAfterItsUpdateIsToldSo() {
        long household = service.register(RunningService.surveyOn("exclusion-government-employee", PREFIX,
                RunningService.today().minusMonths(months).minusDays(10)), 29).get("householdId").asLong();
        long caseId = service.post("operator", "/api/updates/cyclic", Map.of("householdId", household)).getBody().get("id").asLong();

        JsonNode resurvey = service.register(RunningService.resurvey("exclusion-government-employee", PREFIX, "CYCLIC_UPDATE", household), 29);
        String task = service.taskOf("operator", caseId, "Re-survey the household");
        assertThat(service.post("operator", "/api/tasks/" + task + "/complete", RunningService.surveyed(resurvey.get("surveyId").asLong()))
                .getStatusCode().value()).isEqualTo(200);

        JsonNode closed = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(closed.get("outcome").asText()).isEqualTo("RESCORED_NOT_ELIGIBLE");
        assertThat(RunningService.history(closed, "cyclicUpdate.rescore").get("details").get("uctEligible").asBoolean()).isFalse();
        JsonNode told = service.get("caseworker", "/api/households/" + household + "/notifications").getBody();
        assertThat(told.findValuesAsText("kind")).containsExactly("CYCLIC_UPDATE_RESCORED");
        assertThat(told.get(0).get("message").asText()).contains("Not eligible", "employed by the government");
    }

    @Test
    void aBeneficiaryIsRecertifiedNotUpdatedAndMalformedRequestsAreRefused() {
        long beneficiary = service.register(RunningService.surveyOn("cutoff-37-disabled-member-eligible", PREFIX,
                RunningService.today().minusMonths(months).minusMonths(1)), 37).get("householdId").asLong();

        ResponseEntity<JsonNode> refused = service.post("caseworker", "/api/updates/cyclic", Map.of("householdId", beneficiary));

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("detail").asText()).contains("receives the cash transfer", "recertification every 36 months");
        assertThat(service.casesOf(beneficiary, "CYCLIC_UPDATE")).isEmpty();
        assertThat(service.post("caseworker", "/api/updates/cyclic", Map.of("householdId", 99_999_999)).getStatusCode().value())
                .isEqualTo(404);
        assertThat(service.post("caseworker", "/api/updates/cyclic", Map.of()).getStatusCode().value()).isEqualTo(422);
        assertThat(service.post("auditor", "/api/updates/cyclic", Map.of("householdId", beneficiary)).getStatusCode().value())
                .isEqualTo(403);
    }
}
