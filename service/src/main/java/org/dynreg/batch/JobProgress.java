package org.dynreg.batch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Households done, read from the job repository: the committed write counts of the partitions (worker steps,
 * named {@code <step>:<district>}), which Spring Batch stores in each chunk's transaction, so they count exactly
 * the committed work.
 */
@Component
class JobProgress {
    private static final String WORKERS = "select coalesce(sum(s.WRITE_COUNT), 0) from BATCH_STEP_EXECUTION s"
            + " join BATCH_JOB_EXECUTION e on e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID where s.STEP_NAME like '%:%'";

    private final JdbcTemplate jdbc;

    JobProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Over every execution of the run (the job instance). */
    long doneInRun(long jobInstance) {
        return jdbc.queryForObject(WORKERS + " and e.JOB_INSTANCE_ID = ?", Long.class, jobInstance);
    }

    long doneInExecution(long jobExecution) {
        return jdbc.queryForObject(WORKERS + " and e.JOB_EXECUTION_ID = ?", Long.class, jobExecution);
    }
}
