package org.dynreg.eligibility;

import java.util.List;
import java.util.Map;

/**
 * The full outcome of running one household's facts through one policy version. {@code exclusions}
 * (the exclusion filters that matched) and {@code cutoffs} (every cut-off that applied, by program)
 * are for what-if arithmetic; the decision record keeps the reasons that name them.
 */
public record Evaluation(
        int policyVersion,
        String policySha256,
        int score,
        List<IndicatorResult> breakdown,
        Map<String, Double> likelihoods,
        List<ProgramResult> programs,
        List<FiredRule> firedRules,
        List<String> reasons,
        List<String> exclusions,
        Map<String, List<Integer>> cutoffs) {

    public record IndicatorResult(int indicator, String question, String answer, int points) {}

    public record ProgramResult(String program, boolean eligible, Integer cutoff, String reason,
                                PaymentRecipient paymentRecipient, List<Stipend> stipends) {}

    /** Member line 0 means the household has nobody the recipient table accepts. */
    public record PaymentRecipient(int memberLine, String basis) {}

    public record Stipend(int memberLine, int age, String condition) {}

    public record FiredRule(String rule, String source) {}

    public ProgramResult program(String name) {
        return programs.stream().filter(p -> p.program().equals(name)).findFirst().orElse(null);
    }
}
