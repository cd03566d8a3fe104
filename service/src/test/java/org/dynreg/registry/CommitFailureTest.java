package org.dynreg.registry;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.RestAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survey whose transaction fails at commit is answered as a failure (never 2xx), stores nothing, and logs no
 * line saying it was stored; on real MariaDB, with the failure brought about in the database itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CommitFailureTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    /** The schema's owner: the application account may not create or drop triggers. */
    JdbcTemplate owner;

    @Autowired
    void owner(@FlywayDataSource DataSource ownerDataSource) {
        owner = new JdbcTemplate(ownerDataSource);
    }
    @LocalServerPort int port;

    /** A client that does not repeat a request answered 503 by itself, as the test's REST template would. */
    final HttpClient http = HttpClient.newHttpClient();

    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger("org.dynreg")).addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger("org.dynreg")).detachAppender(logged);
    }

    ObjectNode household(int seed) throws Exception {
        ObjectNode s;
        try (InputStream in = getClass().getResourceAsStream("/reference/survey-punjab-47.json")) {
            s = (ObjectNode) json.readTree(in);
        }
        int i = 0;
        for (JsonNode m : s.withArray("members")) {
            ((ObjectNode) m).put("nationalId", String.format("%05d-%07d-%d", 61000 + seed, 2000000 + seed * 10 + i, i % 10));
            i++;
        }
        return s;
    }

    int stored(ObjectNode survey) {
        return jdbc.queryForObject("select count(*) from household_member where national_id = ?", Integer.class,
                survey.withArray("members").get(0).get("nationalId").asText());
    }

    List<String> storedLines() {
        synchronized (logged) {
            return logged.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("stored")).toList();
        }
    }

    @Test
    void aConnectionLostAtCommitIsAnswered503WithRetryAfterAndLogsNothingAsStored() throws Exception {
        ObjectNode survey = household(1);
        CompletableFuture<HttpResponse<String>> answer;
        // The decision row is written when the transaction commits. For this test, its insert by the supervisor
        // waits on a lock this test holds, until another connection kills the submission's connection.
        owner.execute("CREATE TRIGGER eligibility_decision_commit_test BEFORE INSERT ON eligibility_decision FOR EACH ROW "
                + "SET @held = IF(NEW.decided_by = 'supervisor', GET_LOCK('commit_failure_test', 600), 0)");
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            lock.execute("SELECT GET_LOCK('commit_failure_test', 0)");
            try {
                answer = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/surveys"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:supervisor-pass".getBytes()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(survey.toString())).build(), HttpResponse.BodyHandlers.ofString());
                owner.execute("KILL " + connectionWaitingForTheLock());
            } finally {
                lock.execute("SELECT RELEASE_LOCK('commit_failure_test')");
                owner.execute("DROP TRIGGER eligibility_decision_commit_test");
            }
        }
        HttpResponse<String> r = answer.get(2, TimeUnit.MINUTES);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(r.body()).get("type").asText()).endsWith("/database-unavailable");
        assertThat(stored(survey)).isZero();
        assertThat(storedLines()).isEmpty();

        ResponseEntity<JsonNode> again = RestAs.post(rest, "operator", "/api/surveys", survey);

        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(stored(survey)).isEqualTo(1);
        long surveyId = again.getBody().get("surveyId").asLong();
        long decisionId = again.getBody().get("decision").get("id").asLong();
        assertThat(storedLines()).anyMatch(l -> l.startsWith("survey " + surveyId + " (MISSED_OUT) stored"))
                .anyMatch(l -> l.startsWith("decision " + decisionId + " ") && l.endsWith(" stored"));
    }

    /**
     * The id of the connection waiting for the test's lock, once it gets there. It waits inside the trigger, which
     * runs as its definer, the owner: only the owner sees it in the process list, and kills it.
     */
    long connectionWaitingForTheLock() throws InterruptedException {
        for (int tries = 0; tries < 1200; tries++) {
            List<Long> ids = owner.queryForList("select id from information_schema.processlist where id <> connection_id() "
                    + "and db = database() and state = 'User lock'", Long.class);
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no connection came to wait for the lock: " + owner.queryForList(
                "select id, command, state, left(info, 60) from information_schema.processlist where db = database()"));
    }
}
