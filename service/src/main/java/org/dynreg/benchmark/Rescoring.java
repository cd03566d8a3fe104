package org.dynreg.benchmark;

import org.dynreg.batch.JobView;
import org.dynreg.batch.Jobs;
import org.springframework.context.ConfigurableApplicationContext;

/** (e): the rescoring job over the whole registry, started and waited for as an operator would. */
final class Rescoring {
    private final Jobs jobs;

    Rescoring(ConfigurableApplicationContext context) {
        this.jobs = context.getBean(Jobs.class);
    }

    long wholeRegistry() {
        JobView started = jobs.startRescoring(null, null, null, "benchmark");
        JobView done = jobs.await(started.executionId());
        if (!"COMPLETED".equals(done.status())) {
            throw new IllegalStateException("the rescoring job ended " + done.status() + ": " + done.exitMessage());
        }
        return done.done();
    }
}
