package org.dynreg.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A table for people: columns as wide as their widest cell up to a limit, longer text cut with an
 * ellipsis, a line under the headings and a total line. Cells a column must show whole (an id to copy)
 * are never cut.
 */
final class Table {
    /** The widest a text column is drawn before its cells are cut. */
    static final int TEXT = 32;

    private final List<String> headings = new ArrayList<>();
    private final List<Integer> limits = new ArrayList<>();
    private final List<Boolean> right = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** A column of text cut at {@link #TEXT} characters. */
    Table column(String heading) {
        return column(heading, TEXT, false);
    }

    /** A column never cut (ids). */
    Table whole(String heading) {
        return column(heading, Integer.MAX_VALUE, false);
    }

    /** A column of numbers, aligned to the right. */
    Table number(String heading) {
        return column(heading, Integer.MAX_VALUE, true);
    }

    Table column(String heading, int limit, boolean alignRight) {
        headings.add(heading);
        limits.add(limit);
        right.add(alignRight);
        return this;
    }

    /** One row, a cell per column; null shows as "-". */
    Table row(Object... cells) {
        if (cells.length != headings.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headings.size() + " columns");
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            String text = cells[i] == null || cells[i].toString().isBlank() ? "-" : cells[i].toString().replaceAll("\\s+", " ").strip();
            row.add(cut(text, limits.get(i)));
        }
        rows.add(row);
        return this;
    }

    int size() {
        return rows.size();
    }

    /**
     * The table with its total line, e.g. "3 tasks"; {@code none} alone when there are no rows.
     *
     * @param one the noun for one row ("task"), {@code many} for more ("tasks")
     */
    String render(String one, String many, String none) {
        if (rows.isEmpty()) {
            return none + "\n";
        }
        int[] width = new int[headings.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headings.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder s = new StringBuilder();
        line(s, headings, width);
        List<String> rule = new ArrayList<>();
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        line(s, rule, width);
        rows.forEach(r -> line(s, r, width));
        s.append(rows.size()).append(' ').append(rows.size() == 1 ? one : many).append('\n');
        return s.toString();
    }

    private void line(StringBuilder s, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - c.length());
            l.append(right.get(i) ? pad + c : c + pad).append(i < cells.size() - 1 ? "  " : "");
        }
        s.append(l.toString().stripTrailing()).append('\n');
    }

    /** The text cut to {@code limit} characters, its last one an ellipsis when anything was left out. */
    static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, Math.max(0, limit - 1)) + "…";
    }
}
