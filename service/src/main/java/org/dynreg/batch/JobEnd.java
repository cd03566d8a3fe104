package org.dynreg.batch;

import org.dynreg.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** When a job execution ends, however: the end goes into the log and the audit trail, and its throttle is dropped. */
@Component
class JobEnd implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(JobEnd.class);

    private final AuditTrail audit;
    private final Throttles throttles;
    private final JobProgress progress;

    JobEnd(AuditTrail audit, Throttles throttles, JobProgress progress) {
        this.audit = audit;
        this.throttles = throttles;
        this.progress = progress;
    }

    @Override
    public void afterJob(JobExecution execution) {
        throttles.release(execution.getId());
        long done = progress.doneInRun(execution.getJobInstance().getInstanceId());
        log.info("job {} execution {} (run {}) ended {}: {} households done", execution.getJobInstance().getJobName(), execution.getId(),
                execution.getJobInstance().getInstanceId(), execution.getStatus(), done);
        audit.record(Jobs.SYSTEM, "job.end", Jobs.subject(execution.getId()), Map.of("job", execution.getJobInstance().getJobName(),
                "run", execution.getJobInstance().getInstanceId(), "status", execution.getStatus().name(),
                "exitCode", execution.getExitStatus().getExitCode(), "households", done));
    }
}
