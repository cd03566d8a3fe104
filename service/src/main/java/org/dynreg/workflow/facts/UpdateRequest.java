package org.dynreg.workflow.facts;

/** May this household ask for this update now? Answer: how many months after its last survey it may. */
public class UpdateRequest {
    private final String updateType;
    private final boolean beneficiary;
    private Integer monthsAfterLastSurvey;
    private String rule;

    public UpdateRequest(String updateType, boolean beneficiary) {
        this.updateType = updateType;
        this.beneficiary = beneficiary;
    }

    public String getUpdateType() { return updateType; }
    public boolean isBeneficiary() { return beneficiary; }
    public Integer getMonthsAfterLastSurvey() { return monthsAfterLastSurvey; }
    public String getRule() { return rule; }

    /** The table's answer; the first rule to answer wins, so overlapping rows cannot silently change it. */
    public void allowAfterMonths(int months, String rule) {
        if (this.rule == null) {
            this.monthsAfterLastSurvey = months;
            this.rule = rule;
        }
    }
}
