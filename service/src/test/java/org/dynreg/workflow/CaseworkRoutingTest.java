package org.dynreg.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work routed by office, over REST on the real engine and MariaDB: a district's people see and take only
 * their district's tasks, supervisors reassign and release held tasks, an overdue step is an escalation
 * in the supervisors' list, and administrators manage users. National ids start 71.
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkRoutingTest {
    static final String PASSWORD = "a long office password 7";

    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999), 36);
    String supDadu;
    String sup2Dadu;
    String supSukkur;
    String cwDadu;
    String nobody;

    @BeforeAll
    void users() {
        supDadu = user("sup-dadu-" + run, List.of("SUPERVISOR"), List.of(Map.of("scope", "DISTRICT", "district", "Dadu")));
        sup2Dadu = user("sup-mehar-" + run, List.of("SUPERVISOR"), List.of(Map.of("scope", "TEHSIL", "district", "Dadu", "tehsil", "Mehar")));
        supSukkur = user("sup-sukkur-" + run, List.of("SUPERVISOR"), List.of(Map.of("scope", "DISTRICT", "district", "Sukkur")));
        cwDadu = user("cw-dadu-" + run, List.of("CASEWORKER"), List.of(Map.of("scope", "DISTRICT", "district", "Dadu")));
        nobody = user("sup-none-" + run, List.of("SUPERVISOR"), List.of());
    }

    @Test
    void aCaseBelongsToItsHouseholdsOfficeAndOnlyThatOfficeSeesAndTakesItsTasks() {
        long household = registerInDadu("71");
        long caseId = headChange(household);
        String task = taskOf(supDadu, caseId, "Approve the roster change");

        assertThat(tasksOf(supSukkur, "group").findValuesAsText("id")).doesNotContain(task);
        assertThat(tasksOf(nobody, "group")).as("no office, no work").isEmpty();
        assertThat(tasksOf("supervisor", "group").findValuesAsText("id")).as("a national office sees every district").contains(task);
        assertThat(tasksOf(sup2Dadu, "group").findValuesAsText("id")).as("the household's tehsil office").contains(task);

        ResponseEntity<JsonNode> claim = post(supSukkur, "/api/tasks/" + task + "/claim", Map.of());
        assertThat(claim.getStatusCode().value()).isEqualTo(403);
        assertThat(claim.getBody().get("detail").asText()).contains("tehsil Mehar (district Dadu)");
        ResponseEntity<JsonNode> complete = post(supSukkur, "/api/tasks/" + task + "/complete", Map.of("outcome", "APPROVE"));
        assertThat(complete.getStatusCode().value()).isEqualTo(403);
        assertThat(complete.getBody().get("detail").asText()).contains("district Dadu");

        JsonNode row = rowOf(supDadu, "group", task);
        assertThat(row.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(row.get("caseType").asText()).isEqualTo("ROSTER_UPDATE");
        assertThat(row.get("householdId").asLong()).isEqualTo(household);
        assertThat(row.get("headName").asText()).isNotBlank().isNotEqualTo("null");
        assertThat(row.get("district").asText()).isEqualTo("Dadu");
        assertThat(row.get("office").asText()).isEqualTo("tehsil Mehar (district Dadu)");
        assertThat(row.get("score").isInt()).isTrue();
        assertThat(row.get("step").asText()).isEqualTo("roster-approval");
        assertThat(row.get("dueAt").isNull()).isFalse();
        assertThat(row.get("waiting").asText()).isNotBlank();
        assertThat(row.get("sla").asText()).isIn("ON_TRACK", "AT_RISK", "BREACHED");

        JsonNode cases = get(supSukkur, "/api/cases?district=Dadu").getBody();
        assertThat(cases.get("cases").findValuesAsText("id")).as("another district's cases are not listed").doesNotContain(String.valueOf(caseId));
        JsonNode ours = get(supDadu, "/api/cases?type=ROSTER_UPDATE&state=OPEN&district=Dadu&size=500").getBody();
        assertThat(ours.get("cases").findValuesAsText("id")).contains(String.valueOf(caseId));
        assertThat(get(supDadu, "/api/cases?type=ROSTER_UPDATES").getStatusCode().value()).as("an unknown type").isEqualTo(422);
        assertThat(get(supDadu, "/api/cases?state=SHUT").getStatusCode().value()).as("an unknown state").isEqualTo(422);
    }

    @Test
    void aSupervisorReassignsAHeldTaskToAnEligiblePersonOfTheOfficeAndReleasesIt() {
        long household = registerInDadu("83");
        long caseId = headChange(household);
        String task = taskOf(supDadu, caseId, "Approve the roster change");
        assertThat(post(supDadu, "/api/tasks/" + task + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<JsonNode> held = post(sup2Dadu, "/api/tasks/" + task + "/claim", Map.of());
        assertThat(held.getStatusCode().value()).as("a held task is a conflict").isEqualTo(409);
        assertThat(held.getBody().get("detail").asText()).contains("held by " + supDadu);

        assertThat(reassign(sup2Dadu, task, supSukkur, "on leave").getBody().get("detail").asText()).contains("does not work for");
        assertThat(reassign(sup2Dadu, task, cwDadu, "on leave").getBody().get("detail").asText()).contains("is not");
        assertThat(reassign(sup2Dadu, task, "lead", "on leave").getBody().get("detail").asText())
                .as("four eyes: who asked for the change").contains("did a step");
        assertThat(reassign(sup2Dadu, task, supDadu, "").getStatusCode().value()).as("a reason is required").isEqualTo(422);
        assertThat(reassign(cwDadu, task, sup2Dadu, "on leave").getStatusCode().value()).as("only supervisors").isEqualTo(403);
        assertThat(reassign(supSukkur, task, sup2Dadu, "on leave").getStatusCode().value()).as("of their own office").isEqualTo(403);

        ResponseEntity<JsonNode> given = reassign(sup2Dadu, task, sup2Dadu, "the holder is on leave");
        assertThat(given.getStatusCode().value()).isEqualTo(200);
        assertThat(given.getBody().get("owner").asText()).isEqualTo(sup2Dadu);
        assertThat(rowOf(sup2Dadu, "mine", task)).isNotNull();
        assertThat(tasksOf(supDadu, "mine").findValuesAsText("id")).doesNotContain(task);

        assertThat(post(supDadu, "/api/tasks/" + task + "/release", Map.of()).getStatusCode().value())
                .as("a supervisor gives back another's task only with a reason").isEqualTo(422);
        ResponseEntity<JsonNode> released = post(supDadu, "/api/tasks/" + task + "/release", Map.of("reason", "back to the desk"));
        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(released.getBody().get("owner").isNull()).isTrue();
        assertThat(tasksOf(supDadu, "group").findValuesAsText("id")).contains(task);

        JsonNode history = get("auditor", "/api/cases/" + caseId).getBody().get("history");
        assertThat(history.toString()).contains("task.reassign", "the holder is on leave", "task.release", "back to the desk");
    }

    @Test
    void anOverdueStepIsAnEscalationInTheSupervisorsListUntilItsTaskIsDone() throws InterruptedException {
        long household = registerInDadu("84");
        long caseId = headChange(household);
        JsonNode escalation = null;
        // the test clock's day is half a second: the approval's five days pass in seconds
        for (int i = 0; i < 600 && escalation == null; i++) {
            escalation = escalationOf(supDadu, caseId);
            if (escalation == null) {
                Thread.sleep(100);
            }
        }
        assertThat(escalation).as("escalation of case %d", caseId).isNotNull();
        assertThat(escalation.get("step").asText()).isEqualTo("roster-approval");
        assertThat(escalation.get("task").asText()).isEqualTo("Approve the roster change");
        assertThat(escalation.get("escalatedTo").asText()).isEqualTo("supervisors");
        assertThat(escalation.get("office").asText()).isEqualTo("tehsil Mehar (district Dadu)");
        assertThat(escalation.get("overdue").asText()).isNotBlank();
        assertThat(escalationOf(supSukkur, caseId)).as("another district's supervisors").isNull();
        assertThat(get(cwDadu, "/api/escalations").getStatusCode().value()).isEqualTo(403);
        String task = taskOf(supDadu, caseId, "Approve the roster change");
        assertThat(rowOf(supDadu, "group", task).get("sla").asText()).isEqualTo("BREACHED");
        assertThat(get(supDadu, "/api/cases?overdue=true&size=500").getBody().get("cases").findValuesAsText("id"))
                .contains(String.valueOf(caseId));

        assertThat(post(supDadu, "/api/tasks/" + task + "/complete", Map.of("outcome", "APPROVE")).getStatusCode().value()).isEqualTo(200);
        assertThat(escalationOf(supDadu, caseId)).as("resolved with its task").isNull();
    }

    @Test
    void administratorsManageUsersAndLocalDefaultsAreRefusedOnceARealAdministratorExists() {
        String name = "clerk-" + run;
        assertThat(post("admin", "/api/admin/users", newUser(name, List.of("DATA_ENTRY_OPERATOR"), List.of(), "short")).getBody()
                .get("detail").asText()).contains("12");
        assertThat(post("admin", "/api/admin/users", newUser(name, List.of("DATA_ENTRY_OPERATOR"), List.of(), name + "-long-enough"))
                .getBody().get("detail").asText()).contains("user name");
        assertThat(post("admin", "/api/admin/users", newUser(name, List.of("DATA_ENTRY_OPERATOR"),
                List.of(Map.of("scope", "DISTRICT")), PASSWORD)).getStatusCode().value()).as("a district office names its district").isEqualTo(422);
        assertThat(post("caseworker", "/api/admin/users", newUser(name, List.of("ADMINISTRATOR"), List.of(), PASSWORD))
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> made = post("admin", "/api/admin/users", newUser(name, List.of("DATA_ENTRY_OPERATOR"),
                List.of(Map.of("scope", "SITE", "siteId", "DRC-SD-DDU-01")), PASSWORD));
        assertThat(made.getStatusCode().value()).isEqualTo(201);
        assertThat(made.getBody().get("ownPassword").asBoolean()).isFalse();
        assertThat(put("admin", "/api/admin/users/" + name + "/roles", Map.of("roles", List.of("CASEWORKER"))).getBody()
                .get("roles").get(0).asText()).isEqualTo("CASEWORKER");
        JsonNode listed = get("admin", "/api/admin/users").getBody();
        assertThat(listed.findValuesAsText("username")).contains(name, "caseworker2", "lead");
        JsonNode offices = put("admin", "/api/admin/users/" + name + "/offices",
                Map.of("offices", List.of(Map.of("scope", "DISTRICT", "district", "Dadu")))).getBody();
        assertThat(offices.get("offices").get(0).get("district").asText()).isEqualTo("Dadu");
        assertThat(offices.get("roles").get(0).asText()).isEqualTo("CASEWORKER");

        assertThat(put(name, PASSWORD, "/api/me/password", Map.of("oldPassword", "wrong", "newPassword", "another good password"))
                .getStatusCode().value()).isEqualTo(422);
        assertThat(put(name, PASSWORD, "/api/me/password", Map.of("oldPassword", PASSWORD, "newPassword", "caseworker-pass"))
                .getStatusCode().value()).as("a local default").isEqualTo(422);
        assertThat(put(name, PASSWORD, "/api/me/password", Map.of("oldPassword", PASSWORD, "newPassword", "another good password"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(as(name, "another good password", "/api/me").getBody().get("ownPassword").asBoolean()).isTrue();

        assertThat(put("admin", "/api/admin/users/" + name + "/enabled", Map.of("enabled", false)).getStatusCode().value()).isEqualTo(200);
        assertThat(get("admin", "/api/admin/users/" + name).getBody().get("enabled").asBoolean()).isFalse();

        // a local user still on its default password, never signed in (no remembered sign-in)
        String local = "local-" + run;
        jdbc.update("insert into app_user (username, password_hash, display_name, enabled) values (?, ?, 'Local', true)", local,
                encoder.encode(local + "-pass"));
        jdbc.update("insert into app_user_role (username, role) values (?, 'AUDITOR')", local);
        String boss = "boss-" + run;
        assertThat(post("admin", "/api/admin/users", newUser(boss, List.of("ADMINISTRATOR"), List.of(), PASSWORD)).getStatusCode().value())
                .isEqualTo(201);
        assertThat(as(local, local + "-pass", "/api/me").getStatusCode().value())
                .as("an administrator who has not set their own password is not yet a real one").isEqualTo(200);
        try {
            assertThat(put(boss, PASSWORD, "/api/me/password", Map.of("oldPassword", PASSWORD, "newPassword", "the administrator's own"))
                    .getStatusCode().value()).isEqualTo(204);
            jdbc.update("insert into app_user (username, password_hash, display_name, enabled) values (?, ?, 'Local', true)", local + "b",
                    encoder.encode(local + "b-pass"));
            jdbc.update("insert into app_user_role (username, role) values (?, 'AUDITOR')", local + "b");
            assertThat(as(local + "b", local + "b-pass", "/api/me").getStatusCode().value())
                    .as("local defaults refused once a real administrator exists").isEqualTo(401);
        } finally {
            // the other tests of this service instance sign in as the local users
            assertThat(put(boss, "the administrator's own", "/api/admin/users/" + boss + "/roles", Map.of("roles", List.of("AUDITOR")))
                    .getStatusCode().value()).isEqualTo(200);
        }
        assertThat(as(local + "b", local + "b-pass", "/api/me").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void householdsAreFoundByIdForEveryReaderAndByPersonalDataOnlyByRolesThatMaySeeIt() throws InterruptedException {
        long household = registerInDadu("74");
        String nationalId = get("caseworker", "/api/households/" + household).getBody().get("members").get(0).get("nationalId").asText();
        Integer before = jdbc.queryForObject("select count(*) from personal_data_read where username = 'caseworker' and household_id = ? "
                + "and endpoint like '%search%'", Integer.class, household);

        JsonNode byId = get("caseworker", "/api/search/households?nationalId=" + nationalId).getBody();
        assertThat(byId).hasSize(1);
        assertThat(byId.get(0).get("householdId").asLong()).isEqualTo(household);
        assertThat(byId.get(0).get("headName").asText()).isNotBlank().isNotEqualTo("null");
        assertThat(byId.get(0).get("district").asText()).isEqualTo("Dadu");
        // reads are written by a queue within a fraction of a second (docs/personal-data.md)
        Integer after = before;
        for (int i = 0; i < 300 && after <= before; i++) {
            Thread.sleep(50);
            after = jdbc.queryForObject("select count(*) from personal_data_read where username = 'caseworker' and household_id = ? "
                    + "and endpoint like '%search%'", Integer.class, household);
        }
        assertThat(after).as("the read is logged").isEqualTo(before + 1);

        assertThat(get("auditor", "/api/search/households?nationalId=" + nationalId).getStatusCode().value()).isEqualTo(403);
        assertThat(get("auditor", "/api/search/households?name=abc").getStatusCode().value()).isEqualTo(403);
        JsonNode auditorById = get("auditor", "/api/search/households?householdId=" + household).getBody();
        assertThat(auditorById.get(0).get("householdId").asLong()).isEqualTo(household);
        assertThat(auditorById.get(0).get("headName").isNull()).isTrue();
        assertThat(get("caseworker", "/api/search/households").getStatusCode().value()).isEqualTo(422);

        ObjectNode again = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals("cutoff-32-standard-eligible"))
                .findFirst().orElseThrow().survey().deepCopy();
        ((ObjectNode) again.withArray("members").get(0)).put("nationalId", nationalId);
        for (int i = 1; i < again.withArray("members").size(); i++) {
            ObjectNode m = (ObjectNode) again.withArray("members").get(i);
            m.put("nationalId", "75" + m.get("nationalId").asText().substring(2));
        }
        ResponseEntity<JsonNode> refused = post("operator", "/api/surveys", again);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().toString()).contains("already registered in household " + household);
    }

    // --- helpers

    String user(String name, List<String> roles, List<Map<String, String>> offices) {
        assertThat(post("admin", "/api/admin/users", newUser(name, roles, offices, PASSWORD)).getStatusCode().value()).isEqualTo(201);
        return name;
    }

    static Map<String, Object> newUser(String name, List<String> roles, List<?> offices, String password) {
        return Map.of("username", name, "displayName", "Test " + name, "roles", roles, "offices", offices, "initialPassword", password);
    }

    long registerInDadu(String idPrefix) {
        ObjectNode survey = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals("cutoff-32-standard-eligible"))
                .findFirst().orElseThrow().survey().deepCopy();
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", idPrefix + id.substring(idPrefix.length()));
        }
        ObjectNode location = (ObjectNode) survey.get("location");
        location.put("district", "Dadu");
        location.put("tehsil", "Mehar");
        location.put("address", "House 4, Mehar, Dadu");
        return registry.submit(survey, "operator").householdId();
    }

    /** A head change asked for by the national team lead: a supervisor's approval task the lead may not take. */
    long headChange(long household) {
        ResponseEntity<JsonNode> r = post("lead", "/api/updates/roster", Map.of("householdId", household, "kind", "CHANGE_HEAD",
                "memberLine", 2, "values", Map.of("relations", Map.of("1", "SPOUSE")), "reason", "the husband works abroad",
                "evidence", "statement DOC-12"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    ResponseEntity<JsonNode> reassign(String user, String task, String to, String reason) {
        return post(user, "/api/tasks/" + task + "/reassign", Map.of("to", to, "reason", reason));
    }

    JsonNode escalationOf(String user, long caseId) {
        for (JsonNode e : get(user, "/api/escalations").getBody()) {
            if (e.get("caseId").asLong() == caseId) {
                return e;
            }
        }
        return null;
    }

    JsonNode tasksOf(String user, String scope) {
        ResponseEntity<JsonNode> r = get(user, "/api/tasks?scope=" + scope);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    JsonNode rowOf(String user, String scope, String task) {
        for (JsonNode t : tasksOf(user, scope)) {
            if (t.get("id").asText().equals(task)) {
                return t;
            }
        }
        throw new AssertionError("task " + task + " not in " + user + "'s " + scope + " list");
    }

    String taskOf(String user, long caseId, String name) {
        for (JsonNode t : tasksOf(user, "group")) {
            if (t.get("caseId").asLong() == caseId && t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no task '" + name + "' of case " + caseId + " for " + user);
    }

    String passwordOf(String user) {
        return user.endsWith(run) ? PASSWORD : user + "-pass";
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return as(user, passwordOf(user), path);
    }

    ResponseEntity<JsonNode> as(String user, String password, String path) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user, password)), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(user, passwordOf(user))), JsonNode.class);
    }

    ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return put(user, passwordOf(user), path, body);
    }

    ResponseEntity<JsonNode> put(String user, String password, String path, Object body) {
        return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers(user, password)), JsonNode.class);
    }

    static HttpHeaders headers(String user, String password) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, password);
        h.setContentType(MediaType.APPLICATION_JSON);
        return h;
    }
}
