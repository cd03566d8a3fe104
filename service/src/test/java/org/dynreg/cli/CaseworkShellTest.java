package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.RestAs;
import org.dynreg.RunningService;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.facts.UpdateRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caseworker's day in the shell against a running service: one interactive session signed in once,
 * tables and timelines for people, every update type from options, refusals with the service's words
 * and the exit code a script tests.
 */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dynreg.recertification.sweep-cron=-")
@ActiveProfiles("test")
class CaseworkShellTest {
    /** National ids of this test's households start so (then a digit per test); no other test uses it. */
    static final String PREFIX = "774";

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper json;
    @Autowired WorkflowPolicy policy;

    ShellAs.Printed shell(String user, String... command) {
        return ShellAs.printing(port, user, command);
    }

    long register(String reference, String prefix, LocalDate surveyedOn) {
        ObjectNode survey = RunningService.surveyOn(reference, prefix, surveyedOn);
        JsonNode r = RestAs.post(rest, "operator", "/api/surveys", survey).getBody();
        assertThat(r.has("householdId")).as("registered: %s", r).isTrue();
        return r.get("householdId").asLong();
    }

    @Test
    void aDayOfAppealWorkInOneSessionSignedInOnceWithTablesAndATimeline() {
        long household = register("cutoff-33-standard-not-eligible", PREFIX + "1", RunningService.today());

        ShellAs.Printed day = ShellAs.session(port, String.join("\n",
                "whoami",
                "task list",
                "login --user caseworker",
                "wrong-password",
                "whoami",
                "login --user caseworker",
                "caseworker-pass",
                "whoami",
                "appeal lodge --household " + household + " --evidence \"the only earner lost his job in March\"",
                "logout",
                "login --user caseworker2",
                "caseworker2-pass",
                "task list --scope group",
                "household show --id " + household,
                "exit", ""));

        String text = day.text();
        assertThat(day.exitCode()).isZero();
        assertThat(text).contains("Nobody is signed in", "sign in: 'login --user NAME'");
        assertThat(text).as("a wrong password is refused and signs nobody in").contains("error: ");
        assertThat(text.indexOf("Signed in as caseworker")).as("signed in after the wrong password").isGreaterThan(text.indexOf("error: "));
        assertThat(text).contains("caseworker at http://localhost:" + port);
        assertThat(text).as("the prompt names who is signed in").contains("dynreg> ", "dynreg caseworker> ");
        assertThat(text).as("the appeal's case with its timeline").contains("(APPEAL) of household " + household, "History",
                "caseworker  opened the case");
        assertThat(text).as("the group's tasks as a table with a total").containsPattern("task\\s+case\\s+.*step\\s+status\\s+held by\\s+.*outcomes")
                .containsPattern("\\n\\d+ tasks?\\n");
        assertThat(text).as("the household with its score, eligibility and open cases").contains("Household " + household + ": PUNJAB",
                "Score 33 (decision", "Eligibility: ", "Open cases", "APPEAL", "Latest notices");

        JsonNode appeal = RestAs.get(rest, "caseworker", "/api/households/" + household + "/cases").getBody().get(0);
        long caseId = appeal.get("id").asLong();
        JsonNode c = RestAs.get(rest, "caseworker", "/api/cases/" + caseId).getBody();
        if (c.get("openTasks").isEmpty()) {
            return; // the Appeals table closed it at once; the timeline above was its whole story
        }
        JsonNode task = c.get("openTasks").get(0);
        String taskId = task.get("id").asText();
        String outcome = task.get("outcomes").get(0).asText();
        String group = task.get("groups").get(0).asText();
        String worker = "SUPERVISOR".equals(group) ? "supervisor" : "DATA_ENTRY_OPERATOR".equals(group) ? "operator" : "caseworker2";

        assertThat(shell(worker, "task", "claim", "--id", taskId).text()).contains("You hold task " + taskId);
        ShellAs.Printed mine = shell(worker, "task", "list");
        assertThat(mine.text()).contains(taskId, task.get("name").asText()).containsPattern("\\n1 task\\n");

        ShellAs.Printed wrong = shell(worker, "task", "complete", "--id", taskId, "--outcome", "NOT_AN_OUTCOME", "--comment", "typo");
        assertThat(wrong.exitCode()).as("an outcome the task does not accept").isEqualTo(CliFailure.REFUSED);
        assertThat(wrong.text()).contains("error: ").contains("outcome");
        ShellAs.Printed other = shell("lead", "task", "release", "--id", taskId);
        assertThat(other.exitCode()).as("a task someone else holds: %s", other.text()).isIn(CliFailure.NOT_ALLOWED, CliFailure.REFUSED);

        ShellAs.Printed done = shell(worker, "task", "complete", "--id", taskId, "--outcome", outcome, "--comment", "employer's letter seen");
        assertThat(done.exitCode()).as(done.text()).isZero();
        ShellAs.Printed shown = shell("auditor", "case", "show", "--id", String.valueOf(caseId));
        assertThat(shown.text()).as("history in words, not JSON").contains("completed “" + task.get("name").asText() + "”: " + outcome
                + ", “employer's letter seen”").doesNotContain("\"taskId\"");
        assertThat(shell("auditor", "case", "show", "--id", String.valueOf(caseId), "--json").text()).contains("\"history\"", "\"taskId\"");
        assertThat(shell("auditor", "appeal", "show", "--id", String.valueOf(caseId)).exitCode()).isZero();
        assertThat(shell("caseworker", "case", "list", "--household", String.valueOf(household)).text())
                .containsPattern("id\\s+case type\\s+state").contains(String.valueOf(caseId), "APPEAL");
    }

