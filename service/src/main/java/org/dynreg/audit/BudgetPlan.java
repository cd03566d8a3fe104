package org.dynreg.audit;

import java.time.Instant;
import java.util.List;

/**
 * The answer of the budget solver: the highest cut-off whose yearly cost fits the budget, under one
 * policy version, over the registry or the part a filter selects, with the coverage it gives by
 * province and district. {@code cutoff} is null when
 * not even a cut-off of 0 fits.
 */
public record BudgetPlan(
        int policyVersion,
        String policySha256,
        String program,
        String filter,
        long yearlyBudget,
        long transferAmount,
        int paymentsPerYear,
        Integer cutoff,
        long yearlyCost,
        Instant ranAt,
        String ranBy,
        Coverage national,
        List<Coverage> provinces,
        List<Coverage> districts) {

    /** Households in the area, how many the cut-off covers and what that costs a year. */
    public record Coverage(String province, String district, long households, long covered, long yearlyCost) {
    }
}
