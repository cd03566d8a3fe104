package org.dynreg.workflow;

import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.RepositoryPolicy;
import org.dynreg.policy.WalkCheck;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reference walks of decision-tables/reference-walks/ through the repository's six processes, and through
 * changed processes: one that strands appeals at a gateway, one that adds a user task the walks do not know.
 */
class ProcessWalkerTest {

    final ProcessWalker walker = new ProcessWalker(scripts());

    static Map<String, byte[]> scripts() {
        try (var files = Files.list(RepositoryPolicy.root().resolve("decision-tables/reference-walks"))) {
            Map<String, byte[]> out = new TreeMap<>();
            for (var p : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String name = p.getFileName().toString();
                out.put(name.substring(0, name.length() - 5), Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<PolicyFile> withAppeal(String appeal) throws IOException {
        List<PolicyFile> out = new ArrayList<>(ProcessFileCheckTest.repositoryProcesses());
        out.removeIf(f -> f.path().equals(ProcessFileCheckTest.APPEAL));
        out.add(new PolicyFile(ProcessFileCheckTest.APPEAL, appeal.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void everyWalkPassesThroughTheRepositoryProcessesAndEveryProcessIsWalked() throws IOException {
        List<WalkCheck> checks = walker.walk(ProcessFileCheckTest.repositoryProcesses());
        assertThat(checks).hasSize(scripts().size()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(checks).allSatisfy(c -> assertThat(c.passed()).as(c.walk() + ": " + c.reason()).isTrue());
        assertThat(checks.stream().map(WalkCheck::process).collect(Collectors.toSet())).isEqualTo(Set.of("appeal",
                "cyclicUpdate", "missedOutRegistration", "recertification", "rosterUpdate", "shockUpdate"));
        assertThat(checks).allSatisfy(c -> assertThat(c.passedThrough()).isEmpty());
        WalkCheck again = checks.stream().filter(c -> c.walk().equals("appeal-resurvey-visited-again")).findFirst().orElseThrow();
        assertThat(again.reached()).startsWith("Lodged", "Admissibility", "Admissible", "ToReview", "Review").endsWith("Again", "Closed");
    }

    @Test
    void aGatewayWhereNoFlowHoldsStrandsTheAppealsThatReachItNamingTheGateway() throws IOException {
        String changed = ProcessFileCheckTest.replaceOnce(ProcessFileCheckTest.appeal(),
                "<![CDATA[admissible = true]]>", "<![CDATA[admissible = true and evidenceNeeded = true]]>");
        List<WalkCheck> checks = walker.walk(withAppeal(changed));
        WalkCheck main = checks.stream().filter(c -> c.walk().equals("appeal-admissible-approved-resurveyed")).findFirst().orElseThrow();
        assertThat(main.passed()).isFalse();
        assertThat(main.reason()).startsWith("appeal-admissible-approved-resurveyed: stranded at the gateway 'Admissible' (Admissible?): "
                + "no outgoing flow's condition holds").contains("'F4' admissible = true and evidenceNeeded = true");
        assertThat(main.reached()).containsExactly("Lodged", "Admissibility", "Admissible");
        assertThat(checks.stream().filter(c -> !c.passed()).map(WalkCheck::walk)).containsExactlyInAnyOrder(
                "appeal-admissible-approved-resurveyed", "appeal-resurvey-visited-again");
        assertThat(checks.stream().filter(c -> !c.process().equals("appeal"))).allMatch(WalkCheck::passed);
    }

    @Test
    void aGatewayWhereTwoFlowsHoldStrandsTheCaseNamingBoth() throws IOException {
        String changed = ProcessFileCheckTest.replaceOnce(ProcessFileCheckTest.appeal(),
                "<![CDATA[not(retry = true)]]>", "<![CDATA[resurveyAttempts >= 1]]>");
        WalkCheck again = walker.walk(withAppeal(changed)).stream()
                .filter(c -> c.walk().equals("appeal-resurvey-visited-again")).findFirst().orElseThrow();
        assertThat(again.passed()).isFalse();
        assertThat(again.reason()).contains("stranded at the gateway 'Again' (Visit again?): 2 outgoing flows' conditions hold ('F28', 'F29')");
    }

    @Test
    void aUserTaskAddedWithOneWayOutIsPassedThroughAndNamed() throws IOException {
        String legal = Files.readString(RepositoryPolicy.root()
                .resolve("features/src/test/resources/policy-changes/appeal-legal-check.bpmn"), StandardCharsets.UTF_8);
        List<WalkCheck> checks = walker.walk(withAppeal(legal));
        assertThat(checks).allSatisfy(c -> assertThat(c.passed()).as(c.walk() + ": " + c.reason()).isTrue());
        WalkCheck disability = checks.stream().filter(c -> c.walk().equals("appeal-disability-evidence-confirmed-rejected"))
                .findFirst().orElseThrow();
        assertThat(disability.passedThrough()).containsExactly("LegalCheck");
        assertThat(disability.reached()).contains("LegalGround", "LegalCheck", "LegalDone", "Review");
        assertThat(checks.stream().filter(c -> c.walk().equals("appeal-admissible-approved-resurveyed")).findFirst().orElseThrow()
                .passedThrough()).isEmpty();
    }

    @Test
    void anAutomatedStepTheScriptDoesNotKnowAnEndElsewhereAndAMissingProcessFailTheWalkSayingSo() throws IOException {
        // the approved branch goes straight to the end event of a rejection
        String toRejected = ProcessFileCheckTest.replaceOnce(ProcessFileCheckTest.appeal(),
                "<bpmn2:sequenceFlow id=\"F22\" name=\"approved\" sourceRef=\"Approved\" targetRef=\"ToResurvey\"",
                "<bpmn2:sequenceFlow id=\"F22\" name=\"approved\" sourceRef=\"Approved\" targetRef=\"Rejected\"");
        WalkCheck main = walker.walk(withAppeal(toRejected)).stream()
                .filter(c -> c.walk().equals("appeal-admissible-approved-resurveyed")).findFirst().orElseThrow();
        assertThat(main.reason()).isEqualTo("appeal-admissible-approved-resurveyed: ended at the end event 'Rejected' "
                + "(Appeal rejected), not at the end event 'Closed' expected");
        // the review goes to the escalation step before the recommendation is recorded
        String escalates = ProcessFileCheckTest.replaceOnce(ProcessFileCheckTest.appeal(),
                "<bpmn2:sequenceFlow id=\"F15\" sourceRef=\"Review\" targetRef=\"Reviewed\"",
                "<bpmn2:sequenceFlow id=\"F15\" sourceRef=\"Review\" targetRef=\"EscalateReview\"");
        main = walker.walk(withAppeal(escalates)).stream()
                .filter(c -> c.walk().equals("appeal-admissible-approved-resurveyed")).findFirst().orElseThrow();
        assertThat(main.reason()).startsWith("appeal-admissible-approved-resurveyed: reached the automated step 'EscalateReview' "
                + "(Escalate the review), which the script does not expect ('Reviewed' next)".replace("('Reviewed' next)",
                "(the script expects 'Reviewed' next)"));
        List<PolicyFile> noAppeal = new ArrayList<>(ProcessFileCheckTest.repositoryProcesses());
        noAppeal.removeIf(f -> f.path().equals(ProcessFileCheckTest.APPEAL));
        assertThat(walker.walk(noAppeal).stream().filter(c -> c.process() != null && c.process().equals("appeal")))
                .allSatisfy(c -> assertThat(c.reason()).endsWith("the bundle holds no process 'appeal'"));
    }

    @Test
    void aMalformedWalkFileFailsNamingTheField() throws IOException {
        ProcessWalker bad = new ProcessWalker(Map.of("broken", "{\"description\":\"x\",\"process\":\"appeal\",\"steps\":[]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(bad.walk(ProcessFileCheckTest.repositoryProcesses())).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("broken.json: the walk file is not valid: expected: is required: "
                        + "an object with userTasks and end"));
    }

    @Test
    void conditionsAreEvaluatedAsFeelWouldAMissingVariableComparingFalse() {
        assertThat(FeelCondition.holds("admissible = true", Map.of("admissible", true))).isTrue();
        assertThat(FeelCondition.holds("admissible = true", Map.of())).isFalse();
        assertThat(FeelCondition.holds("not(admissible = true) and not(evidenceNeeded = true)", Map.of())).isTrue();
        assertThat(FeelCondition.holds("not(admissible = true) and evidenceNeeded = true", Map.of("evidenceNeeded", true))).isTrue();
        assertThat(FeelCondition.holds("resurveyOutcome = \"SURVEYED\"", Map.of("resurveyOutcome", "NOT_FOUND"))).isFalse();
        assertThat(FeelCondition.holds("attempts >= 2 or done = true", Map.of("attempts", 2L))).isTrue();
        assertThat(FeelCondition.holds("attempts < 2", Map.of())).isFalse();
        assertThat(FeelCondition.holds("(a = 1 or b = 1) and c != null", Map.of("b", new java.math.BigDecimal("1.0"), "c", "x"))).isTrue();
        assertThatThrownBy(() -> FeelCondition.holds("count(x) > 1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calls the function 'count'");
    }
}
