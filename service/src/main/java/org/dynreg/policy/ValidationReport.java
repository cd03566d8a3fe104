package org.dynreg.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What checking a bundle found: compile problems by file, sheet, row and column, the outcome of every
 * reference household, and every reference walk through the processes. It passes when it compiles, every
 * reference household gives its expected outcome and every walk takes its scripted path. A dry run and an upload also
 * carry {@code diff}: what the files change against the version they would replace (the base), with its text in
 * {@code diffText}; a stored version checked again carries none.
 */
public record ValidationReport(List<PolicyProblem> problems, List<ReferenceCheck> references, List<WalkCheck> walks,
                               @JsonInclude(JsonInclude.Include.NON_NULL) BundleDiff diff) {

    public ValidationReport(List<PolicyProblem> problems, List<ReferenceCheck> references, List<WalkCheck> walks) {
        this(problems, references, walks, null);
    }

    /** A report without walks (a bundle that does not compile is walked by no one). */
    public ValidationReport(List<PolicyProblem> problems, List<ReferenceCheck> references) {
        this(problems, references, List.of());
    }

    /** The same report with the diff against the base version. */
    public ValidationReport against(BundleDiff diff) {
        return new ValidationReport(problems, references, walks, diff);
    }

    /** The diff as the shell prints it; absent without a diff. */
    @JsonProperty
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String diffText() {
        return diff == null ? null : diff.toText();
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

    /**
     * The differing reference households grouped by kind of difference (the score, eligibility per program, the cut-off
     * used, exclusions, payment recipient, stipends, the wording of reasons), each kind with every household showing it
     * and the values before and after: what an officer accepts, kind by kind, with one reason each.
     */
    @JsonProperty
    public List<DifferenceGroup> differencesByKind() {
        Map<String, DifferenceGroup> groups = new LinkedHashMap<>();
        for (OutcomeDifference.Kind kind : OutcomeDifference.Kind.values()) {
            for (ReferenceCheck c : mismatches()) {
                for (OutcomeDifference d : c.found()) {
                    if (d.kind() == kind) {
                        groups.computeIfAbsent(d.key(), k -> new DifferenceGroup(k, d.label(), new ArrayList<>()))
                                .households().add(new AcceptedDifference.Household(c.household(), d.field(), d.expected(), d.actual()));
                    }
                }
            }
        }
        return List.copyOf(groups.values());
    }

    /** One kind of difference and each household showing it (a household appears once per differing field). */
    public record DifferenceGroup(String kind, String label, List<AcceptedDifference.Household> households) {
        @JsonProperty
        public long householdCount() {
            return households.stream().map(AcceptedDifference.Household::household).distinct().count();
        }
    }
}
