package org.dynreg.shock;

/** A household the Shock response table named for emergency assistance after its re-survey, with the amount and the rule. */
public record Assistance(long householdId, long caseId, int scoreBefore, int scoreAfter, long surveyId, long amountPkr,
                         String rule, int policyVersion) {
}
