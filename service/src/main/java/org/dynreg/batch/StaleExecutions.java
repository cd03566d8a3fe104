package org.dynreg.batch;

import org.dynreg.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * At start: a job execution that a previous run of this instance left STARTED or STOPPING (the process was killed,
 * crashed or lost power) can never end by itself, and Spring Batch refuses to restart it while it looks running.
 * It is marked FAILED, with its running partitions, and the exit message says why, so that it can be restarted
 * and goes on from each district's last committed chunk. Done at start-up before the web server accepts requests, so
 * that a restart asked for at once finds the execution already marked. Executions of other instances are left alone: this one
 * cannot tell whether they still run (operator guide, "Jobs on several instances").
 */
@Component
class StaleExecutions implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(StaleExecutions.class);

    private final JobExplorer explorer;
    private final JobRepository repository;
    private final BatchInstance instance;
    private final AuditTrail audit;

    StaleExecutions(JobExplorer explorer, JobRepository repository, BatchInstance instance, AuditTrail audit) {
        this.explorer = explorer;
        this.repository = repository;
        this.instance = instance;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String job : List.of(Jobs.RESCORING, Jobs.SWEEP)) {
            for (JobExecution e : explorer.findRunningJobExecutions(job)) {
                String runner = e.getJobParameters().getString(Jobs.RUNNER);
                if (instance.leftByEarlierRun(runner)) {
                    fail(e, runner);
                } else if (!BatchInstance.instanceOf(String.valueOf(runner)).equals(instance.name())) {
                    log.warn("{} execution {} is {} on {}; left as it is (operator guide, 'Jobs on several instances')", job, e.getId(),
                            e.getStatus(), BatchInstance.describe(runner));
                }
            }
        }
    }

    private void fail(JobExecution e, String runner) {
        String why = "marked FAILED when instance " + instance.name() + " started: " + BatchInstance.describe(runner)
                + " ended without finishing it (killed, crashed or lost power); restart it to go on from each district's last committed chunk";
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getStatus().isRunning()) {
                s.setStatus(BatchStatus.FAILED);
                s.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                s.setEndTime(now);
                repository.update(s);
            }
        }
        e.setStatus(BatchStatus.FAILED);
        e.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        e.setEndTime(now);
        repository.update(e);
        log.warn("{} execution {} {}", e.getJobInstance().getJobName(), e.getId(), why);
        audit.record(Jobs.SYSTEM, "job.fail", Jobs.subject(e.getId()), Map.of("job", e.getJobInstance().getJobName(),
                "run", e.getJobInstance().getInstanceId(), "reason", "left running by a process that ended"));
    }
}
