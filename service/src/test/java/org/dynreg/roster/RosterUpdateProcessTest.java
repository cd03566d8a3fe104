package org.dynreg.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster update process through REST on the real engine and MariaDB: changes applied at once,
 * changes a supervisor approves, changes a caseworker verifies by hand, and requests refused with
 * nothing changed. National ids start 85 to 87. It shares the service instance of the other REST
 * tests, so decisions it stores take their ids from the same blocks as theirs.
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RosterUpdateProcessTest {
    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;

    @Test
    void aNewbornIsAddedAndRescoredWithoutAnybodysApproval() {
        long household = register("cutoff-33-standard-not-eligible", "85");
        JsonNode before = household(household);
        int scoreBefore = lastDecision(household).get("score").asInt();
        Map<String, Object> newborn = member("85102-0000009-9", "SON", LocalDate.now().minusDays(20));

        ResponseEntity<JsonNode> r = post("operator", "/api/updates/roster", Map.of("householdId", household, "kind", "ADD_MEMBER",
                "member", newborn, "values", Map.of("cause", "BIRTH"), "reason", "birth registered on B-Form",
                "evidence", "B-Form scan DOC-7781"));

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        long caseId = r.getBody().get("id").asLong();
        assertThat(r.getBody().get("state").asText()).isEqualTo("CLOSED");
        assertThat(r.getBody().get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(r.getBody().get("openTasks")).isEmpty();
        JsonNode after = household(household);
        assertThat(after.get("members")).hasSize(before.get("members").size() + 1);
        assertThat(after.get("members").get(6).get("nationalId").asText()).isEqualTo("85102-0000009-9");
        assertThat(after.get("lastSurveyedOn").asText()).as("a rescored change dates the survey today")
                .isNotEqualTo(before.get("lastSurveyedOn").asText());
        JsonNode surveys = get("caseworker", "/api/households/" + household + "/surveys").getBody();
        assertThat(surveys.findValuesAsText("updateType")).containsExactly("MISSED_OUT", "ROSTER_UPDATE");
        JsonNode decision = lastDecision(household);
        assertThat(decision.get("surveyId").asLong()).isEqualTo(surveys.get(1).get("id").asLong());
        JsonNode applied = historyEntry(caseId, "roster.apply");
        assertThat(applied.get("rescore").asBoolean()).isTrue();
        assertThat(applied.get("scoreBefore").asInt()).isEqualTo(scoreBefore);
        assertThat(applied.get("scoreAfter").asInt()).isEqualTo(decision.get("score").asInt());
        assertThat(applied.get("surveyId").asLong()).isEqualTo(surveys.get(1).get("id").asLong());
        assertThat(actions(caseId)).containsSubsequence("case.open by operator", "roster.verify by system", "roster.apply by system",
                "case.close by system");
        assertThat(historyEntry(caseId, "case.open").toString()).doesNotContain("85102-0000009-9", "DOC-7781", "B-Form");
        assertThat(notificationKinds(household)).containsExactly("ROSTER_CHANGE_APPLIED");

        JsonNode shown = get("caseworker", "/api/updates/roster/" + caseId).getBody();
        assertThat(shown.get("member").get("nationalId").asText()).isEqualTo("85102-0000009-9");
        assertThat(shown.get("evidence").asText()).isEqualTo("B-Form scan DOC-7781");
        JsonNode redacted = get("auditor", "/api/updates/roster/" + caseId).getBody();
        assertThat(redacted.toString()).doesNotContain("85102-0000009-9", "DOC-7781");
        assertThat(redacted.get("changeSha256").asText()).isEqualTo(shown.get("changeSha256").asText());
    }

    @Test
    void removingAMemberNeedsASupervisorOtherThanTheRequester() {
        long household = register("cutoff-32-standard-eligible", "85");
        String leaving = household(household).get("members").get(2).get("nationalId").asText();

        ResponseEntity<JsonNode> r = post("lead", "/api/updates/roster", Map.of("householdId", household, "kind", "REMOVE_MEMBER",
                "memberLine", 3, "values", Map.of("cause", "MARRIAGE_OUT"), "reason", "married and moved to the wife's family",
                "evidence", "nikah nama DOC-9"));

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        long caseId = r.getBody().get("id").asLong();
        assertThat(r.getBody().get("state").asText()).isEqualTo("OPEN");
        assertThat(post("caseworker", "/api/updates/roster", contact(household, "03111234567")).getStatusCode().value())
                .as("one roster change at a time").isEqualTo(409);
        String approve = taskOf("supervisor", caseId, "Approve the roster change");
        ResponseEntity<JsonNode> own = post("lead", "/api/tasks/" + approve + "/complete", Map.of("outcome", "APPROVE"));
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("detail").asText()).contains("different person");
        assertThat(post("caseworker", "/api/tasks/" + approve + "/complete", Map.of("outcome", "APPROVE")).getStatusCode().value())
                .as("not a caseworker's task").isEqualTo(403);
        assertThat(household(household).get("members")).as("nothing applied before the approval").hasSize(6);
        assertThat(get("caseworker", "/api/households/" + household + "/surveys").getBody()).hasSize(1);

        assertThat(post("supervisor", "/api/tasks/" + approve + "/complete", Map.of("outcome", "APPROVE", "comment", "nikah nama seen"))
                .getStatusCode().value()).isEqualTo(200);

        JsonNode done = caseOf(caseId);
        assertThat(done.get("state").asText()).isEqualTo("CLOSED");
        assertThat(done.get("outcome").asText()).isEqualTo("APPLIED");
        JsonNode members = household(household).get("members");
        assertThat(members).hasSize(5);
        assertThat(members.findValuesAsText("nationalId")).doesNotContain(leaving);
        assertThat(get("caseworker", "/api/households/" + household + "/decisions").getBody()).hasSize(2);
        assertThat(actions(caseId)).containsSubsequence("case.open by lead", "roster.verify by system", "task.complete by supervisor",
                "roster.apply by system", "case.close by system");
        assertThat(post("supervisor", "/api/tasks/" + approve + "/complete", Map.of("outcome", "APPROVE")).getStatusCode().value())
                .as("completing twice").isEqualTo(409);
    }

    @Test
    void aNewHeadIsApprovedAndTheFormerHeadsRelationFollows() {
        long household = register("cutoff-32-standard-eligible", "86");
        ResponseEntity<JsonNode> r = post("caseworker", "/api/updates/roster", Map.of("householdId", household, "kind", "CHANGE_HEAD",
                "memberLine", 2, "values", Map.of("relations", Map.of("1", "SPOUSE")), "reason", "the husband works abroad",
                "evidence", "statement DOC-12"));
        long caseId = r.getBody().get("id").asLong();

        assertThat(post("supervisor", "/api/tasks/" + taskOf("supervisor", caseId, "Approve the roster change") + "/complete",
                Map.of("outcome", "APPROVE")).getStatusCode().value()).isEqualTo(200);

        JsonNode members = household(household).get("members");
        assertThat(members.get(0).get("relation").asText()).isEqualTo("SPOUSE");
        assertThat(members.get(1).get("relation").asText()).isEqualTo("HEAD");
        assertThat(caseOf(caseId).get("outcome").asText()).isEqualTo("APPLIED");
    }

    @Test
    void aVerificationTheAuthorityRejectsGoesToAnotherCaseworkerAndRejectLeavesTheHouseholdAsItWas() {
        long household = register("cutoff-37-disabled-member-eligible", "85");
        String wife = household(household).get("members").get(1).get("nationalId").asText();
        tellAuthority(wife, "REJECT");

        ResponseEntity<JsonNode> r = post("caseworker", "/api/updates/roster", Map.of("householdId", household, "kind", "MARITAL_STATUS",
                "memberLine", 2, "values", Map.of("maritalStatus", "DIVORCED"), "reason", "divorce deed", "evidence", "deed DOC-3"));

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        long caseId = r.getBody().get("id").asLong();
        assertThat(r.getBody().get("state").asText()).isEqualTo("OPEN");
        assertThat(historyEntry(caseId, "roster.verify").get("status").asText()).isEqualTo("REJECTED");
        String verify = taskOf("caseworker2", caseId, "Verify the change");
        assertThat(post("caseworker", "/api/tasks/" + verify + "/complete", Map.of("outcome", "ACCEPT")).getStatusCode().value())
                .as("the requester does not verify their own change").isEqualTo(403);
        assertThat(post("caseworker2", "/api/tasks/" + verify + "/complete", Map.of("outcome", "REJECT", "comment", "the deed is not on file"))
                .getStatusCode().value()).isEqualTo(200);

        JsonNode done = caseOf(caseId);
        assertThat(done.get("state").asText()).isEqualTo("CLOSED");
        assertThat(done.get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(household(household).get("members").get(1).get("maritalStatus").asText()).isEqualTo("MARRIED");
        assertThat(get("caseworker", "/api/households/" + household + "/surveys").getBody()).hasSize(1);
        assertThat(get("caseworker", "/api/households/" + household + "/decisions").getBody()).hasSize(1);
        assertThat(notificationKinds(household)).containsExactly("ROSTER_CHANGE_REJECTED");
        assertThat(actions(caseId)).doesNotContain("roster.apply by system");
        tellAuthority(wife, "ACCEPT");
    }

    @Test
    void anApprovalByWhoeverVerifiedTheChangeIsSetAside() {
        long household = register("cutoff-38-disabled-member-not-eligible", "85");
        String leaving = household(household).get("members").get(3).get("nationalId").asText();
        tellAuthority(leaving, "TIMEOUT");
        long caseId = post("operator", "/api/updates/roster", Map.of("householdId", household, "kind", "REMOVE_MEMBER", "memberLine", 4,
                "values", Map.of("cause", "DEATH"), "reason", "death certificate 5512", "evidence", "DOC-40")).getBody().get("id").asLong();
        assertThat(historyEntry(caseId, "roster.verify").get("status").asText()).isEqualTo("UNAVAILABLE");

        assertThat(post("lead", "/api/tasks/" + taskOf("lead", caseId, "Verify the change") + "/complete", Map.of("outcome", "ACCEPT"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(post("lead", "/api/tasks/" + taskOf("lead", caseId, "Approve the roster change") + "/complete",
                Map.of("outcome", "APPROVE")).getStatusCode().value()).isEqualTo(200);

        assertThat(caseOf(caseId).get("state").asText()).isEqualTo("OPEN");
        assertThat(historyEntry(caseId, "roster.approval-set-aside").get("approvedBy").asText()).isEqualTo("lead");
        assertThat(household(household).get("members")).hasSize(6);
        assertThat(post("supervisor", "/api/tasks/" + taskOf("supervisor", caseId, "Approve the roster change") + "/complete",
                Map.of("outcome", "APPROVE")).getStatusCode().value()).isEqualTo(200);
        assertThat(caseOf(caseId).get("outcome").asText()).isEqualTo("APPLIED");
        assertThat(household(household).get("members").findValuesAsText("nationalId")).hasSize(5).doesNotContain(leaving);
        tellAuthority(leaving, "ACCEPT");
    }

    @Test
    void aContactChangeIsAppliedAndCannotMoveTheScore() {
        long household = register("single-person-household", "85");
        JsonNode before = household(household);

        ResponseEntity<JsonNode> r = post("operator", "/api/updates/roster", contact(household, "03451234567"));

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        long caseId = r.getBody().get("id").asLong();
        assertThat(r.getBody().get("outcome").asText()).isEqualTo("APPLIED");
        JsonNode after = household(household);
        assertThat(after.get("mobile").asText()).isEqualTo("03451234567");
        assertThat(after.get("lastSurveyedOn").asText()).as("the survey keeps its date").isEqualTo(before.get("lastSurveyedOn").asText());
        JsonNode decisions = get("caseworker", "/api/households/" + household + "/decisions").getBody();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(1).get("score").asInt()).isEqualTo(decisions.get(0).get("score").asInt());
        JsonNode applied = historyEntry(caseId, "roster.apply");
        assertThat(applied.get("rescore").asBoolean()).isFalse();
        assertThat(applied.get("effect").asText()).contains("cannot move the score");
        assertThat(historyEntry(caseId, "case.open").toString()).doesNotContain("03451234567");
        assertThat(get("auditor", "/api/updates/roster/" + caseId).getBody().get("values").get("mobile").asText()).isEqualTo("[redacted]");
    }

    @Test
    void wrongRequestsAreRefusedNamingTheFieldAndNothingChanges() {
        long household = register("stipend-ages-5-to-16", "87");
        register("cutoff-32-standard-eligible", "87");
        Map<String, Object> remove = Map.of("householdId", household, "kind", "REMOVE_MEMBER", "memberLine", 3,
                "values", Map.of("cause", "DEATH"), "reason", "death certificate", "evidence", "DOC-1");

        assertRefused(without(remove, "householdId"), "householdId");
        assertRefused(with(remove, "kind", "BIRTH"), "kind");
        assertThat(post("operator", "/api/updates/roster", with(remove, "householdId", 99_999_999)).getStatusCode().value()).isEqualTo(404);
        assertRefused(without(remove, "memberLine"), "memberLine");
        assertRefused(with(remove, "memberLine", 99), "memberLine");
        assertRefused(with(remove, "memberLine", 1), "memberLine");
        assertRefused(with(remove, "values", Map.of("cause", "DIVORCE")), "values.cause");
        assertRefused(with(remove, "values", "DEATH"), "values");
        assertRefused(without(remove, "reason"), "reason");
        assertRefused(without(remove, "evidence"), "evidence");

        Map<String, Object> add = Map.of("householdId", household, "kind", "ADD_MEMBER", "values", Map.of("cause", "BIRTH"),
                "member", member("87110-0000009-9", "SON", LocalDate.now().minusDays(3)), "reason", "birth", "evidence", "DOC-2");
        assertRefused(without(add, "member"), "member");
        assertRefused(with(add, "member", "a newborn daughter"), "member");
        assertRefused(with(add, "member", with(member("87110-0000009-9", "SON", LocalDate.now()), "gender", "F")), "member.gender");
        assertRefused(with(add, "member", member("87101-0000002-2", "DAUGHTER", LocalDate.now())), "member.nationalId");
        assertRefused(with(add, "member", member("87110-0000009-9", "HEAD", LocalDate.now())), "member.relation");
        assertRefused(with(add, "memberLine", 2), "memberLine");

        Map<String, Object> gender = Map.of("householdId", household, "kind", "GENDER", "memberLine", 3,
                "values", Map.of("gender", "X"), "reason", "NADRA record", "evidence", "DOC-3");
        assertRefused(gender, "values.gender");
        assertRefused(with(gender, "values", Map.of("gender", "MALE")), "values.gender");
        assertRefused(Map.of("householdId", household, "kind", "MARITAL_STATUS", "memberLine", 6, "values", Map.of("maritalStatus", "MARRIED"),
                "reason", "r", "evidence", "e"), "values.maritalStatus");
        assertRefused(contact(household, "12345"), "values.mobile");
        assertRefused(with(contact(household, "03001112223"), "values", Map.of("mobile", "03001112223", "email", "a@b.pk")), "values.email");
        assertRefused(with(contact(household, "03001112223"), "memberLine", 1), "memberLine");
        assertRefused(Map.of("householdId", household, "kind", "CHANGE_HEAD", "memberLine", 2, "values", Map.of("relations", Map.of("3", "SON")),
                "reason", "r", "evidence", "e"), "values.relations.1");
        assertThat(post("auditor", "/api/updates/roster", remove).getStatusCode().value()).isEqualTo(403);
        assertThat(post("supervisor", "/api/updates/roster", remove).getStatusCode().value()).isEqualTo(403);

        assertThat(get("caseworker", "/api/households/" + household + "/cases").getBody()).isEmpty();
        assertThat(get("caseworker", "/api/households/" + household + "/surveys").getBody()).hasSize(1);
        assertThat(household(household).get("members")).hasSize(7);
    }

    void assertRefused(Map<String, Object> body, String field) {
        ResponseEntity<JsonNode> r = post("operator", "/api/updates/roster", body);
        assertThat(r.getStatusCode().value()).as("refusal naming %s: %s", field, r.getBody()).isEqualTo(422);
        assertThat(r.getBody().get("errors").get(0).get("path").asText()).isEqualTo(field);
    }

    static Map<String, Object> member(String nationalId, String relation, LocalDate born) {
        Map<String, Object> m = new HashMap<>();
        m.put("nationalId", nationalId);
        m.put("name", "Ayesha Test");
        m.put("relation", relation);
        m.put("gender", "FEMALE");
        m.put("dateOfBirth", born.toString());
        m.put("maritalStatus", "NEVER_MARRIED");
        m.put("disability", "NONE");
        m.put("literate", false);
        m.put("educationLevel", "NONE");
        m.put("inSchool", false);
        m.put("employment", "NONE");
        m.put("occupation", "NONE");
        m.put("elementaryOccupation", false);
        m.put("chronicDisease", "NONE");
        return m;
    }

    static Map<String, Object> contact(long household, String mobile) {
        return Map.of("householdId", household, "kind", "CONTACT", "values", Map.of("mobile", mobile),
                "reason", "the head asked at the registration centre", "evidence", "visit DOC-5");
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> m = new HashMap<>(body);
        m.put(key, value);
        return m;
    }

    static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> m = new HashMap<>(body);
        m.remove(key);
        return m;
    }

    long register(String reference, String idPrefix) {
        ObjectNode survey = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(reference)).findFirst()
                .orElseThrow().survey().deepCopy();
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", idPrefix + id.substring(idPrefix.length()));
        }
        return registry.submit(survey, "operator").householdId();
    }

    JsonNode household(long id) {
        return get("caseworker", "/api/households/" + id).getBody();
    }

    JsonNode lastDecision(long household) {
        JsonNode d = get("caseworker", "/api/households/" + household + "/decisions").getBody();
        return d.get(d.size() - 1);
    }

    JsonNode caseOf(long caseId) {
        return get("auditor", "/api/cases/" + caseId).getBody();
    }

    /** The details of the case's last history entry with this action. */
    JsonNode historyEntry(long caseId, String action) {
        JsonNode found = null;
        for (JsonNode e : caseOf(caseId).get("history")) {
            if (e.get("action").asText().equals(action)) {
                found = e.get("details");
            }
        }
        assertThat(found).as("history entry %s of case %d", action, caseId).isNotNull();
        return found;
    }

    List<String> actions(long caseId) {
        List<String> steps = new ArrayList<>();
        caseOf(caseId).get("history").forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        return steps;
    }

    List<String> notificationKinds(long household) {
        return get("caseworker", "/api/households/" + household + "/notifications").getBody().findValuesAsText("kind");
    }

    void tellAuthority(String nationalId, String behaviour) {
        HttpHeaders h = headers("admin");
        assertThat(rest.exchange("/api/simulator/identity/" + nationalId, HttpMethod.PUT, new HttpEntity<>(Map.of("behaviour", behaviour), h),
                JsonNode.class).getStatusCode().value()).isEqualTo(204);
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
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(user)), JsonNode.class);
    }

    static HttpHeaders headers(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }
}
