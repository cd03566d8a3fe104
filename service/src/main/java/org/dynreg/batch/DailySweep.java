package org.dynreg.batch;

import org.dynreg.recertification.Recertifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily due-date sweep, as a job: recertification cases for beneficiaries and cyclic-update notices for the
 * others, due by today. {@code dynreg.recertification.sweep-cron} sets when it runs (default 02:00, outside
 * registration-centre hours) in the registry's zone; "-" turns it off, e.g. on an installation where another
 * instance sweeps. A missed day is caught up by the next run, which selects every household due by then.
 */
@Component
class DailySweep {
    private static final Logger log = LoggerFactory.getLogger(DailySweep.class);

    private final Jobs jobs;
    private final Recertifications recertifications;

    DailySweep(Jobs jobs, Recertifications recertifications) {
        this.jobs = jobs;
        this.recertifications = recertifications;
    }

    @Scheduled(cron = "${dynreg.recertification.sweep-cron:0 0 2 * * *}", zone = "${dynreg.recertification.zone:Asia/Karachi}")
    void daily() {
        try {
            jobs.startSweep(recertifications.today(), Jobs.SYSTEM);
        } catch (JobConflictException e) {
            log.warn("daily due-date sweep not started: {}", e.getMessage());
        }
    }
}
