package org.dynreg.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dynreg.batch} (application.properties explains each).
 *
 * @param threads   partitions (districts) worked on at once, over all jobs of this instance
 * @param chunkSize households per chunk: one transaction, one batch insert, one progress record
 * @param maxRate   households per second per job, 0 for no limit
 * @param instance  this instance's name in the job repository; blank for the host name
 */
@ConfigurationProperties("dynreg.batch")
record BatchSettings(@DefaultValue("2") int threads, @DefaultValue("500") int chunkSize, @DefaultValue("0") double maxRate,
                     @DefaultValue("") String instance) {

    BatchSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("dynreg.batch.threads must be at least 1, got " + threads);
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("dynreg.batch.chunk-size must be at least 1, got " + chunkSize);
        }
        if (maxRate < 0) {
            throw new IllegalArgumentException("dynreg.batch.max-rate must be 0 (no limit) or more, got " + maxRate);
        }
    }
}
