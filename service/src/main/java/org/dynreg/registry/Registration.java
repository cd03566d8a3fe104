package org.dynreg.registry;

import org.dynreg.eligibility.DecisionView;

/** What a submitted survey produced: the household, the stored survey and the decision made on it. */
public record Registration(long householdId, long surveyId, DecisionView decision) {
}
