package org.dynreg.audit;

import java.time.Instant;

/**
 * Which decisions to replay: decided in [from, to), in a province or district, eligible for a
 * program; and optionally another version to replay them against instead of their own. Every decision of the
 * registry is replayed only when asked for with {@code scope} "REGISTRY" ({@link org.dynreg.api.Scopes}).
 */
public record ReplayRequest(String scope, Instant from, Instant to, String province, String district, String program,
                            Integer against) {
}
