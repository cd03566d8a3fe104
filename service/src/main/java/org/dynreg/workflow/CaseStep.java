package org.dynreg.workflow;

import java.util.Map;

/**
 * An automated step of a case, run by the processes through the work item {@code CaseStep}: the BPMN
 * names the step in its {@code Step} input and passes process variables; the step's answer goes back
 * as task outputs. Steps hold the registry's logic, so the BPMN files stay orchestration only.
 */
public interface CaseStep {

    /** The name the BPMN gives in the {@code Step} input, e.g. {@code appeal.admissibility}. */
    String name();

    /** The case a step runs for: every step receives the process's {@code caseId} variable. */
    static long caseId(Map<String, Object> inputs) {
        return ((Number) inputs.get("caseId")).longValue();
    }

    /** Runs in the transaction of the engine call that reached it; returns the outputs. */
    Map<String, Object> run(Map<String, Object> inputs);
}
