package org.dynreg.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What differs between two versions of a policy bundle, file by file, down to the cell of a decision table
 * or the line of a DRL file (made by {@link PolicyDiff}). Files whose content is the same byte for byte are
 * left out, so an empty list means the two versions hold the same policy.
 *
 * <p>Row numbers are spreadsheet rows as a spreadsheet program shows them (1-based) and column letters are
 * the spreadsheet's; {@code old...} fields describe the "from" version and {@code new...} the "to" version.
 * A field is null on the side where the thing does not exist (an added row has no old row). A blank cell is
 * an empty string.
 */
public record BundleDiff(int fromVersion, int toVersion, List<FileChange> files) {

    public enum Change {
        ADDED, REMOVED, CHANGED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One file that differs. {@code unreadable} says why one of its versions could not be read (then there
     * is no detail); a decision table's detail is in {@code sheets}, a DRL file's in {@code lines}, a process's in
     * {@code elements}. A changed file with no detail differs only in what a reader cannot see (formatting, styles,
     * line endings, or for a process its diagram's layout, which its pictures show).
     */
    public record FileChange(String path, PolicyFile.Kind kind, Change change, String oldSha256, String newSha256,
                             String unreadable, List<SheetChange> sheets, List<LineChange> lines,
                             List<ElementChange> elements) {

        public FileChange(String path, PolicyFile.Kind kind, Change change, String oldSha256, String newSha256,
                          String unreadable, List<SheetChange> sheets, List<LineChange> lines) {
            this(path, kind, change, oldSha256, newSha256, unreadable, sheets, lines, List.of());
        }
    }

    /**
     * An element of a process added, removed or changed, by its id: a step, user task, gateway, timer, start or end,
     * sequence flow or process variable ({@code kind}), with its name in each version and what changed in it (its
     * name, a task's step and inputs, a flow's ends and condition, a timer's duration, a variable's type). An added
     * or removed element lists what it holds (one side null).
     */
    public record ElementChange(String element, String kind, Change change, String oldName, String newName,
                                List<PropertyChange> changes) {}

    /** One property of a process element in the two versions (null where it does not exist). */
    public record PropertyChange(String property, String oldValue, String newValue) {}

    /** A worksheet added, removed or changed in its settings rows or rule tables. */
    public record SheetChange(String sheet, Change change, List<SettingChange> settings, List<TableChange> tables) {}

    /**
     * A row outside the rule tables, such as RuleSet, Import, Variables or Notes, matched by the word in its
     * first column; the value is the text of the row's other cells.
     */
    public record SettingChange(String keyword, Change change, Integer oldRow, Integer newRow, String oldValue,
                                String newValue) {}

    /** A rule table (matched by the title after "RuleTable") and its changed columns and rule rows. */
    public record TableChange(String table, Change change, Integer oldRow, Integer newRow, List<ColumnChange> columns,
                              List<RowChange> rows) {}

    /** A column whose header rows differ: its keyword, object type, code template or plain-language heading. */
    public record ColumnChange(Change change, String oldColumn, String newColumn, ColumnHeader before,
                               ColumnHeader after) {}

    /** The four header rows of one column of a rule table. */
    public record ColumnHeader(String keyword, String objectType, String code, String heading) {}

    /** A rule row, named by its NAME cell (null for a row without one). */
    public record RowChange(String rule, Change change, Integer oldRow, Integer newRow, List<CellChange> cells) {}

    /** One cell of a rule row, with the heading, keyword and code template of its column. */
    public record CellChange(String oldColumn, String newColumn, String heading, String keyword, String code,
                             String oldValue, String newValue) {}

    /** A line of a DRL file: a removed line carries its number in the old file, an added one in the new. */
    public record LineChange(Change change, Integer oldLine, Integer newLine, String text) {}

    /** The "to" version of a diff against files that are checked, not stored (a dry run): they have no number yet. */
    public static final int CHECKED = 0;

    /** Between a value before and after, as the shell and the regression gate print it. */
    static final String ARROW = " \u2192 ";

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+-]+");

