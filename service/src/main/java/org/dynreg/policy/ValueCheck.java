package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks every value of a rule table's CONDITION and ACTION columns by the type the column declares, before the
 * rules compiler sees the sheet, so that a slip an officer makes in a spreadsheet comes back at its cell, under its
 * column's heading, in plain words, and never as a compiler message.
 *
 * <p>A column's type is told from its code snippet and the fact classes, never from a list of known tables:
 * {@code eval($param)} is a switch (TRUE or FALSE, required); {@code field OP $param} takes the type of the fact's
 * getter named by the field; {@code $param} as an argument of {@code new Type(...)} or of {@code $binding.method(...)}
 * takes the parameter's type; {@code forall(||){field == "$"}} is a list of codes and {@code field == "$param"} one
 * code, where the getter is marked with {@link Codes} (otherwise text); {@code "$param"} anywhere else is free text.
 * Where the type cannot be told the value is left to the compiler.
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

    private static final Pattern SWITCH = Pattern.compile("\\s*eval\\(\\s*\\$param\\s*\\)\\s*;?\\s*");
    private static final Pattern FORALL = Pattern.compile("forall\\([^)]*\\)\\s*\\{\\s*(\\w+)\\s*(==|!=)\\s*\"\\$\"\\s*}");
    private static final Pattern QUOTED_FIELD = Pattern.compile("(\\w+)\\s*(==|!=)\\s*\"\\$param\"");
    private static final Pattern FIELD = Pattern.compile("(\\w+)\\s*(==|!=|>=|<=|>|<)\\s*\\$param\\b");
    private static final Pattern NUMBERED_PARAM = Pattern.compile("\\$\\d");
    private static final Pattern BINDING = Pattern.compile("\\s*(\\$\\w+)\\s*:\\s*([\\w.]+).*");
    private static final Pattern TYPE = Pattern.compile("\\s*([\\w.]+).*");
    private static final Pattern LIBRE_OFFICE_BOOLEAN = Pattern.compile("(?i)\\s*(TRUE|FALSE)\\s*\\(\\s*\\)\\s*");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?\\d+,\\d+");
    private static final Pattern THOUSANDS = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** What a column takes. */
    enum Kind { SWITCH, BOOLEAN, WHOLE, NUMBER, CODE, CODES, TEXT }

    /** A column's type: its kind and, for codes, the codes it accepts (empty: any). */
    record Type(Kind kind, List<String> codes) {
        String expected() {
            return switch (kind) {
                case SWITCH, BOOLEAN -> "TRUE or FALSE";
                case WHOLE -> "a whole number such as 34";
                case NUMBER -> "a number such as 12.5";
                case CODE -> codes.isEmpty() ? "a code" : "one of the codes " + String.join(", ", codes);
                case CODES -> codes.isEmpty() ? "one or more codes separated by commas"
                        : "one or more of the codes " + String.join(", ", codes) + " separated by commas";
                case TEXT -> "text without double quotes (\")";
            };
        }
    }

    private record Column(int index, String keyword, String code, String heading, Type type, boolean required) {
        String letter() {
            return CellReference.convertNumToColString(index);
        }
    }

    private final String file;
    private final Sheet sheet;
    private final List<PolicyProblem> problems;
    private final List<String> imports = new ArrayList<>();

    private ValueCheck(String file, Sheet sheet, List<PolicyProblem> problems) {
        this.file = file;
        this.sheet = sheet;
        this.problems = problems;
    }

    /** Adds a problem for every value of the sheet's rule tables that its column cannot take. */
    static void check(String file, Sheet sheet, List<PolicyProblem> problems) {
        new ValueCheck(file, sheet, problems).run();
    }

    private void run() {
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
            String first = shown(r, 0);
            if (first.equalsIgnoreCase("Import")) {
                for (String i : shown(r, 1).split(",")) {
                    if (!i.isBlank()) {
                        imports.add(i.strip());
                    }
                }
            }
            if (first.startsWith(RULE_TABLE)) {
                r = table(r) - 1;
            }
        }
    }

    /** Checks the table whose title is in row r (0-based); returns the row after its last rule row. */
    private int table(int r) {
        Map<String, Class<?>> bindings = new HashMap<>();
        Row keywords = sheet.getRow(r + 1);
        int width = keywords == null ? 0 : keywords.getLastCellNum();
        for (int c = 0; c < width; c++) {
            Matcher b = BINDING.matcher(shown(r + 2, c));
            if (b.matches()) {
                Class<?> type = resolve(b.group(2));
                if (type != null) {
                    bindings.put(b.group(1), type);
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String keyword = shown(r + 1, c).toUpperCase(Locale.ROOT);
            if (!keyword.equals("CONDITION") && !keyword.equals("ACTION")) {
                continue;
            }
            String objectType = shown(r + 2, c);
            Matcher b = BINDING.matcher(objectType);
            Matcher t = TYPE.matcher(objectType);
            Class<?> fact = b.matches() ? bindings.get(b.group(1)) : t.matches() ? resolve(t.group(1)) : null;
            String code = shown(r + 3, c);
            String heading = shown(r + 4, c);
            Type type = typeOf(code, fact, bindings);
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

    // ---- the type a column declares ----

    private Type typeOf(String code, Class<?> fact, Map<String, Class<?>> bindings) {
        if (code.isEmpty() || NUMBERED_PARAM.matcher(code).find()) {
            return null;
        }
        if (SWITCH.matcher(code).matches()) {
            return new Type(Kind.SWITCH, List.of());
        }
        Matcher forall = FORALL.matcher(code);
        if (forall.find()) {
            return new Type(Kind.CODES, codes(getter(fact, forall.group(1))));
        }
        if (!code.contains("$param")) {
            return null;
        }
        Matcher quotedField = QUOTED_FIELD.matcher(code);
        if (quotedField.find()) {
            List<String> codes = codes(getter(fact, quotedField.group(1)));
            return codes.isEmpty() ? new Type(Kind.TEXT, List.of()) : new Type(Kind.CODE, codes);
        }
        if (code.contains("\"$param\"")) {
            return new Type(Kind.TEXT, List.of());
        }
        Matcher field = FIELD.matcher(code);
        if (field.find()) {
            Method getter = getter(fact, field.group(1));
            return getter == null ? null : of(getter.getReturnType());
        }
        return of(parameterType(code, bindings));
    }

    private static Type of(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == boolean.class || type == Boolean.class) {
            return new Type(Kind.BOOLEAN, List.of());
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
                || type == Short.class) {
            return new Type(Kind.WHOLE, List.of());
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class || type == BigDecimal.class) {
            return new Type(Kind.NUMBER, List.of());
        }
        if (type.isEnum()) {
            return new Type(Kind.CODE, Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        }
        return null;
    }

    private static List<String> codes(Method getter) {
        if (getter == null) {
            return List.of();
        }
        Codes codes = getter.getAnnotation(Codes.class);
        Class<?> type = codes != null ? codes.value() : getter.getReturnType();
        return type.isEnum() ? Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList() : List.of();
    }

    private static Method getter(Class<?> fact, String field) {
        if (fact == null || field.isEmpty()) {
            return null;
        }
        String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        for (String name : List.of("get" + cap, "is" + cap, field)) {
            try {
                Method m = fact.getMethod(name);
                if (m.getReturnType() != void.class) {
                    return m;
                }
            } catch (NoSuchMethodException e) {
                // try the next name
            }
        }
        return null;
    }

    /**
     * The declared type of the parameter {@code $param} is passed as, in {@code new Type(..., $param, ...)} or
     * {@code $binding.method(..., $param, ...)}; null when no constructor or method of that name and arity tells it.
     */
    private Class<?> parameterType(String code, Map<String, Class<?>> bindings) {
        int at = code.indexOf("$param");
        int depth = 0;
        int index = 0;
        int open = -1;
        boolean inQuotes = false;
        for (int i = at - 1; i >= 0 && open < 0; i--) {
            char ch = code.charAt(i);
            if (ch == '"') {
                inQuotes = !inQuotes;
            } else if (inQuotes) {
                continue;
            } else if (ch == ')') {
                depth++;
            } else if (ch == '(') {
                if (depth == 0) {
                    open = i;
                } else {
                    depth--;
                }
            } else if (ch == ',' && depth == 0) {
                index++;
            }
        }
        if (open < 0) {
            return null;
        }
        int arity = 1;
        depth = 0;
        boolean quoted = false;
        for (int i = open + 1; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                arity++;
            }
        }
        Matcher name = Pattern.compile("(?:(new)\\s+([\\w.]+)|(\\$\\w+)\\s*\\.\\s*(\\w+))\\s*$").matcher(code.substring(0, open));
        if (!name.find()) {
            return null;
        }
        List<Executable> candidates = new ArrayList<>();
        if (name.group(1) != null) {
            Class<?> type = resolve(name.group(2));
            if (type != null) {
                candidates.addAll(Arrays.asList((Constructor<?>[]) type.getConstructors()));
            }
        } else {
            Class<?> type = bindings.get(name.group(3));
            if (type != null) {
                Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name.group(4))).forEach(candidates::add);
            }
        }
        Set<Class<?>> types = new LinkedHashSet<>();
        int i = index;
        int n = arity;
        candidates.stream().filter(e -> e.getParameterCount() == n && Modifier.isPublic(e.getModifiers()))
                .forEach(e -> types.add(e.getParameterTypes()[i]));
        return types.size() == 1 ? types.iterator().next() : null;
    }

    /** A fact class named in the sheet, by its full name or through the sheet's Import rows. */
    private Class<?> resolve(String name) {
        List<String> tries = new ArrayList<>();
        if (name.contains(".")) {
            tries.add(name);
        }
        for (String i : imports) {
            if (i.endsWith(".*")) {
                tries.add(i.substring(0, i.length() - 1) + name);
            } else if (i.endsWith("." + name)) {
                tries.add(i);
            }
        }
        for (String t : tries) {
            try {
                return Class.forName(t, false, ValueCheck.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one
            }
        }
        return null;
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
        Cell cell = cell(r, c);
        if (isBlank(cell)) {
            for (CellRangeAddress merged : sheet.getMergedRegions()) {
                if (merged.isInRange(r, c) && (merged.getFirstRow() != r || merged.getFirstColumn() != c)) {
                    cell = cell(merged.getFirstRow(), merged.getFirstColumn());
                    break;
                }
            }
        }
        return cell == null ? "" : FORMAT.formatCellValue(cell).trim();
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
