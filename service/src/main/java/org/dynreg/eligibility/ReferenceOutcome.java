package org.dynreg.eligibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of an evaluation a reference household pins: the score, whether the household is eligible for
 * each program the evaluation reports (by program code, e.g. {@code UCT}, {@code CCT_EDUCATION}), and the
 * reason sentences it is told, in order. The reasons carry the cut-off used, every exclusion that matched,
 * the payment recipient's member line and the number of stipends.
 */
public record ReferenceOutcome(int score, Map<String, Boolean> programs, List<String> reasons) {

    public ReferenceOutcome {
        Objects.requireNonNull(programs, "programs");
        Objects.requireNonNull(reasons, "reasons");
        programs.forEach((program, eligible) -> Objects.requireNonNull(eligible, program));
        // keeps the order the file or the evaluation gave, so differences are listed in that order
        programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
        reasons = List.copyOf(reasons);
    }

    public static ReferenceOutcome of(Evaluation e) {
        Map<String, Boolean> programs = new LinkedHashMap<>();
        for (Evaluation.ProgramResult p : e.programs()) {
            programs.put(p.program(), p.eligible());
        }
        return new ReferenceOutcome(e.score(), programs, e.reasons());
    }

    /**
     * What differs when this is the expected outcome and {@code actual} the one the policy gave, one line per
     * difference ({@code score: expected 32, got 35}, {@code UCT: expected eligible, got not eligible},
     * {@code reasons: missing "..."}); empty exactly when the two are equal.
     */
    public List<String> differencesFrom(ReferenceOutcome actual) {
        List<String> out = new ArrayList<>();
        if (score != actual.score) {
            out.add("score: expected " + score + ", got " + actual.score);
        }
        programs.forEach((program, eligible) -> {
            Boolean got = actual.programs.get(program);
            if (got == null) {
                out.add(program + ": expected " + eligibility(eligible) + ", got no outcome for this program");
            } else if (!got.equals(eligible)) {
                out.add(program + ": expected " + eligibility(eligible) + ", got " + eligibility(got));
            }
        });
        actual.programs.forEach((program, got) -> {
            if (!programs.containsKey(program)) {
                out.add(program + ": no outcome expected, got " + eligibility(got));
            }
        });
        List<String> unexpected = new ArrayList<>(actual.reasons);
        boolean missing = false;
        for (String reason : reasons) {
            if (!unexpected.remove(reason)) {
                missing = true;
                out.add("reasons: missing \"" + reason + "\"");
            }
        }
        for (String reason : unexpected) {
            out.add("reasons: unexpected \"" + reason + "\"");
        }
        if (!missing && unexpected.isEmpty() && !reasons.equals(actual.reasons)) {
            out.add("reasons: the same sentences in another order, expected " + quoted(reasons) + ", got " + quoted(actual.reasons));
        }
        return out;
    }

    private static String eligibility(boolean eligible) {
        return eligible ? "eligible" : "not eligible";
    }

    private static String quoted(List<String> reasons) {
        return reasons.stream().map(r -> "\"" + r + "\"").toList().toString();
    }
}
