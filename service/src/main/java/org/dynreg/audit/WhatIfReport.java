package org.dynreg.audit;

import java.time.Instant;
import java.util.List;

/**
 * A what-if run: the registry (or the part a filter selects) scored under a candidate policy version
 * next to the version in force, without storing a decision. Counts are households; costs are yearly,
 * in rupees, at the given transfer amount and number of payments a year.
 */
public record WhatIfReport(
        int baselineVersion,
        String baselineSha256,
        int candidateVersion,
        String candidateSha256,
        String program,
        String filter,
        long transferAmount,
        int paymentsPerYear,
        Instant ranAt,
        String ranBy,
        Area national,
        List<Area> provinces,
        List<Area> districts) {

    /** One area's figures; {@code district} is null for a province or the nation, {@code province} null for the nation. */
    public record Area(
            String province,
            String district,
            long households,
            long eligibleBefore,
            long eligibleAfter,
            long newlyEligible,
            long newlyIneligible,
            long yearlyCostBefore,
            long yearlyCostAfter) {

        public String name() {
            return district != null ? district : province != null ? province : "Pakistan";
        }
    }
}
