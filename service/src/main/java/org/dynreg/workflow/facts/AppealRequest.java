package org.dynreg.workflow.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * May this household appeal against the cut-off? The tables answer with the days after its decision
 * within which it may, the grounds its registry record supports (none: the appeal is admissible only
 * when a caseworker confirms the evidence for a ground the household claims), and the days after a
 * decided appeal before it may appeal again.
 */
public class AppealRequest {
    private final boolean beneficiary;
    private final int pointsAboveCutoff;
    private final boolean disabledMember;
    private final boolean widowHeaded;
    private Integer windowDays;
    private String windowRule;
    private Integer daysBetweenAppeals;
    private String daysBetweenAppealsRule;
    private final List<String> grounds = new ArrayList<>();
    private final Map<String, String> groundCodes = new LinkedHashMap<>();

    /** The grounds a household may claim, as the Grounds for appeal table names them. */
    public static final List<String> GROUNDS = List.of("SCORE_NEAR_CUTOFF", "DISABILITY", "WIDOW_HEAD");

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
    /** The rows that found a ground, by rule name (told to the household). */
    public List<String> getGrounds() { return List.copyOf(grounds); }
    /** The grounds the registry supports: ground name ({@link #GROUNDS}) to the rule that found it. */
    public Map<String, String> getGroundCodes() { return Map.copyOf(groundCodes); }
    public Integer getDaysBetweenAppeals() { return daysBetweenAppeals; }
    public String getDaysBetweenAppealsRule() { return daysBetweenAppealsRule; }

    public void allowWithinDays(int days, String rule) {
        if (windowRule == null) {
            this.windowDays = days;
            this.windowRule = rule;
        }
    }

    public void ground(String ground, String rule) {
        grounds.add(rule);
        groundCodes.putIfAbsent(ground, rule);
    }

    public void allowAgainAfterDays(int days, String rule) {
        if (daysBetweenAppealsRule == null) {
            this.daysBetweenAppeals = days;
            this.daysBetweenAppealsRule = rule;
        }
    }
}