    @Test
    void rosterChangesCyclicUpdatesTokensShocksAndSweepsAreAskedForWithOptions() {
        int months = policy.ask(new UpdateRequest("CYCLIC_UPDATE", false)).answer().getMonthsAfterLastSurvey();
        long household = register("cutoff-33-standard-not-eligible", PREFIX + "2", RunningService.today().minusMonths(months).minusDays(3));
        String h = String.valueOf(household);

        ShellAs.Printed cyclic = shell("caseworker", "cyclic", "request", "--household", h); // before a roster change makes a survey of today
        assertThat(cyclic.exitCode()).as(cyclic.text()).isZero();
        assertThat(cyclic.text()).contains("Cyclic update opened.", "(CYCLIC_UPDATE) of household " + household, "Open tasks");
        ShellAs.Printed again = shell("caseworker", "cyclic", "request", "--household", h);
        assertThat(again.exitCode()).as("one open cyclic update a household").isEqualTo(CliFailure.REFUSED);
        assertThat(again.text()).contains("error: ");
        assertThat(shell("operator", "task", "list", "--scope", "group").text()).contains("Re-survey the household");

        ShellAs.Printed contact = shell("caseworker", "roster", "contact", "--household", h, "--mobile", "03001234567",
                "--reason", "new SIM", "--evidence", "seen at the desk");
        assertThat(contact.exitCode()).as(contact.text()).isZero();
        assertThat(contact.text()).contains("(ROSTER_UPDATE) of household " + household, "opened the case");
        long rosterCase = Long.parseLong(contact.text().replaceAll("(?s).*Case (\\d+) \\(ROSTER_UPDATE\\).*", "$1"));
        assertThat(shell("caseworker", "roster", "show", "--case", String.valueOf(rosterCase)).text())
                .contains("Roster change of case " + rosterCase, "CONTACT", "mobile 03001234567", "new SIM");
        ShellAs.Printed badMobile = shell("caseworker", "roster", "contact", "--household", h, "--mobile", "12345",
                "--reason", "typo", "--evidence", "none");
        assertThat(badMobile.exitCode()).isEqualTo(CliFailure.REFUSED);
        ShellAs.Printed twoFields = shell("caseworker", "roster", "correct", "--household", h, "--line", "2",
                "--gender", "FEMALE", "--disability", "PHYSICAL", "--reason", "r", "--evidence", "e");
        assertThat(twoFields.exitCode()).isEqualTo(CliFailure.REFUSED);
        assertThat(twoFields.text()).contains("give exactly one of --marital-status, --disability, --gender");
        ShellAs.Printed newborn = shell("operator", "roster", "add-member", "--household", h, "--cause", "BIRTH",
                "--national-id", PREFIX + "29-0000099-9", "--name", "Baby Test", "--relation", "GRANDSON", "--gender", "MALE",
                "--date-of-birth", RunningService.today().minusDays(20).toString(), "--reason", "B-form 1", "--evidence", "scan 1");
        assertThat(newborn.exitCode()).as("one roster change at a time: %s", newborn.text()).isIn(0, CliFailure.REFUSED);
        if (newborn.exitCode() != 0) {
            assertThat(newborn.text()).contains("error: ");
        }

        ShellAs.Printed token = shell("operator", "token", "issue", "--site", "DRC-SHELL-01");
        assertThat(token.exitCode()).as(token.text()).isZero();
        assertThat(token.text()).contains("Token DRC-SHELL-01/", "Open tasks", "Survey the household");
        long tokenCase = Long.parseLong(token.text().replaceAll("(?s).*\\(case (\\d+)\\).*", "$1"));
        assertThat(shell("caseworker", "token", "show", "--case", String.valueOf(tokenCase)).text())
                .contains("Site DRC-SHELL-01", "History", "opened the case");
        assertThat(shell("caseworker", "token", "issue", "--site", "DRC-SHELL-01").exitCode()).as("operators issue tokens")
                .isEqualTo(CliFailure.NOT_ALLOWED);

        ShellAs.Printed shock = shell("officer", "shock", "declare", "--kind", "FLOOD", "--from", RunningService.today().minusDays(2).toString(),
                "--area", "PUNJAB/Faisalabad/Faisalabad City", "--comment", "PDMA Punjab notification 7 of this week");
        if (shock.exitCode() == 0) {
            long shockId = Long.parseLong(shock.text().replaceAll("(?s)^Shock (\\d+) declared.*", "$1"));
            assertThat(shock.text()).contains("Areas: PUNJAB, Faisalabad, Faisalabad City", "Re-survey orders by priority");
            assertThat(shell("caseworker", "shock", "show", "--id", String.valueOf(shockId)).text())
                    .containsPattern("case\\s+household\\s+priority\\s+score before\\s+state");
            assertThat(shell("caseworker", "shock", "assistance", "--id", String.valueOf(shockId)).exitCode()).isZero();
            assertThat(shell("operator", "shock", "resurveys", "--shock", String.valueOf(shockId)).exitCode()).isZero();
        } else {
            assertThat(shock.exitCode()).as("an overlapping declaration: %s", shock.text()).isEqualTo(CliFailure.REFUSED);
        }
        assertThat(shell("caseworker", "shock", "declare", "--kind", "FLOOD", "--from", "2026-01-01", "--area", "PUNJAB/Faisalabad",
                "--comment", "not mine to declare").exitCode()).isEqualTo(CliFailure.NOT_ALLOWED);
        ShellAs.Printed badArea = shell("officer", "shock", "declare", "--kind", "FLOOD", "--from", "2026-01-01", "--area", "Faisalabad",
                "--comment", "no province");
        assertThat(badArea.exitCode()).isEqualTo(CliFailure.REFUSED);
        assertThat(badArea.text()).contains("--area: 'Faisalabad' is not PROVINCE/District");

        ShellAs.Printed sweep = shell("supervisor", "recertification", "sweep", "--as-of", "2020-01-01");
        assertThat(sweep.exitCode()).as(sweep.text()).isZero();
        assertThat(sweep.text()).contains("Recertification sweep: as of 2020-01-01", "due 0", "opened 0");
        assertThat(shell("supervisor", "recertification", "sweep", "--as-of", RunningService.today().plusDays(2).toString()).exitCode())
                .as("never a day to come").isEqualTo(CliFailure.REFUSED);

        ShellAs.Printed show = shell("caseworker", "household", "show", "--id", h);
        assertThat(show.text()).containsPattern("Score \\d+ \\(decision").contains("Open cases", "CYCLIC_UPDATE");
        assertThat(shell("partner", "household", "show", "--id", h).text()).as("sections the role may not read are left out")
                .contains("Household " + household).doesNotContain("Open cases");
        assertThat(shell("caseworker", "household", "show", "--id", h, "--json").text()).contains("\"openCases\"", "\"decision\"");
        assertThat(shell("caseworker", "household", "decisions", "--id", h).text()).containsPattern("decision\\s+decided\\s+survey\\s+score")
                .containsPattern("\\n\\d+ decisions?\\n");
        assertThat(shell("caseworker", "household", "notifications", "--id", h).exitCode()).isZero();
        assertThat(shell("caseworker", "household", "suspensions", "--id", h).text()).contains("has never been suspended");
        assertThat(shell("caseworker", "household", "show", "--id", "99999999").exitCode()).isEqualTo(CliFailure.NOT_FOUND);
    }
}