    /**
     * A plain-text report for the shell, one line per change, each starting with where it is, then what: a rule row
     * by its plain label and each changed cell by its column's heading, e.g.
     * {@code decision-tables/program-eligibility.drl.xlsx, sheet Cut-offs, table "Cash transfer UCT cut-offs", row 10:
     * the standard cut-off: "Eligible when the score is at or below" 32 → 34}. Row numbers
     * are the new version's, a removed row's the old version's. For a removed sheet or table the report lists
     * the rules that go, not its settings rows and column headers (the records hold those too).
     */
    public String toText() {
        List<String> out = new ArrayList<>();
        String to = toVersion == CHECKED ? "the checked files" : "version " + toVersion;
        out.add(files.isEmpty()
                ? "Policy version " + fromVersion + " and " + to + " hold the same files: no differences."
                : "Changes from policy version " + fromVersion + " to " + to + " (" + files.size()
                        + (files.size() == 1 ? " file):" : " files):"));
        for (FileChange f : files) {
            file(f, out);
        }
        return String.join("\n", out) + "\n";
    }

    private void file(FileChange f, List<String> out) {
        String at = f.path();
        out.add(at + ": " + switch (f.change()) {
            case ADDED -> "added (sha256 " + shortHash(f.newSha256()) + ")";
            case REMOVED -> "removed (was sha256 " + shortHash(f.oldSha256()) + ")";
            case CHANGED -> "changed (sha256 " + shortHash(f.oldSha256()) + ARROW + shortHash(f.newSha256()) + ")";
        });
        if (f.unreadable() != null) {
            out.add(at + ": cannot be read: " + f.unreadable());
            return;
        }
        if (f.change() == Change.CHANGED && f.sheets().isEmpty() && f.lines().isEmpty() && f.elements().isEmpty()) {
            out.add(at + ": no visible difference (only formatting, styles, line endings, file metadata or a "
                    + "diagram's layout changed)");
        }
        for (ElementChange e : f.elements()) {
            out.add(at + ": " + element(e));
        }
        for (LineChange l : f.lines()) {
            out.add(l.change() == Change.ADDED
                    ? at + ": line " + l.newLine() + " added: " + quote(l.text())
                    : at + ": line " + l.oldLine() + " removed: " + quote(l.text()));
        }
        for (SheetChange s : f.sheets()) {
            sheet(at + ", sheet " + s.sheet(), s, out);
        }
    }

    private void sheet(String at, SheetChange s, List<String> out) {
        if (s.change() != Change.CHANGED) {
            out.add(at + ": sheet " + s.change().word());
        }
        // of a removed sheet or table the text names the rules that go; its settings and headers stay in the records
        for (SettingChange c : s.change() == Change.REMOVED ? List.<SettingChange>of() : s.settings()) {
            String what = (c.keyword().isEmpty() ? "text" : c.keyword()) + " (" + rows(c.change(), c.oldRow(), c.newRow()) + ")";
            out.add(at + ": " + what + " " + switch (c.change()) {
                case ADDED -> "added: " + quote(c.newValue());
                case REMOVED -> "removed: " + quote(c.oldValue());
                case CHANGED -> "changed: " + quote(c.oldValue()) + ARROW + quote(c.newValue());
            });
        }
        for (TableChange t : s.tables()) {
            table(at + ", table \"" + t.table() + "\"", t, out);
        }
    }

    private void table(String at, TableChange t, List<String> out) {
        if (t.change() != Change.CHANGED) {
            out.add(at + ": table " + t.change().word() + " (" + rows(t.change(), t.oldRow(), t.newRow()) + ")");
        }
        for (ColumnChange c : t.change() == Change.REMOVED ? List.<ColumnChange>of() : t.columns()) {
            out.add(at + ": " + column(c));
        }
        for (RowChange r : t.rows()) {
            out.add(at + ", " + rows(r.change(), r.oldRow(), r.newRow()) + ": " + rule(r));
        }
    }

