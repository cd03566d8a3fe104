package org.dynreg.workflow.engine;

import org.kie.kogito.jobs.JobsService;
import org.kie.kogito.persistence.springboot.JDBCProcessInstancesFactory;
import org.kie.kogito.process.ProcessInstancesFactory;
import org.kie.kogito.process.Processes;
import org.kie.kogito.services.jobs.impl.InMemoryJobContext;
import org.kie.kogito.services.jobs.impl.InMemoryProcessJobExecutorFactory;
import org.kie.kogito.uow.UnitOfWorkManager;
import org.kie.kogito.usertask.UserTasks;
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

/**
 * How the process engine stores its state in MariaDB. Process instances (JDBC add-on) and user tasks
 * (JPA add-on) join the same Spring transaction, so a step of a case is stored whole or not at all;
 * and timers are stored too, so an escalation due while the service was down fires after it starts.
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

    /** Replaces the starter's in-memory job service, which loses timers on restart. */
    @Bean
    JobsService jobsService(List<Processes> processes, List<UserTasks> userTasks, UnitOfWorkManager units, JdbcTemplate jdbc,
                            PlatformTransactionManager transactions) {
        PersistentJobsService service = new PersistentJobsService(jdbc, new TransactionTemplate(transactions));
        InMemoryJobContext context = new InMemoryJobContext(null, units,
                processes.isEmpty() ? null : processes.get(0), userTasks.isEmpty() ? null : userTasks.get(0));
        service.registerJobExecutorFactory(new InMemoryProcessJobExecutorFactory(context));
        return service;
    }
}
