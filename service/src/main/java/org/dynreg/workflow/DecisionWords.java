package org.dynreg.workflow;

import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A decision told to a household in words: the score, for each program whether the household is
 * eligible and why, and, against the decision before it, which programs it gained or lost. Every
 * notice about a new decision is worded here, so the household hears the same thing whichever update
 * type produced the decision.
 */
public final class DecisionWords {

    private DecisionWords() {
    }

    /** A program whose eligibility differs between two decisions. */
    public record Change(String program, boolean nowEligible, String reason) {}

    /** The programs whose eligibility changed from {@code previous} (none: every program is new) to {@code current}. */
    public static List<Change> changes(DecisionView previous, DecisionView current) {
        Map<String, Evaluation.ProgramResult> before = previous == null ? Map.of()
                : previous.programs().stream().collect(Collectors.toMap(Evaluation.ProgramResult::program, Function.identity(), (a, b) -> a));
        List<Change> changes = new ArrayList<>();
        for (Evaluation.ProgramResult now : current.programs()) {
            Evaluation.ProgramResult was = before.get(now.program());
            boolean wasEligible = was != null && was.eligible();
            if (wasEligible != now.eligible()) {
                changes.add(new Change(now.program(), now.eligible(), now.reason()));
            }
        }
        return changes;
    }

    /** The new decision in words, with what changed since {@code previous} (may be null). */
    public static String of(DecisionView previous, DecisionView current) {
        StringBuilder s = new StringBuilder("Your household's score is now ").append(current.score());
        if (previous != null && previous.score() != current.score()) {
            s.append(" (it was ").append(previous.score()).append(')');
        }
        s.append('.');
        for (Change c : changes(previous, current)) {
            s.append(c.nowEligible() ? " You are now eligible for " : " You are no longer eligible for ").append(c.program());
            s.append(reason(c.reason()));
        }
        List<String> eligible = current.programs().stream().filter(Evaluation.ProgramResult::eligible)
                .map(Evaluation.ProgramResult::program).toList();
        s.append(eligible.isEmpty() ? " You are not eligible for any program." : " You are eligible for: " + String.join(", ", eligible) + ".");
        for (Evaluation.ProgramResult p : current.programs()) {
            if (!p.eligible() && changes(previous, current).stream().noneMatch(c -> c.program().equals(p.program()))) {
                s.append(" Not eligible for ").append(p.program()).append(reason(p.reason()));
            }
        }
        return s.toString().strip();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "." : ": " + reason.strip() + (reason.strip().endsWith(".") ? "" : ".");
    }
}
