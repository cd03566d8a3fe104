package org.dynreg.recertification;

import org.dynreg.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A beneficiary not re-surveyed within the grace period of the Deadlines table: its benefit is suspended
 * as the table says, the household is told, and the late re-survey lifts the suspension. A day on the
 * case clock is 10 ms here, so the table's 90 days pass in under a second.
 */
class RecertificationGracePeriodTest {
    static final String PREFIX = "82";
    /** Years back, before any day another test sweeps for. */
    static final LocalDate SURVEYED_ON = LocalDate.of(2021, 6, 1);

    RunningService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aHouseholdNotReSurveyedInTimeIsSuspendedUntilItsLateReSurvey() throws InterruptedException {
        service = new RunningService("dynreg.workflow.day=PT0.01S");
        long household = service.register(RunningService.surveyOn("cutoff-32-standard-eligible", PREFIX, SURVEYED_ON), 32)
                .get("householdId").asLong();

        JsonNode sweep = service.post("supervisor", "/api/sweeps/recertification?asOf=" + SURVEYED_ON.plusMonths(36), Map.of()).getBody();
        assertThat(sweep.get("opened").asInt()).isGreaterThanOrEqualTo(1);
        long caseId = service.casesOf(household, "RECERTIFICATION").get(0).get("id").asLong();

        RunningService.await("the grace period runs out and the benefit is suspended",
                () -> service.taskNames(caseId).contains("Re-survey the household again"));

        JsonNode suspended = service.get("caseworker", "/api/households/" + household + "/suspensions").getBody();
        assertThat(suspended).hasSize(1);
        assertThat(suspended.get(0).get("caseId").asLong()).isEqualTo(caseId);
        assertThat(suspended.get(0).get("suspendedFrom").asText()).isEqualTo(RunningService.today().toString());
        assertThat(suspended.get(0).get("reason").asText()).contains("90 days");
        assertThat(suspended.get(0).get("liftedAt").isNull()).isTrue();
        JsonNode open = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(open.get("state").asText()).as("the case waits for the re-survey").isEqualTo("OPEN");
        assertThat(service.taskNames(caseId)).as("the grace period's timer interrupts the first task")
                .containsExactly("Re-survey the household again");
        assertThat(service.history(caseId)).containsSubsequence("case.open by supervisor", "recertification.suspend by system");
        JsonNode told = service.get("caseworker", "/api/households/" + household + "/notifications").getBody();
        assertThat(told.findValuesAsText("kind")).as("told it was due, then suspended")
                .containsExactly("RECERTIFICATION_DUE", "RECERTIFICATION_SUSPENDED");
        assertThat(told.get(1).get("message").asText()).contains("suspended from " + RunningService.today());
        assertThat(service.post("supervisor", "/api/sweeps/recertification?asOf=" + SURVEYED_ON.plusMonths(36), Map.of()).getBody()
                .get("opened").asInt()).as("a suspended household's case is still open").isZero();

        JsonNode late = service.register(RunningService.resurvey("cutoff-32-standard-eligible", PREFIX, "RECERTIFICATION", household), 32);
        String overdue = service.taskOf("operator", caseId, "Re-survey the household again");
        ResponseEntity<JsonNode> done = service.post("operator", "/api/tasks/" + overdue + "/complete",
                RunningService.surveyed(late.get("surveyId").asLong()));

        assertThat(done.getStatusCode().value()).isEqualTo(200);
        JsonNode closed = service.get("auditor", "/api/cases/" + caseId).getBody();
        assertThat(closed.get("outcome").asText()).isEqualTo("CONTINUED");
        assertThat(service.history(caseId)).containsSubsequence("recertification.suspend by system", "task.complete by operator",
                "recertification.rescore by system", "recertification.lift by system", "case.close by system");
        JsonNode lifted = service.get("caseworker", "/api/households/" + household + "/suspensions").getBody().get(0);
        assertThat(lifted.get("liftedAt").isNull()).isFalse();
        assertThat(lifted.get("suspendedAt").asText()).as("lifting keeps when it began").isEqualTo(suspended.get(0).get("suspendedAt").asText());
        assertThat(lifted.get("outcome").asText()).isEqualTo("CONTINUED");
        JsonNode notifications = service.get("caseworker", "/api/households/" + household + "/notifications").getBody();
        assertThat(notifications.findValuesAsText("kind")).containsExactly("RECERTIFICATION_DUE", "RECERTIFICATION_SUSPENDED", "RECERTIFIED");
        assertThat(notifications.get(2).get("message").asText()).contains("suspension of its payments is lifted");
    }
}
