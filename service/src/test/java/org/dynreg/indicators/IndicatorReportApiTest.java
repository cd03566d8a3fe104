package org.dynreg.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.DynregApplication;
import org.dynreg.cli.ShellAs;
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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator report over REST and from the shell, on the shared test registry (whatever other tests
 * registered, and one household registered here): who may have it, and that it counts that registry.
 */
@SpringBootTest(classes = DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndicatorReportApiTest {
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;
    @TempDir Path dir;

    @BeforeEach
    void registerAHousehold() throws Exception {
        if (jdbc.queryForObject("select count(*) from household_member where national_id like '63%'", Long.class) > 0) {
            return;
        }
        ObjectNode survey;
        try (InputStream in = getClass().getResourceAsStream("/reference/survey-punjab-47.json")) {
            survey = (ObjectNode) json.readTree(in);
        }
        int i = 0;
        for (JsonNode m : survey.withArray("members")) {
            ((ObjectNode) m).put("nationalId", String.format("63%03d-%07d-%d", i, 3000000 + i, i % 10));
            i++;
        }
        HttpHeaders h = headers("operator");
        h.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.exchange("/api/surveys", HttpMethod.POST, new HttpEntity<>(survey, h), JsonNode.class).getStatusCode().value())
                .isEqualTo(201);
    }


    static HttpHeaders headers(String user) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        return h;
    }

    <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(user)), type);
    }

    long households(String where) {
        return jdbc.queryForObject("select count(*) from household" + where, Long.class);
    }

    @Test
    void auditorsGetTheReportOfTheWholeRegistryAsJson() {
        ResponseEntity<JsonNode> r = get("auditor", "/api/reports/indicators", JsonNode.class);

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        JsonNode report = r.getBody();
        assertThat(report.get("scope").asText()).isEqualTo("whole registry");
        assertThat(report.get("households").asLong()).isEqualTo(households("")).isPositive();
        assertThat(report.get("indicators")).hasSize(11);
        JsonNode kacha = report.get("indicators").get(1);
        assertThat(kacha.get("name").asText()).isEqualTo("kacha_housing");
        assertThat(kacha.get("regions")).hasSize(7);
        assertThat(kacha.get("national").get("region").asText()).isEqualTo("PAKISTAN");
        assertThat(kacha.get("national").get("figures").get(0).get("published").asDouble()).isEqualTo(55.0);
        assertThat(report.toString()).as("aggregates only").doesNotContain("nationalId").doesNotContain("63000-");
    }

    @Test
    void oneProvinceAndAnUnknownOne() {
        JsonNode punjab = get("officer", "/api/reports/indicators?province=PUNJAB", JsonNode.class).getBody();
        assertThat(punjab.get("province").asText()).isEqualTo("PUNJAB");
        assertThat(punjab.get("households").asLong()).isEqualTo(households(" where province = 'PUNJAB'"));
        assertThat(punjab.get("indicators").get(0).get("national").isNull()).isTrue();

        ResponseEntity<JsonNode> unknown = get("auditor", "/api/reports/indicators.xlsx?province=NARNIA", JsonNode.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getBody().get("errors").get(0).get("path").asText()).isEqualTo("province");
    }

    @Test
    void theWorkbookAndTheMarkdownForPolicyOfficersSupervisorsAndAdministrators() throws Exception {
        ResponseEntity<byte[]> xlsx = get("officer", "/api/reports/indicators.xlsx", byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("indicators.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(12);
            assertThat(wb.getSheet("Literacy").getDrawingPatriarch().getCharts()).hasSize(1);
        }

        ResponseEntity<String> md = get("supervisor", "/api/reports/indicators.md?province=SINDH", String.class);
        assertThat(md.getStatusCode().value()).isEqualTo(200);
        assertThat(md.getHeaders().getContentType().toString()).startsWith("text/markdown");
        assertThat(md.getBody()).startsWith("# Registry indicators").contains("- Scope: province SINDH").contains("## Livestock");

        assertThat(get("admin", "/api/reports/indicators", JsonNode.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void caseworkersOperatorsAndPartnersMayNot() {
        assertThat(get("caseworker", "/api/reports/indicators", JsonNode.class).getStatusCode().value()).isEqualTo(403);
        assertThat(get("operator", "/api/reports/indicators.xlsx", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(get("partner", "/api/reports/indicators.md", String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/api/reports/indicators", String.class).getStatusCode().value()).isEqualTo(401);
    }

    int shell(String user, String... command) {
        return ShellAs.run(port, user, command);
    }

    @Test
    void theShellWritesTheWorkbookAndTheMarkdownFromOneReport() throws Exception {
        Path xlsx = dir.resolve("indicators.xlsx");
        Path md = dir.resolve("indicators.md");

        assertThat(shell("auditor", "report", "indicators", "--xlsx", xlsx.toString(), "--markdown", md.toString())).isZero();

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(IndicatorWorkbookTest.rowStartingWith(wb.getSheet("Summary"), "Households").getCell(1).getNumericCellValue())
                    .isEqualTo(households(""));
            assertThat(wb.getSheet("Kacha housing").getDrawingPatriarch().getCharts()).hasSize(1);
        }
        String markdown = Files.readString(md);
        assertThat(markdown).contains("- Households: " + String.format("%,d", households("")));
        Instant computedAt = Instant.parse(markdown.lines().filter(l -> l.startsWith("- Computed at: ")).findFirst().orElseThrow()
                .substring("- Computed at: ".length()));
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(IndicatorWorkbookTest.rowStartingWith(wb.getSheet("Summary"), "Computed at").getCell(1).getLocalDateTimeCellValue()
                    .truncatedTo(ChronoUnit.SECONDS)).as("both files from the same report").isEqualTo(LocalDateTime.ofInstant(computedAt, ZoneOffset.UTC));
        }

        assertThat(shell("caseworker", "report", "indicators", "--markdown", md.toString())).isEqualTo(3);
        assertThat(shell("auditor", "report", "indicators", "--province", "NARNIA")).isEqualTo(2);
    }
}
