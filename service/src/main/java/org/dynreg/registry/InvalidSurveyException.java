package org.dynreg.registry;

import java.util.List;

/** Thrown by {@link SurveyValidator#bind} when a survey has problems; carries every one of them. */
public class InvalidSurveyException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidSurveyException(List<FieldProblem> problems) {
        super(problems.size() == 1 ? "1 problem" : problems.size() + " problems");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
