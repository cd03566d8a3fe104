package org.dynreg.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A line of a task list: the task, and what a person needs to choose the next job. {@code headName} is the
 * household head's name for the roles that may see personal data, null for others. {@code step} is the
 * Deadlines table's row for the task; {@code dueAt} and {@code sla} are null for a task without a deadline.
 * {@code sla}: ON_TRACK, AT_RISK (in the last part of its deadline, {@code dynreg.workflow.at-risk-share}) or BREACHED.
 */
public record TaskRow(String id, String name, long caseId, String status, String owner, Set<String> groups, List<String> outcomes,
                      String caseType, Long householdId, String headName, String district, String tehsil, String office,
                      Integer score, String step, Instant createdAt, Instant dueAt, long waitingHours, String waiting, String sla) {

    public static final String ON_TRACK = "ON_TRACK";
    public static final String AT_RISK = "AT_RISK";
    public static final String BREACHED = "BREACHED";

    /** A duration as people say it: "3 days 4 hours", "5 hours", "under an hour". */
    static String words(Duration d) {
        long days = d.toDays();
        long hours = d.minusDays(days).toHours();
        if (days == 0 && hours == 0) {
            return "under an hour";
        }
        String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        if (days == 0) {
            return h;
        }
        return days + (days == 1 ? " day" : " days") + (h.isEmpty() ? "" : " " + h);
    }
}
