package org.dynreg.workflow.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * May this household appeal against the cut-off? The tables answer with the days after its decision
 * within which it may, and the grounds it meets (none: the appeal is not admissible).
 */
public class AppealRequest {
    private final boolean beneficiary;
    private final int pointsAboveCutoff;
    private final boolean disabledMember;
    private final boolean widowHeaded;
    private Integer windowDays;
    private String windowRule;
    private final List<String> grounds = new ArrayList<>();

    public AppealRequest(boolean beneficiary, int pointsAboveCutoff, boolean disabledMember, boolean widowHeaded) {
        this.beneficiary = beneficiary;
        this.pointsAboveCutoff = pointsAboveCutoff;
        this.disabledMember = disabledMember;
        this.widowHeaded = widowHeaded;
    }

    public boolean isBeneficiary() { return beneficiary; }
    public int getPointsAboveCutoff() { return pointsAboveCutoff; }
    public boolean isDisabledMember() { return disabledMember; }
    public boolean isWidowHeaded() { return widowHeaded; }
    public Integer getWindowDays() { return windowDays; }
    public String getWindowRule() { return windowRule; }
    public List<String> getGrounds() { return List.copyOf(grounds); }

    public void allowWithinDays(int days, String rule) {
        if (windowRule == null) {
            this.windowDays = days;
            this.windowRule = rule;
        }
    }

    public void ground(String rule) {
        grounds.add(rule);
    }
}
