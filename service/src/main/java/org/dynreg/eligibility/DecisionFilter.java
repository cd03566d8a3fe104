package org.dynreg.eligibility;

import java.time.Instant;

/**
 * Which stored decisions: decided in [from, to), of households in a province or district, and found
 * eligible for a program. Every part is optional.
 */
public record DecisionFilter(Instant from, Instant to, String province, String district, String program) {

    public static DecisionFilter all() {
        return new DecisionFilter(null, null, null, null, null);
    }
}
