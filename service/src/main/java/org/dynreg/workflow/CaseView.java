package org.dynreg.workflow;

import org.dynreg.audit.AuditEntry;
import org.dynreg.eligibility.DecisionView;

import java.time.Instant;
import java.util.List;

/**
 * A case as a caseworker sees it: what it is, the process and the version of it the case runs on, where it stands, the
 * household's current decision, its open tasks and its history.
 */
public record CaseView(long id, String caseType, Long householdId, String processId, String processVersion, String state, String outcome, String outcomeReason,
                       String openedBy, Instant openedAt, Instant closedAt, DecisionView currentDecision,
                       List<TaskView> openTasks, List<AuditEntry> history) {
}
