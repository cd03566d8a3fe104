package org.dynreg.workflow.engine;

import org.kie.api.event.process.ProcessEventListener;
import org.kie.kogito.Addons;
import org.kie.kogito.Application;
import org.kie.kogito.Config;
import org.kie.kogito.KogitoGAV;
import org.kie.kogito.StaticApplication;
import org.kie.kogito.StaticConfig;
import org.kie.kogito.auth.IdentityProvider;
import org.kie.kogito.calendar.BusinessCalendar;
import org.kie.kogito.config.ConfigBean;
import org.kie.kogito.config.StaticConfigBean;
import org.kie.kogito.event.EventPublisher;
import org.kie.kogito.jobs.JobsService;
import org.kie.kogito.persistence.springboot.JDBCProcessInstancesFactory;
import org.kie.kogito.process.ProcessConfig;
import org.kie.kogito.process.ProcessEventListenerConfig;
import org.kie.kogito.process.ProcessInstancesFactory;
import org.kie.kogito.process.ProcessService;
import org.kie.kogito.process.ProcessVersionResolver;
import org.kie.kogito.process.WorkItemHandlerConfig;
import org.kie.kogito.process.impl.AbstractProcessConfig;
import org.kie.kogito.process.impl.ProcessServiceImpl;
import org.kie.kogito.services.jobs.impl.InMemoryJobContext;
import org.kie.kogito.services.jobs.impl.InMemoryProcessJobExecutorFactory;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.kie.kogito.uow.events.UnitOfWorkEventListener;
import org.kie.kogito.usertask.UserTaskAssignmentStrategy;
import org.kie.kogito.usertask.UserTaskAssignmentStrategyConfig;
import org.kie.kogito.usertask.UserTaskConfig;
import org.kie.kogito.usertask.UserTaskEventListener;
import org.kie.kogito.usertask.UserTaskEventListenerConfig;
import org.kie.kogito.usertask.UserTaskInstances;
import org.kie.kogito.usertask.UserTaskService;
import org.kie.kogito.usertask.impl.DefaultUserTaskAssignmentStrategyConfig;
import org.kie.kogito.usertask.impl.DefaultUserTaskConfig;
import org.kie.kogito.usertask.impl.DefaultUserTaskEventListenerConfig;
import org.kie.kogito.usertask.impl.UserTaskServiceImpl;
import org.kie.kogito.usertask.lifecycle.UserTaskLifeCycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Set;

/**
 * The process engine, put together by hand since processes are compiled at run time (what the build-time code
 * generator used to produce: the application, its process and user-task configuration, the processes and user
 * tasks). Process instances (JDBC add-on) and user tasks (JPA add-on) join the same Spring transaction, so a step of
 * a case is stored whole or not at all; and timers are stored too, so an escalation due while the service was down
 * fires after it starts.
 */
@Configuration
class ProcessEngineConfiguration {

    /** The JDBC add-on takes its own connections; through the proxy they are the transaction's. */
    @Bean
    @Primary
    ProcessInstancesFactory processInstancesFactory(DataSource dataSource,
                                                    @Value("${kogito.persistence.optimistic.lock:true}") boolean lock) {
        return new JDBCProcessInstancesFactory(new TransactionAwareDataSourceProxy(dataSource), lock, false, List.of());
    }

    @Bean
    VersionedProcesses processes(JdbcTemplate jdbc) {
        return new VersionedProcesses(jdbc);
    }

    @Bean
    RunTimeUserTasks userTasks() {
        return new RunTimeUserTasks();
    }

    /** Replaces the starter's in-memory job service, which loses timers on restart. */
    @Bean
    JobsService jobsService(VersionedProcesses processes, RunTimeUserTasks userTasks, UnitOfWorkManager units, JdbcTemplate jdbc,
                            PlatformTransactionManager transactions) {
        PersistentJobsService service = new PersistentJobsService(jdbc, new TransactionTemplate(transactions));
        service.registerJobExecutorFactory(new InMemoryProcessJobExecutorFactory(new InMemoryJobContext(null, units, processes, userTasks)));
        return service;
    }

