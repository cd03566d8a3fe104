package org.dynreg.workflow.facts;

/**
 * A household in an area struck by a declared shock. Before its re-survey the tables answer the
 * priority of its re-survey order; after it (rescored), whether it gets emergency assistance.
 */
public class ShockHousehold {
    private final int score;
    private final boolean rescored;
    private Integer priority;
    private String priorityRule;
    private Long assistancePkr;
    private String assistanceRule;

    public ShockHousehold(int score, boolean rescored) {
        this.score = score;
        this.rescored = rescored;
    }

    public int getScore() { return score; }
    public boolean isRescored() { return rescored; }
    public Integer getPriority() { return priority; }
    public String getPriorityRule() { return priorityRule; }
    public Long getAssistancePkr() { return assistancePkr; }
    public String getAssistanceRule() { return assistanceRule; }

    public void resurveyPriority(int priority, String rule) {
        if (priorityRule == null) {
            this.priority = priority;
            this.priorityRule = rule;
        }
    }

    public void assistance(long amountPkr, String rule) {
        if (assistanceRule == null) {
            this.assistancePkr = amountPkr;
            this.assistanceRule = rule;
        }
    }
}
