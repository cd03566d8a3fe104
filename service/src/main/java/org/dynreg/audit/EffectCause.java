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

    /** Every cause of the difference, cut-off first, then the score, then each exclusion filter by name; never empty. */
    public static List<String> of(Evaluation before, Evaluation after, String program) {
        List<String> causes = new ArrayList<>();
        if (!Objects.equals(cutoff(before, program), cutoff(after, program))) {
            causes.add(CUTOFF);
        }
        if (before.score() != after.score()) {
            causes.add(SCORE);
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

    /** The single cause a household is counted under: its only cause, or {@link #SEVERAL}. */
    public static String bucket(List<String> causes) {
        return causes.size() == 1 ? causes.get(0) : SEVERAL;
    }

    /**
     * The cut-off the household is compared with for the program; for a program without one of its own (the
     * education stipend follows the cash transfer), every cut-off that applied to the household.
     */
    private static Object cutoff(Evaluation e, String program) {
        Evaluation.ProgramResult r = e.program(program);
        if (r != null && r.cutoff() != null) {
            return r.cutoff();
        }
        return e.cutoffs();
    }

    static boolean eligible(Evaluation e, String program) {
        Evaluation.ProgramResult r = e.program(program);
        return r != null && r.eligible();
    }
}
