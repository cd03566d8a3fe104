package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dynreg.policy.PolicyLifecycleTest.auth;

/**
 * Officers start from the version in force: its decision tables download protected for editing (an auditor gets the
 * exact stored bytes with as=stored), by name or by their path in the bundle, and a dry run of an edited download
 * answers with what it changes against the version it would replace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyDownloadTest {

    static final String ELIGIBILITY = CandidateVersions.ELIGIBILITY;

    @Autowired TestRestTemplate rest;
    @Autowired Policies policies;

    ResponseEntity<byte[]> get(String user, String path) {
        return rest.exchange(path, HttpMethod.GET, auth(user, null), byte[].class);
    }

    @Test
    void aDecisionTableDownloadsProtectedAndAsStoredWithTheRecordedHash() throws Exception {
        int v = policies.active().version();
        String recorded = policies.summary(v).files().stream().filter(f -> f.path().equals(ELIGIBILITY)).findFirst().orElseThrow().sha256();

        ResponseEntity<byte[]> editable = get("officer", "/api/policy/bundles/" + v + "/files/program-eligibility.drl.xlsx");
        ResponseEntity<byte[]> byPath = get("officer", "/api/policy/bundles/" + v + "/files?path=" + ELIGIBILITY);
        ResponseEntity<byte[]> stored = get("auditor", "/api/policy/bundles/" + v + "/files?path=" + ELIGIBILITY + "&as=stored");
        ResponseEntity<byte[]> storedByName = get("auditor", "/api/policy/bundles/" + v + "/files/program-eligibility.drl.xlsx?as=stored");

        assertThat(editable.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(editable.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("filename=\"program-eligibility.drl.xlsx\"");
        assertThat(editable.getHeaders().getFirst("X-Stored-Sha256")).isEqualTo(recorded);
        assertThat(Hashes.sha256(editable.getBody())).isNotEqualTo(recorded);
        for (ResponseEntity<byte[]> protectedOne : java.util.List.of(editable, byPath)) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(protectedOne.getBody()))) {
                assertThat(wb.getSheet("Cut-offs").getProtect()).isTrue();
                assertThat(wb.getSheet("Cut-offs").getDataValidations()).isNotEmpty();
            }
        }
        assertThat(Hashes.sha256(stored.getBody())).isEqualTo(recorded);
        assertThat(Hashes.sha256(storedByName.getBody())).isEqualTo(recorded);
        assertThat(stored.getHeaders().getFirst("X-Stored-Sha256")).isEqualTo(recorded);

        ResponseEntity<String> bad = rest.exchange("/api/policy/bundles/" + v + "/files/program-eligibility.drl.xlsx?as=pretty",
                HttpMethod.GET, auth("officer", null), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(bad.getBody()).contains("as").contains("stored");
        assertThat(get("officer", "/api/policy/bundles/" + v + "/files?path=decision-tables/nothing.drl.xlsx").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aDryRunOfTheDownloadedTableAnswersWithWhatItChangesAgainstTheVersionInForce() throws Exception {
        int v = policies.active().version();
        byte[] downloaded = get("officer", "/api/policy/bundles/" + v + "/files/program-eligibility.drl.xlsx").getBody();

        JsonNode unchanged = check(downloaded);
        assertThat(unchanged.get("passed").asBoolean()).isTrue();
        assertThat(unchanged.get("diff").get("fromVersion").asInt()).isEqualTo(v);
        assertThat(unchanged.get("diff").get("files")).allSatisfy(f -> assertThat(f.get("sheets")).isEmpty());
        assertThat(unchanged.get("diffText").asText()).contains("to the checked files");

        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(downloaded))) {
            XSSFSheet sheet = wb.getSheet("Cut-offs");
            PolicyCompilerTest.At rule = PolicyCompilerTest.find(sheet, "the standard cut-off");
            sheet.getRow(rule.row()).getCell(2).setCellValue(34);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        JsonNode raised = check(edited);

        assertThat(raised.get("diff").get("files")).hasSize(1);
        assertThat(raised.get("diffText").asText()).contains(ELIGIBILITY + ", sheet Cut-offs, table \"Cash transfer UCT cut-offs\", "
                + "row 10: the standard cut-off: \"Eligible when the score is at or below\" 32 → 34\n");
    }

    JsonNode check(byte[] workbook) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(workbook) {
            @Override
            public String getFilename() {
                return "program-eligibility.drl.xlsx";
            }
        });
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> r = rest.exchange("/api/policy/validate", HttpMethod.POST, auth("officer", form, h), JsonNode.class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }
}
