package org.dynreg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.eligibility.ReferenceHousehold;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.DefaultUriBuilderFactory;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service started with the test profile (real engine, embedded MariaDB) and reached over REST, with
 * reference households surveyed on a chosen day. The daily sweep is off: a test runs it for the day it
 * chooses, and the shared test database must not see sweeps it did not ask for.
 */
public final class RunningService implements AutoCloseable {
    public static final ZoneId REGISTRY_ZONE = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    public final ConfigurableApplicationContext context;
    public final TestRestTemplate rest = new TestRestTemplate();

    public RunningService(String... properties) {
        this(new Class<?>[0], properties);
    }

    /** The service with further configuration classes (beans a test replaces), and properties. */
    public RunningService(Class<?>[] sources, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "dynreg.recertification.sweep-cron=-"));
        all.addAll(List.of(properties));
        List<Class<?>> classes = new ArrayList<>(List.of(DynregApplication.class));
        classes.addAll(List.of(sources));
        context = new SpringApplicationBuilder(classes.toArray(Class<?>[]::new)).profiles("test").properties(all.toArray(String[]::new)).run();
        rest.setUriTemplateHandler(new DefaultUriBuilderFactory("http://localhost:" + context.getEnvironment().getProperty("local.server.port")));
    }

    @Override
    public void close() {
        context.close();
    }

    public static LocalDate today() {
        return LocalDate.now(REGISTRY_ZONE);
    }

    /**
     * A reference household's survey as if its interview started at {@code startedAt}: dates of birth move
     * by the same number of days, so every member keeps the age the reference gives (and the household its
     * score); national ids take the prefix, so they are this test's own.
     */
    public static ObjectNode survey(String reference, String idPrefix, OffsetDateTime startedAt) {
        ReferenceHousehold ref = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(reference)).findFirst()
                .orElseThrow();
        ObjectNode survey = ref.survey().deepCopy();
        OffsetDateTime started = OffsetDateTime.parse(survey.get("startedAt").asText());
        OffsetDateTime submitted = OffsetDateTime.parse(survey.get("submittedAt").asText());
        long days = ChronoUnit.DAYS.between(started.toLocalDate(), startedAt.toLocalDate());
        survey.put("startedAt", STAMP.format(startedAt));
        survey.put("submittedAt", STAMP.format(startedAt.plus(Duration.between(started, submitted))));
        for (JsonNode m : survey.withArray("members")) {
            ObjectNode member = (ObjectNode) m;
            String id = member.get("nationalId").asText();
            member.put("nationalId", idPrefix + id.substring(idPrefix.length()));
            member.put("dateOfBirth", LocalDate.parse(member.get("dateOfBirth").asText()).plusDays(days).toString());
        }
        return survey;
    }

    /**
     * The reference's survey taken on {@code day}, at the time of day the reference gives; when that time has not
     * come yet (today, before the reference's hour), it ends a minute ago instead, so the survey is never refused as
     * submitted in the future (then on the day before, just after midnight).
     */
    public static ObjectNode surveyOn(String reference, String idPrefix, LocalDate day) {
        ReferenceHousehold ref = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(reference)).findFirst()
                .orElseThrow();
        OffsetDateTime started = OffsetDateTime.parse(ref.survey().get("startedAt").asText());
        Duration took = Duration.between(started, OffsetDateTime.parse(ref.survey().get("submittedAt").asText()));
        OffsetDateTime onTheDay = started.with(day);
        OffsetDateTime latest = OffsetDateTime.now(started.getOffset()).minus(took).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        return survey(reference, idPrefix, onTheDay.isAfter(latest) ? latest : onTheDay);
    }

    /** The reference's answers as a re-survey of a registered household, interviewed an hour ago. */
    public static ObjectNode resurvey(String reference, String idPrefix, String updateType, long householdId) {
        ObjectNode s = survey(reference, idPrefix, OffsetDateTime.now(ZoneOffset.ofHours(5)).minusHours(1).truncatedTo(ChronoUnit.SECONDS));
        s.put("updateType", updateType);
        s.put("householdId", householdId);
        return s;
    }

    /** Registers a household as a data-entry operator; returns the registration (household, survey, decision). */
    public JsonNode register(ObjectNode survey, int expectedScore) {
        JsonNode r = submit(survey);
        assertThat(r.get("decision").get("score").asInt()).as("the reference's score, kept by the moved dates").isEqualTo(expectedScore);
        return r;
    }

    /** Submits a survey as a data-entry operator. */
    public JsonNode submit(ObjectNode survey) {
        ResponseEntity<JsonNode> r = post("operator", "/api/surveys", survey);
        assertThat(r.getStatusCode().value()).as("survey: %s", r.getBody()).isEqualTo(201);
        return r.getBody();
    }

    public String taskOf(String user, long caseId, String name) {
        JsonNode tasks = get(user, "/api/tasks?scope=group").getBody();
        for (JsonNode t : tasks) {
            if (t.get("caseId").asLong() == caseId && t.get("name").asText().equals(name)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no task '" + name + "' of case " + caseId + " for " + user + " in " + tasks);
    }

    public List<String> taskNames(long caseId) {
        List<String> names = new ArrayList<>();
        get("supervisor", "/api/cases/" + caseId).getBody().get("openTasks").forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    public List<JsonNode> casesOf(long householdId, String caseType) {
        List<JsonNode> found = new ArrayList<>();
        get("caseworker", "/api/households/" + householdId + "/cases").getBody().forEach(c -> {
            if (c.get("caseType").asText().equals(caseType)) {
                found.add(c);
            }
        });
        return found;
    }

    public List<String> notificationKinds(long householdId) {
        return get("caseworker", "/api/households/" + householdId + "/notifications").getBody().findValuesAsText("kind");
    }

    public List<String> history(long caseId) {
        List<String> steps = new ArrayList<>();
        get("auditor", "/api/cases/" + caseId).getBody().get("history")
                .forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        return steps;
    }

    /** Waits for something the engine does on its own (a timer); fails when it has not happened in a minute. */
    public static void await(String what, Supplier<Boolean> happened) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!happened.get()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("waited a minute, and still not: " + what);
            }
            Thread.sleep(100);
        }
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return RestAs.get(rest, user, path);
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return RestAs.post(rest, user, path, body);
    }

    public static Map<String, Object> surveyed(long surveyId) {
        return Map.of("outcome", "SURVEYED", "data", Map.of("surveyId", surveyId));
    }

    /** The case view's first history entry with this action. */
    public static JsonNode history(JsonNode caseView, String action) {
        for (JsonNode e : caseView.get("history")) {
            if (e.get("action").asText().equals(action)) {
                return e;
            }
        }
        throw new AssertionError("no " + action + " in " + caseView.get("history"));
    }
}
