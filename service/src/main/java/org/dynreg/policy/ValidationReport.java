package org.dynreg.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What checking a bundle found: compile problems by file, sheet, row and column, the outcome of every
 * reference household, and every reference walk through the processes. It passes when it compiles, every
 * reference household gives its expected outcome and every walk takes its scripted path.
 */
public record ValidationReport(List<PolicyProblem> problems, List<ReferenceCheck> references, List<WalkCheck> walks) {

    /** A report without walks (a bundle that does not compile is walked by no one). */
    public ValidationReport(List<PolicyProblem> problems, List<ReferenceCheck> references) {
        this(problems, references, List.of());
    }

    @JsonProperty
    public boolean passed() {
        return problems.isEmpty() && references.stream().allMatch(ReferenceCheck::matches)
                && walks.stream().allMatch(WalkCheck::passed);
    }

    /** The reference walks a process did not take as scripted. */
    @JsonProperty
    public List<WalkCheck> failedWalks() {
        return walks.stream().filter(w -> !w.passed()).toList();
    }

    @JsonProperty
    public List<ReferenceCheck> mismatches() {
        return references.stream().filter(r -> !r.matches()).toList();
    }
}
