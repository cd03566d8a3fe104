package org.dynreg.eligibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A stored decision read back with its explanation: what was decided, under which policy, and why. */
public record DecisionView(
        long id,
        long householdId,
        long surveyId,
        int policyVersion,
        String policySha256,
        Instant decidedAt,
        String decidedBy,
        int score,
        List<Evaluation.IndicatorResult> scoreBreakdown,
        Map<String, Double> likelihoods,
        List<Evaluation.ProgramResult> programs,
        List<Evaluation.FiredRule> firedRules,
        List<String> reasons) {
}
