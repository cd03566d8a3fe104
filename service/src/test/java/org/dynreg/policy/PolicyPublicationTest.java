package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishing policy at run time: a broken table is refused by its cell and the policy in force stays. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyPublicationTest {

    @Autowired TestRestTemplate rest;
    @Autowired Policies policies;

    @Test
    void theDefaultBundleOnTheClasspathIsTheRepositorysOwnFiles() {
        assertThat(Policies.defaultBundle()).extracting(PolicyFile::path, PolicyFile::sha256)
                .containsExactlyElementsOf(RepositoryPolicy.files().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.path(), f.sha256())).toList());
    }

    @Test
    void aBrokenTableIsRefusedWithItsCellAndTheRunningPolicyStays() throws Exception {
        int before = policies.active().version();
        String sha = policies.active().sha256();
        List<PolicyFile> files = RepositoryPolicy.files();
        PolicyFile scoring = files.stream().filter(f -> f.path().endsWith("pmt-scoring.drl.xlsx")).findFirst().orElseThrow();
        byte[] broken = edit(scoring.content(), "Scorecard", "CONDITION", "CONDITON");

        ResponseEntity<JsonNode> r = publish("officer", files, scoring.path(), broken, "try a misspelt header");

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("problems").toString()).contains("pmt-scoring.drl.xlsx, sheet Scorecard, cell B");
        assertThat(policies.active().version()).isEqualTo(before);
        assertThat(policies.active().sha256()).isEqualTo(sha);
        assertThat(rest.exchange("/api/policy/bundles", HttpMethod.GET, auth("auditor", null), JsonNode.class).getBody())
                .hasSize(before);
    }

    @Test
    void aValidBundleBecomesTheNewVersionInForceAndOnlyPolicyOfficersMayPublish() throws Exception {
        List<PolicyFile> files = RepositoryPolicy.files();
        PolicyFile eligibility = files.stream().filter(f -> f.path().endsWith("program-eligibility.drl.xlsx")).findFirst().orElseThrow();
        byte[] raised = edit(eligibility.content(), "Cut-offs", "32", "34");

        assertThat(publish("operator", files, eligibility.path(), raised, "raise the cut-off").getStatusCode().value()).isEqualTo(403);
        assertThat(publish("officer", files, eligibility.path(), raised, " ").getStatusCode().value()).isEqualTo(422);
        ResponseEntity<JsonNode> r = publish("officer", files, eligibility.path(), raised, "raise the cut-off to 34");

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        int version = r.getBody().get("version").asInt();
        assertThat(policies.active().version()).isEqualTo(version);
        assertThat(r.getBody().get("state").asText()).isEqualTo("ACTIVE");
        assertThat(r.getBody().get("uploadedBy").asText()).isEqualTo("officer");
        assertThat(policies.summary(version - 1).state()).isEqualTo("RETIRED");

        assertThat(publish("officer", files, "", null, "back to the repository's default policy").getStatusCode().value())
                .as("other tests in this JVM share the database and expect the default policy").isEqualTo(201);
        assertThat(policies.active().sha256()).isEqualTo(Hashes.bundleSha256(files));
    }

    /** Replaces the first cell of the sheet whose text equals {@code from}. */
    static byte[] edit(byte[] workbook, String sheetName, String from, String to) throws Exception {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet(sheetName);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? String.valueOf((long) cell.getNumericCellValue()) : cell.toString();
                    if (text.equals(from)) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            cell.setCellValue(Double.parseDouble(to));
                        } else {
                            cell.setCellValue(to);
                        }
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        wb.write(out);
                        return out.toByteArray();
                    }
                }
            }
        }
        throw new IllegalArgumentException(from + " not found on " + sheetName);
    }

    ResponseEntity<JsonNode> publish(String user, List<PolicyFile> files, String replaced, byte[] content, String comment) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        for (PolicyFile f : files) {
            byte[] bytes = f.path().equals(replaced) ? content : f.content();
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            form.add("files", new ByteArrayResource(bytes) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }
        form.add("comment", comment);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange("/api/policy/bundles", HttpMethod.POST, auth(user, form, h), JsonNode.class);
    }

    static <T> HttpEntity<T> auth(String user, T body) {
        return auth(user, body, new HttpHeaders());
    }

    static <T> HttpEntity<T> auth(String user, T body, HttpHeaders h) {
        h.setBasicAuth(user, user + "-pass");
        return new HttpEntity<>(body, h);
    }
}
