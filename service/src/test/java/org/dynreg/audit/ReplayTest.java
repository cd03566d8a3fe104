package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.cli.ShellAs;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.policy.CandidateVersions;
import org.dynreg.policy.Policies;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay for auditors: every recorded decision reproduces under the version it names, and a changed one is caught. */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReplayTest {
    static final String DISTRICT = "Replay test district";

    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;
    @Autowired Policies policies;
    @Autowired JdbcTemplate jdbc;
    /** The schema's owner: the application account may not drop triggers or change evidence at all. */
    JdbcTemplate owner;

    DataSource ownerDataSource;

    @Autowired
    void owner(@FlywayDataSource DataSource ownerDataSource) {
        this.ownerDataSource = ownerDataSource;
        owner = new JdbcTemplate(ownerDataSource);
    }
    @LocalServerPort int port;

    Map<String, Registration> households;

    @BeforeEach
    void registerReferenceHouseholds() {
        households = ReferenceRegistry.register(registry, DISTRICT, "97", List.of());
    }


    @Test
    void everyDecisionReplaysIdenticallyUnderItsOwnVersion() {
        for (Registration r : households.values()) {
            ResponseEntity<JsonNode> replay = get("auditor", "/api/decisions/" + r.decision().id() + "/replay");
            assertThat(replay.getStatusCode().value()).isEqualTo(200);
            assertThat(replay.getBody().get("identical").asBoolean()).as("decision %d", r.decision().id()).isTrue();
            assertThat(replay.getBody().get("mismatches")).isEmpty();
            assertThat(replay.getBody().get("replayedVersion").asInt()).isEqualTo(r.decision().policyVersion());
            assertThat(replay.getBody().get("replayedSha256").asText()).isEqualTo(r.decision().policySha256());
        }
        long decision = households.values().iterator().next().decision().id();
        assertThat(get("officer", "/api/decisions/" + decision + "/replay").getStatusCode().value()).isEqualTo(403);
        assertThat(get("auditor", "/api/decisions/99999999/replay").getStatusCode().value()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'decision.replay' and subject = ?", Integer.class,
                "decision:" + decision)).isPositive();
    }

    @Test
    void againstAnotherVersionTheFieldsThatVersionWouldDecideDifferentlyAreListed() {
        int raised = CandidateVersions.withStandardCutoff(policies, 40, "officer");
        Registration at33 = households.get("cutoff-33-standard-not-eligible");
        Registration at32 = households.get("cutoff-32-standard-eligible");

        JsonNode differs = get("auditor", "/api/decisions/" + at33.decision().id() + "/replay?against=" + raised).getBody();
        JsonNode stillEligible = get("auditor", "/api/decisions/" + at32.decision().id() + "/replay?against=" + raised).getBody();

        assertThat(differs.get("identical").asBoolean()).isFalse();
        assertThat(differs.get("replayedVersion").asInt()).isEqualTo(raised);
        assertThat(differs.get("mismatches").findValuesAsText("field")).contains("programs", "reasons").doesNotContain("score");
        assertThat(stillEligible.get("mismatches").findValuesAsText("field")).doesNotContain("score", "scoreBreakdown");

        // field by field, each difference with its kind: the household at 33 gains the transfer, the cut-off quoted moves
        assertThat(differs.get("differences")).anySatisfy(d -> {
            assertThat(d.get("kind").asText()).isEqualTo("ELIGIBILITY");
            assertThat(d.get("field").asText()).isEqualTo("UCT.eligible");
            assertThat(d.get("expected").asText()).isEqualTo("false");
            assertThat(d.get("actual").asText()).isEqualTo("true");
        }).anySatisfy(d -> {
            assertThat(d.get("key").asText()).isEqualTo("CUTOFF:UCT");
            assertThat(d.get("expected").asText()).isEqualTo("32");
            assertThat(d.get("actual").asText()).isEqualTo("40");
        }).noneSatisfy(d -> assertThat(d.get("kind").asText()).isIn("SCORE", "INDICATOR", "EXCLUSION"));
        assertThat(stillEligible.get("differences").findValuesAsText("key")).containsOnly("CUTOFF:UCT", "WORDING");

        JsonNode run = runToTheEnd(Map.of("district", DISTRICT, "against", raised));
        assertThat(run.get("differencesByKind").get("CUTOFF:UCT").asLong()).isEqualTo(run.get("mismatched").asLong());
        assertThat(run.get("differencesByKind").get("ELIGIBILITY:UCT").asLong()).isPositive();
        assertThat(run.get("mismatches")).allSatisfy(m -> assertThat(m.get("differences")).isNotEmpty());
    }

    @Test
    void aRunOverADistrictAProgramOrTheWholeRegistryReproducesEveryDecision() {
        long uctEligible = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.expected().programs().get("UCT")).count();

        JsonNode district = runToTheEnd(Map.of("district", DISTRICT));
        JsonNode program = runToTheEnd(Map.of("district", DISTRICT, "program", "UCT"));
        long all = jdbc.queryForObject("select count(*) from eligibility_decision", Long.class);
        JsonNode everything = runToTheEnd(Map.of("scope", "REGISTRY"));

        assertThat(district.get("total").asLong()).isEqualTo(households.size());
        assertThat(district.get("identical").asLong()).isEqualTo(households.size());
        assertThat(program.get("total").asLong()).isEqualTo(uctEligible);
        assertThat(everything.get("state").asText()).isEqualTo("DONE");
        assertThat(everything.get("total").asLong()).isEqualTo(all);
        assertThat(everything.get("done").asLong()).isEqualTo(all);
        assertThat(everything.get("mismatched").asLong()).isZero();
        assertThat(everything.get("mismatches")).isEmpty();
    }

    @Test
    void aStoredDecisionChangedBehindTheRegistrysBackIsCaughtWithItsField() {
        long id = households.get("single-person-household").decision().id();
        int score = jdbc.queryForObject("select score from eligibility_decision where id = ?", Integer.class, id);
        owner.execute("DROP TRIGGER eligibility_decision_no_update");
        try {
            owner.update("update eligibility_decision set score = ? where id = ?", score + 1, id);

            JsonNode replay = get("auditor", "/api/decisions/" + id + "/replay").getBody();
            JsonNode run = runToTheEnd(Map.of("district", DISTRICT));

            assertThat(replay.get("identical").asBoolean()).isFalse();
            assertThat(replay.get("mismatches").findValuesAsText("field")).containsExactly("score");
            assertThat(replay.get("mismatches").get(0).get("recorded").asInt()).isEqualTo(score + 1);
            assertThat(replay.get("mismatches").get(0).get("replayed").asInt()).isEqualTo(score);
            assertThat(run.get("mismatched").asLong()).isEqualTo(1);
            assertThat(run.get("mismatches").get(0).get("decisionId").asLong()).isEqualTo(id);
        } finally {
            owner.update("update eligibility_decision set score = ? where id = ?", score, id);
            owner.execute("CREATE TRIGGER eligibility_decision_no_update BEFORE UPDATE ON eligibility_decision FOR EACH ROW "
                    + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'eligibility_decision is append-only: a decision cannot be changed'");
        }
    }

    @Test
    void aStoredPolicyFileChangedBehindTheRegistrysBackIsCaughtByItsHash() {
        Registration r = households.get("cutoff-32-standard-eligible");
        int version = r.decision().policyVersion();
        String path = "rules/eligibility-outcomes.drl";
        byte[] original = jdbc.queryForObject("select content from policy_file where bundle_version = ? and path = ?", byte[].class,
                version, path);
        owner.execute("DROP TRIGGER policy_file_no_update");
        try {
            byte[] changed = java.util.Arrays.copyOf(original, original.length + 1);
            changed[original.length] = '\n';
            owner.update("update policy_file set content = ? where bundle_version = ? and path = ?", changed, version, path);

            JsonNode replay = get("auditor", "/api/decisions/" + r.decision().id() + "/replay").getBody();

            assertThat(replay.get("identical").asBoolean()).isFalse();
            assertThat(replay.get("mismatches").findValuesAsText("field")).containsExactly("policySha256");
            assertThat(replay.get("mismatches").get(0).get("recorded").asText()).isEqualTo(r.decision().policySha256());
        } finally {
            owner.update("update policy_file set content = ? where bundle_version = ? and path = ?", original, version, path);
            owner.execute("CREATE TRIGGER policy_file_no_update BEFORE UPDATE ON policy_file FOR EACH ROW "
                    + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'policy_file is immutable: publish a new bundle version instead'");
        }
        assertThat(get("auditor", "/api/decisions/" + r.decision().id() + "/replay").getBody().get("identical").asBoolean()).isTrue();
    }

    @Test
    void aRunThatWaitsBehindAnotherReplaysExactlyTheDecisionsItCountedAndNoneStoredAfterItsRequest() throws Exception {
        String district = "Replay queue district";
        int requested = ReferenceRegistry.register(registry, district, "98", List.of()).size();
        policies.active();
        long first;
        long second;
        try (Connection holder = ownerDataSource.getConnection(); Statement lock = holder.createStatement()) {
            // The first run waits on this lock to read the files of the version its decisions name; the second run
            // waits behind it while more decisions of its district are stored (under the policy in force, which is
            // compiled already and needs no file).
            lock.execute("LOCK TABLES policy_file WRITE");
            try {
                first = post("auditor", "/api/replays", Map.of("district", DISTRICT)).getBody().get("id").asLong();
                JsonNode started = post("auditor", "/api/replays", Map.of("district", district)).getBody();
                second = started.get("id").asLong();
                assertThat(started.get("total").asLong()).isEqualTo(requested);
                for (int i = 0; i < 3; i++) {
                    ObjectNode survey = ReferenceRegistry.household("single-person-household").survey().deepCopy();
                    ((ObjectNode) survey.get("location")).put("district", district).put("tehsil", "Test tehsil");
                    int line = 0;
                    for (JsonNode m : survey.withArray("members")) {
                        ((ObjectNode) m).put("nationalId", String.format("95%03d-%07d-%d", i, 4000000 + line, line++ % 10));
                    }
                    registry.submit(survey, "operator");
                }
            } finally {
                lock.execute("UNLOCK TABLES");
            }
        }
        JsonNode run = follow(second);
        follow(first);

        assertThat(run.get("state").asText()).isEqualTo("DONE");
        assertThat(run.get("total").asLong()).isEqualTo(requested);
        assertThat(run.get("done").asLong()).isEqualTo(requested);
        assertThat(run.get("identical").asLong()).isEqualTo(requested);
    }

    @Test
    void theShellReplaysADecisionAndARunWithExitCodes() {
        long id = households.get("stipend-ages-5-to-16").decision().id();

        assertThat(shell("auditor", "replay", "decision", "--id", String.valueOf(id))).isZero();
        assertThat(shell("auditor", "replay", "run", "--district", DISTRICT)).isZero();
        assertThat(shell("caseworker", "replay", "decision", "--id", String.valueOf(id))).isEqualTo(3);
    }

    JsonNode runToTheEnd(Map<String, Object> filter) {
        ResponseEntity<JsonNode> started = post("auditor", "/api/replays", filter);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        return follow(started.getBody().get("id").asLong());
    }

    /** Follows a run to its end; at every look its progress is within its total. */
    JsonNode follow(long id) {
        JsonNode run = get("auditor", "/api/replays/" + id).getBody();
        for (int polls = 0; polls < 600 && "RUNNING".equals(run.get("state").asText()); polls++) {
            assertThat(run.get("done").asLong()).isLessThanOrEqualTo(run.get("total").asLong());
            sleep();
            run = get("auditor", "/api/replays/" + id).getBody();
        }
        return get("auditor", "/api/replays/" + id + "?mismatches=true").getBody();
    }

    int shell(String user, String... command) {
        return ShellAs.run(port, user, command);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return rest.exchange(path, HttpMethod.GET, auth(user, null, new HttpHeaders()), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, auth(user, body, h), JsonNode.class);
    }

    static <T> HttpEntity<T> auth(String user, T body, HttpHeaders h) {
        h.setBasicAuth(user, user + "-pass");
        return new HttpEntity<>(body, h);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
