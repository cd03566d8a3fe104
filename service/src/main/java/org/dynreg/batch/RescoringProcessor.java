package org.dynreg.batch;

import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.policy.CompiledPolicy;
import org.springframework.batch.item.ItemProcessor;

/**
 * Decides one household again from its facts as the registry holds them now, under the run's pinned policy
 * version, and renders the decision as {@link Eligibility#decide} would store it. Pure: nothing is stored here.
 */
class RescoringProcessor implements ItemProcessor<RegistryHousehold, Eligibility.Decided> {
    private final Eligibility eligibility;
    private final CompiledPolicy policy;

    RescoringProcessor(Eligibility eligibility, CompiledPolicy policy) {
        this.eligibility = eligibility;
        this.policy = policy;
    }

    @Override
    public Eligibility.Decided process(RegistryHousehold h) {
        HouseholdFactsBuilder.Facts facts = HouseholdFactsBuilder.build(h.answers());
        Evaluation e = EligibilityEvaluator.evaluate(policy, facts);
        return eligibility.decided(h.householdId(), h.latestSurveyId(), facts, e);
    }
}