    @Bean
    ConfigBean kogitoConfigBean() {
        return new StaticConfigBean("", true, new KogitoGAV("org.dynreg", "dynreg-service", "0.1.0-SNAPSHOT"));
    }

    @Bean
    ProcessConfig processConfig(List<WorkItemHandlerConfig> handlers, ObjectProvider<ProcessEventListenerConfig> listenerConfigs,
                                ObjectProvider<ProcessEventListener> listeners, UnitOfWorkManager units, JobsService jobs,
                                ObjectProvider<EventPublisher> publishers, ObjectProvider<UnitOfWorkEventListener> unitListeners,
                                ObjectProvider<ProcessVersionResolver> versionResolvers, ObjectProvider<IdentityProvider> identities,
                                ObjectProvider<BusinessCalendar> calendars, ConfigBean configBean) {
        return new AbstractProcessConfig(handlers, listenerConfigs.orderedStream().toList(), listeners.orderedStream().toList(),
                List.of(units), List.of(jobs), publishers.orderedStream().toList(), configBean.getServiceUrl(),
                unitListeners.orderedStream().toList(), versionResolvers.orderedStream().toList(), identities.orderedStream().toList(),
                calendars.orderedStream().toList()) {
        };
    }

    @Bean
    UserTaskEventListener userTaskCompletion(VersionedProcesses processes) {
        return new VersionedTaskCompletion(processes);
    }

    @Bean
    UserTaskEventListenerConfig userTaskEventListenerConfig(List<UserTaskEventListener> listeners) {
        return new DefaultUserTaskEventListenerConfig(listeners);
    }

    @Bean
    UserTaskAssignmentStrategyConfig userTaskAssignmentStrategyConfig(ObjectProvider<UserTaskAssignmentStrategy> strategies) {
        return new DefaultUserTaskAssignmentStrategyConfig(strategies.orderedStream().toList());
    }

    @Bean
    UserTaskConfig userTaskConfig(UserTaskEventListenerConfig listeners, UnitOfWorkManager units, JobsService jobs,
                                  ObjectProvider<IdentityProvider> identities, ObjectProvider<UserTaskLifeCycle> lifeCycles,
                                  UserTaskAssignmentStrategyConfig strategies, UserTaskInstances store) {
        return new DefaultUserTaskConfig(List.of(listeners), List.of(units), List.of(jobs), identities.orderedStream().toList(),
                lifeCycles.orderedStream().toList(), List.of(strategies), List.of(store));
    }

    @Bean
    Config kogitoConfig(ProcessConfig processConfig, UserTaskConfig userTaskConfig, ConfigBean configBean) {
        return new StaticConfig(new Addons(Set.of("jdbc-persistence")), processConfig, userTaskConfig, configBean);
    }

    @Bean
    Application application(Config config, VersionedProcesses processes, RunTimeUserTasks userTasks, WorkItemHandlers handlers) {
        Application application = new StaticApplication(config, processes, userTasks);
        userTasks.connectTo(application);
        handlers.humanTasks().setApplication(application);
        return application;
    }

    @Bean
    ProcessService processService(Application application) {
        return new ProcessServiceImpl(application);
    }

    @Bean
    UserTaskService userTaskService(Application application) {
        return new UserTaskServiceImpl(application);
    }

    /** The policy bundle's processes (version 1.0: the repository's); a {@code @Primary} {@link ProcessSources} bean replaces them. */
    @Bean
    ProcessSources bundleProcesses(org.dynreg.policy.Policies policies, java.time.Clock clock) {
        return new BundleProcesses(policies, clock, new RepositoryProcessSources());
    }

    @Bean
    ProcessVersions processVersions(Application application, ProcessConfig config, ProcessInstancesFactory store,
                                    VersionedProcesses processes, RunTimeUserTasks userTasks, ProcessSources sources) {
        return new ProcessVersions(application, config, store, processes, userTasks, sources);
    }
}
