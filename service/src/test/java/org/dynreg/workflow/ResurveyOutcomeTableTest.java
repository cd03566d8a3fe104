package org.dynreg.workflow;

import org.dynreg.workflow.facts.ResurveyOutcome;
import org.dynreg.workflow.facts.UpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's Re-survey outcomes sheet, row by row, and the due notices' lead times of the Update windows sheet. */
class ResurveyOutcomeTableTest {

    static ResurveyOutcome ask(String type, String outcome, int attempt) {
        return WorkflowPolicyTableTest.ask(new ResurveyOutcome(type, outcome, attempt));
    }

    @ParameterizedTest
    @CsvSource({
            "CYCLIC_UPDATE, NOT_FOUND, 1, RETRY, will visit again",
            "CYCLIC_UPDATE, NOT_FOUND, 2, CLOSE, cyclic update is closed",
            "CYCLIC_UPDATE, NOT_FOUND, 5, CLOSE, cyclic update is closed",
            "CYCLIC_UPDATE, REFUSED, 1, CLOSE, declined the re-survey",
            "CYCLIC_UPDATE, MOVED, 1, CLOSE, Report your new address",
            "RECERTIFICATION, NOT_FOUND, 1, RETRY, payments continue for now",
            "RECERTIFICATION, NOT_FOUND, 2, SUSPEND, cash transfer is suspended",
            "RECERTIFICATION, MOVED, 1, RETRY, payments continue for now",
            "RECERTIFICATION, MOVED, 3, SUSPEND, cash transfer is suspended",
            "RECERTIFICATION, REFUSED, 1, SUSPEND, cash transfer is suspended",
            "SHOCK_UPDATE, NOT_FOUND, 1, RETRY, will visit again",
            "SHOCK_UPDATE, NOT_FOUND, 2, CLOSE, no emergency assistance",
            "SHOCK_UPDATE, REFUSED, 1, CLOSE, no emergency assistance",
            "SHOCK_UPDATE, MOVED, 1, CLOSE, no emergency assistance"})
    void eachUpdateTypeFollowsItsRow(String type, String outcome, int attempt, String action, String told) {
        ResurveyOutcome r = ask(type, outcome, attempt);
        assertThat(r.getAction()).isEqualTo(action);
        assertThat(r.getNotice()).contains(told);
        assertThat(r.getRule()).isNotBlank();
    }

    @Test
    void anOutcomeNoRowNamesHasNoAnswer() {
        assertThat(ask("CYCLIC_UPDATE", "SURVEYED", 1).getAction()).isNull();
        assertThat(ask("ROSTER_UPDATE", "NOT_FOUND", 1).getAction()).isNull();
    }

    @Test
    void dueNoticesHaveTheirLeadTimes() {
        UpdateRequest cyclic = WorkflowPolicyTableTest.ask(new UpdateRequest("CYCLIC_UPDATE", false));
        assertThat(cyclic.getDueNoticeDays()).isEqualTo(30);
        assertThat(cyclic.getSuspensionNoticeDays()).isNull();
        UpdateRequest recertification = WorkflowPolicyTableTest.ask(new UpdateRequest("RECERTIFICATION", true));
        assertThat(recertification.getDueNoticeDays()).isNull();
        assertThat(recertification.getSuspensionNoticeDays()).isEqualTo(14);
    }
}
