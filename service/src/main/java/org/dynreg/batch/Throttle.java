package org.dynreg.batch;

/**
 * Holds a job to at most a number of households a second, over all its partitions, so that a run in office
 * hours leaves the database to the registration centres. Each caller reserves its time slot and then waits for
 * it outside the lock; a rate of 0 never waits.
 */
final class Throttle {
    private final double perSecond;
    private long nextFree = System.nanoTime();

    Throttle(double perSecond) {
        this.perSecond = perSecond;
    }

    void acquire(int households) {
        if (perSecond <= 0 || households <= 0) {
            return;
        }
        long start;
        synchronized (this) {
            long now = System.nanoTime();
            start = Math.max(now, nextFree);
            nextFree = start + (long) (households * 1e9 / perSecond);
        }
        long wait = start - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held back by dynreg.batch.max-rate", e);
            }
        }
    }
}
