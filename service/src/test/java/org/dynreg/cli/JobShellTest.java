package org.dynreg.cli;

import org.dynreg.batch.RegistryFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The job commands run non-interactively against a running service: start, follow with a progress bar, refusals, exit codes. */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dynreg.batch.chunk-size=5", "dynreg.recertification.sweep-cron=-"})
@ActiveProfiles("test")
class JobShellTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int shell(String user, String... command) {
        PrintStream console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            return ShellAs.run(port, user, command);
        } finally {
            System.setOut(console);
        }
    }

    @Test
    void rescoresADistrictWithAProgressBarAndReportsRefusalsAndFailuresByExitCode() {
        new RegistryFixture(jdbc).insert("SINDH", "Shell job district", 12, "76001", LocalDate.of(2025, 6, 6));

        assertThat(shell("officer", "job", "rescore", "--district", "Shell job district", "--wait")).isZero();

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).as("one line redrawn in place").contains("\r[", "12/12 100%", "hh/s", "left");
        long execution = jdbc.queryForObject("select max(JOB_EXECUTION_ID) from BATCH_JOB_EXECUTION", Long.class);
        assertThat(shell("auditor", "job", "status", String.valueOf(execution))).isZero();
        assertThat(shell("auditor", "job", "status", "--id", String.valueOf(execution), "--wait")).isZero();
        assertThat(shell("auditor", "job", "list")).isZero();
        assertThat(shell("auditor", "job", "status", "99999999")).isEqualTo(CliFailure.NOT_FOUND);
        assertThat(shell("officer", "job", "restart", String.valueOf(execution))).as("a completed run").isEqualTo(CliFailure.REFUSED);
        assertThat(shell("officer", "job", "stop", String.valueOf(execution))).isEqualTo(CliFailure.REFUSED);
        assertThat(shell("officer", "job", "rescore", "--province", "NOWHERE")).isEqualTo(CliFailure.REFUSED);
        assertThat(shell("auditor", "job", "rescore", "--district", "Shell job district")).isEqualTo(CliFailure.NOT_ALLOWED);
        assertThat(shell("supervisor", "job", "sweep", "--as-of", LocalDate.now(ZoneId.of("Asia/Karachi")).plusDays(1).toString()))
                .isEqualTo(CliFailure.REFUSED);
        long executions = jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Long.class);
        assertThat(shell("officer", "job", "rescore")).as("the whole registry only with --all").isEqualTo(CliFailure.REFUSED);
        assertThat(shell("officer", "job", "rescore", "--all", "--province", "SINDH")).isEqualTo(CliFailure.REFUSED);
        assertThat(shell("auditor", "replay", "run")).as("every decision only with --all").isEqualTo(CliFailure.REFUSED);
        assertThat(jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Long.class)).isEqualTo(executions);

        List<Long> broken = new RegistryFixture(jdbc).insert("SINDH", "Shell broken district", 3, "76002", LocalDate.of(2025, 6, 6));
        jdbc.update("update household_member set gender = 'NOT_A_GENDER' where household_id = ?", broken.get(1));
        assertThat(shell("officer", "job", "rescore", "--district", "Shell broken district", "--wait"))
                .as("a job that fails").isEqualTo(CliFailure.JOB_NOT_COMPLETED);
    }
}
