package org.dynreg.registration;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.audit.AuditEntry;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.workflow.TaskView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A registration token and where its case stands: the open tasks, the case's history (survey checks
 * with their field errors and warnings, identity checks by member line, the registration) and, once
 * stored, the household and its decision. {@code pendingSurvey} is the survey waiting to be stored, only
 * for roles that may see personal data; it is gone once the registry holds the survey or the case closes.
 */
public record Token(long caseId, String token, String siteId, LocalDate issuedOn, int number, String issuedBy,
                    Instant issuedAt, String state, String outcome, String outcomeReason, Long householdId,
                    DecisionView currentDecision, List<TaskView> openTasks, List<AuditEntry> history,
                    JsonNode pendingSurvey) {
}
