package org.dynreg.batch;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The threads jobs run on: one per running job, which waits for its partitions, and a pool of
 * {@code dynreg.batch.threads} that works on partitions (districts) of all jobs of this instance, so that two jobs
 * at once do not take more of the machine than one. Kept out of the application context as executors, where they
 * would take the place of Boot's default task executor.
 */
@Component
class BatchThreads implements DisposableBean {
    private final int count;
    private final ThreadPoolTaskExecutor partitions = new ThreadPoolTaskExecutor();
    private final SimpleAsyncTaskExecutor jobs = new SimpleAsyncTaskExecutor("dynreg-job-");

    BatchThreads(BatchSettings settings) {
        this.count = settings.threads();
        partitions.setCorePoolSize(count);
        partitions.setMaxPoolSize(count);
        partitions.setThreadNamePrefix("dynreg-batch-");
        partitions.initialize();
    }

    int count() {
        return count;
    }

    TaskExecutor partitions() {
        return partitions;
    }

    TaskExecutor jobs() {
        return jobs;
    }

    @Override
    public void destroy() {
        partitions.shutdown();
    }
}
