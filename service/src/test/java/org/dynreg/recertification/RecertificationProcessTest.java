package org.dynreg.recertification;

import org.dynreg.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.facts.UpdateRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recertification through REST on the real engine and MariaDB: the sweep for a chosen day opens a case
 * for each beneficiary due and nothing for the rest, twice running opens nothing new, and a re-survey
 * within the grace period continues or exits the household by its new decision.
 *
 * <p>The households are surveyed years back, on days no other test uses, so that the sweep's day selects
 * this test's households and no household registered by another test on the shared database.
 */
class RecertificationProcessTest {
    static final String PREFIX = "81";
    /** The last-survey day this test's sweep selects up to. */
    static final LocalDate DUE_ON_OR_BEFORE = LocalDate.of(2022, 1, 10);

    static RunningService service;
    static int months;

    @BeforeAll
    static void start() {
        service = new RunningService();
        months = service.context.getBean(WorkflowPolicy.class).ask(new UpdateRequest("RECERTIFICATION", true)).answer()
                .getMonthsAfterLastSurvey();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void theSweepOpensACaseForEachBeneficiaryDueOnceAndTheReSurveyContinuesOrExitsIt() {
        JsonNode onTheDay = service.register(RunningService.surveyOn("cutoff-32-standard-eligible", PREFIX, DUE_ON_OR_BEFORE), 32);
        long continues = onTheDay.get("householdId").asLong();
        long exits = service.register(RunningService.surveyOn("stipend-ages-5-to-16", PREFIX, DUE_ON_OR_BEFORE.minusDays(200)), 31)
                .get("householdId").asLong();
        long dayLater = service.register(RunningService.surveyOn("cutoff-37-disabled-member-eligible", PREFIX,
                DUE_ON_OR_BEFORE.plusDays(1)), 37).get("householdId").asLong();
        long notBeneficiary = service.register(RunningService.surveyOn("single-person-household", PREFIX,
                DUE_ON_OR_BEFORE.minusDays(200)), 41).get("householdId").asLong();
        LocalDate asOf = DUE_ON_OR_BEFORE.plusMonths(months);

        assertThat(service.post("operator", "/api/sweeps/recertification?asOf=" + asOf, Map.of()).getStatusCode().value())
                .as("supervisors run the sweep").isEqualTo(403);
        ResponseEntity<JsonNode> ahead = service.post("supervisor", "/api/sweeps/recertification?asOf="
                + RunningService.today().plusDays(1), Map.of());
        assertThat(ahead.getStatusCode().value()).as("never ahead of the calendar").isEqualTo(422);
        assertThat(ahead.getBody().get("detail").asText()).contains("after today");
        ResponseEntity<JsonNode> malformed = service.post("supervisor", "/api/sweeps/recertification?asOf=1.1.2025", Map.of());
        assertThat(malformed.getStatusCode().value()).isEqualTo(422);
        assertThat(malformed.getBody().get("detail").asText()).contains("asOf", "2026-11-25");

        ResponseEntity<JsonNode> first = service.post("supervisor", "/api/sweeps/recertification?asOf=" + asOf, Map.of());

        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(200);
        JsonNode counts = first.getBody();
        assertThat(counts.get("asOf").asText()).isEqualTo(asOf.toString());
        assertThat(counts.get("monthsAfterLastSurvey").asInt()).isEqualTo(36);
        assertThat(counts.get("lastSurveyedOnOrBefore").asText()).isEqualTo(DUE_ON_OR_BEFORE.toString());
        assertThat(counts.get("opened").asInt()).isGreaterThanOrEqualTo(2).isEqualTo(counts.get("due").asInt());
        assertThat(counts.get("failed").asInt()).isZero();
        assertThat(service.casesOf(continues, "RECERTIFICATION")).hasSize(1);
        assertThat(service.casesOf(exits, "RECERTIFICATION")).hasSize(1);
        assertThat(service.casesOf(dayLater, "RECERTIFICATION")).as("due a day later").isEmpty();
        assertThat(service.casesOf(notBeneficiary, "RECERTIFICATION")).as("not a beneficiary").isEmpty();

        JsonNode second = service.post("supervisor", "/api/sweeps/recertification?asOf=" + asOf, Map.of()).getBody();
        assertThat(second.get("due").asInt()).isZero();
        assertThat(second.get("opened").asInt()).as("running twice opens nothing new").isZero();
        assertThat(service.casesOf(continues, "RECERTIFICATION")).hasSize(1);

        long continuedCase = service.casesOf(continues, "RECERTIFICATION").get(0).get("id").asLong();
        long exitCase = service.casesOf(exits, "RECERTIFICATION").get(0).get("id").asLong();
        assertThat(service.history(continuedCase)).containsSubsequence("case.open by supervisor");
        String continuedTask = service.taskOf("operator", continuedCase, "Re-survey the household");
        String exitTask = service.taskOf("operator", exitCase, "Re-survey the household");

        JsonNode stillPoor = service.register(RunningService.resurvey("cutoff-32-standard-eligible", PREFIX, "RECERTIFICATION", continues), 32);
        ObjectNode withCar = RunningService.resurvey("stipend-ages-5-to-16", PREFIX, "RECERTIFICATION", exits);
        ((ObjectNode) withCar.get("assets")).put("car", true);
        JsonNode nowACar = service.submit(withCar);

        ResponseEntity<JsonNode> wrongHousehold = service.post("operator", "/api/tasks/" + exitTask + "/complete",
                RunningService.surveyed(stillPoor.get("surveyId").asLong()));
        assertThat(wrongHousehold.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongHousehold.getBody().get("detail").asText()).contains("is not a survey of household " + exits);
        ResponseEntity<JsonNode> registration = service.post("operator", "/api/tasks/" + continuedTask + "/complete",
                RunningService.surveyed(onTheDay.get("surveyId").asLong()));
        assertThat(registration.getStatusCode().value()).isEqualTo(422);
        assertThat(service.taskNames(exitCase)).as("refused completions leave the task open").containsExactly("Re-survey the household");

        assertThat(service.post("operator", "/api/tasks/" + continuedTask + "/complete",
                RunningService.surveyed(stillPoor.get("surveyId").asLong())).getStatusCode().value()).isEqualTo(200);
        assertThat(service.post("operator", "/api/tasks/" + exitTask + "/complete",
                RunningService.surveyed(nowACar.get("surveyId").asLong())).getStatusCode().value()).isEqualTo(200);

        JsonNode continued = service.get("auditor", "/api/cases/" + continuedCase).getBody();
        assertThat(continued.get("state").asText()).isEqualTo("CLOSED");
        assertThat(continued.get("outcome").asText()).isEqualTo("CONTINUED");
        assertThat(RunningService.history(continued, "recertification.rescore").get("details").get("uctEligible").asBoolean()).isTrue();
        assertThat(service.notificationKinds(continues)).containsExactly("RECERTIFICATION_DUE", "RECERTIFIED");
        assertThat(service.get("caseworker", "/api/households/" + continues + "/suspensions").getBody()).isEmpty();

        JsonNode exited = service.get("auditor", "/api/cases/" + exitCase).getBody();
        assertThat(exited.get("outcome").asText()).isEqualTo("EXITED");
        assertThat(RunningService.history(exited, "recertification.rescore").get("details").get("uctEligible").asBoolean()).isFalse();
        JsonNode told = service.get("caseworker", "/api/households/" + exits + "/notifications").getBody();
        assertThat(told.findValuesAsText("kind")).containsExactly("RECERTIFICATION_DUE", "RECERTIFICATION_EXIT");
        assertThat(told.get(1).get("message").asText()).as("the new decision in words")
                .contains("no longer eligible for the cash transfer", "Your household's poverty score is now", "You are no longer eligible for");

        List<String> steps = service.history(exitCase);
        assertThat(steps).containsSubsequence("case.open by supervisor", "task.complete by operator", "recertification.rescore by system",
                "case.close by system");
        JsonNode third = service.post("supervisor", "/api/sweeps/recertification?asOf=" + asOf, Map.of()).getBody();
        assertThat(third.get("opened").asInt()).as("re-surveyed households are no longer due").isZero();
    }

    @Test
    void aHouseholdThatRefusesHasItsBenefitSuspendedAndIsVisitedAgainAndARecertificationSurveyNeedsItsCase() {
        LocalDate lastSurvey = LocalDate.of(2017, 8, 14);
        long household = service.register(RunningService.surveyOn("cutoff-32-standard-eligible", "8411", lastSurvey), 32)
                .get("householdId").asLong();
        ResponseEntity<JsonNode> early = service.post("operator", "/api/surveys",
                RunningService.resurvey("cutoff-32-standard-eligible", "8411", "RECERTIFICATION", household));
        assertThat(early.getStatusCode().value()).as("no recertification case yet").isEqualTo(422);
        assertThat(early.getBody().get("errors").get(0).get("message").asText())
                .contains("no open recertification case awaits a RECERTIFICATION survey of household " + household, "due-date sweep");

        assertThat(service.post("supervisor", "/api/sweeps/recertification?asOf=" + lastSurvey.plusMonths(months), Map.of())
                .getStatusCode().value()).isEqualTo(200);
        long caseId = service.casesOf(household, "RECERTIFICATION").get(0).get("id").asLong();
        assertThat(service.notificationKinds(household)).as("told it is due").containsExactly("RECERTIFICATION_DUE");
        String task = service.taskOf("operator", caseId, "Re-survey the household");

        ResponseEntity<JsonNode> noReason = service.post("operator", "/api/tasks/" + task + "/complete", Map.of("outcome", "REFUSED",
                "comment", "  "));
        assertThat(noReason.getStatusCode().value()).isEqualTo(422);
        assertThat(noReason.getBody().get("detail").asText()).contains("comment is required");
        assertThat(service.post("operator", "/api/tasks/" + task + "/complete", Map.of("outcome", "REFUSED",
                "comment", "the head of household declined the interview")).getStatusCode().value()).isEqualTo(200);

        JsonNode waiting = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(waiting.get("state").asText()).as("the case waits for the household").isEqualTo("OPEN");
        assertThat(RunningService.history(waiting, "resurvey.not-surveyed").get("details").get("action").asText()).isEqualTo("SUSPEND");
        assertThat(service.taskNames(caseId)).containsExactly("Re-survey the household again");
        JsonNode suspensions = service.get("caseworker", "/api/households/" + household + "/suspensions").getBody();
        assertThat(suspensions).hasSize(1);
        assertThat(suspensions.get(0).get("reason").asText()).contains("REFUSED");
        assertThat(service.notificationKinds(household)).containsExactly("RECERTIFICATION_DUE", "RECERTIFICATION_REFUSED");

        JsonNode resurvey = service.register(RunningService.resurvey("cutoff-32-standard-eligible", "8411", "RECERTIFICATION", household), 32);
        String again = service.taskOf("operator", caseId, "Re-survey the household again");
        assertThat(service.post("operator", "/api/tasks/" + again + "/complete", RunningService.surveyed(resurvey.get("surveyId").asLong()))
                .getStatusCode().value()).isEqualTo(200);
        JsonNode closed = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(closed.get("outcome").asText()).isEqualTo("CONTINUED");
        assertThat(service.get("caseworker", "/api/households/" + household + "/suspensions").getBody().get(0).get("liftedAt").isNull())
                .isFalse();
        assertThat(service.notificationKinds(household)).containsExactly("RECERTIFICATION_DUE", "RECERTIFICATION_REFUSED", "RECERTIFIED");
    }

    @Test
    void aHouseholdNotFoundIsVisitedAgainWithItsPaymentsContinuing() {
        LocalDate lastSurvey = LocalDate.of(2017, 8, 2);
        long household = service.register(RunningService.surveyOn("cutoff-37-disabled-member-eligible", "8412", lastSurvey), 37)
                .get("householdId").asLong();
        service.post("supervisor", "/api/sweeps/recertification?asOf=" + lastSurvey.plusMonths(months), Map.of());
        long caseId = service.casesOf(household, "RECERTIFICATION").get(0).get("id").asLong();
        String task = service.taskOf("operator", caseId, "Re-survey the household");

        assertThat(service.post("operator", "/api/tasks/" + task + "/complete", Map.of("outcome", "NOT_FOUND",
                "comment", "nobody at the address")).getStatusCode().value()).isEqualTo(200);

        assertThat(service.taskNames(caseId)).containsExactly("Re-survey the household again");
        assertThat(service.get("caseworker", "/api/households/" + household + "/suspensions").getBody()).as("payments continue").isEmpty();
        assertThat(service.notificationKinds(household)).containsExactly("RECERTIFICATION_DUE", "RECERTIFICATION_NOT_FOUND");
        String again = service.taskOf("operator", caseId, "Re-survey the household again");
        assertThat(service.post("operator", "/api/tasks/" + again + "/complete", Map.of("outcome", "NOT_FOUND",
                "comment", "nobody at the address again")).getStatusCode().value()).isEqualTo(200);
        assertThat(service.get("caseworker", "/api/households/" + household + "/suspensions").getBody()).as("second time: suspended")
                .hasSize(1);
        assertThat(service.get("auditor", "/api/cases/" + caseId).getBody().get("state").asText()).isEqualTo("OPEN");
    }
}
