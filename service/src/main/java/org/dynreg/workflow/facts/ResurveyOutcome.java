package org.dynreg.workflow.facts;

import org.dynreg.policy.Codes;
import org.dynreg.registry.UpdateType;

/**
 * What follows when an enumerator could not re-survey a household: the update type
 * ({@code APPEAL}, {@code CYCLIC_UPDATE}, {@code RECERTIFICATION}, {@code SHOCK_UPDATE}), what the
 * enumerator reported ({@code NOT_FOUND}, {@code REFUSED}, {@code MOVED}) and how many attempts have
 * been made, this one included. The Re-survey outcomes table answers with the action ({@code RETRY}
 * another visit, {@code CLOSE} the case, {@code SUSPEND} the household's benefit) and the words the
 * household is told.
 */
public class ResurveyOutcome {
    private final String updateType;
    private final String outcome;
    private final int attempt;
    private String action;
    private String notice;
    private String rule;

    public ResurveyOutcome(String updateType, String outcome, int attempt) {
        this.updateType = updateType;
        this.outcome = outcome;
        this.attempt = attempt;
    }

    @Codes(UpdateType.class)
    public String getUpdateType() { return updateType; }
    public String getOutcome() { return outcome; }
    public int getAttempt() { return attempt; }
    public String getAction() { return action; }
    public String getNotice() { return notice; }
    public String getRule() { return rule; }

    public void action(String action, String rule) {
        if (answeredBy(rule)) {
            this.action = action;
        }
    }

    public void notice(String notice, String rule) {
        if (answeredBy(rule)) {
            this.notice = notice;
        }
    }

    /** The first rule to answer owns the answer, so overlapping rows cannot mix their cells. */
    private boolean answeredBy(String rule) {
        if (this.rule == null) {
            this.rule = rule;
        }
        return this.rule.equals(rule);
    }
}
