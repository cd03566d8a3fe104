package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDataValidationConstraint;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table as the service hands it out to be edited: the same cells and values as stored (so it compiles to
 * the same rules), with what a common slip would break made hard to type. Each rule table's definition rows (the
 * RuleTable, keyword, object type and code rows) and any hidden column are locked by sheet protection without a
 * password (so that anyone can lift it on purpose: Review &gt; Unprotect Sheet in Excel, Tools &gt; Protect Sheet in
 * LibreOffice Calc); the plain heading row, the rule rows, the settings rows and the empty rows below stay editable,
 * and rows may be inserted and deleted. The rule rows get a drop-down for a TRUE/FALSE column and for a column that
 * takes one code of an enumeration, whole-number or decimal validation for a numeric column, and for a column that
 * takes a comma-separated list of codes only an input message (a strict drop-down would refuse a list).
 *
 * <p>What a column takes is read from its code snippet and the Java types of the facts it names ({@link #typeOf}):
 * a condition {@code field == $param} on an object type by the field's type, an action's {@code $param} by the
 * parameter it is passed to ({@code new ProgramCutoff("UCT", $param, ...)}, {@code $r.allowAfterMonths($param, ...)}).
 * A column whose type cannot be read gets no validation. The stored file is never changed: its exact bytes stay
 * available to download ({@code ?as=stored}).
 */
final class EditableWorkbook {

    /** Empty rows below the last table of a sheet that keep the table's validations, for rules added at its end. */
    static final int ROWS_FOR_NEW_RULES = 50;

    /** What the cells of a column take. */
    enum ValueType { TRUE_OR_FALSE, WHOLE_NUMBER, DECIMAL, CODE, CODE_LIST, TEXT }

    /** A column's type, with the codes it accepts when they are known (an enumeration's constants). */
    record ColumnType(ValueType type, List<String> codes) {
        static final ColumnType UNKNOWN = new ColumnType(ValueType.TEXT, List.of());

        static ColumnType of(ValueType type) {
            return new ColumnType(type, List.of());
        }
    }

    private static final String RULE_TABLE = "RuleTable";
    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);
    private static final Pattern BINDING = Pattern.compile("^\\s*\\$(\\w+)\\s*:\\s*([\\w.]+)\\s*$");
    private static final Pattern COMPARISON = Pattern.compile("([\\w.]+)\\s*(==|!=|>=|<=|>|<)\\s*(\"?)\\$param\\3");
    private static final Pattern MEMBERSHIP = Pattern.compile("(?i)\\b(not\\s+)?in\\s*\\(\\s*\"?\\$param\"?\\s*\\)");
    private static final Pattern CALLED = Pattern.compile("(?:new\\s+([\\w.]+)|\\$(\\w+)\\s*\\.\\s*(\\w+)|(\\w+))\\s*$");

    private EditableWorkbook() {
    }

    /** The workbook's bytes with its rule tables protected and validated as described above. */
    static byte[] of(byte[] stored) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(stored))) {
            Styles styles = new Styles(wb);
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                protect(wb.getSheetAt(s), styles);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the workbook could not be prepared for editing: " + e.getMessage(), e);
        }
    }

    /** One rule table of a sheet: its RuleTable row, first rule row and last rule row (0-based), and its columns. */
    record Table(int titleRow, int firstRule, int lastRule, List<TableColumn> columns) {}

    record TableColumn(int index, String keyword, String objectType, String code, String heading) {}

    private static void protect(XSSFSheet sheet, Styles styles) {
        List<Table> tables = tables(sheet);
        if (tables.isEmpty()) {
            return; // a sheet without a rule table (notes of one's own) is not read by the compiler
        }
        int width = 0;
        for (Row row : sheet) {
            width = Math.max(width, row.getLastCellNum());
        }
        width += 10;
        List<Integer> definitionRows = new ArrayList<>();
        for (Table t : tables) {
            for (int r = t.titleRow(); r < t.titleRow() + 4; r++) {
                definitionRows.add(r);
            }
        }
        for (int c = 0; c < width; c++) {
            sheet.setDefaultColumnStyle(c, sheet.isColumnHidden(c) ? styles.locked(0) : styles.unlocked(0));
        }
        for (Row row : sheet) {
            boolean definition = definitionRows.contains(row.getRowNum());
            for (Cell cell : row) {
                boolean lock = definition || sheet.isColumnHidden(cell.getColumnIndex());
                int style = cell.getCellStyle().getIndex();
                cell.setCellStyle(lock ? styles.locked(style) : styles.unlocked(style));
            }
        }
        for (int r : definitionRows) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            row.setRowStyle(styles.locked(0));
            for (int c = 0; c < width; c++) {
                if (row.getCell(c) == null) {
                    row.createCell(c, CellType.BLANK).setCellStyle(styles.locked(0));
                }
            }
        }
        Map<String, Class<?>> bindings = new HashMap<>();
        List<String> imports = imports(sheet);
        for (Table t : tables) {
            for (TableColumn c : t.columns()) {
                Matcher b = BINDING.matcher(c.objectType());
                if (b.matches()) {
                    factClass(b.group(2), imports).ifPresent(k -> bindings.put(b.group(1), k));
                }
            }
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            int last = i == tables.size() - 1 ? Math.max(t.lastRule(), t.firstRule()) + ROWS_FOR_NEW_RULES : t.lastRule();
            if (last < t.firstRule()) {
                continue;
            }
            for (TableColumn c : t.columns()) {
                ColumnType type = typeOf(c.keyword(), c.objectType(), c.code(), imports, bindings);
                validation(helper, type, c.heading()).ifPresent(v -> {
                    DataValidation dv = helper.createValidation(v.constraint(),
                            new CellRangeAddressList(t.firstRule(), last, c.index(), c.index()));
                    dv.setEmptyCellAllowed(true);
                    if (v.error() != null) {
                        dv.setShowErrorBox(true);
                        dv.setErrorStyle(DataValidation.ErrorStyle.STOP);
                        dv.createErrorBox(clip(c.heading(), 32), clip(v.error(), 255));
                    } else {
                        dv.setShowErrorBox(false);
                    }
                    dv.setShowPromptBox(true);
                    dv.createPromptBox(clip(c.heading(), 32), clip(v.prompt(), 255));
                    if (type.type() == ValueType.TRUE_OR_FALSE || type.type() == ValueType.CODE) {
                        dv.setSuppressDropDownArrow(true); // in an .xlsx file this shows the drop-down arrow
                    }
                    sheet.addValidationData(dv);
                });
            }
        }
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockFormatCells(false);
        sheet.lockSort(false);
        sheet.lockAutoFilter(false);
    }

    private record Validation(DataValidationConstraint constraint, String prompt, String error) {}

    private static Optional<Validation> validation(DataValidationHelper helper, ColumnType type, String heading) {
        return switch (type.type()) {
            case TRUE_OR_FALSE -> Optional.of(new Validation(helper.createExplicitListConstraint(new String[]{"TRUE", "FALSE"}),
                    "TRUE or FALSE (blank: not a condition of the rule)", "\"" + heading + "\" takes TRUE or FALSE, or a blank cell."));
            case WHOLE_NUMBER -> Optional.of(new Validation(helper.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-2000000000", "2000000000"), "A whole number", "\"" + heading + "\" takes a whole number, or a blank cell."));
            case DECIMAL -> Optional.of(new Validation(helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-1000000000000", "1000000000000"), "A number", "\"" + heading + "\" takes a number, or a blank cell."));
            case CODE -> type.codes().isEmpty() || String.join(",", type.codes()).length() > 250 ? Optional.empty()
                    : Optional.of(new Validation(helper.createExplicitListConstraint(type.codes().toArray(String[]::new)),
                    "One of: " + String.join(", ", type.codes()), "\"" + heading + "\" takes one of: " + String.join(", ", type.codes())));
            case CODE_LIST -> Optional.of(new Validation(new XSSFDataValidationConstraint(
                    DataValidationConstraint.ValidationType.ANY, null),
                    "One code or several separated by commas" + (type.codes().isEmpty() ? "" : ", of: " + String.join(", ", type.codes())),
                    null));
            case TEXT -> Optional.empty();
        };
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    // ---- reading the layout the compiler reads ----

    static List<Table> tables(XSSFSheet sheet) {
        List<Table> tables = new ArrayList<>();
        int last = sheet.getLastRowNum();
        int r = 0;
        while (r <= last) {
            if (!text(sheet, r, 0).startsWith(RULE_TABLE)) {
                r++;
                continue;
            }
            int title = r;
            List<TableColumn> columns = new ArrayList<>();
            Row keywords = sheet.getRow(title + 1);
            for (int c = 0; keywords != null && c < keywords.getLastCellNum(); c++) {
                String keyword = text(sheet, title + 1, c);
                if (!keyword.isEmpty()) {
                    columns.add(new TableColumn(c, keyword, text(sheet, title + 2, c), text(sheet, title + 3, c), text(sheet, title + 4, c)));
                }
            }
            int d = title + 5;
            while (d <= last && !blank(sheet.getRow(d)) && !text(sheet, d, 0).startsWith(RULE_TABLE)) {
                d++;
            }
            tables.add(new Table(title, title + 5, d - 1, columns));
            r = d;
        }
        return tables;
    }

    /** A cell's text, the value of a merged area read from its first cell. */
    private static String text(XSSFSheet sheet, int r, int c) {
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.isInRange(r, c)) {
                r = merged.getFirstRow();
                c = merged.getFirstColumn();
                break;
            }
        }
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null ? "" : FORMAT.formatCellValue(cell).trim();
    }

    private static boolean blank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!FORMAT.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The packages and classes the sheet's Import rows name. */
    private static List<String> imports(XSSFSheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            if (text(sheet, row.getRowNum(), 0).equalsIgnoreCase("Import")) {
                Arrays.stream(text(sheet, row.getRowNum(), 1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    // ---- what a column takes ----

    /**
     * What the cells of a rule-table column take, from its keyword, object type and code snippet: a condition by the
     * type of the field it compares (on the object type's fact class, found through the sheet's imports), an action
     * by the type of the constructor or method parameter its {@code $param} is passed to. {@code forall(...)} and
     * {@code in ($param)} take a comma-separated list. Unknown (TEXT) when it cannot be read.
     */
    static ColumnType typeOf(String keyword, String objectType, String code, List<String> imports, Map<String, Class<?>> bindings) {
        String k = keyword.toUpperCase(Locale.ROOT);
        if (k.equals("PRIORITY") || k.equals("SALIENCE")) {
            return ColumnType.of(ValueType.WHOLE_NUMBER);
        }
        if (!k.equals("CONDITION") && !k.equals("ACTION")) {
            return ColumnType.UNKNOWN;
        }
        if (code.contains("forall(")) {
            return new ColumnType(ValueType.CODE_LIST, codesOfForall(code, objectType, imports));
        }
        if (!code.contains("$param")) {
            return ColumnType.UNKNOWN;
        }
        if (MEMBERSHIP.matcher(code).find()) {
            return ColumnType.of(ValueType.CODE_LIST);
        }
        if (code.replace(" ", "").contains("eval($param)")) {
            return ColumnType.of(ValueType.TRUE_OR_FALSE);
        }
        if (k.equals("CONDITION")) {
            Matcher m = COMPARISON.matcher(code);
            if (m.find()) {
                Class<?> fact = fact(objectType, imports);
                return fact == null ? ColumnType.UNKNOWN : typeOfJava(propertyType(fact, m.group(1)));
            }
            return ColumnType.UNKNOWN;
        }
        return typeOfJava(parameterType(code, imports, bindings));
    }

    private static List<String> codesOfForall(String code, String objectType, List<String> imports) {
        Matcher m = Pattern.compile("\\{\\s*([\\w.]+)\\s*(==|!=)").matcher(code);
        Class<?> fact = fact(objectType, imports);
        if (!m.find() || fact == null) {
            return List.of();
        }
        Class<?> t = propertyType(fact, m.group(1));
        return t != null && t.isEnum() ? constants(t) : List.of();
    }

    private static Class<?> fact(String objectType, List<String> imports) {
        Matcher b = BINDING.matcher(objectType);
        String name = b.matches() ? b.group(2) : objectType.trim();
        return name.isEmpty() ? null : factClass(name, imports).orElse(null);
    }

    private static Optional<Class<?>> factClass(String name, List<String> imports) {
        List<String> candidates = new ArrayList<>();
        if (name.contains(".")) {
            candidates.add(name);
        }
        for (String i : imports) {
            if (i.endsWith(".*")) {
                candidates.add(i.substring(0, i.length() - 1) + name);
            } else if (i.endsWith("." + name)) {
                candidates.add(i);
            }
        }
        for (String c : candidates) {
            try {
                return Optional.of(Class.forName(c, false, EditableWorkbook.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this package; try the next import
            }
        }
        return Optional.empty();
    }

    /** The type of a property of a fact class: its getter ({@code getX}, {@code isX}, a record's {@code x()}) or field. */
    private static Class<?> propertyType(Class<?> fact, String property) {
        String name = property.contains(".") ? property.substring(0, property.indexOf('.')) : property;
        String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : List.of("get" + capitalised, "is" + capitalised, name)) {
            try {
                Method m = fact.getMethod(getter);
                return property.contains(".") ? propertyType(m.getReturnType(), property.substring(property.indexOf('.') + 1)) : m.getReturnType();
            } catch (NoSuchMethodException e) {
                // the next way of naming it
            }
        }
        try {
            Field f = fact.getField(name);
            return f.getType();
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    /**
     * The type of the parameter an action's {@code $param} is passed to: the innermost call around it, a constructor
     * ({@code new X(...)}) or a method of a bound fact ({@code $r.method(...)}), with as many arguments as the call
     * has. A quoted {@code "$param"} is text.
     */
    private static Class<?> parameterType(String code, List<String> imports, Map<String, Class<?>> bindings) {
        int at = code.indexOf("$param");
        if (at > 0 && code.charAt(at - 1) == '"') {
            return String.class;
        }
        int depth = 0;
        int open = -1;
        for (int i = at - 1; i >= 0; i--) {
            char ch = code.charAt(i);
            if (ch == ')') {
                depth++;
            } else if (ch == '(') {
                if (depth == 0) {
                    open = i;
                    break;
                }
                depth--;
            }
        }
        if (open < 0) {
            return null;
        }
        List<String> args = arguments(code, open);
        int index = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).trim().equals("$param")) {
                index = i;
            }
        }
        Matcher callee = CALLED.matcher(code.substring(0, open));
        if (index < 0 || !callee.find()) {
            return null;
        }
        List<Executable> candidates = new ArrayList<>();
        if (callee.group(1) != null) {
            factClass(callee.group(1), imports).ifPresent(k -> candidates.addAll(Arrays.asList(k.getConstructors())));
        } else if (callee.group(2) != null && bindings.containsKey(callee.group(2))) {
            for (Method m : bindings.get(callee.group(2)).getMethods()) {
                if (m.getName().equals(callee.group(3)) && !Modifier.isStatic(m.getModifiers())) {
                    candidates.add(m);
                }
            }
        }
        Class<?> found = null;
        for (Executable e : candidates) {
            if (e.getParameterCount() == args.size()) {
                Class<?> t = e.getParameterTypes()[index];
                if (found != null && found != t) {
                    return null; // overloads that disagree: no single type
                }
                found = t;
            }
        }
        return found;
    }

    /** The top-level arguments of the call whose "(" is at {@code open}. */
    private static List<String> arguments(String code, int open) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = open + 1; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '(' || ch == '{' || ch == '[')) {
                depth++;
            } else if (!quoted && (ch == ')' || ch == '}' || ch == ']')) {
                if (depth == 0) {
                    args.add(current.toString());
                    return args;
                }
                depth--;
            } else if (!quoted && ch == ',' && depth == 0) {
                args.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        return args;
    }

    private static ColumnType typeOfJava(Class<?> t) {
        if (t == null) {
            return ColumnType.UNKNOWN;
        }
        if (t == boolean.class || t == Boolean.class) {
            return ColumnType.of(ValueType.TRUE_OR_FALSE);
        }
        if (t == int.class || t == long.class || t == short.class || t == Integer.class || t == Long.class || t == Short.class) {
            return ColumnType.of(ValueType.WHOLE_NUMBER);
        }
        if (t == double.class || t == float.class || t == Double.class || t == Float.class || t == BigDecimal.class) {
            return ColumnType.of(ValueType.DECIMAL);
        }
        if (t.isEnum()) {
            return new ColumnType(ValueType.CODE, constants(t));
        }
        return ColumnType.UNKNOWN;
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    }

    /** Copies of the workbook's cell styles that differ only in being locked or not, made once each. */
    private static final class Styles {
        private final XSSFWorkbook wb;
        private final Map<Integer, XSSFCellStyle> locked = new HashMap<>();
        private final Map<Integer, XSSFCellStyle> unlocked = new HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
        }

        XSSFCellStyle locked(int style) {
            return copy(style, true, locked);
        }

        XSSFCellStyle unlocked(int style) {
            return copy(style, false, unlocked);
        }

        private XSSFCellStyle copy(int style, boolean lock, Map<Integer, XSSFCellStyle> made) {
            XSSFCellStyle original = wb.getCellStyleAt(style);
            if (original.getLocked() == lock) {
                return original;
            }
            return made.computeIfAbsent(style, s -> {
                XSSFCellStyle c = wb.createCellStyle();
                c.cloneStyleFrom(original);
                c.setLocked(lock);
                return c;
            });
        }
    }
}
