package org.dynreg.workflow;

import org.dynreg.policy.RepositoryPolicy;
import org.dynreg.workflow.facts.AppealRequest;
import org.dynreg.workflow.facts.ResurveyOutcome;
import org.dynreg.workflow.facts.RosterChange;
import org.dynreg.workflow.facts.ShockHousehold;
import org.dynreg.workflow.facts.TaskDue;
import org.dynreg.workflow.facts.UpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's workflow-policy table: each sheet answers as the policy says. */
class WorkflowPolicyTableTest {

    static <T> T ask(T question) {
        return WorkflowPolicy.answer(RepositoryPolicy.compiled(), question);
    }

    @ParameterizedTest
    @CsvSource({
            "CYCLIC_UPDATE, false, 24", "RECERTIFICATION, true, 36", "ROSTER_UPDATE, true, 0", "ROSTER_UPDATE, false, 0",
            "SHOCK_UPDATE, false, 0", "APPEAL, false, 0"})
    void updateWindows(String type, boolean beneficiary, int months) {
        UpdateRequest r = ask(new UpdateRequest(type, beneficiary));
        assertThat(r.getMonthsAfterLastSurvey()).isEqualTo(months);
        assertThat(r.getRule()).isNotBlank();
    }

    @Test
    void aCyclicUpdateIsForNonBeneficiariesAndRecertificationForBeneficiariesOnly() {
        assertThat(ask(new UpdateRequest("CYCLIC_UPDATE", true)).getRule()).isNull();
        assertThat(ask(new UpdateRequest("RECERTIFICATION", false)).getRule()).isNull();
        assertThat(ask(new UpdateRequest("APPEAL", true)).getRule()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "1, false, false, 1", "5, false, false, 1", "6, false, false, 0", "0, false, false, 0", "-3, false, false, 0",
            "12, true, false, 1", "12, false, true, 1", "3, true, true, 3"})
    void groundsForAppeal(int pointsAboveCutoff, boolean disabled, boolean widow, int grounds) {
        AppealRequest a = ask(new AppealRequest(false, pointsAboveCutoff, disabled, widow));
        assertThat(a.getGrounds()).hasSize(grounds);
        assertThat(a.getWindowDays()).isEqualTo(90);
    }

    @ParameterizedTest
    @CsvSource({"3, false, false, SCORE_NEAR_CUTOFF", "12, true, false, DISABILITY", "12, false, true, WIDOW_HEAD"})
    void eachGroundIsNamedAsAHouseholdClaimsIt(int pointsAboveCutoff, boolean disabled, boolean widow, String ground) {
        AppealRequest a = ask(new AppealRequest(false, pointsAboveCutoff, disabled, widow));
        assertThat(a.getGroundCodes()).containsOnlyKeys(ground);
        assertThat(AppealRequest.GROUNDS).contains(ground);
    }

    @Test
    void anotherAppealWaitsNinetyDaysAfterADecidedOne() {
        AppealRequest a = ask(new AppealRequest(false, 3, false, false));
        assertThat(a.getDaysBetweenAppeals()).isEqualTo(90);
        assertThat(a.getDaysBetweenAppealsRule()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"NOT_FOUND, 1, RETRY", "NOT_FOUND, 2, CLOSE", "NOT_FOUND, 5, CLOSE", "MOVED, 1, RETRY", "MOVED, 2, CLOSE",
            "REFUSED, 1, CLOSE", "REFUSED, 3, CLOSE"})
    void anAppealsReSurveyThatCouldNotBeDone(String outcome, int attempt, String action) {
        ResurveyOutcome o = ask(new ResurveyOutcome("APPEAL", outcome, attempt));
        assertThat(o.getAction()).isEqualTo(action);
        assertThat(o.getNotice()).isNotBlank();
    }

    @Test
    void aBeneficiaryHasNoAppealWindow() {
        assertThat(ask(new AppealRequest(true, 3, false, false)).getWindowDays()).isNull();
    }

    @ParameterizedTest
    @CsvSource(value = {
            "appeal-review, 7, ESCALATE, supervisors", "appeal-decision, 5, ESCALATE, supervisors",
            "identity-review, 3, ESCALATE, supervisors", "roster-approval, 5, ESCALATE, supervisors",
            "shock-resurvey, 30, ESCALATE, supervisors", "recertification-resurvey, 90, SUSPEND, null",
            "appeal-evidence, 7, ESCALATE, supervisors", "appeal-resurvey, 30, ESCALATE, supervisors"}, nullValues = "null")
    void deadlines(String task, int days, String then, String group) {
        TaskDue t = ask(new TaskDue(task));
        assertThat(t.getDays()).isEqualTo(days);
        assertThat(t.getOnExpiry()).isEqualTo(then);
        assertThat(t.getEscalateTo()).isEqualTo(group);
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "32, 1", "33, 2", "50, 2", "51, 3", "100, 3"})
    void resurveyOrderByScoreBand(int score, int priority) {
        assertThat(ask(new ShockHousehold(score, false)).getPriority()).isEqualTo(priority);
    }

    @ParameterizedTest
    @CsvSource({"40, 25000", "41, -1", "0, 25000"})
    void emergencyAssistanceAfterTheResurvey(int score, long amount) {
        ShockHousehold h = ask(new ShockHousehold(score, true));
        assertThat(h.getAssistancePkr()).isEqualTo(amount < 0 ? null : amount);
        assertThat(h.getPriority()).as("no re-survey order once rescored").isNull();
    }

    @ParameterizedTest
    @CsvSource({"ADD_MEMBER, true, false", "REMOVE_MEMBER, true, true", "CHANGE_HEAD, true, true", "MARITAL_STATUS, true, false",
            "DISABILITY, true, false", "GENDER, true, false", "CONTACT, false, false", "ADDRESS, false, false"})
    void rosterChanges(String kind, boolean rescore, boolean supervisor) {
        RosterChange c = ask(new RosterChange(kind));
        assertThat(c.getRescore()).isEqualTo(rescore);
        assertThat(c.getSupervisorApproval()).isEqualTo(supervisor);
    }
}
