package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.RestAs;
import org.dynreg.cli.ShellAs;
import org.dynreg.policy.BundleSummary;
import org.dynreg.policy.CandidateVersions;
import org.dynreg.policy.Hashes;
import org.dynreg.policy.Policies;
import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.RepositoryPolicy;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candidate that changes two things at once, the standard cut-off 32 to 34 and the filter "car ownership" switched
 * off, over the reference households registered in a district of their own: the household at 33 gains by the cut-off,
 * the car owner at 31 by the filter, and nobody loses. Also: the sample of households and who sees it, one survey
 * scored under the candidate, and the shell's --out computing once.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatIfEffectTest {
    static final String DISTRICT = "What-if effect district";
    static final String EXCLUSIONS = "decision-tables/exclusion-filters.drl.xlsx";
    static final String CAR = "car ownership";
    static final List<String> HOUSEHOLDS = WhatIfTest.HOUSEHOLDS;

    @Autowired TestRestTemplate rest;
    @Autowired Registry registry;
    @Autowired Policies policies;
    @Autowired WhatIf whatIf;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;
    @TempDir Path dir;

    Map<String, Registration> registered;

    @BeforeEach
    void registerReferenceHouseholds() {
        registered = ReferenceRegistry.register(registry, DISTRICT, "953", HOUSEHOLDS);
    }

    /** The repository's bundle with the standard cut-off at 34 and the filter "car ownership" switched off. */
    int candidate() {
        PolicyFile cutoffs = new PolicyFile(CandidateVersions.ELIGIBILITY,
                CandidateVersions.edit(CandidateVersions.file(CandidateVersions.ELIGIBILITY).content(), "Cut-offs", "32", "34"));
        PolicyFile filters = new PolicyFile(EXCLUSIONS, switchOff(CandidateVersions.file(EXCLUSIONS).content(), CAR));
        List<PolicyFile> bundle = RepositoryPolicy.files().stream()
                .map(f -> f.path().equals(CandidateVersions.ELIGIBILITY) ? cutoffs : f.path().equals(EXCLUSIONS) ? filters : f).toList();
        String sha = Hashes.bundleSha256(bundle);
        return policies.versions().stream().filter(v -> v.sha256().equals(sha)).map(BundleSummary::version).findFirst()
                .orElseGet(() -> policies.upload(List.of(cutoffs, filters), 1, "cut-off 34 and no car filter", "officer").bundle().version());
    }

    static byte[] switchOff(byte[] workbook, String filter) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet("Exclusions");
            for (Row row : sheet) {
                Cell name = row.getCell(0);
                if (name != null && name.getCellType() == CellType.STRING && name.getStringCellValue().equals(filter)) {
                    Cell on = row.getCell(1);
                    if (on.getCellType() == CellType.BOOLEAN) {
                        on.setCellValue(false);
                    } else {
                        on.setCellValue("FALSE");
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    wb.write(out);
                    return out.toByteArray();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException(filter + " not found");
    }

    Map<String, Object> request(int candidate) {
        return Map.of("candidateVersion", candidate, "district", DISTRICT, "transferAmount", 1000, "paymentsPerYear", 4);
    }

    @Test
    void theGainsAreSplitByCauseNationallyAndByProvinceWithASampleForThePolicyOfficer() {
        int candidate = candidate();

        ResponseEntity<JsonNode> r = post("officer", "/api/what-if", request(candidate));

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        JsonNode national = r.getBody().get("national");
        assertThat(national.get("newlyEligible").asLong()).isEqualTo(2);
        assertThat(national.get("newlyIneligible").asLong()).isZero();
        assertThat(causes(national)).containsOnly(Map.entry(EffectCause.CUTOFF, 1L), Map.entry(EffectCause.EXCLUSION + CAR, 1L));

        Map<String, JsonNode> provinces = new HashMap<>();
        r.getBody().get("provinces").forEach(p -> provinces.put(p.get("province").asText(), p));
        assertThat(causes(provinces.get(WhatIfTest.province("cutoff-33-standard-not-eligible"))))
                .containsEntry(EffectCause.CUTOFF, 1L).doesNotContainKey(EffectCause.EXCLUSION + CAR);
        assertThat(causes(provinces.get(WhatIfTest.province("exclusion-car"))))
                .containsEntry(EffectCause.EXCLUSION + CAR, 1L).doesNotContainKey(EffectCause.CUTOFF);
        assertThat(causes(provinces.get(WhatIfTest.province("single-person-household")))).isEmpty();

        assertThat(r.getBody().get("sampleWithheld").asBoolean()).isFalse();
        assertThat(r.getBody().get("lost")).isEmpty();
        Map<Long, JsonNode> gained = new HashMap<>();
        r.getBody().get("gained").forEach(h -> gained.put(h.get("householdId").asLong(), h));
        assertThat(gained).hasSize(2);
        JsonNode at33 = gained.get(registered.get("cutoff-33-standard-not-eligible").householdId());
        assertThat(at33.get("district").asText()).isEqualTo(DISTRICT);
        assertThat(at33.get("scoreBefore").asInt()).isEqualTo(33);
        assertThat(at33.get("scoreAfter").asInt()).isEqualTo(33);
        assertThat(texts(at33.get("causes"))).containsExactly(EffectCause.CUTOFF);
        JsonNode car = gained.get(registered.get("exclusion-car").householdId());
        assertThat(texts(car.get("causes"))).containsExactly(EffectCause.EXCLUSION + CAR);
        assertThat(r.getBody().toString()).as("no name or national id in the sample").doesNotContain("nationalId").doesNotContain("name\"");

        JsonNode entry = jdbc.queryForObject("select details from audit_entry where action = 'policy.what-if' order by seq desc limit 1",
                (rs, i) -> read(rs.getString(1)));
        assertThat(entry.get("byCause").get(EffectCause.CUTOFF).get("gained").asLong()).isEqualTo(1);
    }

    @Test
    void theSampleIsWithheldFromARoleThatMayNotSeeHouseholdIds() {
        int candidate = candidate();
        WhatIfReport report = whatIf.run(candidate, null, DISTRICT, null, 1000, 4, "officer");
        assertThat(report.gained()).hasSize(2);

        WhatIfReport officer = whatIf.shownTo(report, new TestingAuthenticationToken("officer", null, "ROLE_POLICY_OFFICER"));
        WhatIfReport partner = whatIf.shownTo(report, new TestingAuthenticationToken("partner", null, "ROLE_PARTNER"));

        assertThat(officer.gained()).hasSize(2);
        assertThat(partner.sampleWithheld()).isTrue();
        assertThat(partner.gained()).isNull();
        assertThat(partner.lost()).isNull();
        assertThat(partner.national().causes()).as("the counts by cause stay").isEqualTo(report.national().causes());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(WhatIfWorkbook.write(partner)))) {
            assertThat(wb.getSheet("Sample").getRow(0).getCell(0).getStringCellValue()).isEqualTo(WhatIfWorkbook.SAMPLE_WITHHELD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(post("caseworker", "/api/what-if", request(candidate)).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> auditor = post("auditor", "/api/what-if", request(candidate));
        assertThat(auditor.getBody().get("sampleWithheld").asBoolean()).as("auditors look households up by id").isFalse();
        assertThat(auditor.getBody().get("gained")).hasSize(2);
    }

    @Test
    void oneSurveyIsScoredUnderTheCandidateAndNothingIsStored() {
        int candidate = candidate();
        Map<String, Long> before = counts();
        long audited = audited("policy.what-if-survey");
        JsonNode survey = ReferenceRegistry.household("cutoff-33-standard-not-eligible").survey();

        ResponseEntity<JsonNode> r = post("officer", "/api/what-if/survey", Map.of("candidateVersion", candidate, "survey", survey));

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getBody().get("before").get("score").asInt()).isEqualTo(33);
        assertThat(r.getBody().get("after").get("policyVersion").asInt()).isEqualTo(candidate);
        JsonNode d = r.getBody().get("differences");
        assertThat(d.get("identical").asBoolean()).isFalse();
        JsonNode uct = null;
        for (JsonNode p : d.get("programs")) {
            if (p.get("program").asText().equals("UCT")) {
                uct = p;
            }
        }
        assertThat(uct).isNotNull();
        assertThat(uct.get("eligibleBefore").asBoolean()).isFalse();
        assertThat(uct.get("eligibleAfter").asBoolean()).isTrue();
        assertThat(uct.get("cutoffBefore").asInt()).isEqualTo(32);
        assertThat(uct.get("cutoffAfter").asInt()).isEqualTo(34);
        assertThat(texts(uct.get("causes"))).containsExactly(EffectCause.CUTOFF);
        assertThat(d.get("byField")).anySatisfy(f -> {
            assertThat(f.get("key").asText()).isEqualTo("ELIGIBILITY:UCT");
            assertThat(f.get("expected").asText()).isEqualTo("false");
            assertThat(f.get("actual").asText()).isEqualTo("true");
        }).anySatisfy(f -> assertThat(f.get("key").asText()).isEqualTo("CUTOFF:UCT"));
        assertThat(r.getBody().toString()).as("the survey's names and ids are not echoed")
                .doesNotContain(survey.get("members").get(0).get("name").asText())
                .doesNotContain(survey.get("members").get(0).get("nationalId").asText());
        assertThat(counts()).isEqualTo(before);
        assertThat(audited("policy.what-if-survey")).isEqualTo(audited + 1);

        ObjectNode broken = survey.deepCopy();
        ((ObjectNode) broken.get("members").get(0)).remove("gender");
        ResponseEntity<JsonNode> refused = post("officer", "/api/what-if/survey", Map.of("candidateVersion", candidate, "survey", broken));
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("errors").get(0).get("path").asText()).isEqualTo("survey.members[0].gender");
        ResponseEntity<JsonNode> noVersion = post("officer", "/api/what-if/survey", Map.of("survey", survey));
        assertThat(noVersion.getStatusCode().value()).isEqualTo(422);
        assertThat(noVersion.getBody().get("errors").get(0).get("path").asText()).isEqualTo("candidateVersion");
        assertThat(post("caseworker", "/api/what-if/survey", Map.of("candidateVersion", candidate, "survey", survey))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
        assertThat(audited("policy.what-if-survey")).isEqualTo(audited + 1);
    }

    @Test
    void theShellScoresASurveyFileAndRefusesAnInvalidOne() throws Exception {
        int candidate = candidate();
        Path file = dir.resolve("survey.json");
        JsonNode survey = ReferenceRegistry.household("exclusion-car").survey();
        Files.writeString(file, survey.toString());

        ShellAs.Printed p = ShellAs.printing(port, "officer", "what-if", "survey", "--file", file.toString(), "--version", String.valueOf(candidate));

        assertThat(p.exitCode()).as(p.text()).isZero();
        assertThat(p.text()).contains("DIFFERS").contains("exclusion filter stops excluding: " + CAR)
                .contains("UCT: not eligible (cut-off 32) → eligible (cut-off 34); cause: " + EffectCause.EXCLUSION + CAR)
                .contains("CCT_EDUCATION: not eligible → eligible; cause:")
                .contains("UCT.eligible false → true").contains("UCT.cutoff 32 → 34");

        ObjectNode broken = survey.deepCopy();
        ((ObjectNode) broken.get("members").get(0)).remove("gender");
        Files.writeString(file, broken.toString());
        ShellAs.Printed refused = ShellAs.printing(port, "officer", "what-if", "survey", "--file", file.toString(), "--version",
                String.valueOf(candidate));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.text()).contains("survey.members[0].gender");
    }

    @Test
    void whatIfAndBudgetWithOutComputeOnceAndLeaveOneAuditEntry() throws Exception {
        int candidate = candidate();
        Path whatIfOut = dir.resolve("what-if.xlsx");
        long whatIfs = audited("policy.what-if");

        ShellAs.Printed p = ShellAs.printing(port, "officer", "what-if", "--version", String.valueOf(candidate), "--amount", "1000",
                "--district", DISTRICT, "--out", whatIfOut.toString());

        assertThat(p.exitCode()).as(p.text()).isZero();
        assertThat(audited("policy.what-if")).isEqualTo(whatIfs + 1);
        assertThat(p.text()).contains(EffectCause.EXCLUSION + CAR).contains("Gained (sample of 2)");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(whatIfOut))) {
            Sheet causes = wb.getSheet("Causes");
            List<String> rows = new ArrayList<>();
            for (Row row : causes) {
                rows.add(row.getCell(0).getStringCellValue() + " | " + row.getCell(1).getStringCellValue());
            }
            assertThat(rows).contains("Pakistan | " + EffectCause.CUTOFF, "Pakistan | " + EffectCause.EXCLUSION + CAR);
            assertThat(wb.getSheet("Sample").getLastRowNum()).as("a header and the two households gained").isEqualTo(2);
        }

        Path budgetOut = dir.resolve("budget.xlsx");
        long budgets = audited("policy.budget");
        ShellAs.Printed b = ShellAs.printing(port, "officer", "budget", "--budget", "12000", "--amount", "1000", "--district", DISTRICT,
                "--out", budgetOut.toString());
        assertThat(b.exitCode()).as(b.text()).isZero();
        assertThat(audited("policy.budget")).isEqualTo(budgets + 1);
        assertThat(Files.size(budgetOut)).isPositive();
    }

    static Map<String, Long> causes(JsonNode area) {
        Map<String, Long> out = new HashMap<>();
        area.get("causes").forEach(c -> out.put(c.get("cause").asText(), c.get("gained").asLong() + c.get("lost").asLong()));
        return out;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long audited(String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = ?", Long.class, action);
    }

    Map<String, Long> counts() {
        Map<String, Long> out = new HashMap<>();
        for (String table : List.of("household", "survey", "eligibility_decision")) {
            out.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return out;
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return RestAs.post(rest, user, path, body);
    }
}
