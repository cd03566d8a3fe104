package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.dynreg.policy.ColumnTypes.Kind;
import org.dynreg.policy.ColumnTypes.Type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every value of a rule table's CONDITION and ACTION columns by the type the column declares, before the
 * rules compiler sees the sheet, so that a slip an officer makes in a spreadsheet comes back at its cell, under its
 * column's heading, in plain words, and never as a compiler message.
 *
 * <p>A column's type is told from its code snippet and the fact classes by {@link ColumnTypes} (the same reading the
 * downloaded workbook's validations use), never from a list of known tables: {@code eval($param)} is a switch (TRUE
 * or FALSE, required); {@code field OP $param} takes the type of the fact's property; {@code $param} passed to
 * {@code new Type(...)} or {@code $binding.method(...)} the parameter's type; {@code forall(||){field == "$"}} is a
 * list of codes and {@code field == "$param"} one code, where the getter is marked with {@link Codes} (otherwise
 * text); {@code "$param"} anywhere else is free text. Where the type cannot be told the value is left to the compiler.
 *
 * <p>Required cells (docs/decisions/0036-decision-table-values-checked-by-type.md): a switch cell; every cell of a
 * column whose heading says "(required)"; and at least one ACTION cell of each rule row, since a rule row with none
 * would match and do nothing. Any other blank condition means "no restriction", any other blank action "nothing".
 */
