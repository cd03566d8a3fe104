package org.dynreg.audit;

import java.time.Instant;
import java.util.List;

/**
 * A what-if run: the registry (or the part a filter selects) scored under a candidate policy version
 * next to the version in force, without storing a decision. Counts are households; costs are yearly,
 * in rupees, at the given transfer amount and number of payments a year.
 *
 * <p>Each area splits the households that gain or lose the program by cause ({@link CauseCount}); {@code gained}
 * and {@code lost} are samples of such households, at most {@code sampleSize} each, the lowest household ids first,
 * and are null (with {@code sampleWithheld}) for a role that may not see household ids (decision 0038).
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
        List<Area> districts,
        int sampleSize,
        boolean sampleWithheld,
        List<SampleHousehold> gained,
        List<SampleHousehold> lost) {

    /** A report without the sample (none asked for). */
    public WhatIfReport(int baselineVersion, String baselineSha256, int candidateVersion, String candidateSha256, String program,
                        String filter, long transferAmount, int paymentsPerYear, Instant ranAt, String ranBy, Area national,
                        List<Area> provinces, List<Area> districts) {
        this(baselineVersion, baselineSha256, candidateVersion, candidateSha256, program, filter, transferAmount, paymentsPerYear,
                ranAt, ranBy, national, provinces, districts, 0, false, List.of(), List.of());
    }

    /** The same report without its sample of households, for a role that may not see household ids. */
    public WhatIfReport withoutSample() {
        return new WhatIfReport(baselineVersion, baselineSha256, candidateVersion, candidateSha256, program, filter, transferAmount,
                paymentsPerYear, ranAt, ranBy, national, provinces, districts, sampleSize, true, null, null);
    }

    /**
     * One area's figures; {@code district} is null for a province or the nation, {@code province} null for the nation.
     * {@code causes} split {@code newlyEligible} and {@code newlyIneligible} by cause: each household is counted once, under
     * its one cause or under {@link EffectCause#SEVERAL}, so the rows add up to the two totals.
     */
    public record Area(
            String province,
            String district,
            long households,
            long eligibleBefore,
            long eligibleAfter,
            long newlyEligible,
            long newlyIneligible,
            long yearlyCostBefore,
            long yearlyCostAfter,
            List<CauseCount> causes) {

        public Area(String province, String district, long households, long eligibleBefore, long eligibleAfter, long newlyEligible,
                    long newlyIneligible, long yearlyCostBefore, long yearlyCostAfter) {
            this(province, district, households, eligibleBefore, eligibleAfter, newlyEligible, newlyIneligible, yearlyCostBefore,
                    yearlyCostAfter, List.of());
        }

        public String name() {
            return district != null ? district : province != null ? province : "Pakistan";
        }
    }

    /** Households of an area that gain ({@code gained}) or lose ({@code lost}) the program for one cause. */
    public record CauseCount(String cause, long gained, long lost) {
    }

    /**
     * A household that gains or loses the program: where it is registered, its score under each version and every
     * cause of the change. No name, national id or other personal data.
     */
    public record SampleHousehold(long householdId, String province, String district, int scoreBefore, int scoreAfter,
                                  List<String> causes) {
    }
}
