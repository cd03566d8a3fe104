package org.dynreg.audit;

import org.dynreg.eligibility.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Why one household's outcome for a program differs between two versions, read from its two structured evaluations
 * (decision 0038): the cut-off it is compared with changed, an exclusion filter (by name) stopped or started excluding
 * it, or its score changed (a scorecard change). When none of these differ the change came from elsewhere in the rules.
 */
public final class EffectCause {
    public static final String CUTOFF = "cut-off";
    public static final String SCORE = "score";
    public static final String EXCLUSION = "exclusion filter: ";
    public static final String OTHER = "other rules";
    /** The bucket of a household with more than one cause, in the counts by cause. */
    public static final String SEVERAL = "several causes";

    private EffectCause() {
    }

    /**
     * Every cause of the difference, cut-off first, then the score, then each exclusion filter by name; never empty.
     * With a cut-off of the program's own on both sides, the cut-off is a cause when moving it alone turns the
     * comparison with the score (at the score before or after), and the score when moving it alone turns the comparison
     * with the cut-off (before or after); a cut-off or score that moved without crossing is no cause. For a program
     * without a cut-off of its own (the education stipend follows the cash transfer), any change of the household's
     * cut-offs or of its score is a cause. An exclusion filter is a cause when it stopped or started matching.
     */
    public static List<String> of(Evaluation before, Evaluation after, String program) {
        List<String> causes = new ArrayList<>();
        Integer cb = cutoff(before, program);
        Integer ca = cutoff(after, program);
        int sb = before.score();
        int sa = after.score();
        if (cb != null && ca != null) {
            if (within(sb, cb) != within(sb, ca) || within(sa, cb) != within(sa, ca)) {
                causes.add(CUTOFF);
            }
            if (within(sb, cb) != within(sa, cb) || within(sb, ca) != within(sa, ca)) {
                causes.add(SCORE);
            }
        } else {
            if (!Objects.equals(before.cutoffs(), after.cutoffs())) {
                causes.add(CUTOFF);
            }
            if (sb != sa) {
                causes.add(SCORE);
            }
        }
        TreeSet<String> changed = new TreeSet<>(before.exclusions());
        changed.addAll(after.exclusions());
        for (String filter : changed) {
            if (before.exclusions().contains(filter) != after.exclusions().contains(filter)) {
                causes.add(EXCLUSION + filter);
            }
        }
        if (causes.isEmpty()) {
            causes.add(OTHER);
        }
        return List.copyOf(causes);
    }

    private static boolean within(int score, int cutoff) {
        return score <= cutoff;
    }

    /** The single cause a household is counted under: its only cause, or {@link #SEVERAL}. */
    public static String bucket(List<String> causes) {
        return causes.size() == 1 ? causes.get(0) : SEVERAL;
    }

    /** The cut-off the household's score is compared with for the program, null when the program has none of its own. */
    private static Integer cutoff(Evaluation e, String program) {
        Evaluation.ProgramResult r = e.program(program);
        return r == null ? null : r.cutoff();
    }

    static boolean eligible(Evaluation e, String program) {
        Evaluation.ProgramResult r = e.program(program);
        return r != null && r.eligible();
    }
}
