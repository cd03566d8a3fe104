package org.dynreg.console.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.RunningService;
import org.springframework.http.ResponseEntity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Households and appeals of the work pages' tests, set up through REST as the API's users do (national ids under 931). */
final class WorkData {
    static final String REFERENCE = "cutoff-33-standard-not-eligible";

    private final RunningService service;

    WorkData(RunningService service) {
        this.service = service;
    }

    /** A household registered by the operator, its members' national ids under {@code prefix} (which starts with 931). */
    long register(String prefix) {
        assertThat(prefix).startsWith("931");
        ObjectNode survey = RunningService.survey(REFERENCE, prefix,
                OffsetDateTime.now(ZoneOffset.ofHours(5)).minusDays(2).truncatedTo(ChronoUnit.SECONDS));
        ResponseEntity<JsonNode> r = service.post("operator", "/api/surveys", survey);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("householdId").asLong();
    }

    /** An appeal lodged by the operator on the score's nearness to the cut-off; the case's id. */
    long lodge(long household) {
        ResponseEntity<JsonNode> r = service.post("operator", "/api/appeals", Map.of("householdId", household, "evidence", "income fell",
                "grounds", List.of("SCORE_NEAR_CUTOFF")));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    /** The id of the open task of this name of the case, as the user's group list gives it. */
    String taskOf(String user, long caseId, String name) {
        JsonNode tasks = service.get(user, "/api/tasks?scope=group&text=" + caseId).getBody();
        for (JsonNode t : tasks) {
            if (t.get("caseId").asLong() == caseId && t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no task '" + name + "' of case " + caseId + " for " + user + " in " + tasks);
    }

    /** Claims and completes a task through REST, expecting both to succeed. */
    void take(String user, long caseId, String name, String outcome, String comment) {
        String id = taskOf(user, caseId, name);
        assertThat(service.post(user, "/api/tasks/" + id + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> r = service.post(user, "/api/tasks/" + id + "/complete", Map.of("outcome", outcome, "comment", comment));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }
}
