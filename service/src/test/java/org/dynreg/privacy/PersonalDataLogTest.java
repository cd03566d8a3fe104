package org.dynreg.privacy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.RestAs;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surveys racing on the same national ids make the database refuse duplicates, whose messages carry the
 * national id; with every logger at TRACE, no line of the log may carry any national id, name, mobile number,
 * address or date of birth the surveys held.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonalDataLogTest {
    private static final int THREADS = 4;
    private static final int MAX_ROUNDS = 12;

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired org.springframework.core.env.Environment settings;

    @Test
    void racingSurveysOnOneNationalIdLeaveNoPersonalDataInAnyLogLine() throws Exception {
        // The service's settings quiet both SQL error loggers; read from the settings because a shell run by an earlier
        // test in this JVM configures logging again for itself. Below, every logger is at TRACE, these two included,
        // so the mask is what is under test.
        assertThat(settings.getProperty("logging.level.org.hibernate.engine.jdbc.spi.SqlExceptionHelper")).isEqualTo("OFF");
        assertThat(settings.getProperty("logging.level.org.mariadb.jdbc.message.server.ErrorPacket")).isEqualTo("OFF");

        List<String> personal = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        Capture capture = new Capture();
        try (Everything ignored = everythingAtTrace(capture)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 0; round < MAX_ROUNDS && !statuses.contains(409); round++) {
                    ObjectNode survey = survey(round, personal);
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        calls.add(pool.submit(() -> {
                            start.await();
                            return RestAs.post(rest, "operator", "/api/surveys", survey);
                        }));
                    }
                    start.countDown();
                    for (Future<ResponseEntity<JsonNode>> c : calls) {
                        ResponseEntity<JsonNode> r = c.get();
                        statuses.add(r.getStatusCode().value());
                        if (r.getStatusCode().value() == 201) {
                            RestAs.get(rest, "caseworker", "/api/households/" + r.getBody().get("householdId").asLong());
                        }
                    }
                }
            } finally {
                pool.shutdown();
            }
        }

        assertThat(statuses).as("the database refused at least one duplicate national id").contains(409)
                .allMatch(s -> s == 201 || s == 409 || s == 422);
        assertThat(capture.lines).as("the log was captured at TRACE").hasSizeGreaterThan(100);
        assertThat(capture.lines).as("the database's refusal reached the log, masked")
                .anyMatch(l -> l.contains("Duplicate entry '" + PersonalDataMask.VALUE + "' for key"));
        Map<String, String> leaks = new java.util.TreeMap<>();
        capture.lines.stream().filter(l -> personal.stream().anyMatch(l::contains))
                .forEach(l -> leaks.putIfAbsent(l.split(" +", 3)[1], l.length() > 300 ? l.substring(0, 300) + "..." : l));
        assertThat(leaks).as("loggers that wrote a national id, name, mobile number, address or date of birth, with a line of each").isEmpty();
    }

    /** The example survey with this round's own national ids, names, dates of birth, address and mobile, listed in {@code personal}. */
    private ObjectNode survey(int round, List<String> personal) throws Exception {
        ObjectNode s;
        try (InputStream in = getClass().getResourceAsStream("/reference/survey-punjab-47.json")) {
            s = (ObjectNode) json.readTree(in);
        }
        String[] given = {"Zarghuna", "Parwasha", "Gulalai", "Shandana", "Mehrunnisa"};
        int line = 0;
        for (JsonNode m : s.withArray("members")) {
            String id = String.format("61%03d-%07d-%d", round, 4000000 + line, line);
            String name = given[line] + " Qazalbash" + round;
            String born = String.format("19%02d-%02d-%02d", 40 + round, 1 + line, 3 + round);
            ((ObjectNode) m).put("nationalId", id).put("name", name).put("dateOfBirth", born);
            personal.addAll(List.of(id, id.replace("-", ""), name, born));
            line++;
        }
        String address = "House " + (700 + round) + ", Kucha Qazalbash, Lahore";
        String mobile = String.format("0345%07d", 7000000 + round);
        ((ObjectNode) s.get("location")).put("address", address);
        ((ObjectNode) s.get("contact")).put("mobile", mobile);
        personal.addAll(List.of(address, "Kucha Qazalbash", mobile, mobile.substring(1)));
        return s;
    }

    /** Every logger at TRACE into {@code capture} alone (the console keeps its lines), as configured again on close. */
    private static Everything everythingAtTrace(Capture capture) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Map<Logger, Level> levels = new HashMap<>();
        context.getLoggerList().stream().filter(l -> l.getLevel() != null).forEach(l -> levels.put(l, l.getLevel()));
        List<Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(console::add);
        capture.setContext(context);
        capture.start();
        console.forEach(a -> root.detachAppender(a));
        root.addAppender(capture);
        levels.keySet().forEach(l -> l.setLevel(Level.TRACE));
        return () -> {
            levels.forEach(Logger::setLevel);
            root.detachAppender(capture);
            console.forEach(root::addAppender);
            capture.stop();
        };
    }

    interface Everything extends AutoCloseable {
        @Override
        void close();
    }

    /** Each line as the tests' console pattern writes it, through the configured conversion words. */
    static class Capture extends AppenderBase<ILoggingEvent> {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        private final PatternLayout layout = new PatternLayout();

        @Override
        public void start() {
            layout.setContext(getContext());
            layout.setPattern("%-5level %logger %msg%n%ex");
            layout.start();
            super.start();
        }

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(layout.doLayout(event));
        }
    }
}
