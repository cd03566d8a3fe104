package org.dynreg.audit;

import java.time.Instant;

/**
 * Which decisions to replay: decided in [from, to), in a province or district, eligible for a
 * program; and optionally another version to replay them against instead of their own.
 */
public record ReplayRequest(Instant from, Instant to, String province, String district, String program, Integer against) {
}
