package org.dynreg.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import org.springframework.test.context.ActiveProfiles;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistryApiTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    /** The schema's owner: the application account may not drop triggers or change evidence at all. */
    JdbcTemplate owner;

    @Autowired
    void owner(@FlywayDataSource DataSource ownerDataSource) {
        owner = new JdbcTemplate(ownerDataSource);
    }

    ObjectNode example() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/reference/survey-punjab-47.json")) {
            return (ObjectNode) json.readTree(in);
        }
    }

    /** The shared example with fresh national ids, so each test registers its own household. */
    ObjectNode freshHousehold(int seed) throws Exception {
        ObjectNode s = example();
        int i = 0;
        for (JsonNode m : s.withArray("members")) {
            ((ObjectNode) m).put("nationalId", String.format("%05d-%07d-%d", 40000 + seed, 1000000 + seed * 10 + i, i % 10));
            i++;
        }
        return s;
    }

    ResponseEntity<JsonNode> call(HttpMethod method, String user, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        if (user != null) {
            h.setBasicAuth(user, user + "-pass");
        }
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, method, new HttpEntity<>(body, h), JsonNode.class);
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    @Test
    void theSharedExampleIsRegisteredAndScores47NotEligible() throws Exception {
        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "operator", "/api/surveys", example());

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode d = r.getBody().get("decision");
        assertThat(d.get("score").asInt()).isEqualTo(47);
        JsonNode active = call(HttpMethod.GET, "auditor", "/api/policy/active", null).getBody();
        assertThat(d.get("policyVersion").asInt()).isEqualTo(active.get("version").asInt());
        assertThat(d.get("policySha256").asText()).isEqualTo(active.get("sha256").asText()).hasSize(64);
        assertThat(d.get("programs").findValues("eligible")).allMatch(e -> !e.asBoolean());
        long household = r.getBody().get("householdId").asLong();
        assertThat(r.getHeaders().getLocation().getPath()).isEqualTo("/api/households/" + household);

        JsonNode decision = call(HttpMethod.GET, "auditor", "/api/decisions/" + d.get("id").asLong(), null).getBody();
        assertThat(decision.get("scoreBreakdown")).hasSize(10);
        assertThat(decision.get("firedRules").toString()).contains("1D Punjab or Islamabad").contains("sheet Scorecard");
        assertThat(decision.get("reasons").get(0).asText()).contains("47");

        JsonNode surveys = call(HttpMethod.GET, "caseworker", "/api/households/" + household + "/surveys", null).getBody();
        assertThat(surveys).hasSize(1);
        assertThat(surveys.get(0).get("updateType").asText()).isEqualTo("MISSED_OUT");
        assertThat(surveys.get(0).get("siteId").asText()).isEqualTo("DRC-PB-LHR-01");
        assertThat(call(HttpMethod.GET, "caseworker", "/api/households/" + household + "/decisions", null).getBody()).hasSize(1);
    }

    @Test
    void personalDataIsShownOnlyToRolesThatMaySeeIt() throws Exception {
        long household = call(HttpMethod.POST, "operator", "/api/surveys", freshHousehold(1)).getBody().get("householdId").asLong();

        JsonNode forCaseworker = call(HttpMethod.GET, "caseworker", "/api/households/" + household, null).getBody();
        assertThat(forCaseworker.get("members").get(0).get("name").asText()).isEqualTo("Muhammad Aslam");
        assertThat(forCaseworker.get("mobile").asText()).isEqualTo("03001234567");

        String forPartner = call(HttpMethod.GET, "partner", "/api/households/" + household, null).getBody().toString();
        assertThat(forPartner).doesNotContain("Aslam").doesNotContain("40001-").doesNotContain("0300123")
                .doesNotContain("Rehmanpura").contains("[redacted]");
    }

    @Test
    void rolesAreEnforced() {
        assertThat(call(HttpMethod.GET, null, "/api/households/1", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(HttpMethod.GET, "operator", "/api/households/1", null).getStatusCode()).isNotEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders wrong = new HttpHeaders();
        wrong.setBasicAuth("operator", "not-the-password");
        assertThat(rest.exchange("/api/households/1", HttpMethod.GET, new HttpEntity<>(wrong), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(call(HttpMethod.GET, "officer", "/api/households/1", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.POST, "auditor", "/api/surveys", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.GET, "partner", "/api/decisions/1", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.GET, "operator", "/api/policy/bundles", null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(call(HttpMethod.GET, "partner", "/api/households/999999", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aSurveyWithManyProblemsIsRefusedWholeAndStoresNothing() throws Exception {
        ObjectNode bad = freshHousehold(2);
        bad.withObject("location").remove("district");
        ObjectNode second = (ObjectNode) bad.withArray("members").get(1);
        second.put("relation", "HEAD");
        second.put("nationalId", "1234");
        ((ObjectNode) bad.withArray("members").get(2)).put("gender", "F");
        int surveys = count("survey");
        int households = count("household");

        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "operator", "/api/surveys", bad);

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getHeaders().getContentType().toString()).contains("application/problem+json");
        List<String> paths = new ArrayList<>();
        r.getBody().get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).contains("location.district", "members[1].nationalId", "members[2].gender", "members");
        assertThat(count("survey")).isEqualTo(surveys);
        assertThat(count("household")).isEqualTo(households);
    }

    @Test
    void aNationalIdRegisteredInAnotherHouseholdIsRefusedByField() throws Exception {
        assertThat(call(HttpMethod.POST, "operator", "/api/surveys", freshHousehold(3)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ObjectNode other = freshHousehold(4);
        ((ObjectNode) other.withArray("members").get(2)).put("nationalId",
                freshHousehold(3).withArray("members").get(2).get("nationalId").asText());
        int members = count("household_member");

        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "operator", "/api/surveys", other);

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("errors")).hasSize(1);
        assertThat(r.getBody().get("errors").get(0).get("path").asText()).isEqualTo("members[2].nationalId");
        assertThat(count("household_member")).isEqualTo(members);
    }

    @Test
    void anUpdateOfAnUnknownHouseholdNamesTheField() throws Exception {
        ObjectNode update = freshHousehold(5);
        update.put("updateType", "ROSTER_UPDATE");
        update.put("householdId", 987654321L);

        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "operator", "/api/surveys", update);

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("errors").get(0).get("path").asText()).isEqualTo("householdId");
    }

    @Test
    void anUpdateOfAKnownHouseholdAddsASurveyAndADecision() throws Exception {
        ObjectNode first = freshHousehold(6);
        long household = call(HttpMethod.POST, "operator", "/api/surveys", first).getBody().get("householdId").asLong();
        ObjectNode update = freshHousehold(6);
        update.put("updateType", "ROSTER_UPDATE");
        update.put("householdId", household);
        ((com.fasterxml.jackson.databind.node.ArrayNode) update.withArray("members")).remove(4);

        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "operator", "/api/surveys", update);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(r.getBody().get("decision").get("score").asInt()).isEqualTo(51);
        assertThat(call(HttpMethod.GET, "caseworker", "/api/households/" + household, null).getBody().get("members")).hasSize(4);
        assertThat(call(HttpMethod.GET, "caseworker", "/api/households/" + household + "/surveys", null).getBody()).hasSize(2);
        assertThat(call(HttpMethod.GET, "caseworker", "/api/households/" + household + "/decisions", null).getBody()).hasSize(2);
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        ResponseEntity<JsonNode> r = call(HttpMethod.POST, "operator", "/api/surveys", "{\"updateType\": \"MISSED_OUT\",\n  \"members\": [ }");

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("detail").asText()).contains("line 2");
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveADecision() throws Exception {
        call(HttpMethod.POST, "operator", "/api/surveys", freshHousehold(7));
        long id = jdbc.queryForObject("select id from eligibility_decision order by decided_at desc, id desc limit 1", Long.class);

        assertThatThrownBy(() -> owner.update("update eligibility_decision set score = 1 where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from eligibility_decision where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("update survey set operator_id = 'x'"))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select score from eligibility_decision where id = ?", Integer.class, id)).isEqualTo(47);
    }

    @Test
    void twoSubmissionsOfTheSameNewHouseholdAtOnceStoreItOnce() throws Exception {
        ObjectNode survey = freshHousehold(8);
        String firstId = survey.withArray("members").get(0).get("nationalId").asText();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> call(HttpMethod.POST, "operator", "/api/surveys", survey)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var c : calls) {
                statuses.add(c.get().getStatusCode().value());
            }
            assertThat(statuses).containsOnlyOnce(201);
            assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 422);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("select count(*) from household_member where national_id = ?", Integer.class, firstId)).isEqualTo(1);
        long household = jdbc.queryForObject("select household_id from household_member where national_id = ?", Long.class, firstId);
        assertThat(jdbc.queryForObject("select count(*) from survey where household_id = ?", Integer.class, household)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from eligibility_decision where household_id = ?", Integer.class, household)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from survey s left join household_member m on m.household_id = s.household_id where m.id is null", Integer.class))
                .as("no survey was stored for a household whose roster did not land").isZero();
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        ResponseEntity<JsonNode> r = rest.getForEntity("/v3/api-docs", JsonNode.class);

        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody().get("paths").has("/api/surveys")).isTrue();
        assertThat(r.getBody().get("paths").has("/api/decisions/{id}")).isTrue();
        assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
