package org.dynreg.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.RestAs;
import org.dynreg.eligibility.ReferenceHousehold;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.Registry;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Notifications;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due-date sweep as a job: a beneficiary due gets the recertification case the sweep has always opened, a
 * non-beneficiary due is told once that it may ask for a cyclic update, households not yet due get nothing; running
 * it again for the same day changes nothing.
 *
 * <p>The households are surveyed in 2019 and 2020, on days no other test uses, and swept as of 2022-03-04.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dynreg.batch.chunk-size=2", "dynreg.recertification.sweep-cron=-"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DueDateSweepTest {
    static final String DISTRICT = "Sweep test district";
    static final LocalDate AS_OF = LocalDate.of(2022, 3, 4);

    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;
    @Autowired Jobs jobs;
    @Autowired Cases cases;
    @Autowired Notifications notifications;
    @Autowired JdbcTemplate jdbc;

    long beneficiaryDue;
    long beneficiaryNotYet;
    long cyclicDue;
    long cyclicDueLater;
    long cyclicSoon;
    long cyclicNotYet;

    @BeforeAll
    void register() {
        beneficiaryDue = register("cutoff-32-standard-eligible", "75", LocalDate.of(2019, 3, 4));
        beneficiaryNotYet = register("cutoff-37-disabled-member-eligible", "75", LocalDate.of(2019, 3, 5));
        cyclicDue = register("single-person-household", "75", LocalDate.of(2019, 3, 4));
        cyclicDueLater = register("cutoff-33-standard-not-eligible", "75", LocalDate.of(2020, 1, 15));
        cyclicSoon = register("exclusion-government-employee", "75", LocalDate.of(2020, 3, 20));
        cyclicNotYet = register("exclusion-car", "75", LocalDate.of(2020, 4, 5));
    }

    @Test
    void dueHouseholdsGetTheirCaseOrNoticeOnceAndASecondRunChangesNothing() {
        assertThat(post("operator", "/api/jobs/sweep", Map.of("scope", "REGISTRY", "asOf", AS_OF.toString())).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> ahead = post("supervisor", "/api/jobs/sweep",
                Map.of("scope", "REGISTRY", "asOf", LocalDate.now(ZoneId.of("Asia/Karachi")).plusDays(1).toString()));
        assertThat(ahead.getStatusCode().value()).isEqualTo(422);
        assertThat(ahead.getBody().get("detail").asText()).contains("after today");
        ResponseEntity<JsonNode> malformed = post("supervisor", "/api/jobs/sweep", Map.of("scope", "REGISTRY", "asOf", "4.3.2022"));
        assertThat(malformed.getStatusCode().value()).isEqualTo(422);
        assertThat(malformed.getBody().get("detail").asText()).contains("asOf", "2026-11-25");

        ResponseEntity<JsonNode> started = post("supervisor", "/api/jobs/sweep", Map.of("scope", "REGISTRY", "asOf", AS_OF.toString()));

        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(202);
        assertThat(started.getBody().get("scope").get("scope").asText()).isEqualTo("REGISTRY");
        JobView first = jobs.await(started.getBody().get("executionId").asLong());
        assertThat(first.status()).isEqualTo("COMPLETED");
        assertThat(first.total()).isGreaterThanOrEqualTo(3);
        assertThat(first.done()).isEqualTo(first.total());

        List<Map<String, Object>> recertification = cases.ofHousehold(beneficiaryDue);
        assertThat(recertification).hasSize(1);
        assertThat(recertification.get(0)).containsEntry("caseType", "RECERTIFICATION").containsEntry("state", "OPEN");
        JsonNode opened = get("supervisor", "/api/cases/" + recertification.get(0).get("id")).getBody();
        assertThat(opened.get("openTasks").findValuesAsText("name")).containsExactly("Re-survey the household");
        assertThat(opened.get("history").get(0).get("action").asText()).isEqualTo("case.open");
        assertThat(opened.get("history").get(0).get("actor").asText()).isEqualTo("supervisor");
        assertThat(opened.get("history").get(0).get("details").get("lastSurveyedOn").asText()).isEqualTo("2019-03-04");
        assertThat(cases.ofHousehold(beneficiaryNotYet)).as("due a day later").isEmpty();

        for (long household : List.of(cyclicDue, cyclicDueLater, cyclicSoon)) {
            assertThat(cases.ofHousehold(household)).as("the household asks for the update; no case is opened for it").isEmpty();
            assertThat(notifications.of(household)).extracting(Notifications.Notification::kind).containsExactly("CYCLIC_UPDATE_DUE");
        }
        assertThat(notifications.of(cyclicDue).get(0).message()).contains("from 2021-03-04", "24 months", "last survey on 2019-03-04");
        assertThat(notifications.of(cyclicSoon).get(0).message()).as("told the Update windows table's 30 days ahead")
                .contains("from 2022-03-20");
        assertThat(notifications.of(cyclicNotYet)).as("more than 30 days ahead").isEmpty();
        assertThat(notifications.of(beneficiaryDue)).as("a beneficiary is told its recertification is due, not a cyclic update")
                .extracting(Notifications.Notification::kind).containsExactly("RECERTIFICATION_DUE");
        assertThat(notifications.of(beneficiaryDue).get(0).message()).contains("due for recertification", "last survey was on 2019-03-04",
                "suspended");

        int allCases = count("workflow_case");
        int allNotifications = count("notification");
        int allNotices = count("update_due_notice");

        JobView second = jobs.await(jobs.startSweep(AS_OF, "supervisor").executionId());

        assertThat(second.status()).isEqualTo("COMPLETED");
        assertThat(second.total()).as("nothing is due any more").isZero();
        assertThat(count("workflow_case")).isEqualTo(allCases);
        assertThat(count("notification")).isEqualTo(allNotifications);
        assertThat(count("update_due_notice")).isEqualTo(allNotices);
        assertThat(cases.ofHousehold(beneficiaryDue)).hasSize(1);
        assertThat(notifications.of(cyclicDue)).hasSize(1);

        // 76 days into the 90-day grace period, the household is warned (Update windows table: 14 days before), once.
        long caseId = ((Number) cases.ofHousehold(beneficiaryDue).get(0).get("id")).longValue();
        jdbc.update("update workflow_case set opened_at = ? where id = ?",
                java.sql.Timestamp.from(AS_OF.minusDays(76).atTime(12, 0).atZone(ZoneId.of("Asia/Karachi")).toInstant()), caseId);
        JobView third = jobs.await(jobs.startSweep(AS_OF, "supervisor").executionId());
        assertThat(third.status()).isEqualTo("COMPLETED");
        assertThat(notifications.of(beneficiaryDue)).extracting(Notifications.Notification::kind)
                .containsExactly("RECERTIFICATION_DUE", "RECERTIFICATION_SUSPENSION_WARNING");
        assertThat(notifications.of(beneficiaryDue).get(1).message()).contains("before " + AS_OF.plusDays(14));
        JobView fourth = jobs.await(jobs.startSweep(AS_OF, "supervisor").executionId());
        assertThat(fourth.total()).as("warned once").isZero();
        assertThat(notifications.of(beneficiaryDue)).hasSize(2);
    }

    private long register(String reference, String prefix, LocalDate on) {
        ReferenceHousehold h = ReferenceHouseholds.fromClasspath().stream().filter(r -> r.name().equals(reference)).findFirst().orElseThrow();
        return registry.submit(ReferenceRegistrations.survey(h, DISTRICT, prefix, on), "operator").householdId();
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return RestAs.get(rest, user, path);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return RestAs.post(rest, user, path, body);
    }
}
