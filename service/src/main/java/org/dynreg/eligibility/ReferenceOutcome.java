package org.dynreg.eligibility;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.dynreg.policy.OutcomeDifference;
import org.dynreg.policy.OutcomeDifference.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The part of an evaluation a reference household pins: the score, whether the household is eligible for
 * each program the evaluation reports (by program code, e.g. {@code UCT}, {@code CCT_EDUCATION}), the cut-off
 * each program compared the score with, the exclusion filters that matched (by name), the member line of each
 * program's payment recipient (0: nobody the recipient table accepts), the member lines of each program's
 * stipends, and the reason sentences it is told, in order.
 *
 * <p>The cut-offs, exclusions, recipients and stipends may be absent (null) from an expectation recorded before
 * they were pinned: an absent part is not compared, and the reasons, which quote them, still are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceOutcome(int score, Map<String, Boolean> programs, Map<String, Integer> cutoffs, List<String> exclusions,
                               Map<String, Integer> recipients, Map<String, List<Integer>> stipends, List<String> reasons) {

    public ReferenceOutcome {
        Objects.requireNonNull(programs, "programs");
        Objects.requireNonNull(reasons, "reasons");
        programs.forEach((program, eligible) -> Objects.requireNonNull(eligible, program));
        // keeps the order the file or the evaluation gave, so differences are listed in that order
        programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
        cutoffs = cutoffs == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(cutoffs));
        exclusions = exclusions == null ? null : List.copyOf(exclusions);
        recipients = recipients == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(recipients));
        if (stipends != null) {
            Map<String, List<Integer>> copy = new LinkedHashMap<>();
            stipends.forEach((program, lines) -> copy.put(program, List.copyOf(lines)));
            stipends = Collections.unmodifiableMap(copy);
        }
        reasons = List.copyOf(reasons);
    }

    /** An outcome that pins only the score, the programs and the reasons. */
    public ReferenceOutcome(int score, Map<String, Boolean> programs, List<String> reasons) {
        this(score, programs, null, null, null, null, reasons);
    }

    public static ReferenceOutcome of(Evaluation e) {
        Map<String, Boolean> programs = new LinkedHashMap<>();
        Map<String, Integer> cutoffs = new LinkedHashMap<>();
        Map<String, Integer> recipients = new LinkedHashMap<>();
        Map<String, List<Integer>> stipends = new LinkedHashMap<>();
        for (Evaluation.ProgramResult p : e.programs()) {
            programs.put(p.program(), p.eligible());
            if (p.cutoff() != null) {
                cutoffs.put(p.program(), p.cutoff());
            }
            if (p.paymentRecipient() != null) {
                recipients.put(p.program(), p.paymentRecipient().memberLine());
            }
            if (p.stipends() != null && !p.stipends().isEmpty()) {
                stipends.put(p.program(), p.stipends().stream().map(Evaluation.Stipend::memberLine).sorted().toList());
            }
        }
        return new ReferenceOutcome(e.score(), programs, cutoffs, e.exclusions(), recipients, stipends, e.reasons());
    }

    /**
     * What differs when this is the expected outcome and {@code actual} the one the policy gave, one line per
     * difference ({@code score: expected 32, got 35}, {@code UCT: expected eligible, got not eligible},
     * {@code reasons: missing "..."}); empty exactly when the two are equal in every part this one pins.
     */
    public List<String> differencesFrom(ReferenceOutcome actual) {
        return found(actual).stream().map(OutcomeDifference::text).toList();
    }

    /** {@link #differencesFrom} with the kind, the field and both values of each difference. */
    public List<OutcomeDifference> found(ReferenceOutcome actual) {
        List<OutcomeDifference> out = new ArrayList<>();
        if (score != actual.score) {
            out.add(new OutcomeDifference(Kind.SCORE, null, "score", String.valueOf(score), String.valueOf(actual.score),
                    "score: expected " + score + ", got " + actual.score));
        }
        programs.forEach((program, eligible) -> {
            Boolean got = actual.programs.get(program);
            if (got == null) {
                out.add(new OutcomeDifference(Kind.ELIGIBILITY, program, program + ".eligible", String.valueOf(eligible), null,
                        program + ": expected " + eligibility(eligible) + ", got no outcome for this program"));
            } else if (!got.equals(eligible)) {
                out.add(new OutcomeDifference(Kind.ELIGIBILITY, program, program + ".eligible", String.valueOf(eligible),
                        String.valueOf(got), program + ": expected " + eligibility(eligible) + ", got " + eligibility(got)));
            }
        });
        actual.programs.forEach((program, got) -> {
            if (!programs.containsKey(program)) {
                out.add(new OutcomeDifference(Kind.ELIGIBILITY, program, program + ".eligible", null, String.valueOf(got),
                        program + ": no outcome expected, got " + eligibility(got)));
            }
        });
        perProgram(out, Kind.CUTOFF, "cutoff", cutoffs, actual.cutoffs, c -> c == null ? "none" : String.valueOf(c));
        if (exclusions != null && actual.exclusions != null && !new LinkedHashSet<>(exclusions).equals(new LinkedHashSet<>(actual.exclusions))) {
            out.add(new OutcomeDifference(Kind.EXCLUSION, null, "exclusions", names(exclusions), names(actual.exclusions),
                    "exclusion filters matched: expected " + names(exclusions) + ", got " + names(actual.exclusions)));
        }
        perProgram(out, Kind.RECIPIENT, "paymentRecipient", recipients, actual.recipients,
                m -> m == null ? "none" : m == 0 ? "nobody (payment held)" : "member " + m);
        perProgram(out, Kind.STIPENDS, "stipends", stipends, actual.stipends,
                m -> m == null || m.isEmpty() ? "none" : "members " + String.join(", ", m.stream().map(String::valueOf).toList()));
        List<String> unexpected = new ArrayList<>(actual.reasons);
        boolean missing = false;
        for (String reason : reasons) {
            if (!unexpected.remove(reason)) {
                missing = true;
                out.add(new OutcomeDifference(Kind.WORDING, null, "reasons", reason, null, "reasons: missing \"" + reason + "\""));
            }
        }
        for (String reason : unexpected) {
            out.add(new OutcomeDifference(Kind.WORDING, null, "reasons", null, reason, "reasons: unexpected \"" + reason + "\""));
        }
        if (!missing && unexpected.isEmpty() && !reasons.equals(actual.reasons)) {
            out.add(new OutcomeDifference(Kind.WORDING, null, "reasons", quoted(reasons), quoted(actual.reasons),
                    "reasons: the same sentences in another order, expected " + quoted(reasons) + ", got " + quoted(actual.reasons)));
        }
        return out;
    }

    /**
     * This expectation with the parts of one kind of difference taken from {@code actual}: what an officer who
     * accepts that kind of difference now expects. A kind per program changes only that program's part, or every
     * program's when {@code program} is null.
     *
     * @throws IllegalArgumentException for a kind a reference outcome does not hold (indicator points, likelihoods,
     *                                  rules fired)
     */
    public ReferenceOutcome accepting(ReferenceOutcome actual, Kind kind, String program) {
        return switch (kind) {
            case SCORE -> new ReferenceOutcome(actual.score, programs, cutoffs, exclusions, recipients, stipends, reasons);
            case ELIGIBILITY -> new ReferenceOutcome(score, taking(programs, actual.programs, program), cutoffs, exclusions,
                    recipients, stipends, reasons);
            case CUTOFF -> new ReferenceOutcome(score, programs, taking(cutoffs, actual.cutoffs, program), exclusions, recipients,
                    stipends, reasons);
            case EXCLUSION -> new ReferenceOutcome(score, programs, cutoffs, actual.exclusions, recipients, stipends, reasons);
            case RECIPIENT -> new ReferenceOutcome(score, programs, cutoffs, exclusions, taking(recipients, actual.recipients, program),
                    stipends, reasons);
            case STIPENDS -> new ReferenceOutcome(score, programs, cutoffs, exclusions, recipients,
                    taking(stipends, actual.stipends, program), reasons);
            case WORDING -> new ReferenceOutcome(score, programs, cutoffs, exclusions, recipients, stipends, actual.reasons);
            case INDICATOR, LIKELIHOOD, RULES_FIRED -> throw new IllegalArgumentException(
                    "a reference household pins no " + kind.words() + "; only its score, eligibility, cut-offs, exclusions, "
                            + "payment recipients, stipends and reasons");
        };
    }

    /** {@code mine} with the entry of {@code program} (every entry when null) as in {@code theirs}; absent stays absent. */
    private static <V> Map<String, V> taking(Map<String, V> mine, Map<String, V> theirs, String program) {
        if (theirs == null) {
            return mine;
        }
        if (program == null || mine == null) {
            if (program == null) {
                return theirs;
            }
            Map<String, V> out = new LinkedHashMap<>();
            if (theirs.containsKey(program)) {
                out.put(program, theirs.get(program));
            }
            return out;
        }
        Map<String, V> out = new LinkedHashMap<>(mine);
        if (theirs.containsKey(program)) {
            out.put(program, theirs.get(program));
        } else {
            out.remove(program);
        }
        return out;
    }

    private static <V> void perProgram(List<OutcomeDifference> out, Kind kind, String field, Map<String, V> expected,
                                       Map<String, V> actual, Function<V, String> shown) {
        if (expected == null || actual == null) {
            return;
        }
        Set<String> programs = new LinkedHashSet<>(expected.keySet());
        programs.addAll(actual.keySet());
        for (String program : programs) {
            V a = expected.get(program);
            V b = actual.get(program);
            if (!Objects.equals(a, b)) {
                out.add(new OutcomeDifference(kind, program, program + "." + field, shown.apply(a), shown.apply(b),
                        kind.words() + " for " + program + ": expected " + shown.apply(a) + ", got " + shown.apply(b)));
            }
        }
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String eligibility(boolean eligible) {
        return eligible ? "eligible" : "not eligible";
    }

    private static String quoted(List<String> reasons) {
        return reasons.stream().map(r -> "\"" + r + "\"").toList().toString();
    }
}
