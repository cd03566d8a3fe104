package org.dynreg.batch;

import org.dynreg.workflow.DueUpdates;
import org.dynreg.workflow.UpdateDue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemWriter;

/**
 * Does what falling due means for each household of a chunk (a recertification case, a cyclic-update notice), each
 * in its own transaction: one household that fails is logged and counted and the others go on, as the next
 * day's sweep tries it again. Since each household is asked again under its lock, a chunk done again after a
 * restart does nothing twice; it only counts those households as done meanwhile. The counts go into the
 * partition's progress.
 */
class DueHouseholdWriter implements ItemWriter<Long> {
    static final String ACTED = "acted";
    static final String MEANWHILE = "meanwhile";
    static final String FAILED = "failed";
    private static final Logger log = LoggerFactory.getLogger(DueHouseholdWriter.class);

    private final DueUpdates updates;
    private final UpdateDue due;
    private final String actor;
    private final StepExecution step;

    DueHouseholdWriter(DueUpdates updates, UpdateDue due, String actor, StepExecution step) {
        this.updates = updates;
        this.due = due;
        this.actor = actor;
        this.step = step;
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        ExecutionContext counts = step.getExecutionContext();
        for (long householdId : chunk) {
            String outcome;
            try {
                outcome = updates.act(householdId, due, actor) ? ACTED : MEANWHILE;
            } catch (RuntimeException e) {
                outcome = FAILED;
                log.warn("{} due on {} for household {} not done: {}", due.updateType(), due.asOf(), householdId, e.toString());
            }
            counts.putLong(outcome, counts.getLong(outcome, 0L) + 1);
        }
    }
}
