package org.dynreg.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.RestAs;
import org.dynreg.cli.ShellAs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import org.springframework.test.context.ActiveProfiles;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docs/personal-data.md as a test: every role against every endpoint that answers with a household, its surveys,
 * its decisions, a case or a roster change; what each role is shown, and that each read is recorded for auditors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataRoleMatrixTest {
    /** The local users, one per role; the first three are the personal-data roles. */
    static final List<String> USERS = List.of("operator", "caseworker", "supervisor", "officer", "auditor", "partner", "admin");
    static final Set<String> PERSONAL = Set.of("operator", "caseworker", "supervisor");

    /** Each endpoint with the users its role check lets in. */
    static final Map<String, Set<String>> ENDPOINTS = Map.of(
            "/api/households/{household}", Set.of("operator", "caseworker", "supervisor", "auditor", "partner"),
            "/api/households/{household}/surveys", Set.of("operator", "caseworker", "supervisor", "auditor"),
            "/api/households/{household}/decisions", Set.of("operator", "caseworker", "supervisor", "auditor"),
            "/api/decisions/{decision}", Set.of("operator", "caseworker", "supervisor", "auditor", "officer"),
            "/api/households/{household}/cases", Set.of("caseworker", "supervisor", "auditor"),
            "/api/cases/{case}", Set.of("caseworker", "supervisor", "auditor"),
            "/api/updates/roster/{case}", Set.of("operator", "caseworker", "supervisor", "auditor"));

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;

    /** The schema's owner: the application account may not update or delete at all: the trigger must refuse the owner too. */
    JdbcTemplate owner;

    @Autowired
    void owner(@FlywayDataSource DataSource ownerDataSource) {
        owner = new JdbcTemplate(ownerDataSource);
    }
    @LocalServerPort int port;

    long household;
    long decision;
    long rosterCase;
    /** Every personal value the household and its roster change hold, none of which a role without personal data may see. */
    final List<String> personal = new ArrayList<>();

    @BeforeAll
    void registerAHouseholdWithADisabledAndAChronicallyIllMemberAndADisabilityChange() throws Exception {
        ObjectNode s;
        try (InputStream in = getClass().getResourceAsStream("/reference/survey-punjab-47.json")) {
            s = (ObjectNode) json.readTree(in);
        }
        int line = 0;
        for (JsonNode m : s.withArray("members")) {
            String id = String.format("62%03d-%07d-%d", 1, 5000000 + line, line);
            String name = "Roshaan Matrixwala" + line;
            String born = String.format("19%02d-0%d-2%d", 51 + line, 1 + line, line);
            ((ObjectNode) m).put("nationalId", id).put("name", name).put("dateOfBirth", born);
            personal.addAll(List.of(id, name, born));
            line++;
        }
        ((ObjectNode) s.withArray("members").get(1)).put("disability", "VISUAL");
        ((ObjectNode) s.withArray("members").get(2)).put("chronicDisease", "DIABETES");
        ((ObjectNode) s.get("location")).put("address", "House 9, Gali Matrixwali, Lahore").put("latitude", 31.52468).put("longitude", 74.35871);
        ((ObjectNode) s.get("contact")).put("mobile", "03217654321");
        personal.addAll(List.of("Gali Matrixwali", "03217654321", "31.52468", "74.35871", "31.5247", "74.3587", "VISUAL", "DIABETES",
                "HEARING", "MB-5521", "DOC-5521"));

        ResponseEntity<JsonNode> r = RestAs.post(rest, "operator", "/api/surveys", s);
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        household = r.getBody().get("householdId").asLong();
        decision = r.getBody().get("decision").get("id").asLong();
        ResponseEntity<JsonNode> change = RestAs.post(rest, "caseworker", "/api/updates/roster", Map.of("householdId", household,
                "kind", "DISABILITY", "memberLine", 2, "values", Map.of("disability", "HEARING"),
                "reason", "medical board certificate MB-5521", "evidence", "scan DOC-5521"));
        assertThat(change.getStatusCode().value()).as(String.valueOf(change.getBody())).isEqualTo(201);
        rosterCase = change.getBody().get("id").asLong();
    }

    Stream<Arguments> roleByEndpoint() {
        return USERS.stream().flatMap(u -> ENDPOINTS.keySet().stream().sorted().map(e -> Arguments.of(u, e)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("roleByEndpoint")
    void eachRoleIsShownWhatItsRoleAllowsAndNoMore(String user, String endpoint) {
        String path = endpoint.replace("{household}", String.valueOf(household)).replace("{decision}", String.valueOf(decision))
                .replace("{case}", String.valueOf(rosterCase));
        ResponseEntity<JsonNode> r = RestAs.get(rest, user, path);

        if (!ENDPOINTS.get(endpoint).contains(user)) {
            assertThat(r.getStatusCode().value()).isEqualTo(403);
            return;
        }
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        String body = r.getBody().toString();
        if (!PERSONAL.contains(user)) {
            assertThat(personal).as("personal values in the answer").noneMatch(body::contains);
        }
        if (endpoint.equals("/api/households/{household}")) {
            JsonNode h = r.getBody();
            assertThat(h.get("disabledMembers").asInt()).isEqualTo(1);
            assertThat(h.get("chronicallyIllMembers").asInt()).isEqualTo(1);
            if (PERSONAL.contains(user)) {
                assertThat(h.get("latitude").decimalValue()).isEqualByComparingTo("31.52468");
                assertThat(h.get("members").get(1).get("disability").asText()).as("the roster change applied").isEqualTo("HEARING");
                assertThat(h.get("members").get(2).get("chronicDisease").asText()).isEqualTo("DIABETES");
                assertThat(body).contains("Roshaan Matrixwala0", "Gali Matrixwali", "03217654321");
            } else {
                assertThat(h.get("latitude").decimalValue()).isEqualByComparingTo("31.52");
                assertThat(h.get("longitude").decimalValue()).isEqualByComparingTo("74.36");
                assertThat(h.get("members").get(1).get("disability").asText()).isEqualTo("[redacted]");
            }
        }
        if (endpoint.equals("/api/updates/roster/{case}") && PERSONAL.contains(user)) {
            assertThat(body).contains("HEARING", "MB-5521");
        }
    }

    @Test
    void readsOfPersonalDataAreRecordedForAuditorsAlone() {
        RestAs.get(rest, "auditor", "/api/audit/reads?limit=1");
        long before = jdbc.queryForObject("select coalesce(max(id), 0) from personal_data_read", Long.class);
        assertThat(RestAs.get(rest, "caseworker", "/api/households/" + household).getStatusCode().value()).isEqualTo(200);
        assertThat(RestAs.get(rest, "partner", "/api/households/" + household).getStatusCode().value()).isEqualTo(200);
        assertThat(RestAs.get(rest, "auditor", "/api/updates/roster/" + rosterCase).getStatusCode().value()).isEqualTo(200);
        assertThat(RestAs.get(rest, "partner", "/api/households/99999999").getStatusCode().value()).isEqualTo(404);

        JsonNode reads = RestAs.get(rest, "auditor", "/api/audit/reads?household=" + household + "&after=" + before).getBody();
        assertThat(reads).as("listing the reads writes the queued ones first").hasSize(3);
        assertThat(reads.get(0).get("username").asText()).isEqualTo("caseworker");
        assertThat(reads.get(0).get("roles").asText()).isEqualTo("CASEWORKER");
        assertThat(reads.get(0).get("recordKind").asText()).isEqualTo("HOUSEHOLD");
        assertThat(reads.get(0).get("recordId").asLong()).isEqualTo(household);
        assertThat(reads.get(0).get("endpoint").asText()).isEqualTo("GET /api/households/{id}");
        assertThat(reads.get(0).get("personalData").asText()).isEqualTo("SHOWN");
        assertThat(reads.get(0).get("readAt").asText()).isNotBlank();
        assertThat(reads.get(1).get("username").asText()).isEqualTo("partner");
        assertThat(reads.get(1).get("personalData").asText()).isEqualTo("REDACTED");
        assertThat(reads.get(2).get("recordKind").asText()).isEqualTo("ROSTER_CHANGE");
        assertThat(reads.get(2).get("recordId").asLong()).isEqualTo(rosterCase);
        assertThat(reads.get(2).get("endpoint").asText()).isEqualTo("GET /api/updates/roster/{caseId}");

        JsonNode byPartner = RestAs.get(rest, "auditor", "/api/audit/reads?user=partner&household=" + household + "&after=" + before).getBody();
        assertThat(byPartner).hasSize(1);
        assertThat(RestAs.get(rest, "auditor", "/api/audit/reads?household=" + household + "&from=2999-01-01T00:00:00Z").getBody()).isEmpty();
        assertThat(RestAs.get(rest, "auditor", "/api/audit/reads?to=2000-01-01T00:00:00Z").getBody()).isEmpty();
        assertThat(RestAs.get(rest, "auditor", "/api/audit/reads?limit=0").getStatusCode().value()).isEqualTo(400);

        for (String user : List.of("caseworker", "partner", "supervisor", "officer", "admin", "operator")) {
            assertThat(RestAs.get(rest, user, "/api/audit/reads").getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(ShellAs.run(port, "auditor", "audit", "reads", "--household", String.valueOf(household))).isZero();
        assertThat(ShellAs.run(port, "partner", "audit", "reads")).isEqualTo(3);

        assertThatThrownBy(() -> owner.update("update personal_data_read set username = 'nobody' where id > ?", before))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.update("delete from personal_data_read where id > ?", before)).hasMessageContaining("append-only");
    }
}
