package org.dynreg.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.RestAs;
import org.dynreg.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process timer that falls due while another transaction is changing the same case (a task being completed, the
 * same timer fired by another instance of the service) waits for that change and fires once on the case as it then
 * is. Here the other transaction holds the process instance's row, waits until the timer's transaction is stuck
 * behind it, then commits a new version of the instance. Before the timer locked the row first, the timer read the old
 * version, failed its optimistic lock at the end, and the engine fired it again inside the same transaction on the
 * same old version, until the stack overflowed: no escalation was stored, and a pooled connection could be left
 * mid-answer, handing later requests the answers of earlier ones. National ids start with 9201.
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimerBesideAConcurrentChangeTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void aTimerDueWhileTheCaseIsChangingFiresOnceOnTheChangedCase() throws Exception {
        ObjectNode survey = RunningService.survey("cutoff-33-standard-not-eligible", "9201",
                OffsetDateTime.now(ZoneOffset.ofHours(5)).minusDays(2).truncatedTo(ChronoUnit.SECONDS));
        ResponseEntity<JsonNode> registered = RestAs.post(rest, "operator", "/api/surveys", survey);
        assertThat(registered.getStatusCode().value()).as("%s", registered.getBody()).isEqualTo(201);
        long household = registered.getBody().get("householdId").asLong();

        String instance;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // the appeal's review is due in 7 case-clock days (3.5 s in the test profile); the row is held before then
            ResponseEntity<JsonNode> lodged = RestAs.post(rest, "operator", "/api/appeals", Map.of("householdId", household,
                    "evidence", "income fell", "grounds", List.of("SCORE_NEAR_CUTOFF")));
            assertThat(lodged.getStatusCode().value()).as("%s", lodged.getBody()).isEqualTo(201);
            long caseId = lodged.getBody().get("id").asLong();
            instance = jdbc.queryForObject("select process_instance_id from workflow_case where id = ?", String.class, caseId);
            try (PreparedStatement hold = other.prepareStatement("SELECT version FROM process_instances WHERE id = ? FOR UPDATE")) {
                hold.setString(1, instance);
                hold.executeQuery().close();
            }
            assertThat(jdbc.queryForObject("select count(*) from escalation where case_id = ?", Integer.class, caseId))
                    .as("the review's timer has not fired before the row was held").isZero();

            RunningService.await("the timer's transaction waits for the process instance's row", () -> waitingFor(other, instance));
            try (PreparedStatement change = other.prepareStatement("UPDATE process_instances SET version = version + 1 WHERE id = ?")) {
                change.setString(1, instance);
                assertThat(change.executeUpdate()).isEqualTo(1);
            }
            other.commit();

            RunningService.await("the review's escalation is stored", () -> escalations(caseId) > 0);
            assertThat(escalations(caseId)).as("the timer fired once").isEqualTo(1);
            JsonNode view = RestAs.get(rest, "supervisor", "/api/cases/" + caseId).getBody();
            assertThat(view.get("history").findValuesAsText("action").stream().filter("case.escalate"::equals)).hasSize(1);
            assertThat(view.get("openTasks").findValuesAsText("name")).as("escalation leaves the task open").hasSize(1);
        }

        // every pooled connection still answers its own question
        for (int i = 0; i < 30; i++) {
            assertThat(jdbc.queryForObject("select ?", Integer.class, i)).isEqualTo(i);
        }
    }

    private int escalations(long caseId) {
        return jdbc.queryForObject("select count(*) from escalation where case_id = ?", Integer.class, caseId);
    }

    /**
     * Whether another connection of the service's account is stuck on a statement over the instance's row (it can only
     * be waiting for the lock this connection holds): the process list shows the account's own connections.
     */
    private static boolean waitingFor(Connection holder, String instance) {
        try (Statement s = holder.createStatement();
             ResultSet rs = s.executeQuery("select info from information_schema.processlist where id <> connection_id()"
                     + " and command = 'Query' and info like '%process_instances%'")) {
            while (rs.next()) {
                String sql = rs.getString(1);
                if (sql != null && sql.contains(instance)) {
                    return true;
                }
            }
            return false;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
