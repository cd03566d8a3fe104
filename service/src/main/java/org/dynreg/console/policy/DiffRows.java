package org.dynreg.console.policy;

import org.dynreg.policy.BundleDiff;
import org.dynreg.policy.BundleDiff.CellChange;
import org.dynreg.policy.BundleDiff.Change;
import org.dynreg.policy.BundleDiff.ColumnChange;
import org.dynreg.policy.BundleDiff.ElementChange;
import org.dynreg.policy.BundleDiff.PropertyChange;
import org.dynreg.policy.BundleDiff.FileChange;
import org.dynreg.policy.BundleDiff.LineChange;
import org.dynreg.policy.BundleDiff.RowChange;
import org.dynreg.policy.BundleDiff.SettingChange;
import org.dynreg.policy.BundleDiff.SheetChange;
import org.dynreg.policy.BundleDiff.TableChange;

import java.util.ArrayList;
import java.util.List;

/**
 * A diff as the rows of one table: file, sheet, where (a cell such as C10, a row, a column's header, a line, a
 * process's element by id), what it is (the rule and the column's heading, a setting, a table, the element's kind,
 * name and property), the value before and after. It only lays
 * out what {@link BundleDiff} found; nothing is compared here.
 */
record DiffRows(String file, String sheet, String where, String what, String change, String before, String after) {

    static List<DiffRows> of(BundleDiff diff) {
        List<DiffRows> out = new ArrayList<>();
        for (FileChange f : diff.files()) {
            String file = f.path();
            if (f.change() != Change.CHANGED) {
                out.add(new DiffRows(file, "", "", "file", word(f.change()), f.oldSha256() == null ? "" : "sha256 " + f.oldSha256(),
                        f.newSha256() == null ? "" : "sha256 " + f.newSha256()));
            }
            if (f.unreadable() != null) {
                out.add(new DiffRows(file, "", "", "file", "unreadable", "", f.unreadable()));
                continue;
            }
            for (ElementChange e : f.elements()) {
                element(file, e, out);
            }
            for (LineChange l : f.lines()) {
                boolean added = l.change() == Change.ADDED;
                out.add(new DiffRows(file, "", "line " + (added ? l.newLine() : l.oldLine()), "", word(l.change()),
                        added ? "" : l.text(), added ? l.text() : ""));
            }
            for (SheetChange s : f.sheets()) {
                sheet(file, s, out);
            }
        }
        return out;
    }

    private static void element(String file, ElementChange e, List<DiffRows> out) {
        String name = e.newName() != null && !e.newName().isEmpty() ? e.newName() : blank(e.oldName());
        String what = e.kind() + (name.isEmpty() ? "" : " \"" + name + "\"");
        if (e.change() != Change.CHANGED) {
            out.add(new DiffRows(file, "", "element " + e.element(), what, word(e.change()), "", ""));
        }
        for (PropertyChange p : e.changes()) {
            out.add(new DiffRows(file, "", "element " + e.element(), what + ": " + p.property(), word(e.change()),
                    blank(p.oldValue()), blank(p.newValue())));
        }
    }

    private static void sheet(String file, SheetChange s, List<DiffRows> out) {
        if (s.change() != Change.CHANGED) {
            out.add(new DiffRows(file, s.sheet(), "", "sheet", word(s.change()), "", ""));
        }
        for (SettingChange c : s.settings()) {
            out.add(new DiffRows(file, s.sheet(), "row " + (c.newRow() != null ? c.newRow() : c.oldRow()),
                    c.keyword().isEmpty() ? "text" : c.keyword(), word(c.change()), blank(c.oldValue()), blank(c.newValue())));
        }
        for (TableChange t : s.tables()) {
            if (t.change() != Change.CHANGED) {
                out.add(new DiffRows(file, s.sheet(), "row " + (t.newRow() != null ? t.newRow() : t.oldRow()), "table " + t.table(),
                        word(t.change()), "", ""));
            }
            for (ColumnChange c : t.columns()) {
                out.add(new DiffRows(file, s.sheet(), "column " + (c.newColumn() != null ? c.newColumn() : c.oldColumn()),
                        "table " + t.table() + ": column header", word(c.change()), header(c.before()), header(c.after())));
            }
            for (RowChange r : t.rows()) {
                Integer row = r.newRow() != null ? r.newRow() : r.oldRow();
                for (CellChange c : r.cells()) {
                    String column = c.newColumn() != null ? c.newColumn() : c.oldColumn();
                    String what = (r.rule() == null ? "" : r.rule() + ": ") + c.heading();
                    out.add(new DiffRows(file, s.sheet(), column + row, what, word(r.change()), blank(c.oldValue()), blank(c.newValue())));
                }
            }
        }
    }

    private static String header(BundleDiff.ColumnHeader h) {
        return h == null ? "" : String.join(" | ", h.keyword(), h.objectType(), h.code(), h.heading());
    }

    private static String word(Change c) {
        return c.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
