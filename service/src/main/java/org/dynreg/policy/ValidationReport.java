package org.dynreg.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What checking a bundle found: compile problems by file, sheet, row and column, and the outcome of
 * every reference household. It passes when it compiles and every reference household gives its
 * expected outcome.
 */
public record ValidationReport(List<PolicyProblem> problems, List<ReferenceCheck> references) {

    @JsonProperty
    public boolean passed() {
        return problems.isEmpty() && references.stream().allMatch(ReferenceCheck::matches);
    }

    @JsonProperty
    public List<ReferenceCheck> mismatches() {
        return references.stream().filter(r -> !r.matches()).toList();
    }
}
