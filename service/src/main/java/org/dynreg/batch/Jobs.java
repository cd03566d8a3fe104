package org.dynreg.batch;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.api.Scopes;
import org.dynreg.audit.AuditTrail;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.dynreg.recertification.Recertifications;
import org.dynreg.workflow.DueUpdates;
import org.dynreg.workflow.UpdateDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.NoSuchJobExecutionException;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starting, restarting, stopping and following the registry-wide jobs. A run (job instance) is started once and
 * restarted as often as it fails or is stopped; its parameters pin what it works on (scope and policy version, or
 * the sweep's day), so a restart does the same work, from where the run's committed work ends. Every start,
 * restart and stop goes into the audit trail.
 */
@Service
public class Jobs {
    public static final String RESCORING = "rescoring";
    public static final String SWEEP = "dueDateSweep";

    static final String SYSTEM = "system";
    static final String POLICY_VERSION = "policyVersion";
    static final String POLICY_SHA256 = "policySha256";
    static final String AS_OF = "asOf";
    static final String UPDATE_TYPES = "updateTypes";
    static final String REQUESTED_BY = "requestedBy";
    static final String RESTARTED_BY = "restartedBy";
    static final String RUNNER = "runner";
    static final String TOTAL = "total";
    /** Makes every start a run of its own: the same scope may be rescored again, the same day swept again. */
    static final String RUN = "run";
    static final String ALL_UPDATE_TYPES = "RECERTIFICATION,CYCLIC_UPDATE,RECERTIFICATION_WARNING";

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final JobExplorer explorer;
    private final JobOperator operator;
    private final Map<String, Job> jobs;
    private final TaskExecutorJobLauncher launcher;
    private final Policies policies;
    private final Map<String, DueUpdates> dueUpdates;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final BatchInstance instance;
    private final JobProgress progress;

    Jobs(JobRepository repository, JobExplorer explorer, JobOperator operator, List<Job> jobs, BatchThreads threads, Policies policies,
         List<DueUpdates> dueUpdates, JdbcTemplate jdbc, AuditTrail audit, BatchInstance instance, JobProgress progress) throws Exception {
        this.explorer = explorer;
        this.operator = operator;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, j -> j));
        this.launcher = new TaskExecutorJobLauncher();
        this.launcher.setJobRepository(repository);
        this.launcher.setTaskExecutor(threads.jobs());
        this.launcher.afterPropertiesSet();
        this.policies = policies;
        this.dueUpdates = dueUpdates.stream().collect(Collectors.toMap(DueUpdates::updateType, u -> u));
        this.jdbc = jdbc;
        this.audit = audit;
        this.instance = instance;
        this.progress = progress;
    }

    /** The sweep's day as a request writes it (2026-11-25), refused in those words otherwise. */
    public static LocalDate day(String asOf) {
        try {
            return LocalDate.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(AS_OF, "must be a day written like 2026-11-25");
        }
    }

    /** Who may start, restart or stop each job (roles as granted authorities). */
    private static final Map<String, Set<String>> MAY_RUN = Map.of(
            RESCORING, Set.of("ROLE_POLICY_OFFICER", "ROLE_SUPERVISOR", "ROLE_ADMINISTRATOR"),
            SWEEP, Set.of("ROLE_SUPERVISOR", "ROLE_ADMINISTRATOR"));

    /**
     * Rescoring as a request asks for it: {@code scope} "REGISTRY" for the whole registry, or left out with a province,
     * district or program ({@link Scopes}); a request that names neither is refused and starts nothing.
     */
    public JobView startRescoring(String scope, String province, String district, String program, String actor) {
        Scopes.check(scope, "province, district or program", province, district, program);
        return startRescoring(province, district, program, actor);
    }

    /** The due-date sweep as a request asks for it: it always covers the registry, so only with {@code scope} "REGISTRY". */
    public JobView startSweep(String scope, LocalDate asOf, String actor) {
        Scopes.check(scope, null);
        return startSweep(asOf, actor);
    }

    /** Refuses (AccessDenied) a user whose roles may not start, restart or stop the execution's job. */
    public void mayRun(long executionId, Collection<String> authorities) {
        String job = jobOf(executionId);
        if (!mayRun(job, authorities)) {
            throw new AccessDeniedException("not allowed to run " + job + " jobs");
        }
    }

    /** Whether these roles may start, restart or stop jobs of this name. */
    public static boolean mayRun(String job, Collection<String> authorities) {
        Set<String> allowed = MAY_RUN.getOrDefault(job, Set.of());
        return authorities.stream().anyMatch(allowed::contains);
    }

    /**
     * Starts rescoring the households in scope under the policy version active now; the version and its hash are
     * pinned in the run's parameters, so that a restart decides under the same one whatever was activated meanwhile.
     */
    public JobView startRescoring(String province, String district, String program, String actor) {
        RescoringScope scope = RescoringScope.of(province, district, program);
        long total = scope.count(jdbc, -1);
        if (total == 0) {
            throw new InvalidRequestException(scope.program() != null ? RescoringScope.PROGRAM : scope.district() != null
                    ? RescoringScope.DISTRICT : RescoringScope.PROVINCE, "no household is in scope (" + scope.describe() + "); nothing to rescore");
        }
        CompiledPolicy policy = policies.active();
        JobParametersBuilder params = new JobParametersBuilder().addString(RUN, UUID.randomUUID().toString())
                .addLong(POLICY_VERSION, (long) policy.version()).addString(POLICY_SHA256, policy.sha256());
        scope.addTo(params);
        JobExecution started = launch(RESCORING, params, total, actor);
        Map<String, Object> details = new LinkedHashMap<>(audited(started));
        details.put("scope", scope.describe());
        details.put("policyVersion", policy.version());
        details.put("policySha256", policy.sha256());
        audit.record(actor, "job.start", subject(started.getId()), details);
        log.info("rescoring run {} (execution {}) started by {}: {} households, policy v{}", started.getJobInstance().getInstanceId(),
                started.getId(), actor, total, policy.version());
        return view(started.getId());
    }

    /** Starts the due-date sweep for a day (recertification and cyclic updates); never for a day to come (422). */
    public JobView startSweep(LocalDate asOf, String actor) {
        return startSweep(asOf, ALL_UPDATE_TYPES, actor);
    }

    /**
     * Runs the recertification part of the due-date sweep for a day and waits for it: what the sweep endpoint has
     * always answered, now counted from the job's partitions.
     */
    public Recertifications.SweepResult sweepRecertification(LocalDate asOf, String actor) {
        Optional<UpdateDue> due = dueUpdates.get("RECERTIFICATION").dueOn(asOf);
        JobView started = startSweep(asOf, "RECERTIFICATION", actor);
        JobView ended = await(started.executionId());
        if (!BatchStatus.COMPLETED.name().equals(ended.status())) {
            throw new IllegalStateException("recertification sweep execution " + ended.executionId() + " ended " + ended.status()
                    + ": " + ended.exitMessage());
        }
        long read = 0;
        long[] counts = new long[3];
        for (StepExecution s : explorer.getJobExecution(ended.executionId()).getStepExecutions()) {
            if (s.getStepName().startsWith(BatchConfiguration.RECERTIFICATION_DUE + BatchConfiguration.DISTRICT + ":")) {
                read += s.getReadCount();
                counts[0] += s.getExecutionContext().getLong(DueHouseholdWriter.ACTED, 0L);
                counts[1] += s.getExecutionContext().getLong(DueHouseholdWriter.MEANWHILE, 0L);
                counts[2] += s.getExecutionContext().getLong(DueHouseholdWriter.FAILED, 0L);
            }
        }
        return new Recertifications.SweepResult(asOf, due.map(UpdateDue::monthsAfterLastSurvey).orElse(null),
                due.map(UpdateDue::lastSurveyedOnOrBefore).orElse(null), (int) read, (int) counts[0], (int) counts[1], (int) counts[2]);
    }

    private JobView startSweep(LocalDate asOf, String updateTypes, String actor) {
        long total = 0;
        for (String type : updateTypes.split(",")) {
            DueUpdates updates = dueUpdates.get(type);
            total += updates.dueOn(asOf).map(updates::countDue).orElse(0L);
        }
        JobParametersBuilder params = new JobParametersBuilder().addString(RUN, UUID.randomUUID().toString())
                .addLocalDate(AS_OF, asOf).addString(UPDATE_TYPES, updateTypes);
        JobExecution started = launch(SWEEP, params, total, actor);
        Map<String, Object> details = new LinkedHashMap<>(audited(started));
        details.put("asOf", asOf.toString());
        details.put("updateTypes", updateTypes);
        audit.record(actor, "job.start", subject(started.getId()), details);
        log.info("due-date sweep run {} (execution {}) for {} started by {}: {} households due", started.getJobInstance().getInstanceId(),
                started.getId(), asOf, actor, total);
        return view(started.getId());
    }

    private JobExecution launch(String name, JobParametersBuilder params, long total, String actor) {
        List<JobExecution> running = explorer.findRunningJobExecutions(name).stream().toList();
        if (!running.isEmpty()) {
            JobExecution other = running.get(0);
            throw new JobConflictException("a " + name + " job (execution " + other.getId() + ", on "
                    + BatchInstance.describe(other.getJobParameters().getString(RUNNER)) + ") is running: wait for it or stop it first");
        }
        params.addLong(TOTAL, total, false).addString(REQUESTED_BY, actor, false).addString(RUNNER, instance.runner(), false);
        return run(name, params.toJobParameters());
    }

    private JobExecution run(String name, JobParameters params) {
        try {
            return launcher.run(jobs.get(name), params);
        } catch (JobExecutionException e) {
            throw new JobConflictException(e.getMessage());
        }
    }

    /** Restarts a FAILED or STOPPED execution: the run goes on from each district's last committed chunk. */
    public JobView restart(long executionId, String actor) {
        JobExecution old = execution(executionId);
        if (old.isRunning()) {
            throw new JobConflictException("execution " + executionId + " is " + old.getStatus() + " on "
                    + BatchInstance.describe(old.getJobParameters().getString(RUNNER))
                    + "; if that process ended without finishing, the instance marks it FAILED when it starts again (operator guide)");
        }
        if (old.getStatus() != BatchStatus.FAILED && old.getStatus() != BatchStatus.STOPPED) {
            throw new JobConflictException("execution " + executionId + " is " + old.getStatus() + "; only a FAILED or STOPPED run is restarted"
                    + (old.getStatus() == BatchStatus.COMPLETED ? ": start a new run instead" : ""));
        }
        JobExecution latest = explorer.getLastJobExecution(old.getJobInstance());
        if (latest != null && latest.getId() != executionId) {
            throw new JobConflictException("execution " + executionId + " was restarted before: restart the run's latest execution, "
                    + latest.getId());
        }
        JobParameters params = new JobParametersBuilder(old.getJobParameters()).addString(RUNNER, instance.runner(), false)
                .addString(RESTARTED_BY, actor, false).toJobParameters();
        JobExecution next = run(old.getJobInstance().getJobName(), params);
        Map<String, Object> details = new LinkedHashMap<>(audited(next));
        details.put("restartOf", executionId);
        details.put("doneBefore", progress.doneInRun(next.getJobInstance().getInstanceId()));
        audit.record(actor, "job.restart", subject(next.getId()), details);
        log.info("{} run {} restarted by {} as execution {} (after execution {})", next.getJobInstance().getJobName(),
                next.getJobInstance().getInstanceId(), actor, next.getId(), executionId);
        return view(next.getId());
    }

    /** Asks a running execution to stop after the chunk each district is working on; it ends STOPPED, to be restarted. */
    public JobView stop(long executionId, String actor) {
        try {
            operator.stop(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new NotFoundException("job execution", executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new JobConflictException("execution " + executionId + " is not running");
        }
        JobExecution e = execution(executionId);
        audit.record(actor, "job.stop", subject(executionId), audited(e));
        log.info("{} execution {} asked to stop by {}", e.getJobInstance().getJobName(), executionId, actor);
        return view(executionId);
    }

    /** The job name of an execution, to decide who may act on it. */
    public String jobOf(long executionId) {
        return execution(executionId).getJobInstance().getJobName();
    }

    public JobView view(long executionId) {
        JobExecution e = execution(executionId);
        JobParameters p = e.getJobParameters();
        Map<String, Object> scope = new LinkedHashMap<>();
        for (String key : List.of(RescoringScope.PROVINCE, RescoringScope.DISTRICT, RescoringScope.PROGRAM, UPDATE_TYPES)) {
            if (p.getString(key) != null) {
                scope.put(key, p.getString(key));
            }
        }
        if (p.getLocalDate(AS_OF) != null) {
            scope.put(AS_OF, p.getLocalDate(AS_OF).toString());
        }
        if (!scope.containsKey(RescoringScope.PROVINCE) && !scope.containsKey(RescoringScope.DISTRICT)
                && !scope.containsKey(RescoringScope.PROGRAM)) {
            scope.put("scope", org.dynreg.api.Scopes.REGISTRY); // as it was asked for, not an empty scope
        }
        long total = Optional.ofNullable(p.getLong(TOTAL)).orElse(0L);
        long done = progress.doneInRun(e.getJobInstance().getInstanceId());
        Instant started = instant(e.getStartTime() != null ? e.getStartTime() : e.getCreateTime());
        Instant ended = instant(e.getEndTime());
        double seconds = Math.max(0.001, Duration.between(started, ended == null ? Instant.now() : ended).toMillis() / 1000.0);
        double rate = started == null ? 0 : progress.doneInExecution(e.getId()) / seconds;
        Long left = done >= total ? Long.valueOf(0) : ended == null && rate > 0 ? Long.valueOf((long) Math.ceil((total - done) / rate)) : null;
        Long version = p.getLong(POLICY_VERSION);
        String requestedBy = p.getString(RESTARTED_BY) != null ? p.getString(RESTARTED_BY) : p.getString(REQUESTED_BY);
        return new JobView(e.getId(), e.getJobInstance().getInstanceId(), e.getJobInstance().getJobName(), e.getStatus().name(),
                e.getExitStatus().getExitCode(), e.getExitStatus().getExitDescription(), started, ended, requestedBy,
                BatchInstance.instanceOf(p.getString(RUNNER)), scope, version == null ? null : version.intValue(), p.getString(POLICY_SHA256),
                total, done, rate, left);
    }

    /** The latest executions of every job, newest first. */
    public List<JobView> recent(int limit) {
        return jdbc.queryForList("select JOB_EXECUTION_ID from BATCH_JOB_EXECUTION order by JOB_EXECUTION_ID desc limit ?", Long.class, limit)
                .stream().map(this::view).toList();
    }

    /** Waits until the execution has ended, however long that takes. */
    public JobView await(long executionId) {
        while (execution(executionId).isRunning()) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for job execution " + executionId, e);
            }
        }
        return view(executionId);
    }

    private JobExecution execution(long executionId) {
        JobExecution e = explorer.getJobExecution(executionId);
        if (e == null) {
            throw new NotFoundException("job execution", executionId);
        }
        return e;
    }

    private static Map<String, Object> audited(JobExecution e) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("job", e.getJobInstance().getJobName());
        details.put("run", e.getJobInstance().getInstanceId());
        Long total = e.getJobParameters().getLong(TOTAL);
        if (total != null) {
            details.put("households", total);
        }
        return details;
    }

    static String subject(long executionId) {
        return "job:" + executionId;
    }

    /** Spring Batch keeps its times as local date-times of the JVM's zone. */
    private static Instant instant(LocalDateTime t) {
        return t == null ? null : t.atZone(ZoneId.systemDefault()).toInstant();
    }
}
