package org.dynreg.batch;

import java.time.Instant;
import java.util.Map;

/**
 * A job execution and its progress. {@code total} is the number of households in scope counted when the run first
 * started; {@code done} the households whose work is committed, over every execution of the run (a restart goes
 * on from there); {@code rate} households a second in this execution; {@code secondsLeft} at that rate, null when
 * it cannot be told yet.
 *
 * @param scope    what the run covers: province, district, program (rescoring) or asOf, updateTypes (sweep)
 * @param instance the name of the service instance that runs or ran it
 */
public record JobView(long executionId, long instanceId, String job, String status, String exitCode, String exitMessage,
                      Instant startedAt, Instant endedAt, String requestedBy, String instance, Map<String, Object> scope,
                      Integer policyVersion, String policySha256, long total, long done, double rate, Long secondsLeft) {

    public boolean running() {
        return endedAt == null;
    }
}
