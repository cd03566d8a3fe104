package org.dynreg.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A bundle that does not compile: it is refused whole, and every problem is listed. */
public class PolicyRejectedException extends RuntimeException {
    private final List<PolicyProblem> problems;

    public PolicyRejectedException(List<PolicyProblem> problems) {
        super("policy bundle refused, " + problems.size() + " problem(s):\n  "
                + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
