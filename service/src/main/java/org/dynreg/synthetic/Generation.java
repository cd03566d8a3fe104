package org.dynreg.synthetic;

import java.time.Instant;

/**
 * A synthetic registry generation: requested size and seed, households and members written so far
 * (whole chunks only) and, once finished, how long it took.
 */
public record Generation(long id, long households, long seed, String status, long householdsWritten,
                         long membersWritten, Instant startedAt, Instant finishedAt, double householdsPerSecond,
                         String failure) {
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
