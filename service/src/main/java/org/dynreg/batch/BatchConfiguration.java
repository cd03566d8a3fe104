package org.dynreg.batch;

import org.dynreg.eligibility.Eligibility;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.dynreg.workflow.DueUpdates;
import org.dynreg.workflow.UpdateDue;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two jobs, each a manager step that hands one partition per district to {@link BatchThreads}, and worker
 * steps whose reader, processor and writer are built per partition (step scope) from what the run pinned at its
 * first start: the scope and policy version (rescoring), the due day and window (sweep). Step-scoped beans are
 * declared as their classes, not as reader or writer interfaces, so that Spring Batch can look at them for listener
 * annotations; they are proxied by subclassing, so those classes are not final.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BatchSettings.class)
class BatchConfiguration {
    static final String DISTRICT = "District";
    static final String RESCORE = "rescore";
    static final String RECERTIFICATION_DUE = "recertificationDue";
    static final String CYCLIC_UPDATE_DUE = "cyclicUpdateDue";
    /** The sweep's steps, by the update type each acts on. */
    static final String RECERTIFICATION_WARNING = "recertificationWarning";
    static final Map<String, String> DUE_STEPS = Map.of(RECERTIFICATION_DUE, "RECERTIFICATION", CYCLIC_UPDATE_DUE, "CYCLIC_UPDATE",
            RECERTIFICATION_WARNING, "RECERTIFICATION_WARNING");

    // ---- rescoring

    @Bean
    Job rescoringJob(JobRepository repository, Step rescore, JobEnd end) {
        return new JobBuilder(Jobs.RESCORING, repository).start(rescore).listener(end).build();
    }

    @Bean
    Step rescore(JobRepository repository, Partitioner rescoringDistricts, Step rescoreDistrict, BatchThreads threads) {
        return new StepBuilder(RESCORE, repository).partitioner(RESCORE + DISTRICT, rescoringDistricts).step(rescoreDistrict)
                .taskExecutor(threads.partitions()).gridSize(threads.count()).build();
    }

    @Bean
    Step rescoreDistrict(JobRepository repository, PlatformTransactionManager transactions, BatchSettings settings,
                         ItemStreamReader<RegistryHousehold> registryReader, ItemProcessor<RegistryHousehold, Eligibility.Decided> rescoring,
                         ItemWriter<Eligibility.Decided> decisionWriter) {
        return new StepBuilder(RESCORE + DISTRICT, repository).<RegistryHousehold, Eligibility.Decided>chunk(settings.chunkSize(), transactions)
                .reader(registryReader).processor(rescoring).writer(decisionWriter).build();
    }

    @Bean
    @StepScope
    Partitioner rescoringDistricts(JdbcTemplate jdbc, @Value("#{stepExecution}") StepExecution step) {
        RescoringScope scope = RescoringScope.of(step.getJobParameters());
        long jobInstance = step.getJobExecution().getJobInstance().getInstanceId();
        return new DistrictPartitioner(() -> scope.districts(jdbc, jobInstance), c -> { });
    }

    @Bean
    @StepScope
    KeysetReader<RegistryHousehold> registryReader(RegistryRows rows, BatchSettings settings, Throttles throttles,
                                                       @Value("#{stepExecution}") StepExecution step) {
        RescoringScope scope = RescoringScope.of(step.getJobParameters());
        District district = District.of(step.getExecutionContext());
        long jobInstance = step.getJobExecution().getJobInstance().getInstanceId();
        return new KeysetReader<>((after, limit) -> rows.page(scope, jobInstance, district, after, limit), RegistryHousehold::householdId,
                settings.chunkSize(), throttles.of(step.getJobExecutionId()));
    }

    @Bean
    @StepScope
    RescoringProcessor rescoring(Eligibility eligibility, Policies policies,
                                                                    @Value("#{jobParameters['" + Jobs.POLICY_VERSION + "']}") Long version,
                                                                    @Value("#{jobParameters['" + Jobs.POLICY_SHA256 + "']}") String sha256) {
        CompiledPolicy policy = policies.version(version.intValue());
        if (!policy.sha256().equals(sha256)) {
            throw new IllegalStateException("policy version " + version + " now has the hash " + policy.sha256()
                    + ", not the " + sha256 + " this run pinned; a stored version never changes, so the database was altered");
        }
        return new RescoringProcessor(eligibility, policy);
    }

    @Bean
    @StepScope
    DecisionWriter decisionWriter(Eligibility eligibility, Clock clock,
                                                   @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long jobInstance) {
        return new DecisionWriter(eligibility, clock, jobInstance);
    }

    // ---- due-date sweep

