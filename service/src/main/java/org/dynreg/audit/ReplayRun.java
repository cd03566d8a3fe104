package org.dynreg.audit;

import java.time.Instant;
import java.util.List;

/** A replay of many decisions: its filter, progress and, when asked, its mismatches. */
public record ReplayRun(long id, String requestedBy, Instant requestedAt, ReplayRequest filter, Integer againstVersion,
                        String state, long total, long done, long identical, long mismatched, Instant finishedAt,
                        String failure, List<ReplayOutcome> mismatches) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
