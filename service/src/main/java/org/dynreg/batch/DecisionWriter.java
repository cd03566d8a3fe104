package org.dynreg.batch;

import org.dynreg.eligibility.Eligibility;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

import java.time.Clock;

/**
 * Stores a chunk's decisions with one JDBC batch in the chunk's transaction, which also stores the partition's
 * progress: the decisions and the progress commit together or not at all. All decisions of a chunk carry the
 * time of the chunk and name the run.
 */
class DecisionWriter implements ItemWriter<Eligibility.Decided> {
    private final Eligibility eligibility;
    private final Clock clock;
    private final long jobInstance;
    private final String decidedBy;

    DecisionWriter(Eligibility eligibility, Clock clock, long jobInstance) {
        this.eligibility = eligibility;
        this.clock = clock;
        this.jobInstance = jobInstance;
        this.decidedBy = decidedBy(jobInstance);
    }

    /** How a decision names the rescoring run that made it. */
    static String decidedBy(long jobInstance) {
        return "job:" + Jobs.RESCORING + "/" + jobInstance;
    }

    @Override
    public void write(Chunk<? extends Eligibility.Decided> chunk) {
        eligibility.storeRun(chunk.getItems().stream().map(d -> (Eligibility.Decided) d).toList(), clock.instant(), decidedBy, jobInstance);
    }
}
