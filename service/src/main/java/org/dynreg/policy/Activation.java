package org.dynreg.policy;

import java.time.Instant;

/**
 * One activation or roll-back: from {@code effectiveFrom} on, {@code version} is in force, unless it was cancelled
 * before then ({@code cancelledBy}, {@code cancelledAt} and {@code cancelComment} say who cancelled it, when and
 * why; null while it is not cancelled). A cancelled activation stays listed and never counts.
 */
public record Activation(long id, int version, String kind, Instant effectiveFrom, String requestedBy,
                         Instant requestedAt, String comment, String cancelledBy, Instant cancelledAt,
                         String cancelComment) {

    public static final String INSTALL = "INSTALL";
    public static final String ACTIVATE = "ACTIVATE";
    public static final String ROLLBACK = "ROLLBACK";

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Not cancelled and not yet in effect at {@code now}. */
    public boolean pendingAt(Instant now) {
        return !cancelled() && effectiveFrom.isAfter(now);
    }
}
