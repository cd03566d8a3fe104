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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        System.clearProperty("DYNREG_URL");
        System.clearProperty("DYNREG_USER");
        System.clearProperty("DYNREG_PASSWORD");
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
        String upload = output("officer", 0, "policy", "upload-table", "--file", table.toString(), "--comment", "source note confirmed");
        int version = policies.versions().size();
        assertThat(version).isEqualTo(before + 1);
        assertThat(upload).contains("version " + version + ": VALIDATED").contains("PASSED");

        assertThat(shell("officer", "policy", "approve", "--version", String.valueOf(version), "--comment", "mine"))
                .as("the uploader may not approve").isEqualTo(CliFailure.NOT_ALLOWED);
        assertThat(output("officer2", 0, "policy", "diff", "--from", "1", "--to", String.valueOf(version)))
                .contains("program-eligibility.drl.xlsx").contains("confirmed by the 2026 policy review");
        assertThat(shell("officer2", "policy", "approve", "--version", String.valueOf(version), "--comment", "checked the diff")).isZero();
        assertThat(shell("officer", "policy", "activate", "--version", String.valueOf(version), "--comment", "go"))
                .as("the uploader may not activate").isEqualTo(CliFailure.NOT_ALLOWED);
        assertThat(shell("officer2", "policy", "activate", "--version", String.valueOf(version), "--comment", "in force today")).isZero();
        assertThat(policies.active().version()).isEqualTo(version);
        assertThat(output("auditor", 0, "policy", "versions")).contains("ACTIVE").contains("RETIRED");

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

        String err = output("officer", CliFailure.REFUSED, "policy", "upload-table", "--file", table.toString(), "--comment", "typo");

        assertThat(err).contains("program-eligibility.drl.xlsx, sheet Cut-offs, cell");
        assertThat(policies.versions()).hasSize(before);
        assertThat(policies.active().version()).isEqualTo(1);
    }

    int shell(String user, String... command) {
        System.setProperty("DYNREG_URL", "http://localhost:" + port);
        System.setProperty("DYNREG_USER", user);
        System.setProperty("DYNREG_PASSWORD", user + "-pass");
        return DynregShell.run(command);
    }

    /** Runs a command, expects its exit code and returns what it printed (standard output and error). */
    String output(String user, int expectedCode, String... command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            assertThat(shell(user, command)).isEqualTo(expectedCode);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        out.print(text);
        return text;
    }
}
