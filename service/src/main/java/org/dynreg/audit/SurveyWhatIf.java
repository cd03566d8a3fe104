package org.dynreg.audit;

import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.OutcomeComparison;
import org.dynreg.policy.OutcomeDifference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One survey scored under the version in force ({@code before}) and under a candidate version ({@code after}),
 * with what differs between the two; nothing is stored. The evaluations carry the score, its breakdown, the
 * programs with their cut-offs, payment recipient (a member line) and stipends, the reasons and the exclusion
 * filters that matched: household facts, no name or national id.
 */
public record SurveyWhatIf(
        int baselineVersion,
        String baselineSha256,
        int candidateVersion,
        String candidateSha256,
        Instant ranAt,
        String ranBy,
        Evaluation before,
        Evaluation after,
        Differences differences) {

    /**
     * What differs: the score, the exclusion filters that stopped or started matching, and each program whose
     * eligibility or cut-off differs, with the causes of a change of eligibility ({@link EffectCause}; none when only
     * the cut-off moved), and every difference field by field with its kind, as replay lists them
     * ({@link OutcomeComparison}).
     */
    public record Differences(boolean identical, int scoreBefore, int scoreAfter, List<String> exclusionsStopped,
                              List<String> exclusionsStarted, List<ProgramChange> programs, List<OutcomeDifference> byField) {
    }

    public record ProgramChange(String program, boolean eligibleBefore, boolean eligibleAfter, Integer cutoffBefore,
                                Integer cutoffAfter, List<String> causes) {
    }

    static SurveyWhatIf of(Evaluation before, Evaluation after, Instant ranAt, String ranBy) {
        List<String> stopped = before.exclusions().stream().filter(x -> !after.exclusions().contains(x)).sorted().toList();
        List<String> started = after.exclusions().stream().filter(x -> !before.exclusions().contains(x)).sorted().toList();
        TreeSet<String> names = new TreeSet<>();
        before.programs().forEach(p -> names.add(p.program()));
        after.programs().forEach(p -> names.add(p.program()));
        List<ProgramChange> changes = new ArrayList<>();
        for (String name : names) {
            Evaluation.ProgramResult b = before.program(name);
            Evaluation.ProgramResult a = after.program(name);
            boolean was = b != null && b.eligible();
            boolean is = a != null && a.eligible();
            Integer cutoffBefore = b == null ? null : b.cutoff();
            Integer cutoffAfter = a == null ? null : a.cutoff();
            if (was != is || !Objects.equals(cutoffBefore, cutoffAfter)) {
                changes.add(new ProgramChange(name, was, is, cutoffBefore, cutoffAfter, was == is ? List.of() : EffectCause.of(before, after, name)));
            }
        }
        List<OutcomeDifference> byField = OutcomeComparison.between(before, after);
        boolean identical = byField.isEmpty() && stopped.isEmpty() && started.isEmpty() && changes.isEmpty()
                && before.programs().equals(after.programs());
        return new SurveyWhatIf(before.policyVersion(), before.policySha256(), after.policyVersion(), after.policySha256(), ranAt, ranBy,
                before, after, new Differences(identical, before.score(), after.score(), stopped, started, List.copyOf(changes), byField));
    }
}
