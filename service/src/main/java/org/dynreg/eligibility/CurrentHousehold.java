package org.dynreg.eligibility;

/** A household as the registry holds it now: where it lives and the facts of its latest decided survey. */
public record CurrentHousehold(long householdId, String province, String district, HouseholdFactsBuilder.Facts facts) {
}