    @Bean
    Job dueDateSweepJob(JobRepository repository, Step recertificationDue, Step cyclicUpdateDue, Step recertificationWarning, JobEnd end) {
        return new JobBuilder(Jobs.SWEEP, repository).start(recertificationDue).next(cyclicUpdateDue).next(recertificationWarning)
                .listener(end).build();
    }

    /** The warning before a recertification's grace period ends in a suspension (org.dynreg.recertification). */
    @Bean
    Step recertificationWarning(JobRepository repository, PlatformTransactionManager transactions, BatchSettings settings,
                                BatchThreads threads, Partitioner dueDistricts, ItemStreamReader<Long> dueReader, ItemWriter<Long> dueWriter) {
        return dueStep(RECERTIFICATION_WARNING, repository, transactions, settings, threads, dueDistricts, dueReader, dueWriter);
    }

    @Bean
    Step recertificationDue(JobRepository repository, PlatformTransactionManager transactions, BatchSettings settings, BatchThreads threads,
                            Partitioner dueDistricts, ItemStreamReader<Long> dueReader, ItemWriter<Long> dueWriter) {
        return dueStep(RECERTIFICATION_DUE, repository, transactions, settings, threads, dueDistricts, dueReader, dueWriter);
    }

    @Bean
    Step cyclicUpdateDue(JobRepository repository, PlatformTransactionManager transactions, BatchSettings settings, BatchThreads threads,
                         Partitioner dueDistricts, ItemStreamReader<Long> dueReader, ItemWriter<Long> dueWriter) {
        return dueStep(CYCLIC_UPDATE_DUE, repository, transactions, settings, threads, dueDistricts, dueReader, dueWriter);
    }

    /**
     * The districts with households last surveyed on or before the type's due date, each partition carrying what
     * falls due; none when the run was not asked for this type or the Update windows table sets no window for it.
     */
    @Bean
    @StepScope
    Partitioner dueDistricts(List<DueUpdates> updates, JdbcTemplate jdbc, @Value("#{stepExecution.stepName}") String step,
                             @Value("#{jobParameters['" + Jobs.AS_OF + "']}") LocalDate asOf,
                             @Value("#{jobParameters['" + Jobs.UPDATE_TYPES + "']}") String requested) {
        String type = DUE_STEPS.get(step);
        if (!Arrays.asList(requested.split(",")).contains(type)) {
            return grid -> Map.of();
        }
        return byType(updates).get(type).dueOn(asOf).<Partitioner>map(due -> new DistrictPartitioner(
                () -> jdbc.query("select distinct province, district from household where last_surveyed_on <= ? order by province, district",
                        (rs, i) -> new District(rs.getString(1), rs.getString(2)), due.lastSurveyedOnOrBefore()),
                c -> PinnedDue.put(c, due))).orElse(grid -> Map.of());
    }

    @Bean
    @StepScope
    KeysetReader<Long> dueReader(List<DueUpdates> updates, BatchSettings settings, Throttles throttles,
                                     @Value("#{stepExecution}") StepExecution step) {
        UpdateDue due = PinnedDue.of(step.getExecutionContext());
        DueUpdates type = byType(updates).get(due.updateType());
        District district = District.of(step.getExecutionContext());
        return new KeysetReader<>((after, limit) -> type.dueIn(due, district.province(), district.district(), after, limit), id -> id,
                settings.chunkSize(), throttles.of(step.getJobExecutionId()));
    }

    @Bean
    @StepScope
    DueHouseholdWriter dueWriter(List<DueUpdates> updates, @Value("#{stepExecution}") StepExecution step,
                               @Value("#{jobParameters['" + Jobs.REQUESTED_BY + "']}") String actor) {
        UpdateDue due = PinnedDue.of(step.getExecutionContext());
        return new DueHouseholdWriter(byType(updates).get(due.updateType()), due, actor, step);
    }

    private static Step dueStep(String name, JobRepository repository, PlatformTransactionManager transactions, BatchSettings settings,
                                BatchThreads threads, Partitioner districts, ItemStreamReader<Long> reader, ItemWriter<Long> writer) {
        Step worker = new StepBuilder(name + DISTRICT, repository).<Long, Long>chunk(settings.chunkSize(), transactions)
                .reader(reader).writer(writer).build();
        return new StepBuilder(name, repository).partitioner(name + DISTRICT, districts).step(worker)
                .taskExecutor(threads.partitions()).gridSize(threads.count()).build();
    }

    private static Map<String, DueUpdates> byType(List<DueUpdates> updates) {
        return updates.stream().collect(Collectors.toMap(DueUpdates::updateType, Function.identity()));
    }
}
