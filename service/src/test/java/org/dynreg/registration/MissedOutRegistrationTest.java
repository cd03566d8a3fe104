package org.dynreg.registration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration of a missed-out household through REST on the real engine, MariaDB and the
 * simulated identity authority: token, survey, survey check, identity check, caseworker review,
 * registration and enrolment. National ids start with 70 to 74.
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MissedOutRegistrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCleanRegistrationIsEnrolledAndTheHouseholdToldItsId() {
        JsonNode first = issue("operator", "DRC-T70").getBody();
        long caseId = first.get("caseId").asLong();
        ObjectNode survey = survey("cutoff-32-standard-eligible", "70", "DRC-T70");

        assertThat(first.get("state").asText()).isEqualTo("OPEN");
        assertThat(first.get("token").asText()).isEqualTo("DRC-T70/" + first.get("issuedOn").asText() + "/"
                + String.format("%03d", first.get("number").asInt()));
        assertThat(first.get("openTasks").findValuesAsText("name")).containsExactly("Survey the household");
        assertThat(complete("operator", taskOf("operator", caseId, "Survey the household"), "SURVEYED", survey).getStatusCode().value())
                .isEqualTo(200);

        JsonNode token = token("operator", caseId);
        assertThat(token.get("state").asText()).isEqualTo("CLOSED");
        assertThat(token.get("outcome").asText()).isEqualTo("ENROLLED");
        long household = token.get("householdId").asLong();
        assertThat(token.get("currentDecision").get("score").asInt()).isEqualTo(32);
        assertThat(token.get("pendingSurvey").isNull()).as("the registry holds the survey now").isTrue();
        assertThat(actions(token)).containsSubsequence("case.open by operator", "task.complete by operator",
                "registration.survey-check by system", "registration.identity-check by system", "registration.registered by system",
                "registration.enrolment by system", "case.close by system");
        JsonNode identity = entry(token, "registration.identity-check");
        assertThat(identity.get("allVerified").asBoolean()).isTrue();
        assertThat(identity.get("members").findValuesAsText("member")).containsExactly(
                "members[0]", "members[1]", "members[2]", "members[3]", "members[4]", "members[5]");
        assertThat(identity.get("members").findValuesAsText("status")).containsOnly("VERIFIED");
        assertThat(token.get("history").toString()).as("no national id or name in the case's history")
                .doesNotContain("70101-").doesNotContain(survey.get("members").get(0).get("name").asText());
        assertThat(entry(token, "registration.enrolment").get("programs").toString()).contains("UCT");
        JsonNode told = get("caseworker", "/api/households/" + household + "/notifications").getBody();
        assertThat(told.findValuesAsText("kind")).containsExactly("REGISTRATION_ENROLLED");
        assertThat(told.get(0).get("message").asText()).startsWith("Your household is registered with household id " + household);
        assertThat(get("caseworker", "/api/households/" + household + "/cases").getBody().findValuesAsText("id"))
                .containsExactly(String.valueOf(caseId));
        assertThat(storedMembers("70101-")).isEqualTo(6);

        JsonNode second = issue("operator", "DRC-T70").getBody();
        boolean sameDay = second.get("issuedOn").asText().equals(first.get("issuedOn").asText());
        assertThat(second.get("number").asInt()).as("the site's next token").isEqualTo(sameDay ? first.get("number").asInt() + 1 : 1);
        long notEligible = second.get("caseId").asLong();
        complete("operator", taskOf("operator", notEligible, "Survey the household"), "SURVEYED",
                survey("cutoff-33-standard-not-eligible", "70", "DRC-T70"));
        JsonNode closed = token("auditor", notEligible);
        assertThat(closed.get("outcome").asText()).isEqualTo("REGISTERED_NOT_ELIGIBLE");
        assertThat(get("caseworker", "/api/households/" + closed.get("householdId").asLong() + "/notifications").getBody()
                .findValuesAsText("kind")).containsExactly("REGISTRATION_NOT_ELIGIBLE");
    }

    @Test
    void aRejectedIdentityOpensACaseworkerTaskAndAcceptingItRegistersTheHousehold() {
        ObjectNode survey = survey("cutoff-37-disabled-member-eligible", "71", "DRC-T71");
        tell(survey, 1, "REJECT");
        long caseId = issue("operator", "DRC-T71").getBody().get("caseId").asLong();
        complete("operator", taskOf("operator", caseId, "Survey the household"), "SURVEYED", survey);

        JsonNode waiting = token("caseworker", caseId);
        assertThat(waiting.get("state").asText()).isEqualTo("OPEN");
        assertThat(waiting.get("householdId").isNull()).isTrue();
        assertThat(waiting.get("openTasks").findValuesAsText("name")).containsExactly("Resolve identity check");
        assertThat(waiting.get("pendingSurvey").get("members")).as("the caseworker sees whom to check").hasSize(5);
        JsonNode identity = entry(waiting, "registration.identity-check");
        assertThat(identity.get("allVerified").asBoolean()).isFalse();
        assertThat(identity.get("members").get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(identity.get("members").get(0).get("status").asText()).isEqualTo("VERIFIED");
        assertThat(storedMembers("71103-")).as("nothing stored while the identities wait").isZero();
        assertThat(jdbc.queryForObject("select count(*) from process_instances where payload like '%surveyedBy%'", Integer.class))
                .as("the engine's state is searchable").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from process_instances where payload like '%71103-%'", Integer.class))
                .as("the survey waits with its token, not in the engine's state").isZero();
        assertThat(jdbc.queryForObject("select count(*) from jbpm_user_tasks_outputs where output_name = 'survey'", Integer.class))
                .isZero();

        awaitHistory(caseId, "case.escalate");
        String review = taskOf("caseworker", caseId, "Resolve identity check");
        assertThat(complete("operator", review, "ACCEPT", null).getStatusCode().value()).as("not the operator's group").isEqualTo(403);
        assertThat(complete("caseworker", review, null, null).getStatusCode().value()).as("an outcome is required").isEqualTo(422);
        assertThat(complete("caseworker", review, "MAYBE", null).getStatusCode().value()).isEqualTo(422);
        assertThat(complete("caseworker", review, "ACCEPT", null, "the identity card was seen at the centre").getStatusCode().value())
                .isEqualTo(200);
        assertThat(complete("caseworker", review, "ACCEPT", null).getStatusCode().value()).as("completing twice").isEqualTo(409);

        JsonNode done = token("caseworker", caseId);
        assertThat(done.get("outcome").asText()).isEqualTo("ENROLLED");
        assertThat(actions(done)).containsSubsequence("registration.identity-check by system", "case.escalate by system",
                "task.complete by caseworker", "registration.registered by system", "case.close by system");
        assertThat(storedMembers("71103-")).isEqualTo(5);
    }

    @Test
    void aCaseworkerRejectingTheIdentitiesClosesTheCaseWithNothingStored() {
        ObjectNode survey = survey("cutoff-38-disabled-member-not-eligible", "72", "DRC-T72");
        tell(survey, 0, "REJECT");
        long caseId = issue("operator", "DRC-T72").getBody().get("caseId").asLong();
        complete("operator", taskOf("operator", caseId, "Survey the household"), "SURVEYED", survey);
        awaitHistory(caseId, "case.escalate");

        assertThat(complete("caseworker", taskOf("caseworker", caseId, "Resolve identity check"), "REJECT", null,
                "the head's identity card does not match the authority's record").getStatusCode().value()).isEqualTo(200);

        JsonNode closed = token("caseworker", caseId);
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("REJECTED_IDENTITY");
        assertThat(closed.get("householdId").isNull()).isTrue();
        assertThat(closed.get("pendingSurvey").isNull()).as("the waiting survey is gone").isTrue();
        assertThat(closed.get("openTasks")).isEmpty();
        assertThat(actions(closed)).doesNotContain("registration.registered by system");
        assertThat(storedMembers("72104-")).isZero();
    }

    @Test
    void anAuthorityThatDoesNotAnswerIsReviewedByHandAndEscalatedWhenLeft() {
        ObjectNode survey = survey("stipend-ages-5-to-16", "73", "DRC-T73");
        tell(survey, 2, "TIMEOUT");
        long caseId = issue("operator", "DRC-T73").getBody().get("caseId").asLong();
        complete("operator", taskOf("operator", caseId, "Survey the household"), "SURVEYED", survey);

        JsonNode identity = entry(token("supervisor", caseId), "registration.identity-check");
        assertThat(identity.get("members").get(2).get("status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(identity.get("unavailable").asInt()).isEqualTo(1);
        assertThat(identity.get("verified").asInt()).isEqualTo(6);
        JsonNode escalated = awaitHistory(caseId, "case.escalate");
        assertThat(escalated.get("openTasks").findValuesAsText("name")).as("escalation leaves the task open")
                .containsExactly("Resolve identity check");
        assertThat(storedMembers("73110-")).isZero();

        complete("lead", taskOf("lead", caseId, "Resolve identity check"), "ACCEPT", null, "documents checked by hand");

        JsonNode done = token("supervisor", caseId);
        assertThat(done.get("state").asText()).isEqualTo("CLOSED");
        assertThat(done.get("outcome").asText()).isIn("ENROLLED", "REGISTERED_NOT_ELIGIBLE");
        assertThat(storedMembers("73110-")).isEqualTo(7);
    }

    @Test
    void anInvalidSurveyGoesBackToTheOperatorWithItsFieldErrorsAndNothingIsStored() {
        long caseId = issue("operator", "DRC-T74").getBody().get("caseId").asLong();
        String survey = taskOf("operator", caseId, "Survey the household");
        assertThat(complete("caseworker", survey, "SURVEYED", null).getStatusCode().value()).as("not a caseworker's task").isEqualTo(403);
        assertThat(complete("operator", survey, "DONE", null).getStatusCode().value()).isEqualTo(422);
        assertThat(complete("operator", survey, "SURVEYED", "{\"updateType\": ").getStatusCode().value()).isEqualTo(200);

        JsonNode notJson = token("operator", caseId);
        assertThat(notJson.get("openTasks").findValuesAsText("name")).containsExactly("Correct the survey");
        assertThat(entry(notJson, "registration.survey-check").get("errors").findValuesAsText("path")).containsExactly("$");

        ObjectNode wrong = survey("exclusion-car", "74", "DRC-ELSEWHERE");
        ((ObjectNode) wrong.get("dwelling")).remove("rooms");
        ((ObjectNode) wrong.get("members").get(1)).put("dateOfBirth", "2019-01-01");
        complete("operator", taskOf("operator", caseId, "Correct the survey"), "RESUBMITTED", wrong);

        JsonNode corrected = token("operator", caseId);
        assertThat(corrected.get("state").asText()).isEqualTo("OPEN");
        assertThat(corrected.get("openTasks").findValuesAsText("name")).containsExactly("Correct the survey");
        JsonNode check = lastEntry(corrected, "registration.survey-check");
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("errors").findValuesAsText("path")).contains("dwelling.rooms", "members[1].dateOfBirth", "siteId");
        assertThat(corrected.get("pendingSurvey").get("siteId").asText()).as("the operator reads back what was sent")
                .isEqualTo("DRC-ELSEWHERE");
        assertThat(token("auditor", caseId).get("pendingSurvey").isNull()).as("no personal data for an auditor").isTrue();
        assertThat(actions(corrected)).doesNotContain("registration.identity-check by system");
        assertThat(storedMembers("74106-")).isZero();

        ObjectNode fixed = survey("exclusion-car", "74", "DRC-T74");
        ((ObjectNode) fixed.get("location")).remove("latitude");
        complete("operator", taskOf("operator", caseId, "Correct the survey"), "RESUBMITTED", fixed);

        JsonNode registered = token("operator", caseId);
        assertThat(registered.get("outcome").asText()).isEqualTo("REGISTERED_NOT_ELIGIBLE");
        assertThat(lastEntry(registered, "registration.survey-check").get("warnings").findValuesAsText("path"))
                .as("a data analyst's warning, not a refusal").containsExactly("location");
        assertThat(storedMembers("74106-")).isEqualTo(8);
    }

    @Test
    void aSurveyWhoseIdWasRegisteredMeanwhileGoesBackToTheOperator() {
        ObjectNode survey = survey("exclusion-government-employee", "74", "DRC-T74B");
        tell(survey, 0, "REJECT");
        long caseId = issue("operator", "DRC-T74B").getBody().get("caseId").asLong();
        complete("operator", taskOf("operator", caseId, "Survey the household"), "SURVEYED", survey);
        awaitHistory(caseId, "case.escalate");
        assertThat(post("operator", "/api/surveys", survey).getStatusCode().value()).as("registered meanwhile").isEqualTo(201);

        complete("caseworker", taskOf("caseworker", caseId, "Resolve identity check"), "ACCEPT", null);

        JsonNode back = token("operator", caseId);
        assertThat(back.get("state").asText()).isEqualTo("OPEN");
        assertThat(back.get("householdId").isNull()).isTrue();
        assertThat(back.get("openTasks").findValuesAsText("name")).containsExactly("Correct the survey");
        JsonNode check = lastEntry(back, "registration.survey-check");
        assertThat(check.get("stage").asText()).isEqualTo("registration");
        assertThat(check.get("errors").findValuesAsText("path")).contains("members[0].nationalId");
        assertThat(storedMembers("74105-")).as("only the household registered directly").isEqualTo(6);

        complete("operator", taskOf("operator", caseId, "Correct the survey"), "LEFT", null);
        JsonNode left = token("operator", caseId);
        assertThat(left.get("outcome").asText()).isEqualTo("LEFT_QUEUE");
        assertThat(left.get("pendingSurvey").isNull()).isTrue();
    }

    @Test
    void wrongMovesAreRefusedAndChangeNothing() {
        assertThat(issue("caseworker", "DRC-T74C").getStatusCode().value()).isEqualTo(403);
        assertThat(post("operator", "/api/registrations/tokens", Map.of()).getStatusCode().value()).isEqualTo(422);
        assertThat(issue("operator", "  ").getStatusCode().value()).isEqualTo(422);
        assertThat(issue("operator", "S".repeat(61)).getStatusCode().value()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from registration_token where site_id = 'DRC-T74C'", Integer.class)).isZero();
        assertThat(get("operator", "/api/registrations/tokens/99999999").getStatusCode().value()).isEqualTo(404);
        assertThat(get("partner", "/api/registrations/tokens/1").getStatusCode().value()).isEqualTo(403);

        ResponseEntity<JsonNode> issued = issue("operator", "DRC-T74C");
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        long caseId = issued.getBody().get("caseId").asLong();
        assertThat(issued.getHeaders().getLocation().getPath()).isEqualTo("/api/registrations/tokens/" + caseId);
        String survey = taskOf("operator", caseId, "Survey the household");
        assertThat(complete("operator", survey, "LEFT", null).getStatusCode().value()).isEqualTo(200);
        assertThat(complete("operator", survey, "SURVEYED", null).getStatusCode().value()).as("completing twice").isEqualTo(409);
        JsonNode closed = token("operator", caseId);
        assertThat(closed.get("outcome").asText()).isEqualTo("LEFT_QUEUE");
        assertThat(closed.get("openTasks")).isEmpty();
    }

    // ---- helpers

    /** A reference household's survey with its national ids moved to the prefix, taken at the site. */
    static ObjectNode survey(String reference, String idPrefix, String siteId) {
        ObjectNode survey = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(reference)).findFirst()
                .orElseThrow().survey().deepCopy();
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", idPrefix + id.substring(idPrefix.length()));
        }
        survey.put("siteId", siteId);
        return survey;
    }

    void tell(ObjectNode survey, int member, String behaviour) {
        String id = survey.get("members").get(member).get("nationalId").asText();
        HttpHeaders h = headers("admin");
        assertThat(rest.exchange("/api/simulator/identity/" + id, HttpMethod.PUT, new HttpEntity<>(Map.of("behaviour", behaviour), h),
                JsonNode.class).getStatusCode().value()).isEqualTo(204);
    }

    int storedMembers(String idStart) {
        return jdbc.queryForObject("select count(*) from household_member where national_id like ?", Integer.class, idStart + "%");
    }

    ResponseEntity<JsonNode> issue(String user, String siteId) {
        return post(user, "/api/registrations/tokens", Map.of("siteId", siteId));
    }

    JsonNode token(String user, long caseId) {
        ResponseEntity<JsonNode> r = get(user, "/api/registrations/tokens/" + caseId);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    /** The case's history once it holds the action; the engine's timers run on their own thread. */
    JsonNode awaitHistory(long caseId, String action) {
        for (int i = 0; i < 600; i++) {
            JsonNode t = token("supervisor", caseId);
            if (t.get("history").findValuesAsText("action").contains(action)) {
                return t;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("case " + caseId + " never recorded " + action);
    }

    static List<String> actions(JsonNode token) {
        List<String> steps = new ArrayList<>();
        token.get("history").forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        return steps;
    }

    static JsonNode entry(JsonNode token, String action) {
        for (JsonNode e : token.get("history")) {
            if (e.get("action").asText().equals(action)) {
                return e.get("details");
            }
        }
        throw new AssertionError("no " + action + " in " + token.get("history"));
    }

    static JsonNode lastEntry(JsonNode token, String action) {
        JsonNode last = null;
        for (JsonNode e : token.get("history")) {
            if (e.get("action").asText().equals(action)) {
                last = e.get("details");
            }
        }
        assertThat(last).as("a " + action + " in the history").isNotNull();
        return last;
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

    ResponseEntity<JsonNode> complete(String user, String task, String outcome, Object survey) {
        return complete(user, task, outcome, survey, null);
    }

    /** Completes a task; a survey goes as JSON text in data.survey, as a tablet sends it. */
    ResponseEntity<JsonNode> complete(String user, String task, String outcome, Object survey, String comment) {
        Map<String, Object> body = new HashMap<>();
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        if (comment != null) {
            body.put("comment", comment);
        }
        if (survey != null) {
            body.put("data", Map.of("survey", survey.toString()));
        }
        return post(user, "/api/tasks/" + task + "/complete", body);
    }

    HttpHeaders headers(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), JsonNode.class);
    }
}
