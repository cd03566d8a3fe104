package org.dynreg.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.cli.ShellAs;
import org.dynreg.database.OwnDatabase;
import org.dynreg.indicators.IndicatorDefinitions;
import org.dynreg.indicators.PublishedIndicators;
import org.dynreg.registry.Registry;
import org.dynreg.registry.SurveyValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticRegistryTest {
    static final long HOUSEHOLDS = 30_000;
    static final long SEED = 2023;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.use(registry, "dynreg_synthetic_test");
    }

    @Autowired SyntheticRegistry synthetic;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired Registry registry;
    @org.springframework.boot.test.web.server.LocalServerPort int port;
    Generation generation;
    final PublishedIndicators published = PublishedIndicators.load();

    @BeforeAll
    void generate() {
        generation = synthetic.generate(HOUSEHOLDS, SEED, "admin");
    }

    @Test
    void everyHouseholdIsWrittenWholeInAllFiveTables() {
        assertThat(generation.status()).isEqualTo(Generation.COMPLETED);
        assertThat(generation.householdsWritten()).isEqualTo(HOUSEHOLDS);
        assertThat(count("select count(*) from survey where site_id = 'SEED-2023'")).isEqualTo(HOUSEHOLDS);
        assertThat(count("select count(*) from household h join survey s on s.id = h.latest_survey_id and s.household_id = h.id "
                + "join survey_dwelling d on d.survey_id = s.id join survey_assets a on a.survey_id = s.id "
                + "where s.site_id = 'SEED-2023'")).isEqualTo(HOUSEHOLDS);
        assertThat(count("select count(*) from household_member where national_id like '923%'")).isEqualTo(generation.membersWritten());
        assertThat(count("select count(*) from household_member m left join household h on h.id = m.household_id where h.id is null"))
                .isZero();
        assertThat(count("select count(*) from (select household_id from household_member group by household_id "
                + "having sum(relation = 'HEAD') <> 1) x")).isZero();
        assertThat(count("select count(distinct national_id) from household_member where national_id like '923%'"))
                .isEqualTo(generation.membersWritten());
    }

    @Test
    void theStoredHouseholdsAreTheDrawsOfTheSeed() {
        for (long index : List.of(0L, 1L, 4_321L, HOUSEHOLDS - 1)) {
            SyntheticHousehold drawn = synthetic.draw(SEED, index);
            SyntheticHousehold again = synthetic.draw(SEED, index);
            assertThat(again).isEqualTo(drawn);
            String head = drawn.members().get(0).nationalId();
            Map<String, Object> row = jdbc.queryForMap("select h.province, h.district, h.last_surveyed_on, d.wall_material, "
                    + "d.drinking_water, a.goats, (select count(*) from household_member x where x.household_id = h.id) members "
                    + "from household_member m join household h on h.id = m.household_id "
                    + "join survey_dwelling d on d.survey_id = h.latest_survey_id join survey_assets a on a.survey_id = h.latest_survey_id "
                    + "where m.national_id = ?", head);
            assertThat(row.get("province")).isEqualTo(drawn.province().name());
            assertThat(row.get("district")).isEqualTo(drawn.district());
            assertThat(row.get("last_surveyed_on").toString()).isEqualTo(drawn.surveyedOn().toString());
            assertThat(row.get("wall_material")).isEqualTo(drawn.wall().name());
            assertThat(row.get("drinking_water")).isEqualTo(drawn.water().name());
            assertThat(((Number) row.get("goats")).intValue()).isEqualTo(drawn.goats());
            assertThat(((Number) row.get("members")).intValue()).isEqualTo(drawn.members().size());
        }
        assertThat(synthetic.draw(SEED + 1, 4_321L)).isNotEqualTo(synthetic.draw(SEED, 4_321L));
    }

    @Test
    void aSyntheticSurveyIsOneTheRegistryWouldAccept() throws Exception {
        // the load skips the payload's JSON check, so every payload is checked here
        assertThat(count("select count(*) from survey where site_id = 'SEED-2023' and not json_valid(payload)")).isZero();
        List<String> payloads = jdbc.queryForList("select payload from survey order by id limit 50", String.class);
        for (String payload : payloads) {
            JsonNode survey = json.readTree(payload);
            ((com.fasterxml.jackson.databind.node.ObjectNode) survey).remove("householdId");
            assertThat(new SurveyValidator().validate(survey)).as(payload).isEmpty();
        }
    }

    @Test
    void aSecondGenerationWithASeedWhoseIdsArePresentIsRefusedBeforeWritingAnything() {
        long before = count("select count(*) from household");
        assertThatThrownBy(() -> synthetic.generate(10, SEED + 100, "admin"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("seed"));
        assertThat(count("select count(*) from household")).isEqualTo(before);
    }

    @Test
    void householdsRegisteredAfterwardsTakeIdsOfTheirOwn() throws Exception {
        JsonNode survey = json.readTree(getClass().getResourceAsStream("/reference/survey-punjab-47.json"));
        long members = count("select count(*) from household_member");
        var registration = registry.submit(survey, "operator");
        assertThat(count("select count(*) from household_member where household_id = " + registration.householdId()))
                .isEqualTo(survey.get("members").size());
        assertThat(count("select count(*) from household_member")).isEqualTo(members + survey.get("members").size());
    }

    @Test
    void largeRegionsFollowThePublishedFigures() {
        // 30,000 households: Punjab, Sindh and Khyber Pakhtunkhwa hold 5,000 to 15,000 each, so sampling
        // error is well under 2 points; the 1-point check at a million households is in docs/performance.md.
        String kachaWalls = IndicatorDefinitions.KACHA_WALLS.stream().map(w -> "'" + w.name() + "'").collect(Collectors.joining(","));
        Map<String, Double> kacha = rates("select h.province, avg(d.wall_material in (" + kachaWalls + ")) * 100 "
                + "from household h join survey_dwelling d on d.survey_id = h.latest_survey_id group by h.province");
        Map<String, Double> size = rates("select h.province, count(*) / count(distinct h.id) from household h "
                + "join household_member m on m.household_id = h.id group by h.province");
        for (String region : List.of("PUNJAB", "SINDH", "KHYBER_PAKHTUNKHWA")) {
            assertThat(kacha.get(region)).as("kacha " + region)
                    .isCloseTo(published.region("kacha_housing", "kacha", region).orElseThrow(), org.assertj.core.data.Offset.offset(2.0));
            assertThat(size.get(region)).as("size " + region)
                    .isCloseTo(published.region("households", "average_size", region).orElseThrow(), org.assertj.core.data.Offset.offset(0.1));
        }
    }

    private Map<String, Double> rates(String sql) {
        return jdbc.queryForList(sql).stream().collect(Collectors.toMap(r -> (String) r.values().toArray()[0],
                r -> ((Number) r.values().toArray()[1]).doubleValue()));
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    @Test
    void anAdministratorGeneratesFromTheShellAndOtherRolesAreRefused() {
        long before = count("select count(*) from survey where operator_id = 'SYNTHETIC'");
        assertThat(shell("operator", "registry", "generate", "--households", "25", "--seed", "7")).isEqualTo(3);
        assertThat(count("select count(*) from survey where operator_id = 'SYNTHETIC'")).isEqualTo(before);
        assertThat(shell("admin", "registry", "generate", "--households", "25", "--seed", "7")).isZero();
        assertThat(count("select count(*) from survey where operator_id = 'SYNTHETIC'")).isEqualTo(before + 25);
        assertThat(count("select count(*) from household_member where national_id like '907%'")).isPositive();
        assertThat(shell("admin", "registry", "generate", "--households", "25", "--seed", "107")).isEqualTo(2);
    }

    private int shell(String user, String... command) {
        return ShellAs.run(port, user, command);
    }
}
