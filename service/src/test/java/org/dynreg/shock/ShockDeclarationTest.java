package org.dynreg.shock;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.DynregApplication;
import org.dynreg.RestAs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dynreg.shock.ShockUpdateProcessTest.area;
import static org.dynreg.shock.ShockUpdateProcessTest.declaration;
import static org.dynreg.shock.ShockUpdateProcessTest.longs;

/**
 * Declaring a shock once: a second declaration over the same ground and days is refused naming the first,
 * which is extended instead; two declarations racing cannot both pass; the database names a household once
 * per event; districts and tehsils are those of the reference list, a misspelt one refused with suggestions.
 * Each test has Punjab districts of its own (national ids 87...).
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ShockDeclarationTest {
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    final ShockUpdateProcessTest steps = new ShockUpdateProcessTest();

    @BeforeEach
    void steps() {
        steps.rest = rest;
        steps.jdbc = jdbc;
    }

    @Test
    void aSecondDeclarationOverTheSameGroundAndDaysIsRefusedNamingTheFirstWhichIsExtendedInstead() {
        ShockUpdateProcessTest.Registered burewala = steps.register("cutoff-33-standard-not-eligible", "871", "Vehari", "Burewala", s -> { });
        ShockUpdateProcessTest.Registered mailsi = steps.register("exclusion-international-travel", "871", "Vehari", "Mailsi", s -> { });
        ShockUpdateProcessTest.Registered lodhran = steps.register("exclusion-phone-bill-above-1000", "871", "Lodhran", "Dunyapur", s -> { });
        ResponseEntity<JsonNode> first = post("/api/shocks", declaration(List.of(area("PUNJAB", "Vehari", "Burewala"))));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        long shockId = first.getBody().get("id").asLong();
        int shocks = count("shock");
        int cases = count("workflow_case");

        // the whole district, the same tehsil written otherwise, days that overlap by one: each refused naming shock 1
        for (Map<String, Object> again : List.of(declaration(List.of(area("PUNJAB", "vehari", null))),
                declaration(List.of(area("PUNJAB", "Lodhran", null), area("PUNJAB", "VEHARI", "burewala"))),
                dated(declaration(List.of(area("PUNJAB", "Vehari", "Burewala"))), "2025-02-10", null))) {
            ResponseEntity<JsonNode> refused = post("/api/shocks", again);
            assertThat(refused.getStatusCode().value()).as(again.toString()).isEqualTo(409);
            assertThat(refused.getBody().get("detail").asText())
                    .contains("shock " + shockId + " (FLOOD, 2025-01-15 to 2025-02-10) already covers tehsil Burewala of Vehari (PUNJAB)")
                    .contains("POST /api/shocks/" + shockId + "/extensions");
        }
        assertThat(count("shock")).as("nothing stored").isEqualTo(shocks);
        assertThat(count("workflow_case")).isEqualTo(cases);

        // another tehsil of the district, or the same tehsil on other days, is another event
        ResponseEntity<JsonNode> later = post("/api/shocks", dated(declaration(List.of(area("PUNJAB", "Vehari", "Vehari"))), "2025-01-20", "2025-02-28"));
        assertThat(later.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> open = post("/api/shocks", dated(declaration(List.of(area("PUNJAB", "Vehari", "Burewala"))), "2025-06-01", null));
        assertThat(open.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> underOpen = post("/api/shocks", dated(declaration(List.of(area("PUNJAB", "Vehari", null))), "2026-01-01", "2026-01-05"));
        assertThat(underOpen.getStatusCode().value()).as("a shock with no last day covers every later day").isEqualTo(409);
        assertThat(underOpen.getBody().get("detail").asText()).contains("shock " + open.getBody().get("id").asLong() + " (FLOOD, 2025-06-01 to no last day yet)");

        // the authority extends its notification: more days and more ground; households in the new ground get orders
        ResponseEntity<JsonNode> extended = post("/api/shocks/" + shockId + "/extensions", Map.of("endsOn", "2025-02-20",
                "areas", List.of(area("PUNJAB", "Vehari", "Mailsi"), area("PUNJAB", "Lodhran", null), area("PUNJAB", "Vehari", "Burewala")),
                "comment", "notification 17/2025 extended by 21/2025"));
        assertThat(extended.getStatusCode().value()).as(String.valueOf(extended.getBody())).isEqualTo(200);
        assertThat(extended.getBody().get("endsOn").asText()).isEqualTo("2025-02-20");
        assertThat(extended.getBody().get("areas").findValuesAsText("district")).containsExactlyInAnyOrder("Lodhran", "Vehari", "Vehari");
        assertThat(longs(extended.getBody().get("cases"), "householdId"))
                .containsExactlyInAnyOrder(burewala.householdId(), mailsi.householdId(), lodhran.householdId());
        assertThat(jdbc.queryForObject("select count(*) from shock_household where shock_id = ? and household_id = ?", Integer.class,
                shockId, burewala.householdId())).as("named once by the shock, whatever was extended").isEqualTo(1);

        ResponseEntity<JsonNode> nothing = post("/api/shocks/" + shockId + "/extensions",
                Map.of("areas", List.of(area("PUNJAB", "Lodhran", "Dunyapur")), "comment", "again"));
        assertThat(nothing.getStatusCode().value()).isEqualTo(422);
        assertThat(nothing.getBody().get("errors").get(0).get("path").asText()).isEqualTo("areas");
        ResponseEntity<JsonNode> shorter = post("/api/shocks/" + shockId + "/extensions", Map.of("endsOn", "2025-02-01", "comment", "shorter"));
        assertThat(shorter.getBody().get("errors").get(0).get("path").asText()).isEqualTo("endsOn");
        ResponseEntity<JsonNode> intoAnother = post("/api/shocks/" + shockId + "/extensions", Map.of("endsOn", "2025-06-02", "comment", "longer"));
        assertThat(intoAnother.getStatusCode().value()).as("its new days would meet the June shock over Burewala").isEqualTo(409);
        assertThat(intoAnother.getBody().get("detail").asText()).contains("shock " + open.getBody().get("id").asLong());
        assertThat(post("/api/shocks/99999999/extensions", Map.of("endsOn", "2025-06-02", "comment", "x")).getStatusCode().value()).isEqualTo(404);
        assertThat(RestAs.post(rest, "caseworker", "/api/shocks/" + shockId + "/extensions", Map.of("endsOn", "2025-03-01", "comment", "x"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(steps.get("auditor", "/api/shocks/" + shockId).getBody().get("endsOn").asText()).isEqualTo("2025-02-20");
    }

    @Test
    void twoDeclarationsRacingCannotBothPassAndTheDatabaseNamesAHouseholdOncePerEvent() throws Exception {
        ShockUpdateProcessTest.Registered household = steps.register("cutoff-33-standard-not-eligible", "872", "Mianwali", "Piplan", s -> { });
        Map<String, Object> same = declaration(List.of(area("PUNJAB", "Mianwali", null)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<JsonNode>>> racing = new ArrayList<>();
            for (String officer : List.of("officer", "officer2")) {
                racing.add(pool.submit(() -> {
                    start.await();
                    return RestAs.post(rest, officer, "/api/shocks", same);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> f : racing) {
                statuses.add(f.get().getStatusCode().value());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(namings(household.householdId())).isEqualTo(1);

        // even written straight into the database, the same event (kind and first day) cannot name the household twice
        long shockId = jdbc.queryForObject("select shock_id from shock_household where household_id = ?", Long.class, household.householdId());
        jdbc.update("insert into shock (kind, starts_on, ends_on, comment, declared_by, declared_at) "
                + "select kind, starts_on, ends_on, 'entered twice', declared_by, declared_at from shock where id = ?", shockId);
        long twin = jdbc.queryForObject("select max(id) from shock", Long.class);
        assertThatThrownBy(() -> jdbc.update("insert into shock_household (shock_id, household_id, shock_kind, shock_starts_on, score_before, "
                + "priority_policy_version) values (?, ?, 'FLOOD', '2025-01-15', 33, 1)", twin, household.householdId()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(namings(household.householdId())).isEqualTo(1);
    }

    @Test
    void districtsAndTehsilsAreThoseOfTheReferenceListAndAMisspeltOneIsRefusedWithSuggestions() {
        int shocks = count("shock");
        ResponseEntity<JsonNode> multann = post("/api/shocks", declaration(List.of(area("PUNJAB", "Multann", null))));
        assertThat(multann.getStatusCode().value()).isEqualTo(422);
        assertThat(multann.getBody().get("errors").get(0).get("path").asText()).isEqualTo("areas[0].district");
        assertThat(multann.getBody().get("detail").asText()).contains("'Multann' is not a district of PUNJAB").contains("did you mean Multan");

        ResponseEntity<JsonNode> sehwan = post("/api/shocks", declaration(List.of(area("SINDH", "Dadu", null), area("SINDH", "Dadu", "Sehwan"))));
        assertThat(sehwan.getBody().get("errors").get(0).get("path").asText()).isEqualTo("areas[1].tehsil");
        assertThat(sehwan.getBody().get("detail").asText()).contains("'Sehwan' is not a tehsil of Dadu; it is a tehsil of Jamshoro");

        ResponseEntity<JsonNode> province = post("/api/shocks", declaration(List.of(area("PUNJAB", "Dadu", null))));
        assertThat(province.getBody().get("detail").asText()).contains("'Dadu' is a district of SINDH, not of PUNJAB");
        assertThat(count("shock")).isEqualTo(shocks);
    }

    static Map<String, Object> dated(Map<String, Object> declaration, String startsOn, String endsOn) {
        declaration.put("startsOn", startsOn);
        declaration.put("endsOn", endsOn);
        return declaration;
    }

    int namings(long householdId) {
        return jdbc.queryForObject("select count(*) from shock_household where household_id = ?", Integer.class, householdId);
    }

    int count(String table) {
        return steps.count(table);
    }

    ResponseEntity<JsonNode> post(String path, Object body) {
        return steps.post("officer", path, body);
    }
}
