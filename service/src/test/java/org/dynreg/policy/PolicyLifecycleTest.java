package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.ScoredHouseholds;
import org.junit.jupiter.api.AfterEach;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dynreg.policy.CandidateVersions.edit;
import static org.dynreg.policy.CandidateVersions.file;

/**
 * The policy lifecycle through REST: upload, the regression gate, maker-checker approval, activation,
 * scheduled activation, roll-back, and agreement between instances on one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyLifecycleTest {

    static final String ELIGIBILITY = CandidateVersions.ELIGIBILITY;

    @Autowired TestRestTemplate rest;
    @Autowired Policies policies;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired RegressionGate gate;
    @Autowired ProcessCheck processCheck;
    @Autowired ProcessWalks walks;
    @Autowired org.dynreg.audit.AuditTrail audit;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    /** Other tests in this JVM share the database and expect the repository's policy (version 1) in force. */
    @AfterEach
    void backToTheDefaultPolicy() {
        if (policies.active().version() != 1) {
            policies.rollBack(1, "back to the repository's default policy after a test", "officer2");
        }
    }

    @Test
    void theDefaultBundleOnTheClasspathIsTheRepositorysOwnFilesAndIsInForceAsVersion1() {
        assertThat(Policies.defaultBundle()).extracting(PolicyFile::path, PolicyFile::sha256)
                .containsExactlyElementsOf(RepositoryPolicy.files().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.path(), f.sha256())).toList());
        BundleSummary v1 = policies.summary(1);
        assertThat(v1.sha256()).isEqualTo(Hashes.bundleSha256(RepositoryPolicy.files()));
        assertThat(v1.approvedBy()).isEqualTo("system");
        assertThat(policies.activations().get(0).kind()).isEqualTo(Activation.INSTALL);
    }

    @Test
    void aBrokenTableIsRefusedWithItsCellAndTheRunningPolicyStays() throws Exception {
        int before = policies.active().version();
        String sha = policies.active().sha256();
        int versions = policies.versions().size();
        PolicyFile scoring = file("decision-tables/pmt-scoring.drl.xlsx");
        byte[] broken = edit(scoring.content(), "Scorecard", "CONDITION", "CONDITON");

        ResponseEntity<JsonNode> r = upload("officer", "/api/policy/bundles/changes", Map.of(scoring.path(), broken), "try a misspelt header");

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("problems").toString()).contains("pmt-scoring.drl.xlsx, sheet Scorecard, cell B");
        assertThat(policies.active().version()).isEqualTo(before);
        assertThat(policies.active().sha256()).isEqualTo(sha);
        assertThat(policies.versions()).hasSize(versions);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedOverRestAtItsCellInPlainWordsAndNothingIsStored() throws Exception {
        int before = policies.active().version();
        int versions = policies.versions().size();
        String exclusions = "decision-tables/exclusion-filters.drl.xlsx";
        byte[] yes = TableValuesTest.withCell(exclusions, "Exclusions", "D11", c -> c.setCellValue("yes")).stream()
                .filter(f -> f.path().equals(exclusions)).findFirst().orElseThrow().content();

        ResponseEntity<JsonNode> r = upload("officer", "/api/policy/bundles/changes", Map.of(exclusions, yes), "car owners typed as yes");

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        JsonNode problems = r.getBody().get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("location").asText()).isEqualTo(exclusions + ", sheet Exclusions, cell D11 (\"Owns a car\")");
        JsonNode p = problems.get(0).get("problem");
        assertThat(p.get("heading").asText()).isEqualTo("Owns a car");
        assertThat(p.get("found").asText()).isEqualTo("yes");
        assertThat(p.get("expected").asText()).isEqualTo("TRUE or FALSE");
        assertThat(r.getBody().toString()).doesNotContain("Unable to Analyse").doesNotContain("strict-mode");
        assertThat(policies.versions()).hasSize(versions);
        assertThat(policies.active().version()).isEqualTo(before);
    }

    @Test
    void aDeletedColumnIsRefusedOverRestUnlessDeclaredIntendedWhichTheAuditEntryRecords() throws Exception {
        int versions = policies.versions().size();
        String exclusions = "decision-tables/exclusion-filters.drl.xlsx";
        byte[] withoutPhoneBill = PolicyCompilerTest.withEdit(exclusions, "Exclusions", (s, wb) -> {
            for (int r = 5; r <= 13; r++) {
                org.apache.poi.ss.usermodel.Row row = s.getRow(r);
                if (row != null && row.getCell(6) != null) {
                    row.removeCell(row.getCell(6));
                }
            }
            // the rule of the deleted column goes with it, so that the rest of the table still means what it did
            s.removeRow(s.getRow(13));
        }).stream().filter(f -> f.path().equals(exclusions)).findFirst().orElseThrow().content();

        ResponseEntity<JsonNode> refused = upload("officer", "/api/policy/bundles/changes", Map.of(exclusions, withoutPhoneBill),
                "no phone bill filter");

        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = refused.getBody().get("problems").get(0);
        assertThat(problem.get("location").asText()).isEqualTo(exclusions + ", sheet Exclusions, cell G6 "
                + "(\"Average monthly phone bill: more than (PKR)\")");
        assertThat(problem.get("problem").get("message").asText()).contains("is gone").contains("columnChanges=intended");
        assertThat(policies.versions()).hasSize(versions);

        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(withoutPhoneBill) {
            @Override
            public String getFilename() {
                return "exclusion-filters.drl.xlsx";
            }
        });
        form.add("comment", "no phone bill filter, on purpose");
        form.add("columnChanges", "intended");
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> stored = rest.exchange("/api/policy/bundles/changes", HttpMethod.POST, auth("officer", form, h), JsonNode.class);

        assertThat(stored.getStatusCode().value()).as(String.valueOf(stored.getBody())).isEqualTo(201);
        int version = stored.getBody().get("bundle").get("version").asInt();
        String details = jdbc.queryForObject("select details from audit_entry where action = ? and subject = ? order by seq desc limit 1",
                String.class, PolicyAction.UPLOAD, "policy:" + version);
        JsonNode declared = json.readTree(details).get("columnChanges");
        assertThat(declared.get("declaredIntended").asBoolean()).isTrue();
        assertThat(declared.get("columns").toString()).contains("the CONDITION column G").contains("is gone");
    }

    static final String APPEAL = "processes/appeal.bpmn";

    @Test
    void aBrokenProcessIsRefusedNamingItsElementAndTheRunningPolicyStays() throws Exception {
        int before = policies.active().version();
        int versions = policies.versions().size();
        String appeal = new String(file(APPEAL).content(), java.nio.charset.StandardCharsets.UTF_8);
        byte[] broken = appeal.replace("<![CDATA[appeal.admissibility]]>", "<![CDATA[appeal.legal-check]]>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> r = upload("officer", "/api/policy/bundles/changes", Map.of(APPEAL, broken), "a legal check first");

        assertThat(r.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = r.getBody().get("problems").get(0);
        assertThat(problem.get("location").asText()).isEqualTo("processes/appeal.bpmn, element Admissibility");
        assertThat(problem.toString()).contains("names the step 'appeal.legal-check', which the registry has no step of for this case type");
        assertThat(policies.active().version()).isEqualTo(before);
        assertThat(policies.versions()).hasSize(versions);
    }

    @Test
    void aChangedProcessGoesFromUploadToActivationAndBackWithItsElementsDiffedAndPictured() throws Exception {
        String appeal = new String(file(APPEAL).content(), java.nio.charset.StandardCharsets.UTF_8);
        String oldCondition = "name=\"a ground applies\" sourceRef=\"Admissible\" targetRef=\"ToReview\">\n"
                + "      <bpmn2:conditionExpression xsi:type=\"bpmn2:tFormalExpression\" language=\"http://www.omg.org/spec/FEEL/20140401\">"
                + "<![CDATA[admissible = true]]>";
        assertThat(appeal).contains(oldCondition, "<bpmn2:userTask id=\"Review\" name=\"Review evidence\">");
        byte[] changed = appeal.replace(oldCondition, oldCondition.replace("admissible = true", "admissible = true and not(evidenceNeeded = true)"))
                .replace("<bpmn2:userTask id=\"Review\" name=\"Review evidence\">", "<bpmn2:userTask id=\"Review\" name=\"Review the evidence\">")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> r = upload("officer", "/api/policy/bundles/changes", Map.of(APPEAL, changed), "review wording, stricter ground");

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        int version = r.getBody().get("bundle").get("version").asInt();
        assertThat(r.getBody().get("bundle").get("files").toString()).contains("\"path\":\"processes/appeal.bpmn\",\"kind\":\"PROCESS\"");
        assertThat(r.getBody().get("report").get("passed").asBoolean()).isTrue();
        assertThat(policies.file(version, "appeal.bpmn").content()).isEqualTo(changed);

        ResponseEntity<JsonNode> diff = rest.exchange("/api/policy/diff?from=1&to=" + version, HttpMethod.GET, auth("auditor", null), JsonNode.class);
        assertThat(diff.getStatusCode().value()).isEqualTo(200);
        JsonNode files = diff.getBody().get("diff").get("files");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("kind").asText()).isEqualTo("PROCESS");
        assertThat(files.get(0).get("elements")).hasSize(2);
        assertThat(diff.getBody().get("text").asText()).contains(
                "processes/appeal.bpmn: element F4 (sequence flow \"a ground applies\") changed: condition \"admissible = true\" → "
                        + "\"admissible = true and not(evidenceNeeded = true)\"",
                "processes/appeal.bpmn: element Review (user task \"Review the evidence\") changed: name \"Review evidence\" → "
                        + "\"Review the evidence\"");

        for (int v : List.of(1, version)) {
            ResponseEntity<String> picture = rest.exchange("/api/policy/bundles/" + v + "/files/appeal.bpmn/picture", HttpMethod.GET,
                    auth("auditor", null), String.class);
            assertThat(picture.getStatusCode().value()).isEqualTo(200);
            assertThat(picture.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
            assertThat(picture.getBody()).contains("<svg", v == 1 ? "Review evidence" : "Review the evidence");
        }

        assertThat(post("officer", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "mine")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("officer2", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "read the diff and both pictures"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(post("officer2", "/api/policy/bundles/" + version + "/activate", Map.of("comment", "in force")).getStatusCode().value())
                .isEqualTo(201);
        assertThat(policies.active().version()).isEqualTo(version);
        assertThat(policies.storedSha256(version)).isEqualTo(policies.summary(version).sha256());

        assertThat(post("officer", "/api/policy/rollback", Map.of("version", 1, "comment", "back to the old wording")).getStatusCode().value())
                .isEqualTo(201);
        assertThat(policies.active().version()).isEqualTo(1);
        assertThat(policies.file(1, "appeal.bpmn").content()).isEqualTo(appeal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aChangedProcessThatStrandsAppealsStaysADraftAndIsRefusedApprovalNamingTheWalkAndTheGateway() throws Exception {
        String appeal = new String(file(APPEAL).content(), java.nio.charset.StandardCharsets.UTF_8);
        String condition = "<![CDATA[admissible = true]]>";
        int at = appeal.indexOf(condition);
        byte[] stranding = (appeal.substring(0, at) + "<![CDATA[admissible = true and evidenceNeeded = true]]>"
                + appeal.substring(at + condition.length())).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ResponseEntity<JsonNode> r = upload("officer", "/api/policy/bundles/changes", Map.of(APPEAL, stranding),
                "a ground applies only with evidence");

        assertThat(r.getStatusCode().value()).as("the process is well-formed: it is stored, as a draft").isEqualTo(201);
        int version = r.getBody().get("bundle").get("version").asInt();
        assertThat(r.getBody().get("bundle").get("state").asText()).isEqualTo("DRAFT");
        JsonNode report = r.getBody().get("report");
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("mismatches")).as("the tables did not change").isEmpty();
        assertThat(report.get("walks").size()).isEqualTo(walks.walk(RepositoryPolicy.files().stream()
                .filter(f -> f.kind() == PolicyFile.Kind.PROCESS).toList()).size());
        List<String> failed = new ArrayList<>();
        report.get("failedWalks").forEach(w -> failed.add(w.get("walk").asText()));
        assertThat(failed).containsExactlyInAnyOrder("appeal-admissible-approved-resurveyed", "appeal-resurvey-visited-again");
        assertThat(report.get("failedWalks").get(0).get("reason").asText())
                .contains("stranded at the gateway 'Admissible' (Admissible?): no outgoing flow's condition holds");

        ResponseEntity<JsonNode> refused = post("officer2", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "looks right"));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("detail").asText()).contains("the reference walk appeal-admissible-approved-resurveyed fails: "
                + "appeal-admissible-approved-resurveyed: stranded at the gateway 'Admissible'");
        assertThat(refused.getBody().get("failedWalks")).hasSize(2);
        assertThat(policies.summary(version).state()).isEqualTo(PolicyState.DRAFT);
        assertThat(policies.active().version()).isEqualTo(1);
    }

    @Test
    void aChangedTableGoesFromUploadToActivationOnlyThroughASecondOfficerAndTheRegressionGate() throws Exception {
        byte[] raised = edit(file(ELIGIBILITY).content(), "Cut-offs", "32", "39");

        assertThat(upload("operator", "/api/policy/bundles/changes", Map.of(ELIGIBILITY, raised), "raise the cut-off").getStatusCode().value())
                .isEqualTo(403);
        assertThat(upload("officer", "/api/policy/bundles/changes", Map.of(ELIGIBILITY, raised), " ").getStatusCode().value())
                .isEqualTo(422);
        ResponseEntity<JsonNode> r = upload("officer", "/api/policy/bundles/changes", Map.of(ELIGIBILITY, raised), "raise the cut-off to 39");
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        int version = r.getBody().get("bundle").get("version").asInt();
        assertThat(r.getBody().get("bundle").get("basedOn").asInt()).isEqualTo(1);
        assertThat(r.getBody().get("bundle").get("files")).hasSize(RepositoryPolicy.files().size());

        // A reference household scored 33 was not eligible; under a cut-off of 34 it is: the gate holds the version back.
        JsonNode report = r.getBody().get("report");
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(r.getBody().get("bundle").get("state").asText()).isEqualTo("DRAFT");
        List<String> differing = new ArrayList<>();
        report.get("mismatches").forEach(m -> differing.add(m.get("household").asText()));
        assertThat(differing).isNotEmpty();
        assertThat(report.get("mismatches").toString()).contains("UCT: expected not eligible, got eligible");

        ResponseEntity<JsonNode> refused = post("officer2", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "looks right"));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody().get("mismatches")).hasSize(differing.size());

        for (String household : differing) {
            assertThat(post("officer", "/api/policy/bundles/" + version + "/expectations", Map.of("household", household)).getStatusCode().value())
                    .as("a reason is required").isEqualTo(422);
            r = post("officer", "/api/policy/bundles/" + version + "/expectations",
                    Map.of("household", household, "reason", "the cut-off is raised to 39, so a score of 33 now qualifies"));
            assertThat(r.getStatusCode().value()).isEqualTo(200);
        }
        assertThat(r.getBody().get("passed").asBoolean()).isTrue();
        assertThat(policies.summary(version).state()).isEqualTo(PolicyState.VALIDATED);
        assertThat(jdbc.queryForObject("select count(*) from reference_expectation where bundle_version = ?", Integer.class, version))
                .as("the new expectation is kept beside the one it replaces").isEqualTo(differing.size());
        assertThat(jdbc.queryForList("select replaces from reference_expectation where bundle_version = ?", String.class, version))
                .anySatisfy(replaced -> assertThat(replaced).contains("\"UCT\":false"));

        ResponseEntity<JsonNode> own = post("officer", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "mine"));
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        assertThat(own.getBody().get("detail").asText()).contains("another policy officer");
        assertThat(post("officer2", "/api/policy/bundles/" + version + "/activate", Map.of("comment", "too early")).getStatusCode().value())
                .as("not approved yet").isEqualTo(409);

        r = post("officer2", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "checked the cut-off row and the gate"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody().get("state").asText()).isEqualTo("APPROVED");
        assertThat(r.getBody().get("approvedBy").asText()).isEqualTo("officer2");
        assertThat(policies.active().version()).as("approval alone does not put it in force").isEqualTo(1);

        assertThat(post("officer", "/api/policy/bundles/" + version + "/activate", Map.of("comment", "go")).getStatusCode().value())
                .isEqualTo(403);
        r = post("officer2", "/api/policy/bundles/" + version + "/activate", Map.of("comment", "in force from today"));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(policies.active().version()).isEqualTo(version);
        assertThat(policies.summary(version).state()).isEqualTo(PolicyState.ACTIVE);
        assertThat(policies.summary(1).state()).isEqualTo(PolicyState.RETIRED);
        Evaluation at33 = EligibilityEvaluator.evaluate(policies.active(), ScoredHouseholds.withScore(33));
        assertThat(at33.program("UCT").eligible()).isTrue();
        assertThat(at33.policyVersion()).isEqualTo(version);

        assertThat(upload("officer", "/api/policy/bundles/changes", Map.of(ELIGIBILITY, raised), "again").getStatusCode().value())
                .as("an upload identical to a stored version").isEqualTo(409);

        assertThat(post("officer", "/api/policy/rollback", Map.of("version", 99_999, "comment", "x")).getStatusCode().value())
                .isEqualTo(404);
        r = post("officer", "/api/policy/rollback", Map.of("version", 1, "comment", "the raise is postponed"));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody().get("kind").asText()).isEqualTo("ROLLBACK");
        assertThat(policies.active().version()).isEqualTo(1);
        assertThat(policies.summary(version).state()).isEqualTo(PolicyState.RETIRED);
        assertThat(EligibilityEvaluator.evaluate(policies.active(), ScoredHouseholds.withScore(33)).program("UCT").eligible()).isFalse();

        assertThat(jdbc.queryForList("select action from audit_entry where subject = ? order by seq", String.class, "policy:" + version))
                .startsWith(PolicyAction.UPLOAD, PolicyAction.VALIDATE)
                .contains(PolicyAction.EXPECTATION, PolicyAction.APPROVE, PolicyAction.ACTIVATE);
        assertThat(jdbc.queryForList("select actor from audit_entry where subject = 'policy:1' and action = ?", String.class,
                PolicyAction.ROLLBACK)).contains("officer");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aCutOffChangeIsAcceptedInTheGateOneKindOfDifferenceAtATimeWithOneReasonEachAndTheApproverSeesThem() throws Exception {
        byte[] raised = edit(file(ELIGIBILITY).content(), "Cut-offs", "32", "36");
        ResponseEntity<JsonNode> r = upload("officer", "/api/policy/bundles/changes", Map.of(ELIGIBILITY, raised), "raise the cut-off to 36");
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        int version = r.getBody().get("bundle").get("version").asInt();
        JsonNode report = r.getBody().get("report");
        Map<String, Long> byKind = new java.util.LinkedHashMap<>();
        report.get("differencesByKind").forEach(k -> byKind.put(k.get("kind").asText(), k.get("householdCount").asLong()));
        // every household compared with the standard cut-off quotes it: one kind for the cut-off, one for the sentences
        long standard = gate.check(policies.version(1), Map.of()).stream()
                .filter(c -> c.actual().get("cutoffs").path("UCT").asInt() == 32).count();
        assertThat(standard).isGreaterThan(5);
        assertThat(byKind).containsEntry("CUTOFF:UCT", standard).containsEntry("WORDING", standard)
                .containsEntry("ELIGIBILITY:UCT", 1L).doesNotContainKey("SCORE").doesNotContainKey("EXCLUSION");
        JsonNode cutoffs = null;
        for (JsonNode k : report.get("differencesByKind")) {
            cutoffs = k.get("kind").asText().equals("CUTOFF:UCT") ? k : cutoffs;
        }
        assertThat(cutoffs.get("label").asText()).isEqualTo("cut-off used for UCT");
        assertThat(cutoffs.get("households")).allSatisfy(h -> {
            assertThat(h.get("field").asText()).isEqualTo("UCT.cutoff");
            assertThat(h.get("before").asText()).isEqualTo("32");
            assertThat(h.get("after").asText()).isEqualTo("36");
        });

        assertThat(post("officer", "/api/policy/bundles/" + version + "/accepted-differences", Map.of("kind", "COLOUR", "reason", "x"))
                .getStatusCode().value()).as("not a kind").isEqualTo(422);
        assertThat(post("officer", "/api/policy/bundles/" + version + "/accepted-differences", Map.of("kind", "WORDING"))
                .getStatusCode().value()).as("a reason is required").isEqualTo(422);
        assertThat(post("officer", "/api/policy/bundles/" + version + "/accepted-differences", Map.of("kind", "SCORE", "reason", "x"))
                .getStatusCode().value()).as("no household differs in its score").isEqualTo(409);

        r = post("officer", "/api/policy/bundles/" + version + "/accepted-differences",
                Map.of("kind", "CUTOFF:UCT", "reason", "the standard cut-off is raised to 36 by notification"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        r = post("officer", "/api/policy/bundles/" + version + "/accepted-differences",
                Map.of("kind", "WORDING", "reason", "the reasons quote the new cut-off"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        // the household scored 33 now qualifies: that is a difference of another kind, still open
        assertThat(r.getBody().get("passed").asBoolean()).isFalse();
        List<String> open = new ArrayList<>();
        r.getBody().get("differencesByKind").forEach(k -> open.add(k.get("kind").asText()));
        assertThat(open).contains("ELIGIBILITY:UCT").doesNotContain("CUTOFF:UCT", "WORDING");
        assertThat(r.getBody().get("mismatches")).singleElement().satisfies(m ->
                assertThat(m.get("household").asText()).isEqualTo("cutoff-33-standard-not-eligible"));
        assertThat(post("officer2", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "not yet")).getBody()
                .get("detail").asText()).contains("eligibility for UCT in 1");

        for (String kind : open) {
            r = post("officer", "/api/policy/bundles/" + version + "/accepted-differences",
                    Map.of("kind", kind, "reason", "a score of 33 qualifies under the cut-off of 36, with its payment and stipends"));
            assertThat(r.getStatusCode().value()).as(kind).isEqualTo(200);
        }
        assertThat(r.getBody().get("passed").asBoolean()).isTrue();
        assertThat(policies.summary(version).state()).isEqualTo(PolicyState.VALIDATED);

        JsonNode accepted = get("officer2", "/api/policy/bundles/" + version + "/accepted-differences").getBody();
        assertThat(accepted).hasSize(2 + open.size());
        assertThat(accepted.get(0).get("kind").asText()).isEqualTo("CUTOFF:UCT");
        assertThat(accepted.get(0).get("reason").asText()).isEqualTo("the standard cut-off is raised to 36 by notification");
        assertThat(accepted.get(0).get("households")).hasSize((int) standard);
        assertThat(accepted.get(0).get("acceptedBy").asText()).isEqualTo("officer");
        String diff = get("officer2", "/api/policy/diff?from=1&to=" + version).getBody().get("text").asText();
        assertThat(diff).contains("cut-off used for UCT (CUTOFF:UCT)", "the standard cut-off is raised to 36 by notification",
                "cutoff-32-standard-eligible: UCT.cutoff 32 → 36");
        assertThat(jdbc.queryForList("select action from audit_entry where subject = ? order by seq", String.class, "policy:" + version))
                .contains(PolicyAction.ACCEPT);

        r = post("officer2", "/api/policy/bundles/" + version + "/approve", Map.of("comment", "read the accepted differences"));
        assertThat(r.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aVersionBasedOnAnotherInheritsItsRecordedExpectations() throws Exception {
        int v = approvedRaise(35, "officer");
        byte[] same = edit(file(ELIGIBILITY).content(), "Cut-offs", "32", "35");
        byte[] sameButNoted = edit(same, "Cut-offs", "BISP Benazir Kafaalat unconditional cash transfer: NSER poverty score cut-off 32 "
                + "(NSER annual report 2022-23, Targeting mechanism); applies from 2023-02-01", "Raised to 35 for the test; a note changes, no outcome");

        ResponseEntity<JsonNode> r = upload("officer2", "/api/policy/bundles/changes?base=" + v, Map.of(ELIGIBILITY, sameButNoted), "label only");

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(r.getBody().get("bundle").get("basedOn").asInt()).isEqualTo(v);
        assertThat(r.getBody().get("report").get("passed").asBoolean()).isTrue();
        assertThat(r.getBody().get("bundle").get("state").asText()).isEqualTo("VALIDATED");
    }

    @Test
    void aScheduledActivationComesIntoForceAtItsEffectiveTimeAndNotBefore() throws Exception {
        int v = approvedRaise(36, "officer");
        Instant effective = clock.instant().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);

        ResponseEntity<JsonNode> r = post("officer2", "/api/policy/bundles/" + v + "/activate",
                Map.of("comment", "from the next fiscal year", "effectiveFrom", effective.toString()));

        assertThat(r.getStatusCode().value()).isEqualTo(201);
        assertThat(policies.active().version()).isEqualTo(1);
        assertThat(policies.summary(v).scheduledFrom()).isEqualTo(effective);
        assertThat(policies.summary(v).state()).isEqualTo(PolicyState.APPROVED);
        assertThat(policies.at(effective.minusMillis(1)).version()).isEqualTo(1);
        assertThat(policies.at(effective).version()).isEqualTo(v);
        assertThat(post("officer2", "/api/policy/bundles/" + v + "/activate",
                Map.of("comment", "back-dated", "effectiveFrom", clock.instant().minus(1, ChronoUnit.DAYS).toString())).getStatusCode().value())
                .as("the past cannot be changed").isEqualTo(409);
        policies.cancelActivation(r.getBody().get("id").asLong(), "the test is over", "officer2");
    }

    @Test
    void aScheduledActivationCancelledBeforeItsTimeStaysListedAsCancelledAndNeverComesIntoForce() throws Exception {
        int v = approvedRaise(41, "officer");
        Instant effective = clock.instant().plus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        ResponseEntity<JsonNode> r = post("officer2", "/api/policy/bundles/" + v + "/activate",
                Map.of("comment", "from the next fiscal year", "effectiveFrom", effective.toString()));
        assertThat(r.getStatusCode().value()).isEqualTo(201);
        long id = r.getBody().get("id").asLong();
        assertThat(policies.at(effective).version()).isEqualTo(v);
        int beforeIt = policies.versionInForce(effective.minusMillis(1)).orElseThrow();

        assertThat(post("officer2", "/api/policy/activations/" + id + "/cancel", Map.of("comment", " ")).getStatusCode().value())
                .as("a reason is required").isEqualTo(422);
        r = post("officer", "/api/policy/activations/" + id + "/cancel", Map.of("comment", "the board postponed the raise"));

        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        assertThat(r.getBody().get("cancelledBy").asText()).isEqualTo("officer");
        assertThat(r.getBody().get("cancelComment").asText()).isEqualTo("the board postponed the raise");
        assertThat(policies.at(effective).version()).as("the version in force at the time it was due is unchanged").isEqualTo(beforeIt);
        Policies other = new Policies(jdbc, json, tx, clock, gate, events, processCheck, walks, Duration.ofMinutes(5), false);
        assertThat(other.at(effective).version()).as("another instance on the database agrees").isEqualTo(beforeIt);
        assertThat(policies.summary(v).scheduledFrom()).isNull();
        assertThat(policies.pendingActivations()).extracting(Activation::id).doesNotContain(id);
        ResponseEntity<JsonNode> listed = rest.exchange("/api/policy/activations", HttpMethod.GET, auth("auditor", null), JsonNode.class);
        JsonNode cancelled = null;
        for (JsonNode a : listed.getBody()) {
            if (a.get("id").asLong() == id) {
                cancelled = a;
            }
        }
        assertThat(cancelled).as("a cancelled activation stays listed").isNotNull();
        assertThat(cancelled.get("cancelledAt").isNull()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from policy_activation where id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(auditDetails(v, PolicyAction.CANCEL)).anySatisfy(d -> {
            assertThat(d.get("activation").asLong()).isEqualTo(id);
            assertThat(d.get("comment").asText()).isEqualTo("the board postponed the raise");
        });

        ResponseEntity<JsonNode> again = post("officer2", "/api/policy/activations/" + id + "/cancel", Map.of("comment", "twice"));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("detail").asText()).contains("already cancelled by officer");
        assertThat(auditDetails(v, PolicyAction.REFUSED)).anySatisfy(d -> {
            assertThat(d.get("attempted").asText()).isEqualTo(PolicyAction.CANCEL);
            assertThat(d.get("reason").asText()).contains("already cancelled");
        });
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void anActivationThatTookEffectCannotBeCancelled() throws Exception {
        int v = approvedRaise(42, "officer");
        long id = policies.activate(v, null, "in force now", "officer2").id();

        ResponseEntity<JsonNode> r = post("officer2", "/api/policy/activations/" + id + "/cancel", Map.of("comment", "too late"));

        assertThat(r.getStatusCode().value()).isEqualTo(409);
        assertThat(r.getBody().get("detail").asText()).contains("took effect").contains("Roll back");
        assertThat(policies.active().version()).isEqualTo(v);
        assertThat(policies.activation(id).cancelled()).isFalse();
        assertThat(auditDetails(v, PolicyAction.REFUSED)).anySatisfy(d -> {
            assertThat(d.get("attempted").asText()).isEqualTo(PolicyAction.CANCEL);
            assertThat(d.get("activation").asLong()).isEqualTo(id);
        });
        assertThat(post("officer2", "/api/policy/activations/999999/cancel", Map.of("comment", "x")).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void aVersionCannotBeScheduledTwiceWhileAnActivationOfItIsPending() throws Exception {
        int v = approvedRaise(43, "officer");
        Instant first = clock.instant().plus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        long id = policies.activate(v, first, "first", "officer2").id();
        try {
            ResponseEntity<JsonNode> r = post("officer2", "/api/policy/bundles/" + v + "/activate",
                    Map.of("comment", "again", "effectiveFrom", first.plus(50, ChronoUnit.DAYS).toString()));

            assertThat(r.getStatusCode().value()).isEqualTo(409);
            assertThat(r.getBody().get("detail").asText()).contains("activation " + id).contains(first.toString());
            assertThat(post("officer2", "/api/policy/bundles/" + v + "/activate", Map.of("comment", "now instead")).getStatusCode().value())
                    .as("nor put in force now while it is scheduled").isEqualTo(409);
            assertThat(policies.activations().stream().filter(a -> a.version() == v)).hasSize(1);
            assertThat(auditDetails(v, PolicyAction.REFUSED)).anySatisfy(d -> {
                assertThat(d.get("attempted").asText()).isEqualTo(PolicyAction.ACTIVATE);
                assertThat(d.get("reason").asText()).contains("already scheduled");
            });
        } finally {
            policies.cancelActivation(id, "the test is over", "officer2");
        }
        long rescheduled = policies.activate(v, first.plus(50, ChronoUnit.DAYS), "once cancelled it can be scheduled again", "officer2").id();
        policies.cancelActivation(rescheduled, "the test is over", "officer2");
    }

    @Test
    void aRollBackWhileActivationsArePendingWarnsAndListsThem() throws Exception {
        int v = approvedRaise(44, "officer");
        int later = approvedRaise(45, "officer");
        policies.activate(v, null, "in force now", "officer2");
        long pending = policies.activate(later, clock.instant().plus(100, ChronoUnit.DAYS), "next year", "officer2").id();
        try {
            ResponseEntity<JsonNode> r = post("officer2", "/api/policy/rollback", Map.of("version", 1, "comment", "the raise is withdrawn"));

            assertThat(r.getStatusCode().value()).isEqualTo(201);
            assertThat(r.getBody().get("kind").asText()).isEqualTo("ROLLBACK");
            assertThat(r.getBody().get("version").asInt()).isEqualTo(1);
            assertThat(r.getBody().get("warning").asText()).contains("still pending").contains("activation " + pending)
                    .contains("version " + later);
            List<Long> listed = new ArrayList<>();
            r.getBody().get("pending").forEach(a -> listed.add(a.get("id").asLong()));
            assertThat(listed).contains(pending);
            assertThat(policies.active().version()).isEqualTo(1);
            assertThat(policies.activation(pending).pendingAt(clock.instant())).as("a roll-back does not cancel").isTrue();
        } finally {
            policies.cancelActivation(pending, "the test is over", "officer2");
        }
        RollBack none = policies.rollBack(v, "again", "officer2");
        assertThat(none.pending()).extracting(Activation::id).doesNotContain(pending);
    }

    @Test
    void refusedApprovalsAreWrittenToTheAuditTrail() throws Exception {
        int v = CandidateVersions.withStandardCutoff(policies, 46, "officer");
        assertThat(policies.validate(v, "officer").passed()).isFalse();

        ResponseEntity<JsonNode> own = post("officer", "/api/policy/bundles/" + v + "/approve", Map.of("comment", "mine"));
        assertThat(own.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> differing = post("officer2", "/api/policy/bundles/" + v + "/approve", Map.of("comment", "looks right"));
        assertThat(differing.getStatusCode().value()).isEqualTo(409);
        ResponseEntity<JsonNode> ownActivation = post("officer", "/api/policy/bundles/" + v + "/activate", Map.of("comment", "go"));
        assertThat(ownActivation.getStatusCode().value()).isEqualTo(403);

        List<JsonNode> refusals = auditDetails(v, PolicyAction.REFUSED);
        assertThat(refusals).anySatisfy(d -> {
            assertThat(d.get("attempted").asText()).isEqualTo(PolicyAction.APPROVE);
            assertThat(d.get("reason").asText()).contains("uploaded by officer").contains("another policy officer must approve");
        });
        assertThat(refusals).anySatisfy(d -> {
            assertThat(d.get("attempted").asText()).isEqualTo(PolicyAction.APPROVE);
            assertThat(d.get("reason").asText()).contains("reference household(s) give a different outcome");
            assertThat(d.get("differing")).isNotEmpty();
        });
        assertThat(refusals).anySatisfy(d -> assertThat(d.get("attempted").asText()).isEqualTo(PolicyAction.ACTIVATE));
        assertThat(jdbc.queryForList("select actor from audit_entry where subject = ? and action = ? order by seq", String.class,
                "policy:" + v, PolicyAction.REFUSED)).containsSubsequence("officer", "officer2", "officer");
        assertThat(policies.summary(v).approvedBy()).as("still refused").isNull();

        int before = auditDetails(v, PolicyAction.REFUSED).size();
        tx.executeWithoutResult(st -> {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> policies.approve(v, "inside a transaction", "officer")))
                    .isInstanceOf(SecondOfficerRequiredException.class);
            st.setRollbackOnly();
        });
        assertThat(auditDetails(v, PolicyAction.REFUSED)).as("the refusal outlives the caller's rolled-back transaction").hasSize(before + 1);
        assertThat(audit.verify().intact()).isTrue();
    }

    /** The details of the version's audit entries of one action, oldest first. */
    List<JsonNode> auditDetails(int version, String action) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String d : jdbc.queryForList("select details from audit_entry where subject = ? and action = ? order by seq", String.class,
                "policy:" + version, action)) {
            out.add(json.readTree(d));
        }
        return out;
    }

    @Test
    void twoInstancesOnOneDatabaseAgreeOnTheVersionInForce() throws Exception {
        Policies other = new Policies(jdbc, json, tx, clock, gate, events, processCheck, walks, Duration.ofMinutes(5), false);
        assertThat(other.active().version()).isEqualTo(policies.active().version());
        int v = approvedRaise(33, "officer");

        policies.activate(v, null, "raise", "officer2");

        assertThat(other.active().version()).isEqualTo(v);
        assertThat(other.active().sha256()).isEqualTo(policies.active().sha256());
        other.rollBack(1, "back", "officer2");
        assertThat(policies.active().version()).isEqualTo(1);
    }

    @Test
    void evaluationsDuringActivationsEachRunWhollyUnderOneVersion() throws Exception {
        int v = approvedRaise(34, "officer");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Evaluation> seen = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    seen.add(EligibilityEvaluator.evaluate(policies.active(), ScoredHouseholds.withScore(33)));
                }
            }));
        }
        for (int i = 0; i < 3; i++) {
            policies.activate(v, null, "switch " + i, "officer2");
            policies.rollBack(1, "switch back " + i, "officer2");
        }
        running.set(false);
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();

        assertThat(seen).isNotEmpty();
        assertThat(seen).allSatisfy(e -> {
            assertThat(e.program("UCT").eligible()).as("version %d", e.policyVersion()).isEqualTo(e.policyVersion() == v);
            assertThat(e.program("UCT").cutoff()).isEqualTo(e.policyVersion() == v ? 34 : 32);
            assertThat(e.policySha256()).isEqualTo(policies.version(e.policyVersion()).sha256());
        });
    }

    /** Uploads the default bundle with the standard cut-off changed, records the gate's new expectations, has officer2 approve it. */
    int approvedRaise(int cutoff, String uploader) throws Exception {
        int v = CandidateVersions.withStandardCutoff(policies, cutoff, uploader);
        for (ReferenceCheck c : policies.validate(v, uploader).mismatches()) {
            policies.recordExpectation(v, c.household(), null, "cut-off " + cutoff, uploader);
        }
        if (policies.summary(v).approvedBy() == null) {
            policies.approve(v, "approved for the test", "officer2");
        }
        return v;
    }

    ResponseEntity<JsonNode> upload(String user, String path, Map<String, byte[]> changed, String comment) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        changed.forEach((p, bytes) -> {
            String name = p.substring(p.lastIndexOf('/') + 1);
            form.add("files", new ByteArrayResource(bytes) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        });
        form.add("comment", comment);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange(path, HttpMethod.POST, auth(user, form, h), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return rest.exchange(path, HttpMethod.GET, auth(user, null, new HttpHeaders()), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, auth(user, body, h), JsonNode.class);
    }

    static <T> HttpEntity<T> auth(String user, T body) {
        return auth(user, body, new HttpHeaders());
    }

    static <T> HttpEntity<T> auth(String user, T body, HttpHeaders h) {
        h.setBasicAuth(user, user + "-pass");
        return new HttpEntity<>(body, h);
    }
}