final class ValueCheck {

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);
    private static final String RULE_TABLE = "RuleTable";
    /** The heading words that make every cell of a column required. */
    static final String REQUIRED_MARK = "(required)";

    private static final Pattern LIBRE_OFFICE_BOOLEAN = Pattern.compile("(?i)\\s*(TRUE|FALSE)\\s*\\(\\s*\\)\\s*");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private record Column(int index, String keyword, String code, String heading, Type type, boolean required) {
        String letter() {
            return CellReference.convertNumToColString(index);
        }
    }

    private final String file;
    private final Sheet sheet;
    private final List<PolicyProblem> problems;
    private final ColumnTypes types;

    private ValueCheck(String file, Sheet sheet, List<PolicyProblem> problems) {
        this.file = file;
        this.sheet = sheet;
        this.problems = problems;
        this.types = ColumnTypes.of(sheet);
    }

    /** Adds a problem for every value of the sheet's rule tables that its column cannot take. */
    static void check(String file, Sheet sheet, List<PolicyProblem> problems) {
        new ValueCheck(file, sheet, problems).run();
    }

    private void run() {
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
            if (shown(r, 0).startsWith(RULE_TABLE)) {
                r = table(r) - 1;
            }
        }
    }

    /** Checks the table whose title is in row r (0-based); returns the row after its last rule row. */
    private int table(int r) {
        Row keywords = sheet.getRow(r + 1);
        int width = keywords == null ? 0 : keywords.getLastCellNum();
        List<String> objectTypes = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            objectTypes.add(shown(r + 2, c));
        }
        Map<String, Class<?>> bindings = types.bindings(objectTypes);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String keyword = shown(r + 1, c).toUpperCase(Locale.ROOT);
            if (!keyword.equals("CONDITION") && !keyword.equals("ACTION")) {
                continue;
            }
            String code = shown(r + 3, c);
            String heading = shown(r + 4, c);
            Type type = types.of(keyword, objectTypes.get(c), code, bindings);
            boolean required = (type != null && type.kind() == Kind.SWITCH)
                    || heading.toLowerCase(Locale.ROOT).contains(REQUIRED_MARK);
            columns.add(new Column(c, keyword, code, heading, type, required));
        }
        int d = r + 5;
        for (; d <= sheet.getLastRowNum() && !blankRow(d) && !shown(d, 0).startsWith(RULE_TABLE); d++) {
            boolean anyAction = false;
            for (Column col : columns) {
                Cell cell = cell(d, col.index());
                boolean blank = isBlank(cell);
                if (!blank && col.keyword().equals("ACTION")) {
                    anyAction = true;
                }
                if (blank) {
                    if (col.required()) {
                        refuseBlank(d, col, col.type() != null && col.type().kind() == Kind.SWITCH
                                ? "a blank switch would leave the rule switched on"
                                : "the heading marks the column " + REQUIRED_MARK);
                    }
                    continue;
                }
                value(d, col, cell);
            }
            Column firstAction = columns.stream().filter(c -> c.keyword().equals("ACTION")).findFirst().orElse(null);
            if (!anyAction && firstAction != null && !firstAction.required()) {
                refuseBlank(d, firstAction, "with every ACTION cell of the row blank the rule would do nothing");
            }
        }
        return d;
    }

    private void refuseBlank(int r, Column col, String why) {
        String expected = col.type() == null ? "a value" : col.type().expected();
        problems.add(PolicyProblem.atValue(file, sheet.getSheetName(), r + 1, col.letter(), col.heading(), "", expected,
                "left blank; expected " + expected + " (this cell is required: " + why + ")"));
    }

    private void value(int r, Column col, Cell cell) {
        String found;
        String text;
        boolean numeric = false;
        double number = 0;
        boolean bool = false;
        if (cell.getCellType() == CellType.FORMULA) {
            found = "=" + cell.getCellFormula();
            Matcher m = LIBRE_OFFICE_BOOLEAN.matcher(cell.getCellFormula());
            if (!m.matches()) {
                String expected = col.type() == null ? "a value" : col.type().expected();
                refuse(r, col, found, expected, "write the value itself, not a formula");
                return;
            }
            text = m.group(1).toUpperCase(Locale.ROOT);
            bool = true;
        } else if (cell.getCellType() == CellType.BOOLEAN) {
            found = cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            text = found;
            bool = true;
        } else if (cell.getCellType() == CellType.NUMERIC) {
            found = FORMAT.formatCellValue(cell).trim();
            number = cell.getNumericCellValue();
            numeric = true;
            text = found;
        } else {
            found = FORMAT.formatCellValue(cell).trim();
            text = found;
        }
        Type type = col.type();
        if (type == null) {
            return;
        }
        switch (type.kind()) {
            case SWITCH, BOOLEAN -> {
                // text "true"/"false" reads as the value; text "TRUE" (typed after an apostrophe, or in a cell
                // formatted as text) does not, so it is named as such
                if (!bool && !text.equals("true") && !text.equals("false")) {
                    refuse(r, col, found, type.expected(), text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                            ? "the cell holds " + text + " as text: type it again in a cell formatted as General (no apostrophe before it)"
                            : null);
                }
            }
            case WHOLE -> {
                if (numeric ? number != Math.rint(number) || Double.isInfinite(number) : !WHOLE.matcher(text).matches()) {
                    refuse(r, col, found, type.expected(), hint(text, false));
                }
            }
            case NUMBER -> {
                if (!numeric && !DECIMAL.matcher(text).matches()) {
                    refuse(r, col, found, type.expected(), hint(text, true));
                }
            }
            case CODE, CODES -> {
                List<String> items = type.kind() == Kind.CODE ? List.of(text) : Arrays.stream(text.split(",", -1)).map(String::strip).toList();
                List<String> unknown = items.stream().filter(i -> i.isEmpty() || (!type.codes().isEmpty() && !type.codes().contains(i))).toList();
                if (!unknown.isEmpty() || bool || (numeric && !type.codes().isEmpty())) {
                    refuse(r, col, found, type.expected(), unknown.stream().anyMatch(String::isEmpty) ? "a comma with no code after or before it"
                            : unknown.stream().anyMatch(u -> type.codes().contains(u.toUpperCase(Locale.ROOT).replace(' ', '_')))
                            ? "write the codes in capitals with _ between words, exactly as listed" : null);
                }
            }
            case TEXT -> {
                if (text.contains("\"")) {
                    refuse(r, col, found, type.expected(), "use single quotes (') inside the text");
                }
            }
        }
    }

    private static String hint(String text, boolean decimals) {
        if (THOUSANDS.matcher(text).matches()) {
            return "write the number without thousands separators: " + text.replace(",", "");
        }
        if (DECIMAL_COMMA.matcher(text).matches()) {
            return decimals ? "write the decimal point as a full stop: " + text.replace(',', '.')
                    : "a whole number has no decimals";
        }
        if (!decimals && DECIMAL.matcher(text).matches()) {
            return "a whole number has no decimals";
        }
        return null;
    }

    private void refuse(int r, Column col, String found, String expected, String hint) {
        problems.add(PolicyProblem.atValue(file, sheet.getSheetName(), r + 1, col.letter(), col.heading(), found, expected,
                "found \"" + found + "\"; expected " + expected + (hint == null ? "" : "; " + hint)));
    }

    // ---- reading cells ----

    private Cell cell(int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    private static boolean isBlank(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank());
    }

    /** A cell as it shows; in a merged area, the area's value. */
    private String shown(int r, int c) {
        return ColumnTypes.text(sheet, r, c);
    }

    private boolean blankRow(int r) {
        Row row = sheet.getRow(r);
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!isBlank(cell)) {
                return false;
            }
        }
        return true;
    }
}
