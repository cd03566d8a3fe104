package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.spring.ScenarioScope;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One workflow scenario: its own service instance, the household it follows and the case it follows,
 * shared by the steps of every workflow feature.
 */
@ScenarioScope
public class WorkflowScenario {
    /** The registry's calendar: survey days and "today" are Pakistan's. */
    static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Karachi");
    /**
     * National-id prefixes of the households these scenarios register: "5" and two digits, never reused
     * in a run, put over the reference's "991", so the reference's own number stays in the id.
     */
    private static final AtomicInteger NEXT_PREFIX = new AtomicInteger(500);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ServiceInstance service;
    private Long household;
    private long caseId;

    void start(String... properties) {
        service = new ServiceInstance(properties);
    }

    void restart() {
        service = service.restart();
    }

    void stop() {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    ServiceClient client() {
        assertThat(service).as("the service is running").isNotNull();
        return service.client();
    }

    long household() {
        assertThat(household).as("the scenario's household").isNotNull();
        return household;
    }

    void household(long id) {
        household = id;
    }

    long caseId() {
        return caseId;
    }

    void caseId(long id) {
        caseId = id;
    }

    /** A prefix of national ids for one more household. */
    static String nextPrefix() {
        int p = NEXT_PREFIX.getAndIncrement();
        assertThat(p).as("national-id prefixes 500-599 of the workflow features").isLessThan(600);
        return String.valueOf(p);
    }

    /** A reference household's survey, its members' national ids starting with the prefix. */
    static ObjectNode reference(String name, String prefix) {
        ObjectNode survey = RepositoryFiles.referenceSurvey(name);
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", prefix + id.substring(prefix.length()));
        }
        return survey;
    }

    /** A reference household's survey as if taken on another day, at the time of day the reference gives. */
    static ObjectNode referenceOn(String name, String prefix, LocalDate day) {
        OffsetDateTime started = OffsetDateTime.parse(RepositoryFiles.referenceSurvey(name).get("startedAt").asText());
        return referenceAt(name, prefix, started.with(day));
    }

    /**
     * A reference household's survey as if its interview started at another time: dates of birth move by
     * as many days, so each member keeps the age the reference gives and the household its score.
     */
    static ObjectNode referenceAt(String name, String prefix, OffsetDateTime startedAt) {
        ObjectNode survey = reference(name, prefix);
        OffsetDateTime started = OffsetDateTime.parse(survey.get("startedAt").asText());
        OffsetDateTime submitted = OffsetDateTime.parse(survey.get("submittedAt").asText());
        long days = ChronoUnit.DAYS.between(started.toLocalDate(), startedAt.toLocalDate());
        survey.put("startedAt", STAMP.format(startedAt));
        survey.put("submittedAt", STAMP.format(startedAt.plus(Duration.between(started, submitted))));
        for (JsonNode m : survey.withArray("members")) {
            ObjectNode member = (ObjectNode) m;
            member.put("dateOfBirth", LocalDate.parse(member.get("dateOfBirth").asText()).plusDays(days).toString());
        }
        return survey;
    }

    static LocalDate today() {
        return LocalDate.now(REGISTRY_ZONE);
    }

    /** The case the scenario follows, as an auditor reads it. */
    JsonNode caseView() {
        return client().read("auditor", "/api/cases/" + caseId);
    }

    /** The case's history, each step as "action by actor". */
    List<String> history() {
        List<String> steps = new ArrayList<>();
        caseView().get("history").forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        return steps;
    }

    /** The details of the last history entry with the action. */
    JsonNode lastEntry(String action) {
        JsonNode last = null;
        for (JsonNode e : caseView().get("history")) {
            if (e.get("action").asText().equals(action)) {
                last = e.get("details");
            }
        }
        assertThat(last).as("a %s step in the case history", action).isNotNull();
        return last;
    }

    String taskId(String user, String name) {
        return taskId(user, caseId, name);
    }

    String taskId(String user, long ofCase, String name) {
        JsonNode tasks = client().read(user, "/api/tasks?scope=group");
        for (JsonNode t : tasks) {
            if (t.get("caseId").asLong() == ofCase && t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no task '" + name + "' of case " + ofCase + " waiting for " + user + ": " + tasks);
    }

    /** Completes a task as the user, with the outcome and, when given, a comment and data. */
    ResponseEntity<JsonNode> complete(String user, String taskId, String outcome, String comment, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        if (comment != null) {
            body.put("comment", comment);
        }
        if (data != null) {
            body.put("data", data);
        }
        return client().post(user, "/api/tasks/" + taskId + "/complete", body);
    }

    List<String> notifications(long ofHousehold) {
        return client().read("caseworker", "/api/households/" + ofHousehold + "/notifications").findValuesAsText("message");
    }

    List<JsonNode> casesOf(long ofHousehold, String caseType) {
        List<JsonNode> found = new ArrayList<>();
        client().read("caseworker", "/api/households/" + ofHousehold + "/cases").forEach(c -> {
            if (c.get("caseType").asText().equals(caseType)) {
                found.add(c);
            }
        });
        return found;
    }
}
