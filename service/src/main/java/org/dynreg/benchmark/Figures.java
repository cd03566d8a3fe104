package org.dynreg.benchmark;

import java.util.Arrays;

/** Small arithmetic the benchmark reports with. */
final class Figures {
    private Figures() {
    }

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    /** The value at quantile q (0-1) of the sorted copy of the samples, by the nearest-rank method. */
    static double quantile(long[] samples, int size, double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    static String grouped(double value) {
        return String.format("%,.0f", value);
    }
}
