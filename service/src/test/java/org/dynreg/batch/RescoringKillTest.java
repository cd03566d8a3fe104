package org.dynreg.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.dynreg.DynregApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of a rescoring run loses and duplicates no decision. The service runs in a child JVM on this
 * test's database, held back by dynreg.batch.max-rate so that the run cannot end before the kill; it is killed
 * (SIGKILL) once some but not all of the run's decisions are committed. The service then starts again here: its
 * start marks the run FAILED, the restart completes it, and every household in scope has exactly one decision of
 * the run. Waits poll with a generous overall limit; nothing depends on how fast the machine is.
 */
class RescoringKillTest {
    static final String PROVINCE = "BALOCHISTAN";
    static final String DISTRICT = "Kill test district";
    static final int HOUSEHOLDS = 3000;
    static final int CHUNK = 50;
    /** At most this many households a second: the run takes at least 10 s, the kill comes after 200. */
    static final int RATE = 300;
    static final Duration PATIENCE = Duration.ofMinutes(4);

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aRunKilledHalfWayIsRestartedWithoutLosingOrDuplicatingADecision() throws Exception {
        try (ConfigurableApplicationContext database = service()) {
            JdbcTemplate jdbc = database.getBean(JdbcTemplate.class);
            List<Long> households = new RegistryFixture(jdbc).insert(PROVINCE, DISTRICT, HOUSEHOLDS, "74001", LocalDate.of(2025, 4, 4));
            HikariDataSource db = database.getBean(HikariDataSource.class);
            int port = freePort();
            Path log = Path.of(System.getProperty("dynreg.test.build-dir", "target"), "rescoring-kill-test-child.log");
            Process child = child(db, database.getBean("ownerDataSource", SimpleDriverDataSource.class), port, log);
            long execution;
            long run;
            try {
                await("the child service answers", () -> answers(port), child, log);
                JsonNode started = post(port, "/api/jobs/rescoring", "{\"district\":\"" + DISTRICT + "\"}");
                execution = started.get("executionId").asLong();
                run = started.get("instanceId").asLong();
                assertThat(started.get("total").asLong()).isEqualTo(HOUSEHOLDS);
                await("200 decisions of the run committed", () -> decisions(jdbc, run) >= 200, child, log);
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            List<Long> committed = jdbc.queryForList("select id from eligibility_decision where batch_job_instance = ?", Long.class, run);

            assertThat(committed.size()).as("some but not all decisions committed").isBetween(200, HOUSEHOLDS - 1);
            assertThat(committed.size() % CHUNK).as("a chunk's decisions commit together or not at all").isZero();
            assertThat(jdbc.queryForObject("select STATUS from BATCH_JOB_EXECUTION where JOB_EXECUTION_ID = ?", String.class, execution))
                    .as("left as the killed process had it").isEqualTo("STARTED");

            try (ConfigurableApplicationContext restarted = service()) {
                Jobs jobs = restarted.getBean(Jobs.class);
                JobView failed = jobs.view(execution);
                assertThat(failed.status()).as("marked when the service started again").isEqualTo("FAILED");
                assertThat(failed.exitMessage()).contains("marked FAILED when instance", "ended without finishing it");
                assertThat(failed.done()).isEqualTo(committed.size());

                JobView done = jobs.await(jobs.restart(execution, "officer").executionId());

                assertThat(done.status()).isEqualTo("COMPLETED");
                assertThat(done.instanceId()).isEqualTo(run);
                List<Long> decided = jdbc.queryForList("select household_id from eligibility_decision where batch_job_instance = ?", Long.class, run);
                assertThat(decided).as("no household twice, every household once").hasSize(HOUSEHOLDS).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(households);
                assertThat(jdbc.queryForList("select id from eligibility_decision where batch_job_instance = ?", Long.class, run))
                        .as("the decisions committed before the kill are kept").containsAll(committed);
                assertThat(done.done()).isEqualTo(HOUSEHOLDS);
            }
        }
    }

    private static ConfigurableApplicationContext service() {
        return new SpringApplicationBuilder(DynregApplication.class).profiles("test")
                .properties("server.port=0", "dynreg.recertification.sweep-cron=-", "dynreg.batch.chunk-size=" + CHUNK).run();
    }

    /** The service on this test's database (whichever server that is), without recreating it. */
    private static Process child(HikariDataSource db, SimpleDriverDataSource owner, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "-Dspring.profiles.active=test", "-Dserver.port=" + port, "-Ddynreg.db.url=" + db.getJdbcUrl(),
                "-Ddynreg.db.user=" + db.getUsername(), "-Ddynreg.db.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "-Ddynreg.db.owner-user=" + owner.getUsername(), "-Ddynreg.db.owner-password=" + owner.getPassword(),
                "-Ddynreg.db.recreate=false", "-Ddynreg.db.create-database=false", "-Ddynreg.db.create-accounts=false",
                "-Ddynreg.recertification.sweep-cron=-",
                "-Ddynreg.batch.max-rate=" + RATE, "-Ddynreg.batch.chunk-size=" + CHUNK, DynregApplication.class.getName()));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long decisions(JdbcTemplate jdbc, long run) {
        return jdbc.queryForObject("select count(*) from eligibility_decision where batch_job_instance = ?", Long.class, run);
    }

    private boolean answers(int port) {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode post(int port, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:officer-pass".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body());
    }

    private static void await(String what, BooleanSupplier happened, Process child, Path log) throws Exception {
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (!happened.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new AssertionError("the child service ended before " + what + "; its log: " + log);
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("waited " + PATIENCE.toMinutes() + " minutes, and still not: " + what + "; child log: " + log);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
