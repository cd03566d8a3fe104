package org.dynreg.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.RestAs;
import org.dynreg.audit.Replays;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.policy.Policies;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rescoring on the real engine and MariaDB: one decision per household in scope under the pinned version, the
 * same decision the registration path gives, replaying identically; scope by province, district and program; a
 * run that fails half-way goes on after its last committed chunk when restarted, deciding nobody twice.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dynreg.batch.chunk-size=4", "dynreg.batch.max-rate=100", "dynreg.recertification.sweep-cron=-"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RescoringJobTest {
    static final String DISTRICT = "Rescoring test district";

    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;
    @Autowired Policies policies;
    @Autowired Replays replays;
    @Autowired RegistryRows rows;
    @Autowired Jobs jobs;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;

    Map<String, Registration> registered;

    @BeforeAll
    void register() {
        registered = ReferenceRegistrations.register(registry, DISTRICT, "72", List.of(), null);
    }

    @Test
    void theRegistryGivesTheFactsTheRegistrationDecisionStored() throws Exception {
        for (Map.Entry<String, Registration> r : registered.entrySet()) {
            long id = r.getValue().householdId();
            String province = jdbc.queryForObject("select province from household where id = ?", String.class, id);
            List<RegistryHousehold> page = rows.page(new RescoringScope(null, null, null), -1, new District(province, DISTRICT), id - 1, 1);

            assertThat(page).hasSize(1);
            assertThat(page.get(0).householdId()).isEqualTo(id);
            assertThat(page.get(0).latestSurveyId()).isEqualTo(r.getValue().surveyId());
            HouseholdFactsBuilder.Facts facts = HouseholdFactsBuilder.build(page.get(0).answers());
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("household", facts.household());
            inputs.put("members", facts.members());
            JsonNode stored = json.readTree(jdbc.queryForObject("select inputs from eligibility_decision where id = ?", String.class,
                    r.getValue().decision().id()));
            JsonNode derived = json.valueToTree(inputs);
            assertThat(derived).as(r.getKey()).isEqualTo(stored);
        }
    }

    @Test
    void aDistrictIsRescoredOncePerHouseholdUnderThePinnedVersionAsRegistrationDecidedAndReplaysIdentically() {
        int active = policies.active().version();
        ResponseEntity<JsonNode> started = post("officer", "/api/jobs/rescoring", Map.of("district", DISTRICT));

        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
        JobView done = jobs.await(started.getBody().get("executionId").asLong());
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.policyVersion()).isEqualTo(active);
        assertThat(done.total()).isEqualTo(registered.size());
        assertThat(done.done()).isEqualTo(registered.size());
        List<Map<String, Object>> decisions = jdbc.queryForList("select * from eligibility_decision where batch_job_instance = ?", done.instanceId());
        assertThat(decisions).hasSize(registered.size());
        assertThat(decisions.stream().map(d -> d.get("household_id")).distinct()).hasSize(registered.size());
        for (Registration r : registered.values()) {
            Map<String, Object> batch = decisions.stream().filter(d -> ((Number) d.get("household_id")).longValue() == r.householdId())
                    .findFirst().orElseThrow();
            Map<String, Object> registration = jdbc.queryForMap("select * from eligibility_decision where id = ?", r.decision().id());
            assertThat(registration.get("policy_version")).as("registered under the version the run pinned").isEqualTo(active);
            assertThat(batch.get("policy_version")).isEqualTo(active);
            assertThat(batch.get("policy_sha256")).isEqualTo(done.policySha256());
            assertThat(batch.get("decided_by")).isEqualTo("job:rescoring/" + done.instanceId());
            assertThat(batch.get("survey_id")).isEqualTo(registration.get("survey_id"));
            for (String column : List.of("score", "cash_transfer_eligible", "inputs", "score_breakdown", "likelihoods", "programs",
                    "fired_rules", "reasons")) {
                assertThat(tree(batch.get(column))).as("%s of household %d", column, r.householdId()).isEqualTo(tree(registration.get(column)));
            }
            long id = ((Number) batch.get("id")).longValue();
            assertThat(replays.replay(id, null, "auditor").identical()).as("replay of decision %d", id).isTrue();
        }
        JsonNode view = get("auditor", "/api/jobs/" + done.executionId()).getBody();
        assertThat(view.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.get("done").asLong()).isEqualTo(registered.size());
        assertThat(view.get("policyVersion").asInt()).isEqualTo(active);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject = ? and action in ('job.start', 'job.end')",
                Integer.class, "job:" + done.executionId())).isEqualTo(2);
    }

    @Test
    void aProvinceAndAProgramSelectTheirHouseholds() {
        Set<Long> inAjk = new HashSet<>(jdbc.queryForList("select id from household where province = 'AJK'", Long.class));
        JobView ajk = jobs.await(jobs.startRescoring("AJK", null, null, "supervisor").executionId());
        assertThat(ajk.status()).isEqualTo("COMPLETED");
        assertThat(decided(ajk)).isEqualTo(inAjk).contains(registered.get("stipend-ages-5-to-16").householdId());

        Set<Long> eligible = new HashSet<>(jdbc.queryForList("select h.id from household h where h.province = 'SINDH' and exists ("
                + " select 1 from eligibility_decision d where d.id = (select x.id from eligibility_decision x where x.household_id = h.id"
                + " order by x.decided_at desc, x.id desc limit 1) and JSON_CONTAINS(d.programs, JSON_OBJECT('program', 'UCT', 'eligible', true)))",
                Long.class));
        JobView uct = jobs.await(jobs.startRescoring("SINDH", null, "UCT", "officer").executionId());
        assertThat(uct.status()).isEqualTo("COMPLETED");
        assertThat(decided(uct)).isEqualTo(eligible).contains(registered.get("cutoff-32-standard-eligible").householdId())
                .doesNotContain(registered.get("exclusion-land-above-12-5-acres").householdId());
    }

    @Test
    void refusalsNameWhatIsWrong() {
        assertThat(post("operator", "/api/jobs/rescoring", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(post("auditor", "/api/jobs/rescoring", Map.of()).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> province = post("officer", "/api/jobs/rescoring", Map.of("province", "NOWHERE"));
        assertThat(province.getStatusCode().value()).isEqualTo(422);
        assertThat(province.getBody().get("detail").asText()).contains("province");
        ResponseEntity<JsonNode> empty = post("officer", "/api/jobs/rescoring", Map.of("district", "No such district"));
        assertThat(empty.getStatusCode().value()).isEqualTo(422);
        assertThat(empty.getBody().get("detail").asText()).contains("district", "no household is in scope");
        assertThat(get("officer", "/api/jobs/99999999").getStatusCode().value()).isEqualTo(404);
        assertThat(post("officer", "/api/jobs/99999999/restart", Map.of()).getStatusCode().value()).isEqualTo(404);

        JobView completed = jobs.await(jobs.startRescoring("PUNJAB", DISTRICT, null, "officer").executionId());
        assertThat(completed.status()).isEqualTo("COMPLETED");
        ResponseEntity<JsonNode> again = post("officer", "/api/jobs/" + completed.executionId() + "/restart", Map.of());
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asText()).contains("start a new run");
        assertThat(post("officer", "/api/jobs/" + completed.executionId() + "/stop", Map.of()).getStatusCode().value()).isEqualTo(409);
        assertThat(get("supervisor", "/api/jobs").getBody().findValuesAsText("executionId")).contains(String.valueOf(completed.executionId()));
    }

    @Test
    void aRunThatFailsHalfWayGoesOnAfterItsLastCommittedChunkWhenRestarted() {
        String district = "Rescoring failure district";
        List<Long> households = new RegistryFixture(jdbc).insert("PUNJAB", district, 20, "73001", LocalDate.of(2025, 5, 5));
        long broken = households.get(10);
        jdbc.update("update household_member set relation = 'NOT_A_RELATION' where household_id = ?", broken);

        JobView failed = jobs.await(jobs.startRescoring(null, district, null, "officer").executionId());

        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.exitMessage()).contains("household " + broken, "NOT_A_RELATION");
        List<Long> before = jdbc.queryForList("select id from eligibility_decision where batch_job_instance = ? order by id", Long.class,
                failed.instanceId());
        assertThat(before).as("two chunks of 4 committed before the one holding the broken household").hasSize(8);
        assertThat(failed.done()).isEqualTo(8);

        jdbc.update("update household_member set relation = 'SON' where household_id = ? and relation = 'NOT_A_RELATION'", broken);
        ResponseEntity<JsonNode> restarted = post("officer", "/api/jobs/" + failed.executionId() + "/restart", Map.of());
        assertThat(restarted.getStatusCode().value()).as("%s", restarted.getBody()).isEqualTo(202);
        JobView completed = jobs.await(restarted.getBody().get("executionId").asLong());

        assertThat(completed.status()).isEqualTo("COMPLETED");
        assertThat(completed.instanceId()).as("the same run").isEqualTo(failed.instanceId());
        List<Long> decided = jdbc.queryForList("select household_id from eligibility_decision where batch_job_instance = ?", Long.class,
                failed.instanceId());
        assertThat(decided).hasSize(20).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(households);
        assertThat(jdbc.queryForList("select id from eligibility_decision where batch_job_instance = ? order by id", Long.class,
                failed.instanceId())).containsAll(before);
        assertThat(completed.done()).isEqualTo(20).isEqualTo(completed.total());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject = ? and action = 'job.restart'", Integer.class,
                "job:" + completed.executionId())).isEqualTo(1);
    }

    @Test
    void aStoppedRunEndsAfterItsChunkInProgressAndARestartCompletesIt() throws InterruptedException {
        String district = "Rescoring stop district";
        List<Long> households = new RegistryFixture(jdbc).insert("KHYBER_PAKHTUNKHWA", district, 400, "73002", LocalDate.of(2025, 5, 6));
        JobView started = jobs.startRescoring(null, district, null, "supervisor");
        long until = System.nanoTime() + 120_000_000_000L;
        while (decided(started).size() < 8) {
            assertThat(System.nanoTime()).as("8 decisions within two minutes").isLessThan(until);
            Thread.sleep(20);
        }

        ResponseEntity<JsonNode> stop = post("supervisor", "/api/jobs/" + started.executionId() + "/stop", Map.of());

        assertThat(stop.getStatusCode().value()).as("%s", stop.getBody()).isEqualTo(200);
        JobView stopped = jobs.await(started.executionId());
        assertThat(stopped.status()).isEqualTo("STOPPED");
        int before = decided(stopped).size();
        assertThat(before).as("held back to 100 a second, it stops long before the end").isLessThan(400).isEqualTo((int) stopped.done());
        assertThat(before % 4).as("whole chunks").isZero();

        JobView completed = jobs.await(jobs.restart(stopped.executionId(), "supervisor").executionId());

        assertThat(completed.status()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("select household_id from eligibility_decision where batch_job_instance = ?", Long.class,
                started.instanceId())).hasSize(400).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(households);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where subject = ? and action = 'job.stop'", Integer.class,
                "job:" + started.executionId())).isEqualTo(1);
    }

    private Set<Long> decided(JobView run) {
        return new HashSet<>(jdbc.queryForList("select household_id from eligibility_decision where batch_job_instance = ?", Long.class,
                run.instanceId()));
    }

    private JsonNode tree(Object column) {
        try {
            return json.readTree(String.valueOf(column));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return RestAs.get(rest, user, path);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return RestAs.post(rest, user, path, body);
    }
}
