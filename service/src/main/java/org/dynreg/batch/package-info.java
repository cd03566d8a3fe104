/**
 * Registry-wide jobs on Spring Batch, with the job repository in MariaDB: rescoring the registry (or a province,
 * district or program) under one pinned policy version, and the daily due-date sweep for recertification and
 * cyclic updates. Each job is partitioned by district; each partition reads its households in id order by
 * keyset, in chunks whose work and progress commit together, so a restart resumes after the last committed
 * chunk. {@link org.dynreg.batch.Jobs} starts, restarts, stops and reports them; a process that ended in the
 * middle of a job leaves it STARTED, and the next start of the same instance marks it FAILED so that it can be
 * restarted (docs/decisions/0015 and 0016).
 */
package org.dynreg.batch;
