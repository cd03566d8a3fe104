package org.dynreg.shock;

/** An open re-survey task of a shock case with the priority the Shock response table gave it, for the operators' work list. */
public record ResurveyOrder(long shockId, String shockKind, long caseId, long householdId, Integer priority, int scoreBefore,
                            String taskId, String owner) {
}
