package org.dynreg.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A replay of many decisions: its filter, progress and, when asked, its mismatches with how many decisions differ in
 * each kind of difference.
 */
public record ReplayRun(long id, String requestedBy, Instant requestedAt, ReplayRequest filter, Integer againstVersion,
                        String state, long total, long done, long identical, long mismatched, Instant finishedAt,
                        String failure, List<ReplayOutcome> mismatches, Map<String, Long> differencesByKind) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
