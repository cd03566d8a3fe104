package org.dynreg.policy;

import org.dynreg.policy.BundleDiff.Change;
import org.dynreg.policy.BundleDiff.ColumnChange;
import org.dynreg.policy.BundleDiff.ColumnHeader;
import org.dynreg.policy.BundleDiff.FileChange;
import org.dynreg.policy.BundleDiff.SheetChange;
import org.dynreg.policy.BundleDiff.TableChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CONDITION and ACTION columns of a base version that a candidate bundle removes or renames (its heading,
 * code or keyword changed, or the column, its table, sheet or workbook gone), read by {@link PolicyDiff}'s column
 * matching. A column deleted by mistake silently changes what the rules decide (a deleted condition matches every
 * household), so such a change is refused unless the upload declares it intended
 * (docs/decisions/0036-decision-table-values-checked-by-type.md). Columns added are not listed: they are new rules'
 * values, checked like any other.
 */
final class ColumnChanges {

    private static final Set<String> RULE_COLUMNS = Set.of("CONDITION", "ACTION");
    static final String HOW_TO_DECLARE = "if the change is intended, declare it: columnChanges=intended over REST, "
            + "--column-changes-intended in the shell, or tick \"The column changes are intended\" in the console";

    private ColumnChanges() {
    }

    /** One changed column, as the audit entry of an upload that declared it records it. */
    record Changed(PolicyProblem problem, String summary) {}

    static List<Changed> between(int baseVersion, List<PolicyFile> base, List<PolicyFile> candidate) {
        List<Changed> out = new ArrayList<>();
        BundleDiff diff = PolicyDiff.between(baseVersion, base, 0, candidate);
        for (FileChange f : diff.files()) {
            if (f.kind() != PolicyFile.Kind.DECISION_TABLE || f.sheets() == null) {
                continue;
            }
            for (SheetChange s : f.sheets()) {
                for (TableChange t : s.tables()) {
                    for (ColumnChange c : t.columns()) {
                        Changed changed = changed(f.path(), s.sheet(), t, c, baseVersion);
                        if (changed != null) {
                            out.add(changed);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Changed changed(String file, String sheet, TableChange t, ColumnChange c, int baseVersion) {
        ColumnHeader before = c.before();
        ColumnHeader after = c.after();
        if (before == null || !RULE_COLUMNS.contains(before.keyword().toUpperCase(Locale.ROOT))) {
            return null;
        }
        String what = before.keyword() + " column " + c.oldColumn() + " (\"" + before.heading() + "\") of the table \""
                + t.table() + "\" in version " + baseVersion;
        String how;
        if (after != null && c.change() != Change.REMOVED
                && !PolicyCompiler.TABLE_KEYWORDS.contains(after.keyword().toUpperCase(Locale.ROOT))) {
            return null; // a misspelt keyword: the header check names it at its cell
        }
        if (after == null || c.change() == Change.REMOVED) {
            how = "is gone";
        } else if (!after.keyword().equalsIgnoreCase(before.keyword())) {
            how = "is now a " + after.keyword() + " column (" + c.newColumn() + ")";
        } else if (!after.heading().equals(before.heading()) && !after.code().equals(before.code())) {
            how = "is renamed to \"" + after.heading() + "\" and its code changed from \"" + before.code() + "\" to \"" + after.code() + "\"";
        } else if (!after.heading().equals(before.heading())) {
            how = "is renamed to \"" + after.heading() + "\" (column " + c.newColumn() + ")";
        } else if (!after.code().equals(before.code())) {
            how = "has its code changed from \"" + before.code() + "\" to \"" + after.code() + "\"";
        } else {
            return null; // only the object type row changed: the compiler and the reference households judge that
        }
        boolean gone = after == null || c.change() == Change.REMOVED;
        Integer row = gone ? t.oldRow() : t.newRow();
        String letter = gone ? c.oldColumn() : c.newColumn();
        String summary = file + ", sheet " + sheet + ": the " + what + " " + how;
        PolicyProblem problem = new PolicyProblem(file, sheet, row == null ? null : row + 1, row == null ? null : letter, null, null,
                "the " + what + " " + how + "; " + HOW_TO_DECLARE, before.heading(), null, null);
        return new Changed(problem, summary);
    }
}
