package org.dynreg.cli;

import org.dynreg.policy.CandidateVersions;
import org.dynreg.policy.Policies;
import org.dynreg.policy.PolicyState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Two policy officers take a changed table from upload to activation, and back, through the shell. */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PolicyShellTest {
    static final String SOURCE = "BISP Benazir Kafaalat unconditional cash transfer: NSER poverty score cut-off 32 "
            + "(NSER annual report 2022-23, Targeting mechanism); applies from 2023-02-01";

    @LocalServerPort int port;
    @Autowired Policies policies;
    @TempDir Path dir;

    @AfterEach
    void clear() {
        if (policies.active().version() != 1) {
            policies.rollBack(1, "back to the repository's default policy after a test", "officer2");
        }
    }

    @Test
    void aChangedTableGoesFromUploadToActivationThroughTheShellAndIsRolledBack() throws Exception {
        Path table = dir.resolve("program-eligibility.drl.xlsx");
        Files.write(table, CandidateVersions.edit(CandidateVersions.file(CandidateVersions.ELIGIBILITY).content(), "Cut-offs",
                SOURCE, SOURCE + "; confirmed by the 2026 policy review"));
        int before = policies.versions().size();

        assertThat(shell("officer", "policy", "check", "--file", table.toString())).isZero();
        assertThat(shell("officer", "policy", "upload-table", "--file", table.toString(), "--comment", "source note confirmed")).isZero();
        int version = policies.versions().size();
        assertThat(version).isEqualTo(before + 1);
        assertThat(policies.summary(version).state()).as("no reference household moves").isEqualTo(PolicyState.VALIDATED);
        assertThat(policies.summary(version).files()).hasSize(org.dynreg.policy.RepositoryPolicy.files().size());

        assertThat(shell("officer", "policy", "approve", "--version", String.valueOf(version), "--comment", "mine"))
                .as("the uploader may not approve").isEqualTo(CliFailure.NOT_ALLOWED);
        assertThat(shell("officer2", "policy", "diff", "--from", "1", "--to", String.valueOf(version))).isZero();
        assertThat(policies.diff(1, version).toText()).contains("program-eligibility.drl.xlsx").contains("confirmed by the 2026 policy review");
        assertThat(shell("officer2", "policy", "approve", "--version", String.valueOf(version), "--comment", "checked the diff")).isZero();
        assertThat(shell("officer", "policy", "activate", "--version", String.valueOf(version), "--comment", "go"))
                .as("the uploader may not activate").isEqualTo(CliFailure.NOT_ALLOWED);
        assertThat(shell("officer2", "policy", "activate", "--version", String.valueOf(version), "--comment", "in force today")).isZero();
        assertThat(policies.active().version()).isEqualTo(version);
        assertThat(shell("auditor", "policy", "versions")).isZero();
        assertThat(policies.summary(1).state()).isEqualTo(PolicyState.RETIRED);

        assertThat(shell("officer", "policy", "rollback", "--version", "1", "--comment", "note withdrawn")).isZero();
        assertThat(policies.active().version()).isEqualTo(1);
        assertThat(policies.summary(version).state()).isEqualTo(PolicyState.RETIRED);
    }

    @Test
    void aBrokenTableIsRefusedByTheShellWithItsCell() throws Exception {
        Path table = dir.resolve("program-eligibility.drl.xlsx");
        Files.write(table, CandidateVersions.edit(CandidateVersions.file(CandidateVersions.ELIGIBILITY).content(), "Cut-offs",
                "CONDITION", "CONDITON"));
        int before = policies.versions().size();

        assertThat(shell("officer", "policy", "upload-table", "--file", table.toString(), "--comment", "typo"))
                .isEqualTo(CliFailure.REFUSED);
        assertThat(shell("officer", "policy", "check", "--file", table.toString())).isEqualTo(CliFailure.REFUSED);

        assertThat(policies.versions()).hasSize(before);
        assertThat(policies.active().version()).isEqualTo(1);
    }

    @Test
    void aRenamedColumnIsRefusedByTheShellUnlessDeclaredIntended() throws Exception {
        Path table = dir.resolve("program-eligibility.drl.xlsx");
        Files.write(table, CandidateVersions.edit(CandidateVersions.file(CandidateVersions.ELIGIBILITY).content(), "Cut-offs",
                "Eligible when the score is at or below", "Eligible at a score at or below (renamed in the shell test)"));
        int before = policies.versions().size();

        assertThat(shell("officer", "policy", "check", "--file", table.toString())).isEqualTo(CliFailure.REFUSED);
        assertThat(shell("officer", "policy", "upload-table", "--file", table.toString(), "--comment", "clearer heading"))
                .isEqualTo(CliFailure.REFUSED);
        assertThat(policies.versions()).hasSize(before);

        assertThat(shell("officer", "policy", "check", "--file", table.toString(), "--column-changes-intended")).isZero();
        assertThat(shell("officer", "policy", "upload-table", "--file", table.toString(), "--comment", "clearer heading",
                "--column-changes-intended")).isZero();
        assertThat(policies.versions()).hasSize(before + 1);
        assertThat(policies.active().version()).isEqualTo(1);
    }

    @Test
    void aProcessGoesUpAloneOrWithTheWholeBundleABrokenOneIsRefusedAndABundleWithoutProcessesToo() throws Exception {
        Path root = org.dynreg.policy.RepositoryPolicy.root();
        int before = policies.versions().size();
        assertThat(shell("officer", "policy", "upload", "--dir", root.resolve("decision-tables").toString(), root.resolve("rules").toString(),
                "--comment", "tables and rules only")).as("every case type needs its process").isEqualTo(CliFailure.REFUSED);

        String text = Files.readString(root.resolve("processes/appeal.bpmn"));
        Path appeal = dir.resolve("appeal.bpmn");
        Files.writeString(appeal, text.replace("<![CDATA[appeal.admissibility]]>", "<![CDATA[appeal.legal-check]]>"));
        assertThat(shell("officer", "policy", "check", "--file", appeal.toString())).isEqualTo(CliFailure.REFUSED);
        assertThat(shell("officer", "policy", "upload-table", "--file", appeal.toString(), "--comment", "a legal check"))
                .isEqualTo(CliFailure.REFUSED);
        assertThat(policies.versions()).hasSize(before);

        String task = "<bpmn2:userTask id=\"Review\" name=\"Review evidence\">";
        assertThat(text).contains(task);
        Files.writeString(appeal, text.replace(task, "<bpmn2:userTask id=\"Review\" name=\"Study the evidence\">"));
        assertThat(shell("officer", "policy", "upload-table", "--file", appeal.toString(), "--comment", "review wording")).isZero();
        int version = policies.versions().size();
        assertThat(version).isEqualTo(before + 1);
        assertThat(shell("officer2", "policy", "diff", "--from", "1", "--to", String.valueOf(version))).isZero();
        assertThat(policies.diff(1, version).toText()).contains("processes/appeal.bpmn: element Review (user task "
                + "\"Study the evidence\") changed: name \"Review evidence\" → \"Study the evidence\"");
    }

    @Test
    void anOfficerDownloadsTheVersionInForceAndChecksItsTableWhichChangesNothing() throws Exception {
        ShellAs.Printed download = ShellAs.printing(port, "officer", "policy", "download", "--dir", dir.toString());

        assertThat(download.exitCode()).as(download.text()).isZero();
        int inForce = policies.active().version();
        assertThat(download.text()).contains("Version " + inForce + " (in force)")
                .contains("decision-tables/program-eligibility.drl.xlsx  (protected for editing)");
        Path table = dir.resolve("decision-tables/program-eligibility.drl.xlsx");
        for (var f : policies.summary(inForce).files()) {
            assertThat(dir.resolve(f.path())).as(f.path()).isRegularFile();
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(table))) {
            assertThat(wb.getSheet("Cut-offs").getProtect()).isTrue();
        }
        assertThat(ShellAs.run(port, "officer", "policy", "download", "--dir", dir.toString()))
                .as("files already there are not overwritten").isEqualTo(CliFailure.REFUSED);
        Path stored = dir.resolve("stored");
        assertThat(ShellAs.run(port, "auditor", "policy", "download", "--version", String.valueOf(inForce), "--dir", stored.toString(),
                "--stored")).isZero();
        assertThat(org.dynreg.policy.Hashes.sha256(Files.readAllBytes(stored.resolve("decision-tables/program-eligibility.drl.xlsx"))))
                .isEqualTo(policies.file(inForce, "program-eligibility.drl.xlsx").sha256());

        ShellAs.Printed check = ShellAs.printing(port, "officer", "policy", "check", "--file", table.toString());

        assertThat(check.exitCode()).as(check.text()).isZero();
        assertThat(check.text()).contains("Changes from policy version " + inForce + " to the checked files (1 file):")
                .contains("decision-tables/program-eligibility.drl.xlsx: no visible difference");
    }

    @Test
    void aScheduledActivationIsCancelledFromTheShellAndARollBackNamesThoseStillPending() throws Exception {
        int now = approved(47);
        int later = approved(48);
        String at = java.time.Instant.now().plus(120, java.time.temporal.ChronoUnit.DAYS).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        assertThat(shell("officer2", "policy", "activate", "--version", String.valueOf(now), "--comment", "in force today")).isZero();
        assertThat(shell("officer2", "policy", "activate", "--version", String.valueOf(later), "--comment", "next season", "--at", at)).isZero();
        long id = policies.pendingActivations().stream().filter(a -> a.version() == later).findFirst().orElseThrow().id();
        assertThat(shell("officer2", "policy", "activate", "--version", String.valueOf(later), "--comment", "twice", "--at", at))
                .as("scheduled once at a time").isEqualTo(CliFailure.REFUSED);

        ShellAs.Printed rolledBack = ShellAs.printing(port, "officer2", "policy", "rollback", "--version", "1", "--comment", "withdrawn");
        assertThat(rolledBack.exitCode()).isZero();
        assertThat(rolledBack.text()).contains("Rolled back: version 1").contains("WARNING:").contains("activation " + id)
                .contains("#" + id).contains("policy cancel-activation");

        ShellAs.Printed cancelled = ShellAs.printing(port, "officer", "policy", "cancel-activation", "--id", String.valueOf(id),
                "--comment", "the season is postponed");
        assertThat(cancelled.exitCode()).isZero();
        assertThat(cancelled.text()).contains("Cancelled: #" + id).contains("CANCELLED by officer").contains("the season is postponed");
        assertThat(policies.activation(id).cancelled()).isTrue();
        assertThat(ShellAs.printing(port, "auditor", "policy", "activations").text()).contains("CANCELLED by officer");
        assertThat(shell("officer2", "policy", "cancel-activation", "--id", String.valueOf(id), "--comment", "again"))
                .as("cancelled already").isEqualTo(CliFailure.REFUSED);
        long done = policies.activations().stream().filter(a -> a.version() == now).findFirst().orElseThrow().id();
        assertThat(shell("officer2", "policy", "cancel-activation", "--id", String.valueOf(done), "--comment", "too late"))
                .as("it took effect").isEqualTo(CliFailure.REFUSED);
    }

    /** A version with the standard cut-off changed, its new expected outcomes recorded, approved by officer2. */
    private int approved(int cutoff) {
        int v = CandidateVersions.withStandardCutoff(policies, cutoff, "officer");
        for (org.dynreg.policy.ReferenceCheck c : policies.validate(v, "officer").mismatches()) {
            policies.recordExpectation(v, c.household(), null, "cut-off " + cutoff, "officer");
        }
        if (policies.summary(v).approvedBy() == null) {
            policies.approve(v, "approved for the test", "officer2");
        }
        return v;
    }

    int shell(String user, String... command) {
        return ShellAs.run(port, user, command);
    }

}
