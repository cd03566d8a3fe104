package org.dynreg.console.policy;

import org.dynreg.audit.WhatIfReport;

import java.util.List;

/**
 * The what-if's eligible households by province as horizontal bars (before and after) for an inline SVG: the
 * geometry only, in the SVG's own units, made from the report's numbers. The page shows the same numbers as a table.
 */
record ProvinceChart(int width, int height, int labelWidth, int barHeight, List<Bar> bars) {
    static final int WIDTH = 720;
    static final int LABEL = 170;
    static final int BAR = 14;
    static final int GROUP = 44;
    static final int TOP = 34;
    static final int ROOM_FOR_VALUE = 80;

    /** One province: its two bars' lengths and the y of the upper one. */
    record Bar(String province, long before, long after, int y, int beforeLength, int afterLength) {}

    static ProvinceChart of(WhatIfReport report) {
        long max = report.provinces().stream().mapToLong(a -> Math.max(a.eligibleBefore(), a.eligibleAfter())).max().orElse(0);
        int room = WIDTH - LABEL - ROOM_FOR_VALUE;
        List<Bar> bars = new java.util.ArrayList<>();
        int y = TOP;
        for (WhatIfReport.Area a : report.provinces()) {
            bars.add(new Bar(a.province(), a.eligibleBefore(), a.eligibleAfter(), y, length(a.eligibleBefore(), max, room),
                    length(a.eligibleAfter(), max, room)));
            y += GROUP;
        }
        return new ProvinceChart(WIDTH, y + 6, LABEL, BAR, bars);
    }

    private static int length(long value, long max, int room) {
        if (max == 0 || value == 0) {
            return 0;
        }
        return (int) Math.max(2, Math.round((double) value * room / max));
    }
}
