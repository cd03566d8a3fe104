package org.dynreg.workflow.facts;

import org.dynreg.policy.Codes;
import org.dynreg.registry.UpdateType;

/**
 * May this household ask for this update now? Answer: how many months after its last survey it may, and the due
 * notices' lead times: how many days before the update falls due the household is told, and (recertification) how
 * many days before its benefit would be suspended it is warned.
 */
public class UpdateRequest {
    private final String updateType;
    private final boolean beneficiary;
    private Integer monthsAfterLastSurvey;
    private String rule;
    private Integer dueNoticeDays;
    private Integer suspensionNoticeDays;

    public UpdateRequest(String updateType, boolean beneficiary) {
        this.updateType = updateType;
        this.beneficiary = beneficiary;
    }

    @Codes(UpdateType.class)
    public String getUpdateType() { return updateType; }
    public boolean isBeneficiary() { return beneficiary; }
    public Integer getMonthsAfterLastSurvey() { return monthsAfterLastSurvey; }
    public String getRule() { return rule; }
    public Integer getDueNoticeDays() { return dueNoticeDays; }
    public Integer getSuspensionNoticeDays() { return suspensionNoticeDays; }

    /** The table's answer; the first rule to answer wins, so overlapping rows cannot silently change it. */
    public void allowAfterMonths(int months, String rule) {
        if (this.rule == null) {
            this.monthsAfterLastSurvey = months;
            this.rule = rule;
        }
    }

    /** Tell the household this many days before the update falls due (only the rule that answered sets it). */
    public void dueNoticeDays(int days, String rule) {
        if (rule.equals(this.rule)) {
            this.dueNoticeDays = days;
        }
    }

    /** Warn the household this many days before its benefit would be suspended (only the rule that answered sets it). */
    public void suspensionNoticeDays(int days, String rule) {
        if (rule.equals(this.rule)) {
            this.suspensionNoticeDays = days;
        }
    }
}
