package org.dynreg.policy;

import java.util.List;

/**
 * The reference walks of the regression gate: scripted cases (decision-tables/reference-walks/) walked through a
 * candidate bundle's processes without running them, so that a process change that strands a case type is caught
 * before approval. Walking a BPMN file is the workflow capability's knowledge, so that capability implements this.
 */
public interface ProcessWalks {

    /** Every reference walk through the process of its process id among {@code processes}, in the order of their names. */
    List<WalkCheck> walk(List<PolicyFile> processes);
}
