package org.dynreg.cli;

import java.io.PrintStream;
import java.time.Duration;

/** One line, redrawn in place: done of total, percent, rate and time left. Replay runs and jobs show the same bar. */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String unit;

    /** @param unit what the rate counts, e.g. {@code decisions/s} */
    ProgressBar(PrintStream out, String unit) {
        this.out = out;
        this.unit = unit;
    }

    /** @param left null when it cannot be told yet */
    void show(long done, long total, double rate, Duration left) {
        int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * done / total);
        out.print(String.format("\r[%s%s] %d/%d %3d%%  %.0f %s  %s left   ", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
                total <= 0 ? 100 : Math.min(100, 100 * done / total), rate, unit, left == null ? "?" : format(left)));
        out.flush();
    }

    /** Ends the line, so that what follows starts on its own. */
    void finish() {
        out.println();
    }

    static String format(Duration d) {
        return d.toHours() > 0 ? d.toHours() + "h" + d.toMinutesPart() + "m" : d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s"
                : d.toSeconds() + "s";
    }
}
