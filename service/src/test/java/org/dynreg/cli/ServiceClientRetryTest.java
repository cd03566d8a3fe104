package org.dynreg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shell sends a request again when the service answers 503 with Retry-After, and only then. */
class ServiceClientRetryTest {
    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    record Answer(int status, String retryAfter, String body) {
    }

    ServiceClientRetryTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            Answer a = answers.isEmpty() ? new Answer(200, null, "{\"ok\":true}") : answers.poll();
            if (a.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ServiceClient client() {
        return new ServiceClient(new ObjectMapper(), "http://127.0.0.1:" + server.getAddress().getPort(), "officer", "officer-pass");
    }

    private static Answer unavailable(String retryAfter) {
        return new Answer(503, retryAfter, "{\"detail\":\"the database did not complete the request\"}");
    }

    @Test
    void aRequestAnswered503WithRetryAfterIsSentAgainAndItsLaterAnswerCounts() {
        answers.add(unavailable("0"));
        answers.add(unavailable("0"));

        assertThat(client().postJson("/api/jobs/rescoring", "{}").get("ok").asBoolean()).isTrue();
        assertThat(requests).hasValue(3);
    }

    @Test
    void afterFour503sOrA503WithoutRetryAfterTheShellSaysTheServiceIsUnavailable() {
        for (int i = 0; i < 5; i++) {
            answers.add(unavailable("0"));
        }
        assertThatThrownBy(() -> client().get("/api/jobs")).isInstanceOfSatisfying(CliFailure.class,
                f -> assertThat(f.exitCode).isEqualTo(CliFailure.UNREACHABLE));
        assertThat(requests).as("sent four times in all").hasValue(4);

        answers.clear();
        requests.set(0);
        answers.add(new Answer(503, null, "{\"detail\":\"down for maintenance\"}"));
        assertThatThrownBy(() -> client().get("/api/jobs")).isInstanceOf(CliFailure.class);
        assertThat(requests).as("no Retry-After: not sent again").hasValue(1);
    }
}
