package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.dynreg.policy.BundleDiff.CellChange;
import org.dynreg.policy.BundleDiff.Change;
import org.dynreg.policy.BundleDiff.ColumnChange;
import org.dynreg.policy.BundleDiff.ColumnHeader;
import org.dynreg.policy.BundleDiff.FileChange;
import org.dynreg.policy.BundleDiff.LineChange;
import org.dynreg.policy.BundleDiff.RowChange;
import org.dynreg.policy.BundleDiff.SettingChange;
import org.dynreg.policy.BundleDiff.SheetChange;
import org.dynreg.policy.BundleDiff.TableChange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Compares two versions of a policy bundle the way a policy officer reads them: a decision table by its
 * sheets, settings rows and rule tables, down to the cell; a DRL file line by line.
 *
 * <p>Workbooks are read with the layout {@link PolicyCompiler} accepts: a "RuleTable title" cell in column A,
 * then the keyword, object type, code and heading rows, then rule rows up to the first blank row; every other
 * non-blank row of a sheet is a settings row. Only columns with a keyword belong to a table, as only those
 * reach the rules. Rules are matched by their NAME cell, so a row inserted above does not make every row
 * below it look changed; rows without a name are matched by content and then by position. Columns are matched
 * by their four header cells, so a column inserted in a table is one added column, not a change to every
 * column right of it. Cells are compared by their value, as the rules read it, not by how the file stores it: a
 * formula by its result (LibreOffice Calc stores a typed TRUE as the formula {@code =TRUE()}, which is TRUE), a
 * number as a number (32 and 32.0 are 32), TRUE and FALSE as such whether stored as booleans or as formulas, so
 * re-saving a workbook in another spreadsheet program, restyling or protecting it shows no change.
 */
public final class PolicyDiff {

    private static final String RULE_TABLE = "RuleTable";
    /** Past this many compared pairs (about 2,000 lines against 2,000) the differing middle is shown whole. */
    private static final long MAX_LCS_PAIRS = 4_000_000L;

    private PolicyDiff() {
    }

    public static BundleDiff between(int fromVersion, List<PolicyFile> from, int toVersion, List<PolicyFile> to) {
        Map<String, PolicyFile> before = byPath(from);
        Map<String, PolicyFile> after = byPath(to);
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FileChange> files = new ArrayList<>();
        for (String path : paths) {
            PolicyFile a = before.get(path);
            PolicyFile b = after.get(path);
            if (a == null || b == null || !Arrays.equals(a.content(), b.content())) {
                files.add(file(path, a, fromVersion, b, toVersion));
            }
        }
        return new BundleDiff(fromVersion, toVersion, List.copyOf(files));
    }

