package org.dynreg.shock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.DynregApplication;
import org.dynreg.RestAs;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shock update through REST on the real engine and MariaDB: reference households registered into
 * Punjab districts no other test uses (national ids 88... and 89...), a shock declared over them, the re-survey orders in
 * the Shock response table's order, re-surveys rescored into emergency assistance or none, a household
 * not reached, and the wrong moves refused with nothing changed.
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ShockUpdateProcessTest {
    static final String RESURVEY = "Re-survey after the shock";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    record Registered(long householdId, long surveyId, int score, ObjectNode survey) {}

    @Test
    void aShockOrdersReSurveysByPriorityAndNamesTheHouseholdsForAssistance() {
        Registered travel = register("exclusion-international-travel", "881", "Okara", "Okara", s -> { });
        Registered phone = register("exclusion-phone-bill-above-1000", "881", "Okara", "Depalpur", s -> { });
        Registered cutoff = register("cutoff-33-standard-not-eligible", "881", "Okara", "Okara", s -> { });
        Registered wellOff = register("cutoff-33-standard-not-eligible", "882", "Okara", "Renala Khurd",
                s -> ((ObjectNode) s.get("assets")).put("refrigerator", true).put("motorcycle", true));
        register("exclusion-international-travel", "883", "Pakpattan", "Arif Wala", s -> { });
        assertThat(List.of(travel.score(), phone.score(), cutoff.score(), wellOff.score())).containsExactly(31, 32, 33, 57);

        ResponseEntity<JsonNode> declared = post("officer", "/api/shocks", declaration(List.of(area("PUNJAB", "Okara", null))));

        assertThat(declared.getStatusCode().value()).isEqualTo(201);
        JsonNode shock = declared.getBody();
        long shockId = shock.get("id").asLong();
        assertThat(declared.getHeaders().getLocation().getPath()).isEqualTo("/api/shocks/" + shockId);
        assertThat(longs(shock.get("cases"), "householdId"))
                .as("priority 1 (scores 0-32) first, then 2 (33-50), then 3 (51-100); by score within a priority")
                .containsExactly(travel.householdId(), phone.householdId(), cutoff.householdId(), wellOff.householdId());
        assertThat(longs(shock.get("cases"), "priority")).containsExactly(1L, 1L, 2L, 3L);
        assertThat(longs(shock.get("cases"), "caseId")).as("opened in that order").isSorted();
        assertThat(shock.get("byPriority").toString()).isEqualTo("[{\"priority\":1,\"cases\":2},{\"priority\":2,\"cases\":1},{\"priority\":3,\"cases\":1}]");
        assertThat(shock.get("cases").findValuesAsText("state")).containsOnly("OPEN");
        assertThat(shock.get("skipped")).isEmpty();
        assertThat(get("caseworker", "/api/shocks/" + shockId).getBody().get("cases")).isEqualTo(shock.get("cases"));

        JsonNode orders = get("operator", "/api/shocks/resurveys?shock=" + shockId).getBody();
        assertThat(longs(orders, "householdId"))
                .containsExactly(travel.householdId(), phone.householdId(), cutoff.householdId(), wellOff.householdId());
        assertThat(longs(orders, "priority")).containsExactly(1L, 1L, 2L, 3L);
        Map<Long, String> task = new HashMap<>();
        orders.forEach(o -> task.put(o.get("householdId").asLong(), o.get("taskId").asText()));
        JsonNode groupTasks = get("operator", "/api/tasks?scope=group").getBody();
        assertThat(groupTasks.findValuesAsText("id")).containsAll(task.values());
        long travelCase = shock.get("cases").get(0).get("caseId").asLong();

        // Wrong moves on the first order: each refused, the task still open and nothing rescored.
        String first = task.get(travel.householdId());
        Registered cutoffResurvey = resurvey(cutoff, s -> ((ObjectNode) s.get("assets")).put("television", false));
        assertThat(post("caseworker", "/api/tasks/" + first + "/complete", completion("SURVEYED", cutoffResurvey.surveyId()))
                .getStatusCode().value()).as("not a caseworker's task").isEqualTo(403);
        ResponseEntity<JsonNode> noSurvey = post("operator", "/api/tasks/" + first + "/complete", Map.of("outcome", "SURVEYED"));
        assertThat(noSurvey.getStatusCode().value()).isEqualTo(422);
        assertThat(noSurvey.getBody().get("detail").asText()).contains("surveyId");
        ResponseEntity<JsonNode> othersSurvey = post("operator", "/api/tasks/" + first + "/complete",
                completion("SURVEYED", cutoffResurvey.surveyId()));
        assertThat(othersSurvey.getStatusCode().value()).as("a survey of another household").isEqualTo(422);
        assertThat(othersSurvey.getBody().get("detail").asText()).contains("is not a survey of household " + travel.householdId());
        ResponseEntity<JsonNode> registration = post("operator", "/api/tasks/" + first + "/complete",
                completion("SURVEYED", travel.surveyId()));
        assertThat(registration.getStatusCode().value()).as("the registration survey, before the shock").isEqualTo(422);
        assertThat(registration.getBody().get("detail").asText()).contains("MISSED_OUT");
        assertThat(post("operator", "/api/tasks/" + first + "/complete", Map.of("outcome", "FLOODED")).getStatusCode().value())
                .isEqualTo(422);
        assertThat(get("operator", "/api/shocks/resurveys?shock=" + shockId).getBody().findValuesAsText("taskId")).contains(first);
        JsonNode untouched = get("caseworker", "/api/cases/" + travelCase).getBody();
        assertThat(untouched.get("state").asText()).isEqualTo("OPEN");
        assertThat(untouched.get("history").findValuesAsText("action")).doesNotContain("task.complete", "shock.rescore");

        Registered travelResurvey = resurvey(travel, s -> { });
        assertThat(post("operator", "/api/tasks/" + first + "/complete", completion("SURVEYED", travelResurvey.surveyId()))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(post("operator", "/api/tasks/" + first + "/complete", completion("SURVEYED", travelResurvey.surveyId()))
                .getStatusCode().value()).as("completing twice").isEqualTo(409);
        assertThat(post("operator", "/api/tasks/" + task.get(cutoff.householdId()) + "/complete",
                completion("SURVEYED", cutoffResurvey.surveyId())).getStatusCode().value()).isEqualTo(200);
        Registered lostMotorcycle = resurvey(wellOff, s -> ((ObjectNode) s.get("assets")).put("motorcycle", false));
        assertThat(lostMotorcycle.score()).isEqualTo(45);
        assertThat(post("operator", "/api/tasks/" + task.get(wellOff.householdId()) + "/complete",
                completion("SURVEYED", lostMotorcycle.surveyId())).getStatusCode().value()).isEqualTo(200);
        assertThat(post("operator", "/api/tasks/" + task.get(phone.householdId()) + "/complete",
                Map.of("outcome", "MOVED", "comment", "the house is under water; the family has gone to relatives in another district"))
                .getStatusCode().value()).isEqualTo(200);

        JsonNode after = get("auditor", "/api/shocks/" + shockId).getBody();
        assertThat(after.get("cases").findValuesAsText("outcome")).containsExactly("ASSISTANCE", "MOVED", "ASSISTANCE", "NO_ASSISTANCE");
        assertThat(after.get("cases").findValuesAsText("state")).containsOnly("CLOSED");
        assertThat(after.get("cases").get(2).get("scoreAfter").asInt()).isEqualTo(30);
        JsonNode assistance = get("officer", "/api/shocks/" + shockId + "/assistance").getBody();
        assertThat(longs(assistance, "householdId")).containsExactly(travel.householdId(), cutoff.householdId());
        assertThat(longs(assistance, "amountPkr")).containsExactly(25_000L, 25_000L);
        assertThat(longs(assistance, "scoreAfter")).containsExactly(31L, 30L);
        assertThat(assistance.findValuesAsText("rule")).containsOnly("emergency cash for a household struck by the shock");
        assertThat(get("operator", "/api/shocks/resurveys?shock=" + shockId).getBody()).isEmpty();

        assertThat(kinds(travel)).containsExactly("SHOCK_ASSISTANCE");
        assertThat(kinds(cutoff)).containsExactly("SHOCK_ASSISTANCE");
        assertThat(kinds(wellOff)).containsExactly("SHOCK_NO_ASSISTANCE");
        assertThat(kinds(phone)).as("told what the Re-survey outcomes table says").containsExactly("SHOCK_UPDATE_MOVED");
        assertThat(get("caseworker", "/api/households/" + travel.householdId() + "/notifications").getBody().get(0).get("message").asText())
                .contains("PKR 25,000").contains("flood that began on 2025-01-15");
        List<String> steps = new ArrayList<>();
        get("auditor", "/api/cases/" + travelCase).getBody().get("history")
                .forEach(e -> steps.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        assertThat(steps).containsSubsequence("case.open by officer", "task.complete by operator", "shock.rescore by system",
                "case.close by system");
    }

    @Test
    void aTehsilStrikesOnlyItsHouseholdsAndNoHouseholdHasTwoOpenReSurveys() {
        Registered hill = register("cutoff-33-standard-not-eligible", "891", "Khushab", "Noorpur", s -> { });
        Registered valley = register("exclusion-international-travel", "891", "Khushab", "Quaidabad", s -> { });

        JsonNode landslide = post("officer", "/api/shocks", declaration(List.of(area("PUNJAB", "Khushab", "Noorpur")))).getBody();
        assertThat(longs(landslide.get("cases"), "householdId")).containsExactly(hill.householdId());
        long hillCase = landslide.get("cases").get(0).get("caseId").asLong();

        // A later flood over the whole district (days of its own: it does not overlap the landslide).
        Map<String, Object> later = declaration(List.of(area("PUNJAB", "khushab ", null), area("PUNJAB", "KHUSHAB", "noorpur")));
        later.put("startsOn", "2025-03-01");
        later.put("endsOn", "2025-03-20");
        JsonNode flood = post("officer2", "/api/shocks", later).getBody();
        assertThat(longs(flood.get("cases"), "householdId")).containsExactly(valley.householdId());
        assertThat(flood.get("skipped").toString())
                .isEqualTo("[{\"householdId\":" + hill.householdId() + ",\"openCaseId\":" + hillCase + "}]");
        assertThat(flood.get("areas")).as("the tehsil is part of the whole district").hasSize(1);
        assertThat(flood.get("areas").get(0).get("district").asText()).as("as the reference list names it").isEqualTo("Khushab");
        assertThat(flood.get("areas").get(0).get("tehsil").isNull()).as("the whole district").isTrue();
        assertThat(flood.get("byPriority").toString()).isEqualTo("[{\"priority\":1,\"cases\":1}]");

        // The Deadlines table gives a re-survey 30 days (15 s on the test clock): then it escalates and stays open.
        List<String> history = List.of();
        for (int i = 0; i < 240 && !history.contains("case.escalate"); i++) {
            sleep();
            history = get("supervisor", "/api/cases/" + hillCase).getBody().get("history").findValuesAsText("action");
        }
        assertThat(history).contains("case.escalate");
        JsonNode escalated = get("supervisor", "/api/cases/" + hillCase).getBody();
        assertThat(escalated.get("state").asText()).isEqualTo("OPEN");
        assertThat(escalated.get("openTasks").findValuesAsText("name")).containsExactly(RESURVEY);

        // An escalated re-survey is still done by an operator; closing both cases leaves no timer behind.
        for (JsonNode order : get("operator", "/api/shocks/resurveys").getBody()) {
            long household = order.get("householdId").asLong();
            if (household == hill.householdId() || household == valley.householdId()) {
                assertThat(post("operator", "/api/tasks/" + order.get("taskId").asText() + "/complete", Map.of("outcome", "REFUSED"))
                        .getStatusCode().value()).as("a reason is required").isEqualTo(422);
                assertThat(post("operator", "/api/tasks/" + order.get("taskId").asText() + "/complete", Map.of("outcome", "REFUSED",
                        "comment", "the family declined the visit")).getStatusCode().value()).isEqualTo(200);
            }
        }
        assertThat(get("supervisor", "/api/cases/" + hillCase).getBody().get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(get("operator", "/api/shocks/resurveys").getBody().findValuesAsText("householdId"))
                .doesNotContain(String.valueOf(hill.householdId()), String.valueOf(valley.householdId()));
    }

    @Test
    void wrongDeclarationsAreRefusedAndNothingIsStored() {
        register("cutoff-33-standard-not-eligible", "892", "Bhakkar", "Mankera", s -> { });
        int shocks = count("shock");
        int cases = count("workflow_case");
        Map<String, Object> valid = declaration(List.of(area("PUNJAB", "Bhakkar", null)));

        assertThat(post("caseworker", "/api/shocks", valid).getStatusCode().value()).isEqualTo(403);
        assertThat(post("supervisor", "/api/shocks", valid).getStatusCode().value()).isEqualTo(403);
        assertThat(post("operator", "/api/shocks", valid).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> empty = post("officer", "/api/shocks", declaration(List.of()));
        assertThat(empty.getStatusCode().value()).isEqualTo(422);
        assertThat(empty.getBody().get("errors").get(0).get("path").asText()).isEqualTo("areas");
        Map<String, Object> noAreas = new HashMap<>(valid);
        noAreas.remove("areas");
        assertThat(post("officer", "/api/shocks", noAreas).getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> province = post("officer", "/api/shocks", declaration(List.of(area("ATLANTIS", "Bhakkar", null))));
        assertThat(province.getStatusCode().value()).isEqualTo(422);
        assertThat(province.getBody().get("errors").get(0).get("path").asText()).isEqualTo("areas[0].province");
        assertThat(post("officer", "/api/shocks", declaration(List.of(area("PUNJAB", " ", null)))).getStatusCode().value()).isEqualTo(422);
        Map<String, Object> backwards = new HashMap<>(valid);
        backwards.put("endsOn", "2025-01-01");
        assertThat(post("officer", "/api/shocks", backwards).getBody().get("errors").get(0).get("path").asText()).isEqualTo("endsOn");
        Map<String, Object> noKind = new HashMap<>(valid);
        noKind.remove("kind");
        assertThat(post("officer", "/api/shocks", noKind).getStatusCode().value()).isEqualTo(422);
        Map<String, Object> noComment = new HashMap<>(valid);
        noComment.put("comment", "");
        assertThat(post("officer", "/api/shocks", noComment).getStatusCode().value()).isEqualTo(422);

        assertThat(count("shock")).isEqualTo(shocks);
        assertThat(count("workflow_case")).isEqualTo(cases);
        assertThat(get("officer", "/api/shocks/99999999").getStatusCode().value()).isEqualTo(404);
        assertThat(get("officer", "/api/shocks/99999999/assistance").getStatusCode().value()).isEqualTo(404);
        assertThat(get("partner", "/api/shocks/1").getStatusCode().value()).isEqualTo(403);
        assertThat(get("caseworker", "/api/shocks/resurveys").getStatusCode().value()).isEqualTo(403);
    }

    // ---- helpers

    Registered register(String reference, String idPrefix, String district, String tehsil, Consumer<ObjectNode> change) {
        ObjectNode survey = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(reference)).findFirst()
                .orElseThrow().survey().deepCopy();
        ((ObjectNode) survey.get("location")).put("province", "PUNJAB").put("district", district).put("tehsil", tehsil);
        for (JsonNode m : survey.withArray("members")) {
            String id = m.get("nationalId").asText();
            ((ObjectNode) m).put("nationalId", idPrefix + id.substring(idPrefix.length()));
        }
        change.accept(survey);
        return submit(survey);
    }

    /** The household's survey again as a SHOCK_UPDATE, with what the shock changed (dates kept, so ages and scores do not move). */
    Registered resurvey(Registered household, Consumer<ObjectNode> change) {
        ObjectNode survey = household.survey().deepCopy();
        survey.put("updateType", "SHOCK_UPDATE").put("householdId", household.householdId());
        change.accept(survey);
        return submit(survey);
    }

    Registered submit(ObjectNode survey) {
        ResponseEntity<JsonNode> r = post("operator", "/api/surveys", survey);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return new Registered(r.getBody().get("householdId").asLong(), r.getBody().get("surveyId").asLong(),
                r.getBody().get("decision").get("score").asInt(), survey);
    }

    static Map<String, Object> declaration(List<Map<String, Object>> areas) {
        Map<String, Object> d = new HashMap<>();
        d.put("kind", "FLOOD");
        d.put("startsOn", "2025-01-15");
        d.put("endsOn", "2025-02-10");
        d.put("areas", areas);
        d.put("comment", "provincial disaster authority notification 17/2025");
        return d;
    }

    static Map<String, Object> area(String province, String district, String tehsil) {
        Map<String, Object> a = new HashMap<>();
        a.put("province", province);
        a.put("district", district);
        if (tehsil != null) {
            a.put("tehsil", tehsil);
        }
        return a;
    }

    static Map<String, Object> completion(String outcome, long surveyId) {
        return Map.of("outcome", outcome, "comment", "re-surveyed at home", "data", Map.of("surveyId", surveyId));
    }

    List<String> kinds(Registered household) {
        return get("caseworker", "/api/households/" + household.householdId() + "/notifications").getBody().findValuesAsText("kind");
    }

    static List<Long> longs(JsonNode array, String field) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).isNull() ? null : n.get(field).asLong()));
        return out;
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
