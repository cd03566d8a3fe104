package org.dynreg.batch;

import org.dynreg.eligibility.HouseholdAnswers;

/** A household as the registry holds it now, read for rescoring: its latest survey and its current answers. */
record RegistryHousehold(long householdId, long latestSurveyId, HouseholdAnswers answers) {}
