package org.dynreg.recertification;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily recertification sweep. {@code dynreg.recertification.sweep-cron} sets when it runs
 * (default 02:00, outside registration-centre hours) in the registry's zone; "-" turns it off, e.g. on an
 * installation where another instance sweeps. A missed day is caught up by the next run, which selects
 * every household due by then.
 */
@Component
class RecertificationSweep {
    private final Recertifications recertifications;

    RecertificationSweep(Recertifications recertifications) {
        this.recertifications = recertifications;
    }

    @Scheduled(cron = "${dynreg.recertification.sweep-cron:0 0 2 * * *}", zone = "${dynreg.recertification.zone:Asia/Karachi}")
    void daily() {
        recertifications.sweep(recertifications.today(), Recertifications.SYSTEM);
    }
}
