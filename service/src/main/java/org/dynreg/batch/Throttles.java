package org.dynreg.batch;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link Throttle} per running job execution, shared by its partitions; dropped when the execution ends. */
@Component
class Throttles {
    private final Map<Long, Throttle> running = new ConcurrentHashMap<>();
    private final double maxRate;

    Throttles(BatchSettings settings) {
        this.maxRate = settings.maxRate();
    }

    Throttle of(long jobExecutionId) {
        return running.computeIfAbsent(jobExecutionId, id -> new Throttle(maxRate));
    }

    void release(long jobExecutionId) {
        running.remove(jobExecutionId);
    }
}
