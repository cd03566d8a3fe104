package org.dynreg.workflow.facts;

/** A change to a household's roster. The tables answer whether it is rescored and whether a supervisor must approve it. */
public class RosterChange {
    private final String kind;
    private Boolean rescore;
    private Boolean supervisorApproval;
    private String rule;

    public RosterChange(String kind) {
        this.kind = kind;
    }

    public String getKind() { return kind; }
    public Boolean getRescore() { return rescore; }
    public Boolean getSupervisorApproval() { return supervisorApproval; }
    public String getRule() { return rule; }

    public void rescore(boolean rescore, String rule) {
        if (answeredBy(rule)) {
            this.rescore = rescore;
        }
    }

    public void supervisorApproval(boolean needed, String rule) {
        if (answeredBy(rule)) {
            this.supervisorApproval = needed;
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
