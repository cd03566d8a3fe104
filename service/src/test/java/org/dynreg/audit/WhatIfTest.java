package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.RestAs;
import org.dynreg.cli.ShellAs;
import org.dynreg.policy.CandidateVersions;
import org.dynreg.policy.Policies;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What-if and the budget solver over seven reference households registered in a district of their own:
 * scores 32, 33, 37 and 38 (the last two with a disabled member), 31 with a car, 41 alone, and 29.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatIfTest {
    static final String DISTRICT = "What-if test district";
    static final List<String> HOUSEHOLDS = List.of("cutoff-32-standard-eligible", "cutoff-33-standard-not-eligible",
            "cutoff-37-disabled-member-eligible", "cutoff-38-disabled-member-not-eligible", "exclusion-car",
            "single-person-household", "large-household-female-head");
    static final long AMOUNT = 1_000;
    static final long YEARLY = AMOUNT * 4;

    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;
    @Autowired Policies policies;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;
    @TempDir Path dir;

    @BeforeEach
    void registerReferenceHouseholds() {
        ReferenceRegistry.register(registry, DISTRICT, "96", HOUSEHOLDS);
    }


    @Test
    void aCandidateCutoffOf40GainsTheHouseholdsAt33AndAt38WithADisabledMemberAndStoresNothing() {
        int candidate = CandidateVersions.withStandardCutoff(policies, 40, "officer");
        long decisions = jdbc.queryForObject("select count(*) from eligibility_decision", Long.class);

        ResponseEntity<JsonNode> r = post("officer", "/api/what-if", Map.of("candidateVersion", candidate, "district", DISTRICT,
                "transferAmount", AMOUNT, "paymentsPerYear", 4));

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode national = r.getBody().get("national");
        assertThat(national.get("households").asLong()).isEqualTo(7);
        assertThat(national.get("eligibleBefore").asLong()).isEqualTo(3);
        assertThat(national.get("eligibleAfter").asLong()).isEqualTo(5);
        assertThat(national.get("newlyEligible").asLong()).isEqualTo(2);
        assertThat(national.get("newlyIneligible").asLong()).isZero();
        assertThat(national.get("yearlyCostBefore").asLong()).isEqualTo(3 * YEARLY);
        assertThat(national.get("yearlyCostAfter").asLong()).isEqualTo(5 * YEARLY);
        assertThat(r.getBody().get("baselineVersion").asInt()).isEqualTo(policies.active().version());

        Map<String, long[]> byProvince = new HashMap<>();
        r.getBody().get("provinces").forEach(p -> byProvince.put(p.get("province").asText(),
                new long[] {p.get("households").asLong(), p.get("eligibleBefore").asLong(), p.get("eligibleAfter").asLong()}));
        assertThat(byProvince.get(province("cutoff-33-standard-not-eligible"))).containsExactly(1, 0, 1);
        assertThat(byProvince.get(province("single-person-household"))).containsExactly(1, 0, 0);
        assertThat(byProvince.values().stream().mapToLong(v -> v[0]).sum()).isEqualTo(7);
        assertThat(r.getBody().get("districts")).as("the test district in each province it was given").hasSize(byProvince.size());

        assertThat(jdbc.queryForObject("select count(*) from eligibility_decision", Long.class)).isEqualTo(decisions);
        assertThat(post("caseworker", "/api/what-if", Map.of("candidateVersion", candidate, "transferAmount", AMOUNT))
                .getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> missing = post("officer", "/api/what-if", Map.of("candidateVersion", candidate));
        assertThat(missing.getStatusCode().value()).isEqualTo(422);
        assertThat(missing.getBody().get("errors").get(0).get("path").asText()).isEqualTo("transferAmount");
    }

    @Test
    void theWhatIfReportIsAWorkbookWithAChartOfTheProvinces() throws Exception {
        int candidate = CandidateVersions.withStandardCutoff(policies, 40, "officer");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBasicAuth("officer", "officer-pass");

        ResponseEntity<byte[]> r = rest.exchange("/api/what-if/report.xlsx", HttpMethod.POST, new HttpEntity<>(
                Map.of("candidateVersion", candidate, "district", DISTRICT, "transferAmount", AMOUNT), h), byte[].class);

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.getBody()))) {
            assertThat(wb.getSheet("Provinces").getDrawingPatriarch().getCharts()).hasSize(1);
            assertThat(wb.getSheet("Districts").getRow(1).getCell(1).getStringCellValue()).isEqualTo(DISTRICT);
        }
    }

    @Test
    void theBudgetSolverFindsTheHighestCutoffThatFits() {
        assertThat(budget(3 * YEARLY).get("cutoff").asInt()).as("32 covers 29, 32 and 37 with a disabled member").isEqualTo(32);
        assertThat(budget(3 * YEARLY).get("national").get("covered").asLong()).isEqualTo(3);
        assertThat(budget(3 * YEARLY - 1).get("cutoff").asInt()).as("33 and above would cover 5; 31 covers only the 29").isEqualTo(31);
        assertThat(budget(3 * YEARLY - 1).get("yearlyCost").asLong()).isEqualTo(YEARLY);
        assertThat(budget(1_000_000_000L).get("cutoff").asInt()).isEqualTo(100);
        assertThat(budget(1_000_000_000L).get("national").get("covered").asLong()).as("the car owner stays excluded").isEqualTo(6);
        assertThat(budget(YEARLY - 1).get("cutoff").asInt()).isEqualTo(28);
        assertThat(budget(YEARLY - 1).get("national").get("covered").asLong()).isZero();
        ResponseEntity<JsonNode> negative = post("officer", "/api/budget", Map.of("yearlyBudget", -1, "transferAmount", AMOUNT));
        assertThat(negative.getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void theShellRunsAWhatIfAndWritesTheWorkbook() throws Exception {
        int candidate = CandidateVersions.withStandardCutoff(policies, 40, "officer");
        Path out = dir.resolve("what-if.xlsx");

        int code = shell("officer", "what-if", "--version", String.valueOf(candidate), "--amount", "1000", "--district", DISTRICT,
                "--out", out.toString());

        assertThat(code).isZero();
        assertThat(Files.size(out)).isPositive();
        assertThat(shell("officer", "budget", "--budget", "12000", "--amount", "1000", "--district", DISTRICT)).isZero();
        assertThat(shell("caseworker", "budget", "--budget", "12000", "--amount", "1000")).isEqualTo(3);
    }

    JsonNode budget(long yearlyBudget) {
        ResponseEntity<JsonNode> r = post("officer", "/api/budget", Map.of("yearlyBudget", yearlyBudget, "transferAmount", AMOUNT,
                "paymentsPerYear", 4, "district", DISTRICT));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    static String province(String household) {
        return ReferenceRegistry.household(household).survey().get("location").get("province").asText();
    }

    int shell(String user, String... command) {
        return ShellAs.run(port, user, command);
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return RestAs.post(rest, user, path, body);
    }
}
