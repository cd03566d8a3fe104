package org.dynreg.policy;

import java.time.Instant;

/** One activation or roll-back: from {@code effectiveFrom} on, {@code version} is in force. */
public record Activation(long id, int version, String kind, Instant effectiveFrom, String requestedBy,
                         Instant requestedAt, String comment) {

    public static final String INSTALL = "INSTALL";
    public static final String ACTIVATE = "ACTIVATE";
    public static final String ROLLBACK = "ROLLBACK";
}