    /**
     * A rule row by its plain label (its NAME cell) and each changed cell by its column's heading:
     * {@code the standard cut-off: "Eligible when the score is at or below" 32 → 34}; an added or removed rule
     * {@code rule car ownership removed: "Owns a car" was TRUE; ...}.
     */
    private static String rule(RowChange r) {
        StringBuilder line = new StringBuilder();
        if (r.change() == Change.CHANGED) {
            line.append(r.rule() == null ? "" : r.rule() + ": ");
        } else {
            line.append("rule ").append(r.rule() == null ? "" : r.rule() + " ").append(r.change().word()).append(": ");
        }
        List<String> cells = new ArrayList<>();
        for (CellChange c : r.cells()) {
            if (r.change() != Change.CHANGED && "NAME".equalsIgnoreCase(c.keyword())) {
                continue;
            }
            String heading = c.heading().isEmpty() ? "column " + letter(c.oldColumn(), c.newColumn()) : quoteText(c.heading());
            cells.add(heading + " " + switch (r.change()) {
                case ADDED -> "= " + quote(c.newValue());
                case REMOVED -> "was " + quote(c.oldValue());
                case CHANGED -> quote(c.oldValue()) + ARROW + quote(c.newValue());
            });
        }
        return line.append(String.join("; ", cells)).toString();
    }

    /** {@code element F4 (sequence flow "a ground applies") changed: condition "x = true" → "x = false"}. */
    private static String element(ElementChange e) {
        String name = e.newName() != null && !e.newName().isEmpty() ? e.newName() : e.oldName();
        StringBuilder s = new StringBuilder("element ").append(e.element()).append(" (").append(e.kind());
        if (name != null && !name.isEmpty()) {
            s.append(' ').append(quoteText(name));
        }
        s.append(") ").append(e.change().word());
        List<String> parts = new ArrayList<>();
        for (PropertyChange p : e.changes()) {
            parts.add(p.property() + " " + switch (e.change()) {
                case ADDED -> "= " + quote(p.newValue());
                case REMOVED -> "was " + quote(p.oldValue());
                case CHANGED -> p.oldValue() == null ? "added: " + quote(p.newValue())
                        : p.newValue() == null ? "removed (was " + quote(p.oldValue()) + ")"
                        : quote(p.oldValue()) + ARROW + quote(p.newValue());
            });
        }
        if (!parts.isEmpty()) {
            s.append(": ").append(String.join("; ", parts));
        }
        return s.toString();
    }

    private static String column(ColumnChange c) {
        String name = "column " + letter(c.oldColumn(), c.newColumn());
        return switch (c.change()) {
            case ADDED -> name + " " + quoteText(c.after().heading()) + " added: " + header(c.after());
            case REMOVED -> name + " " + quoteText(c.before().heading()) + " removed (was " + header(c.before()) + ")";
            case CHANGED -> {
                List<String> parts = new ArrayList<>();
                part(parts, "keyword", c.before().keyword(), c.after().keyword());
                part(parts, "object type", c.before().objectType(), c.after().objectType());
                part(parts, "code", c.before().code(), c.after().code());
                part(parts, "heading", c.before().heading(), c.after().heading());
                yield name + " " + quoteText(c.after().heading()) + " changed: " + String.join("; ", parts);
            }
        };
    }

    private static void part(List<String> parts, String what, String before, String after) {
        if (!before.equals(after)) {
            parts.add(what + " " + quote(before) + ARROW + quote(after));
        }
    }

    private static String header(ColumnHeader h) {
        StringBuilder s = new StringBuilder(h.keyword());
        if (!h.objectType().isEmpty()) {
            s.append(" on ").append(h.objectType());
        }
        if (!h.code().isEmpty()) {
            s.append(" with code ").append(quoteText(h.code()));
        }
        return s.toString();
    }

    /** "row 12", "row 12 (was row 11)" when rows above it moved, or "row 11 of version 3" for what was removed. */
    private String rows(Change change, Integer oldRow, Integer newRow) {
        if (change == Change.REMOVED) {
            return "row " + oldRow + " of version " + fromVersion;
        }
        return "row " + newRow + (oldRow != null && !oldRow.equals(newRow) ? " (was row " + oldRow + ")" : "");
    }

    private static String letter(String oldColumn, String newColumn) {
        if (newColumn == null) {
            return oldColumn;
        }
        return oldColumn != null && !oldColumn.equals(newColumn) ? newColumn + " (was " + oldColumn + ")" : newColumn;
    }

    /** Numbers, TRUE/FALSE and codes as they are; other text in quotes so that spaces and commas show. */
    private static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "(blank)";
        }
        return PLAIN.matcher(value).matches() ? value : quoteText(value);
    }

    private static String quoteText(String value) {
        return "\"" + value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + "\"";
    }

    private static String shortHash(String sha256) {
        return sha256 == null ? "?" : sha256.substring(0, Math.min(12, sha256.length()));
    }
}
