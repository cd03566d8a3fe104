package org.dynreg.shock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A declared shock with its re-survey orders in the order they are to be worked (priority from the
 * Shock response table, then score, then household id), how many there are per priority, and the
 * households found that already had an open shock case, so got no second one.
 */
public record ShockView(long id, String kind, LocalDate startsOn, LocalDate endsOn, String comment, String declaredBy,
                        Instant declaredAt, List<Declaration.Area> areas, List<PriorityCount> byPriority,
                        List<ShockCase> cases, List<Skipped> skipped) {

    /** How many re-survey orders have this priority; a null priority is a score the table gives none (worked last). */
    public record PriorityCount(Integer priority, int cases) {}

    /** One re-survey order: its case, where it stands and, once rescored, the new score and any assistance. */
    public record ShockCase(long caseId, long householdId, Integer priority, String priorityRule, int scoreBefore,
                            String state, String outcome, Long surveyId, Integer scoreAfter, Long assistancePkr) {}

    /** A household in the areas that was already in an open shock case. */
    public record Skipped(long householdId, long openCaseId) {}
}
