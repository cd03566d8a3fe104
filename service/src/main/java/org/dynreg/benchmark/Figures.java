package org.dynreg.benchmark;

/** Small arithmetic the benchmark reports with. */
final class Figures {
    private Figures() {
    }

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    /** The value at quantile q (0-1) of samples sorted in ascending order, by the nearest-rank method. */
    static double quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String grouped(double value) {
        return String.format("%,.0f", value);
    }
}
