package org.dynreg.workflow.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.kie.kogito.jobs.DurationExpirationTime;
import org.kie.kogito.jobs.ExactExpirationTime;
import org.kie.kogito.jobs.ExpirationTime;
import org.kie.kogito.jobs.JobDescription;
import org.kie.kogito.jobs.JobsService;
import org.kie.kogito.jobs.descriptors.ProcessInstanceJobDescription;
import org.kie.kogito.services.jobs.impl.InMemoryJobService;
import org.kie.kogito.services.jobs.impl.JobExecutorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kogito's Spring Boot default JobsService is InMemoryJobService: timers fire while the JVM runs
 * and are lost on restart. This subclass also writes every process-instance timer to
 * process_timer (JdbcTemplate joins the caller's Spring transaction), deletes it when the
 * engine cancels it (node left, or timer fired), and re-schedules what is left when the app is ready.
 * A timer that fell due while the app was down fires right after start-up.
 * Every firing runs in a Spring transaction (process row, user-task rows and timer row commit together;
 * on failure the timer row stays and fires again after the next start). A process timer's transaction first locks
 * its process instance's row, before anything reads it: a step committed on the same case meanwhile (a task completed,
 * the same timer fired by another instance) is then waited for and read, never a stale copy. Without the lock, the
 * engine's answer to the stale copy's optimistic-lock failure is to fire the timer again inside the same transaction,
 * which reads the same stale copy, without end, until the stack overflows, possibly in the middle of reading a
 * result from the database, which leaves that pooled connection handing later requests the wrong answers.
 * Single-node only: several nodes would each re-schedule every row (add a lease column for that).
 */
class PersistentJobsService extends InMemoryJobService {

    private static final Logger LOG = LoggerFactory.getLogger(PersistentJobsService.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public PersistentJobsService(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Wraps every executor factory (process timers here, user-task deadlines from the generated UserTasks). */
    @Override
    public InMemoryJobService registerJobExecutorFactory(JobExecutorFactory factory) {
        return super.registerJobExecutorFactory(new JobExecutorFactory() {
            @Override
            public Set<Class<? extends JobDescription>> types() {
                return factory.types();
            }

            @Override
            public boolean accept(JobDescription description) {
                return factory.accept(description);
            }

            @Override
            public Runnable createNewRunnable(JobsService jobsService, JobDescription description) {
                return inTransaction(description, factory.createNewRunnable(jobsService, description));
            }

            @Override
            public Runnable createNewRepeteableRunnable(JobsService jobsService, JobDescription description) {
                return inTransaction(description, factory.createNewRepeteableRunnable(jobsService, description));
            }
        });
    }

    /**
     * The firing in a transaction whose first statement locks the process instance's row (a locking read: InnoDB takes
     * the transaction's snapshot at its first plain read, which comes after the lock is held).
     */
    private Runnable inTransaction(JobDescription description, Runnable job) {
        String instance = description instanceof ProcessInstanceJobDescription d ? d.processInstanceId() : null;
        return () -> tx.executeWithoutResult(status -> {
            if (instance != null) {
                jdbc.queryForList("SELECT version FROM process_instances WHERE id = ? FOR UPDATE", instance);
            }
            job.run();
        });
    }

    @Override
    public String scheduleJob(JobDescription description) {
        if (description instanceof ProcessInstanceJobDescription d) {
            ExpirationTime exp = d.expirationTime();
            jdbc.update("INSERT INTO process_timer (job_id, timer_id, process_instance_id, root_process_instance_id, "
                    + "process_id, root_process_id, node_instance_id, priority, expires_at_ms, repeat_interval_ms, repeat_limit) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE expires_at_ms = VALUES(expires_at_ms)",
                    d.id(), d.timerId(), d.processInstanceId(), d.rootProcessInstanceId(), d.processId(), d.rootProcessId(),
                    d.nodeInstanceId(), d.priority(), exp.get().toInstant().toEpochMilli(), exp.repeatInterval(), exp.repeatLimit());
        }
        return super.scheduleJob(description);
    }

    @Override
    public boolean cancelJob(String id) {
        jdbc.update("DELETE FROM process_timer WHERE job_id = ?", id);
        return super.cancelJob(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void rescheduleStoredTimers() {
        List<ProcessInstanceJobDescription> stored = jdbc.query("SELECT * FROM process_timer", (rs, n) -> {
            ZonedDateTime at = Instant.ofEpochMilli(rs.getLong("expires_at_ms")).atZone(ZoneOffset.UTC);
            long interval = rs.getLong("repeat_interval_ms");
            boolean repeating = !rs.wasNull();
            ExpirationTime exp = repeating
                    ? DurationExpirationTime.repeat(Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis()),
                            interval, rs.getInt("repeat_limit"))
                    : ExactExpirationTime.of(at);
            return ProcessInstanceJobDescription.newProcessInstanceJobDescriptionBuilder()
                    .id(rs.getString("job_id"))
                    .timerId(rs.getString("timer_id"))
                    .expirationTime(exp)
                    .priority(rs.getInt("priority"))
                    .processInstanceId(rs.getString("process_instance_id"))
                    .rootProcessInstanceId(rs.getString("root_process_instance_id"))
                    .processId(rs.getString("process_id"))
                    .rootProcessId(rs.getString("root_process_id"))
                    .nodeInstanceId(rs.getString("node_instance_id"))
                    .build();
        });
        stored.stream().filter(d -> !scheduledJobs.containsKey(d.id())).forEach(d -> super.scheduleJob(d));
        LOG.info("re-scheduled {} stored process timer(s)", stored.size());
    }
}
