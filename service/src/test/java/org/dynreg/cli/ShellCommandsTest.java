package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell run non-interactively against a running service, as a registration centre would use it. */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ShellCommandsTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper json;
    @TempDir Path dir;

    int shell(String user, String... command) {
        return ShellAs.run(port, user, command);
    }


    Path survey(int seed) throws Exception {
        ObjectNode s;
        try (InputStream in = getClass().getResourceAsStream("/reference/survey-punjab-47.json")) {
            s = (ObjectNode) json.readTree(in);
        }
        int i = 0;
        for (JsonNode m : s.withArray("members")) {
            ((ObjectNode) m).put("nationalId", String.format("%05d-%07d-%d", 61000 + seed, 2000000 + i, i));
            i++;
        }
        Path file = dir.resolve("survey-" + seed + ".json");
        Files.writeString(file, s.toString());
        return file;
    }

    @Test
    void submitsASurveyFileAndExplainsTheDecisionWithExitCodes() throws Exception {
        Path file = survey(1);
        int decisions = jdbc.queryForObject("select count(*) from eligibility_decision", Integer.class);

        assertThat(shell("operator", "survey", "submit", "--file", file.toString())).isZero();

        assertThat(jdbc.queryForObject("select count(*) from eligibility_decision", Integer.class)).isEqualTo(decisions + 1);
        long decision = jdbc.queryForObject("select id from eligibility_decision order by decided_at desc, id desc limit 1", Long.class);
        long household = jdbc.queryForObject("select household_id from eligibility_decision where id = ?", Long.class, decision);
        assertThat(jdbc.queryForObject("select score from eligibility_decision where id = ?", Integer.class, decision)).isEqualTo(47);
        assertThat(shell("auditor", "decision", "explain", "--id", String.valueOf(decision))).isZero();
        assertThat(shell("caseworker", "household", "show", "--id", String.valueOf(household))).isZero();

        assertThat(shell("operator", "survey", "submit", "--file", file.toString())).as("same ids again: refused").isEqualTo(CliFailure.REFUSED);
        assertThat(shell("operator", "survey", "submit", "--file", dir.resolve("missing.json").toString())).isEqualTo(CliFailure.REFUSED);
        assertThat(shell("partner", "decision", "explain", "--id", String.valueOf(decision))).isEqualTo(CliFailure.NOT_ALLOWED);
        assertThat(shell("auditor", "decision", "explain", "--id", "99999999")).isEqualTo(CliFailure.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from eligibility_decision", Integer.class)).isEqualTo(decisions + 1);
    }

    @Test
    void saysSoWhenNoServiceAnswers() {
        System.setProperty("DYNREG_URL", "http://127.0.0.1:9");
        System.setProperty("DYNREG_USER", "operator");
        System.setProperty("DYNREG_PASSWORD", "operator-pass");
        try {
            assertThat(DynregShell.run(new String[]{"household", "show", "--id", "1"})).isEqualTo(CliFailure.UNREACHABLE);
        } finally {
            System.clearProperty("DYNREG_URL");
            System.clearProperty("DYNREG_USER");
            System.clearProperty("DYNREG_PASSWORD");
        }
    }
}
