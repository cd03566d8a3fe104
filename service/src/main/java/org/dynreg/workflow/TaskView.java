package org.dynreg.workflow;

import java.util.List;
import java.util.Set;

/**
 * A user task of a case: its step, who may take it, who holds it, the outcomes it accepts, and the version of the
 * case's process it belongs to.
 */
public record TaskView(String id, String name, long caseId, String status, String owner, Set<String> groups,
                       List<String> outcomes, String processVersion) {
}