    private static Map<String, PolicyFile> byPath(List<PolicyFile> files) {
        Map<String, PolicyFile> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f.path(), f));
        return out;
    }

    private static FileChange file(String path, PolicyFile a, int fromVersion, PolicyFile b, int toVersion) {
        Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED;
        String oldSha = a == null ? null : a.sha256();
        String newSha = b == null ? null : b.sha256();
        PolicyFile.Kind kind = PolicyFile.kindOf(path);
        if (kind == PolicyFile.Kind.DRL) {
            return new FileChange(path, kind, change, oldSha, newSha, null, List.of(), lines(linesOf(a), linesOf(b)));
        }
        if (kind == PolicyFile.Kind.PROCESS) {
            try {
                Map<String, ProcessElements.Model> before = a == null ? Map.of() : ProcessElements.read(a.content());
                Map<String, ProcessElements.Model> after = b == null ? Map.of() : ProcessElements.read(b.content());
                return new FileChange(path, kind, change, oldSha, newSha, null, List.of(), List.of(),
                        ProcessElements.diff(before, after));
            } catch (IllegalArgumentException e) {
                return new FileChange(path, kind, change, oldSha, newSha, e.getMessage(), List.of(), List.of());
            }
        }
        List<String> problems = new ArrayList<>();
        List<SheetModel> oldSheets = read(a, fromVersion, problems);
        List<SheetModel> newSheets = read(b, toVersion, problems);
        if (!problems.isEmpty()) {
            return new FileChange(path, kind, change, oldSha, newSha, String.join("; ", problems), List.of(), List.of());
        }
        return new FileChange(path, kind, change, oldSha, newSha, null, sheets(oldSheets, newSheets), List.of());
    }

    // ---- reading a workbook into what a reader sees ----

    private record SheetModel(String name, List<Setting> settings, List<Table> tables) {}

    private record Setting(int row, String keyword, String value) {}

    private record Table(String title, int row, List<Column> columns, List<RuleRow> rules) {}

    private record Column(int index, ColumnHeader header) {
        String letter() {
            return CellReference.convertNumToColString(index);
        }
    }

    /** A rule row: its spreadsheet row, its NAME (null when it has none) and one value per table column. */
    private record RuleRow(int row, String name, List<String> values) {}

    private static List<SheetModel> read(PolicyFile file, int version, List<String> problems) {
        if (file == null) {
            return List.of();
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            List<SheetModel> sheets = new ArrayList<>();
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (Sheet sheet : wb) {
                sheets.add(sheet(sheet.getSheetName(), grid(sheet, evaluator)));
            }
            return sheets;
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            problems.add("version " + version + " is not a readable .xlsx workbook (" + reason + ")");
            return List.of();
        }
    }

    /** Every cell's value, blank as "", the value of a merged area repeated in each of its cells. */
    private static List<List<String>> grid(Sheet sheet, FormulaEvaluator evaluator) {
        List<List<String>> rows = new ArrayList<>();
        int width = 0;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                cells.add(value(row.getCell(c), evaluator));
            }
            width = Math.max(width, cells.size());
            rows.add(cells);
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            String value = at(rows, merged.getFirstRow(), merged.getFirstColumn());
            if (value.isEmpty()) {
                continue;
            }
            // a merged area may reach far past the used cells (a whole column); only the used part matters
            for (int r = merged.getFirstRow(); r <= Math.min(merged.getLastRow(), rows.size() - 1); r++) {
                List<String> cells = rows.get(r);
                for (int c = merged.getFirstColumn(); c <= Math.min(merged.getLastColumn(), width - 1); c++) {
                    while (cells.size() <= c) {
                        cells.add("");
                    }
                    cells.set(c, value);
                }
            }
        }
        return rows;
    }

    /**
     * A cell's value as text: a formula by its result (evaluated as the rule compiler evaluates it; the result the
     * file holds when it cannot be evaluated), TRUE or FALSE, a number in its shortest form (32, 12.5), a date as the
     * day (and time), text trimmed.
     */
    static String value(Cell cell, FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() != CellType.FORMULA) {
            return value(cell, cell.getCellType(), new CellValueOf(cell));
        }
        try {
            CellValue v = evaluator.evaluate(cell);
            if (v != null) {
                return value(cell, v.getCellType(), new CellValueOf(v));
            }
        } catch (RuntimeException e) {
            // a function the evaluator does not know, or a link to another file: the result the file holds
        }
        return value(cell, cell.getCachedFormulaResultType(), new CellValueOf(cell));
    }

    /** The parts of a cell's value, from the cell itself or from its evaluated formula. */
    private record CellValueOf(Cell cell, CellValue evaluated) {
        CellValueOf(Cell cell) {
            this(cell, null);
        }

        CellValueOf(CellValue evaluated) {
            this(null, evaluated);
        }

        boolean bool() {
            return evaluated != null ? evaluated.getBooleanValue() : cell.getBooleanCellValue();
        }

        double number() {
            return evaluated != null ? evaluated.getNumberValue() : cell.getNumericCellValue();
        }

        String text() {
            return evaluated != null ? evaluated.getStringValue() : cell.getRichStringCellValue().getString();
        }

        byte error() {
            return evaluated != null ? evaluated.getErrorValue() : cell.getErrorCellValue();
        }
    }

    private static String value(Cell cell, CellType type, CellValueOf v) {
        return switch (type) {
            case BOOLEAN -> v.bool() ? "TRUE" : "FALSE";
            case NUMERIC -> dateFormatted(cell) ? date(v.number()) : number(v.number());
            case STRING -> v.text() == null ? "" : v.text().trim();
            case ERROR -> FormulaError.forInt(v.error()).getString();
            default -> "";
        };
    }

    private static boolean dateFormatted(Cell cell) {
        return DateUtil.isADateFormat(cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
    }

    /** A date as 2026-07-01, with its time when it has one (2026-07-01T09:30). */
    private static String date(double n) {
        java.time.LocalDateTime t = DateUtil.getLocalDateTime(n);
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
    }

    private static String number(double n) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return Double.toString(n);
        }
        BigDecimal d = new BigDecimal(Double.toString(n)).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static String at(List<List<String>> grid, int r, int c) {
        if (r < 0 || r >= grid.size() || c >= grid.get(r).size()) {
            return "";
        }
        return grid.get(r).get(c);
    }

    private static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isEmpty);
    }

    private static SheetModel sheet(String name, List<List<String>> grid) {
        List<Setting> settings = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        int r = 0;
        while (r < grid.size()) {
            String first = at(grid, r, 0);
            if (!first.startsWith(RULE_TABLE)) {
                List<String> row = grid.get(r);
                if (!blank(row)) {
                    String value = String.join(" | ", row.subList(Math.min(1, row.size()), row.size()).stream()
                            .filter(v -> !v.isEmpty()).toList());
                    settings.add(new Setting(r + 1, first, value));
                }
                r++;
                continue;
            }
            int width = 0;
            for (int k = 1; k <= 4 && r + k < grid.size(); k++) {
                width = Math.max(width, grid.get(r + k).size());
            }
            List<Column> columns = new ArrayList<>();
            int nameAt = -1;
            for (int c = 0; c < width; c++) {
                String keyword = at(grid, r + 1, c);
                if (keyword.isEmpty()) {
                    continue;
                }
                if (nameAt < 0 && keyword.equalsIgnoreCase("NAME")) {
                    nameAt = columns.size();
                }
                columns.add(new Column(c, new ColumnHeader(keyword, at(grid, r + 2, c), at(grid, r + 3, c), at(grid, r + 4, c))));
            }
            List<RuleRow> rules = new ArrayList<>();
            int d = r + 5;
            while (d < grid.size() && !blank(grid.get(d)) && !at(grid, d, 0).startsWith(RULE_TABLE)) {
                List<String> values = new ArrayList<>();
                for (Column c : columns) {
                    values.add(at(grid, d, c.index()));
                }
                String rule = nameAt < 0 || values.get(nameAt).isEmpty() ? null : values.get(nameAt);
                rules.add(new RuleRow(d + 1, rule, List.copyOf(values)));
                d++;
            }
            tables.add(new Table(first.substring(RULE_TABLE.length()).trim(), r + 1, columns, rules));
            r = d;
        }
        return new SheetModel(name, settings, tables);
    }

    // ---- comparing ----

    private static List<SheetChange> sheets(List<SheetModel> a, List<SheetModel> b) {
        List<SheetChange> out = new ArrayList<>();
        for (int[] p : matchByKey(a, b, SheetModel::name)) {
            SheetModel x = p[0] < 0 ? null : a.get(p[0]);
            SheetModel y = p[1] < 0 ? null : b.get(p[1]);
            List<SettingChange> settings = settings(x == null ? List.of() : x.settings(), y == null ? List.of() : y.settings());
            List<TableChange> tables = tables(x == null ? List.of() : x.tables(), y == null ? List.of() : y.tables());
            Change change = changeOf(x, y);
            if (change != Change.CHANGED || !settings.isEmpty() || !tables.isEmpty()) {
                out.add(new SheetChange(y == null ? x.name() : y.name(), change, settings, tables));
            }
        }
        return List.copyOf(out);
    }

    private static List<SettingChange> settings(List<Setting> a, List<Setting> b) {
        List<SettingChange> out = new ArrayList<>();
        for (int[] p : matchByKey(a, b, Setting::keyword)) {
            Setting x = p[0] < 0 ? null : a.get(p[0]);
            Setting y = p[1] < 0 ? null : b.get(p[1]);
            if (x != null && y != null && x.value().equals(y.value())) {
                continue;
            }
            out.add(new SettingChange(y == null ? x.keyword() : y.keyword(), changeOf(x, y), x == null ? null : x.row(),
                    y == null ? null : y.row(), x == null ? null : x.value(), y == null ? null : y.value()));
        }
        return List.copyOf(out);
    }

    private static List<TableChange> tables(List<Table> a, List<Table> b) {
        List<TableChange> out = new ArrayList<>();
        for (int[] p : matchByKey(a, b, Table::title)) {
            Table x = p[0] < 0 ? null : a.get(p[0]);
            Table y = p[1] < 0 ? null : b.get(p[1]);
            List<Column> ca = x == null ? List.of() : x.columns();
            List<Column> cb = y == null ? List.of() : y.columns();
            List<int[]> pairs = columnPairs(ca, cb);
            List<ColumnChange> columns = new ArrayList<>();
            for (int[] c : pairs) {
                Column before = c[0] < 0 ? null : ca.get(c[0]);
                Column after = c[1] < 0 ? null : cb.get(c[1]);
                if (before == null || after == null || !before.header().equals(after.header())) {
                    columns.add(new ColumnChange(changeOf(before, after), before == null ? null : before.letter(),
                            after == null ? null : after.letter(), before == null ? null : before.header(),
                            after == null ? null : after.header()));
                }
            }
            List<RowChange> rows = rows(x == null ? List.of() : x.rules(), y == null ? List.of() : y.rules(), ca, cb, pairs);
            Change change = changeOf(x, y);
            if (change != Change.CHANGED || !columns.isEmpty() || !rows.isEmpty()) {
                out.add(new TableChange(y == null ? x.title() : y.title(), change, x == null ? null : x.row(),
                        y == null ? null : y.row(), List.copyOf(columns), rows));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Columns with the same four header cells are the same column; of the rest, those between the same
     * neighbours are paired by code, then by heading, then in order when their keyword agrees.
     */
    private static List<int[]> columnPairs(List<Column> a, List<Column> b) {
        List<BiPredicate<Column, Column>> preferences = List.of(
                (x, y) -> x.header().keyword().equals(y.header().keyword())
                        && x.header().objectType().equals(y.header().objectType())
                        && x.header().code().equals(y.header().code()),
                (x, y) -> x.header().heading().equals(y.header().heading()),
                (x, y) -> x.header().keyword().equals(y.header().keyword()));
        return ordered(pairGaps(lcs(a, b, (x, y) -> x.header().equals(y.header())), a, b, preferences));
    }

    private static List<RowChange> rows(List<RuleRow> a, List<RuleRow> b, List<Column> ca, List<Column> cb, List<int[]> columns) {
        List<Integer> namedA = new ArrayList<>();
        List<Integer> namedB = new ArrayList<>();
        List<Integer> unnamedA = new ArrayList<>();
        List<Integer> unnamedB = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            (a.get(i).name() == null ? unnamedA : namedA).add(i);
        }
        for (int j = 0; j < b.size(); j++) {
            (b.get(j).name() == null ? unnamedB : namedB).add(j);
        }
        List<int[]> pairs = new ArrayList<>();
        List<RuleRow> na = namedA.stream().map(a::get).toList();
        List<RuleRow> nb = namedB.stream().map(b::get).toList();
        pairs.addAll(remap(matchByKey(na, nb, RuleRow::name), namedA, namedB));
        List<RuleRow> ua = unnamedA.stream().map(a::get).toList();
        List<RuleRow> ub = unnamedB.stream().map(b::get).toList();
        List<int[]> byContent = lcs(ua, ub, (x, y) -> x.values().equals(y.values()));
        pairs.addAll(remap(pairGaps(byContent, ua, ub, List.of((x, y) -> true)), unnamedA, unnamedB));

        List<RowChange> out = new ArrayList<>();
        for (int[] p : ordered(pairs)) {
            RuleRow x = p[0] < 0 ? null : a.get(p[0]);
            RuleRow y = p[1] < 0 ? null : b.get(p[1]);
            List<CellChange> cells = cells(x, y, ca, cb, columns);
            if (x != null && y != null && cells.isEmpty()) {
                continue;
            }
            out.add(new RowChange(y == null ? x.name() : y.name(), changeOf(x, y), x == null ? null : x.row(),
                    y == null ? null : y.row(), cells));
        }
        return List.copyOf(out);
    }

    private static List<CellChange> cells(RuleRow x, RuleRow y, List<Column> ca, List<Column> cb, List<int[]> columns) {
        List<CellChange> out = new ArrayList<>();
        for (int[] c : columns) {
            String before = x == null || c[0] < 0 ? null : x.values().get(c[0]);
            String after = y == null || c[1] < 0 ? null : y.values().get(c[1]);
            if (Objects.requireNonNullElse(before, "").equals(Objects.requireNonNullElse(after, ""))) {
                continue;
            }
            ColumnHeader header = (c[1] < 0 ? ca.get(c[0]) : cb.get(c[1])).header();
            out.add(new CellChange(c[0] < 0 ? null : ca.get(c[0]).letter(), c[1] < 0 ? null : cb.get(c[1]).letter(),
                    header.heading(), header.keyword(), header.code(), before, after));
        }
        return List.copyOf(out);
    }

    private static List<LineChange> lines(List<String> a, List<String> b) {
        List<LineChange> out = new ArrayList<>();
        for (int[] p : lcs(a, b, String::equals)) {
            if (p[1] < 0) {
                out.add(new LineChange(Change.REMOVED, p[0] + 1, null, a.get(p[0])));
            } else if (p[0] < 0) {
                out.add(new LineChange(Change.ADDED, null, p[1] + 1, b.get(p[1])));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> linesOf(PolicyFile file) {
        return file == null ? List.of() : new String(file.content(), StandardCharsets.UTF_8).lines().toList();
    }

    private static Change changeOf(Object before, Object after) {
        return before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED;
    }

    // ---- aligning two sequences; a pair {i, j} has -1 on the side where the item is missing ----

    /** Pairs the n-th item of a key in a with the n-th of the same key in b. */
    private static <T> List<int[]> matchByKey(List<T> a, List<T> b, Function<T, String> key) {
        Map<String, Integer> index = new HashMap<>();
        List<String> keysA = numbered(a, key);
        for (int i = 0; i < keysA.size(); i++) {
            index.put(keysA.get(i), i);
        }
        boolean[] matched = new boolean[a.size()];
        List<int[]> pairs = new ArrayList<>();
        List<String> keysB = numbered(b, key);
        for (int j = 0; j < keysB.size(); j++) {
            Integer i = index.get(keysB.get(j));
            if (i != null) {
                matched[i] = true;
            }
            pairs.add(new int[]{i == null ? -1 : i, j});
        }
        for (int i = 0; i < a.size(); i++) {
            if (!matched[i]) {
                pairs.add(new int[]{i, -1});
            }
        }
        return ordered(pairs);
    }

    private static <T> List<String> numbered(List<T> items, Function<T, String> key) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (T item : items) {
            String k = key.apply(item);
            out.add(k + '\u0000' + seen.merge(k, 1, Integer::sum));
        }
        return out;
    }

    /**
     * The new version's order, each item that is only in the old version placed just after the item that
     * preceded it there.
     */
    private static List<int[]> ordered(List<int[]> pairs) {
        TreeMap<Integer, Integer> newOfOld = new TreeMap<>();
        for (int[] p : pairs) {
            if (p[0] >= 0 && p[1] >= 0) {
                newOfOld.put(p[0], p[1]);
            }
        }
        Function<int[], Double> place = p -> {
            if (p[1] >= 0) {
                return (double) p[1];
            }
            Map.Entry<Integer, Integer> before = newOfOld.lowerEntry(p[0]);
            return before == null ? -0.5 : before.getValue() + 0.5;
        };
        List<int[]> out = new ArrayList<>(pairs);
        out.sort(Comparator.comparing(place).thenComparingInt(p -> p[0]));
        return out;
    }

    /** Index pairs into sub-lists turned back into index pairs into the full lists. */
    private static List<int[]> remap(List<int[]> pairs, List<Integer> a, List<Integer> b) {
        return pairs.stream().map(p -> new int[]{p[0] < 0 ? -1 : a.get(p[0]), p[1] < 0 ? -1 : b.get(p[1])}).toList();
    }

    /**
     * Longest common subsequence of a and b: equal items paired, and between two pairs the items only in a
     * followed by those only in b.
     */
    private static <T> List<int[]> lcs(List<T> a, List<T> b, BiPredicate<T, T> same) {
        int start = 0;
        while (start < a.size() && start < b.size() && same.test(a.get(start), b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && same.test(a.get(endA - 1), b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            out.add(new int[]{i, i});
        }
        int n = endA - start;
        int m = endB - start;
        List<int[]> onlyA = new ArrayList<>();
        List<int[]> onlyB = new ArrayList<>();
        if ((long) (n + 1) * (m + 1) > MAX_LCS_PAIRS) {
            for (int i = start; i < endA; i++) {
                onlyA.add(new int[]{i, -1});
            }
            for (int j = start; j < endB; j++) {
                onlyB.add(new int[]{-1, j});
            }
        } else {
            int[][] len = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    len[i][j] = same.test(a.get(start + i), b.get(start + j))
                            ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && same.test(a.get(start + i), b.get(start + j))) {
                    out.addAll(onlyA);
                    out.addAll(onlyB);
                    onlyA.clear();
                    onlyB.clear();
                    out.add(new int[]{start + i++, start + j++});
                } else if (j >= m || (i < n && len[i + 1][j] >= len[i][j + 1])) {
                    onlyA.add(new int[]{start + i++, -1});
                } else {
                    onlyB.add(new int[]{-1, start + j++});
                }
            }
        }
        out.addAll(onlyA);
        out.addAll(onlyB);
        for (int k = 0; k < a.size() - endA; k++) {
            out.add(new int[]{endA + k, endB + k});
        }
        return out;
    }

    /**
     * Pairs the unmatched items that lie between the same two matched ones, trying each preference in turn,
     * so that an edited item shows as changed rather than as removed and added.
     */
    private static <T> List<int[]> pairGaps(List<int[]> steps, List<T> a, List<T> b, List<BiPredicate<T, T>> preferences) {
        List<int[]> out = new ArrayList<>();
        List<Integer> onlyA = new ArrayList<>();
        List<Integer> onlyB = new ArrayList<>();
        for (int[] s : steps) {
            if (s[0] >= 0 && s[1] >= 0) {
                pair(onlyA, onlyB, a, b, preferences, out);
                out.add(s);
            } else if (s[0] >= 0) {
                onlyA.add(s[0]);
            } else {
                onlyB.add(s[1]);
            }
        }
        pair(onlyA, onlyB, a, b, preferences, out);
        return out;
    }

    private static <T> void pair(List<Integer> onlyA, List<Integer> onlyB, List<T> a, List<T> b,
                                 List<BiPredicate<T, T>> preferences, List<int[]> out) {
        for (BiPredicate<T, T> preference : preferences) {
            for (var it = onlyA.iterator(); it.hasNext(); ) {
                int i = it.next();
                for (var jt = onlyB.iterator(); jt.hasNext(); ) {
                    int j = jt.next();
                    if (preference.test(a.get(i), b.get(j))) {
                        out.add(new int[]{i, j});
                        it.remove();
                        jt.remove();
                        break;
                    }
                }
            }
        }
        onlyA.forEach(i -> out.add(new int[]{i, -1}));
        onlyB.forEach(j -> out.add(new int[]{-1, j}));
        onlyA.clear();
        onlyB.clear();
    }
}
