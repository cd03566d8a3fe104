package org.dynreg.workflow;

import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Evaluation.ProgramResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A decision told to a household in words: the score, for each program whether the household is
 * eligible and why, and, against the decision before it, which programs it gained or lost. Every
 * notice about a new decision is worded here, so the household hears the same thing whichever update
 * type or rescoring run produced the decision.
 */
public final class DecisionWords {

    private DecisionWords() {
    }

    /** A program whose eligibility differs between two decisions. */
    public record Change(String program, boolean nowEligible, String reason) {}

    /** The programs whose eligibility changed from {@code before} (empty: no earlier decision) to {@code after}. */
    public static List<Change> changes(List<ProgramResult> before, List<ProgramResult> after) {
        Map<String, ProgramResult> was = before.stream().collect(Collectors.toMap(ProgramResult::program, Function.identity(), (a, b) -> a));
        List<Change> changes = new ArrayList<>();
        for (ProgramResult now : after) {
            ProgramResult earlier = was.get(now.program());
            boolean wasEligible = earlier != null && earlier.eligible();
            if (wasEligible != now.eligible()) {
                changes.add(new Change(now.program(), now.eligible(), now.reason()));
            }
        }
        for (ProgramResult earlier : before) {
            if (earlier.eligible() && after.stream().noneMatch(p -> p.program().equals(earlier.program()))) {
                changes.add(new Change(earlier.program(), false, "the program is no longer in the policy in force"));
            }
        }
        return changes;
    }

    /** The programs whose eligibility changed from {@code previous} (may be null) to {@code current}. */
    public static List<Change> changes(DecisionView previous, DecisionView current) {
        return changes(previous == null ? List.of() : previous.programs(), current.programs());
    }

    /** The new decision in words, with what changed since {@code previous} (may be null). */
    public static String of(DecisionView previous, DecisionView current) {
        return of(previous == null ? null : previous.score(), previous == null ? List.of() : previous.programs(),
                current.score(), current.programs());
    }

    /**
     * The new decision in words from its score and programs, with what changed since the earlier score and
     * programs ({@code previousScore} null and {@code before} empty when there was no earlier decision).
     */
    public static String of(Integer previousScore, List<ProgramResult> before, int score, List<ProgramResult> after) {
        StringBuilder s = new StringBuilder("Your household's poverty score is now ").append(score);
        if (previousScore != null && previousScore != score) {
            s.append(" (it was ").append(previousScore).append(')');
        }
        s.append('.');
        List<Change> changes = changes(before, after);
        for (Change c : changes) {
            s.append(c.nowEligible() ? " You are now eligible for " : " You are no longer eligible for ").append(c.program());
            s.append(reason(c.reason()));
        }
        List<String> eligible = after.stream().filter(ProgramResult::eligible).map(ProgramResult::program).toList();
        s.append(eligible.isEmpty() ? " You are not eligible for any program." : " You are eligible for: " + String.join(", ", eligible) + ".");
        for (ProgramResult p : after) {
            if (!p.eligible() && changes.stream().noneMatch(c -> c.program().equals(p.program()))) {
                s.append(" Not eligible for ").append(p.program()).append(reason(p.reason()));
            }
        }
        return s.toString().strip();
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return ".";
        }
        String r = reason.strip();
        return ": " + r + (r.endsWith(".") ? "" : ".");
    }
}
