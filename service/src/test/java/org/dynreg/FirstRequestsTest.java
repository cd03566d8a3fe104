package org.dynreg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.database.OwnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances start at once on one fresh database while surveys are sent to each from the moment its port
 * answers: every first request is served as it would be later (201, by the right user, never 401 or 500), and
 * the default policy and the local users are set up once.
 */
class FirstRequestsTest {
    static final int INSTANCES = 2;
    static final int CLIENTS = 3;

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void surveysSentAtTheFirstMomentTwoInstancesOnAFreshDatabaseAnswerAreAllRegistered() throws Exception {
        Map<String, Object> database = new LinkedHashMap<>();
        OwnDatabase.use((name, value) -> database.put(name, value.get()), "first_requests_test");
        ExecutorService threads = Executors.newCachedThreadPool();
        List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
        List<Future<Integer>> surveys = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            for (int i = 0; i < INSTANCES; i++) {
                int port = freePort();
                ports.add(port);
                List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.profiles.active=test"));
                database.forEach((name, value) -> args.add("--" + name + "=" + value));
                for (int c = 0; c < CLIENTS; c++) {
                    int seed = i * CLIENTS + c;
                    surveys.add(threads.submit(() -> firstAnswer(port, seed)));
                }
                starting.add(threads.submit(() -> new SpringApplicationBuilder(DynregApplication.class).run(args.toArray(String[]::new))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> s : surveys) {
                statuses.add(s.get(10, TimeUnit.MINUTES));
            }
            ConfigurableApplicationContext first = starting.get(0).get(10, TimeUnit.MINUTES);
            starting.get(1).get(10, TimeUnit.MINUTES);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);

            assertThat(statuses).hasSize(INSTANCES * CLIENTS).containsOnly(201);
            assertThat(jdbc.queryForObject("select count(*) from policy_bundle", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from policy_activation", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class)).isEqualTo(10);
            assertThat(jdbc.queryForObject("select count(*) from survey", Integer.class)).isEqualTo(INSTANCES * CLIENTS);
            for (int port : ports) {
                assertThat(status(port, "/actuator/health/readiness")).isEqualTo(200);
                assertThat(status(port, "/actuator/health/liveness")).isEqualTo(200);
            }
        } finally {
            for (Future<ConfigurableApplicationContext> c : starting) {
                try {
                    c.get(10, TimeUnit.MINUTES).close();
                } catch (Exception e) {
                    // the assertion above reports why it did not start
                }
            }
            threads.shutdownNow();
        }
    }

    /** Sends one survey as soon as the port accepts a connection; the status of the first answer. */
    int firstAnswer(int port, int seed) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/surveys"))
                .header("Authorization", basic("operator"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(household(seed).toString())).build();
        while (true) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (ConnectException notYetListening) {
                Thread.sleep(10);
            }
        }
    }

    int status(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    ObjectNode household(int seed) throws IOException {
        ObjectNode s;
        try (InputStream in = getClass().getResourceAsStream("/reference/survey-punjab-47.json")) {
            s = (ObjectNode) json.readTree(in);
        }
        int i = 0;
        for (JsonNode m : s.withArray("members")) {
            ((ObjectNode) m).put("nationalId", String.format("%05d-%07d-%d", 62000 + seed, 3000000 + seed * 10 + i, i % 10));
            i++;
        }
        return s;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
