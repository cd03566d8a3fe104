package org.dynreg.policy;

import java.util.List;

/**
 * Checks the process files (BPMN) of a candidate bundle before it is stored. The policy capability only
 * carries process files; what a process may name (case types, steps, task groups, variable types) is the
 * workflow capability's knowledge, so that capability implements this.
 */
public interface ProcessCheck {

    /**
     * Every problem of the bundle's process files, each naming the file and the element (its id) with a plain
     * sentence; empty when they may be stored. Given all the bundle's process files, it also refuses a bundle
     * that lacks the process of a case type.
     */
    List<PolicyProblem> check(List<PolicyFile> processes);

    /** The picture of a process file as an SVG document; refused with an IllegalArgumentException if it has no diagram. */
    String picture(PolicyFile process);
}
