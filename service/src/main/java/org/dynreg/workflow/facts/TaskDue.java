package org.dynreg.workflow.facts;

/**
 * How long may this step of a case wait? The tables answer with the days, what happens then
 * (ESCALATE to a group, or SUSPEND the household's benefit) and to whom it escalates.
 */
public class TaskDue {
    private final String task;
    private Integer days;
    private String onExpiry;
    private String escalateTo;
    private String rule;

    public TaskDue(String task) {
        this.task = task;
    }

    public String getTask() { return task; }
    public Integer getDays() { return days; }
    public String getOnExpiry() { return onExpiry; }
    public String getEscalateTo() { return escalateTo; }
    public String getRule() { return rule; }

    public void due(int days, String rule) {
        if (answeredBy(rule)) {
            this.days = days;
        }
    }

    public void onExpiry(String action, String rule) {
        if (answeredBy(rule)) {
            this.onExpiry = action;
        }
    }

    public void escalateTo(String group, String rule) {
        if (answeredBy(rule)) {
            this.escalateTo = group;
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
