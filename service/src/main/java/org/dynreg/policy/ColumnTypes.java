package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cells of a rule-table column take, read from the column's code snippet and the Java types of the facts it
 * names, never from a list of known tables. The one reader of a column's type: the value check before the compiler
 * runs ({@link ValueCheck}) and the validations of a downloaded workbook ({@link EditableWorkbook}) both ask it.
 *
 * <ul>
 * <li>{@code eval($param)} alone is a switch (TRUE or FALSE); {@code eval($param)} within more code a TRUE/FALSE value;
 * <li>{@code forall(||){field == "$"}} is a list of codes, {@code field in ($param)} a list;
 * <li>{@code field == "$param"} is one code where the fact's getter is marked with {@link Codes} or returns an enum,
 * otherwise text; {@code "$param"} anywhere else is free text;
 * <li>{@code field OP $param} takes the type of the fact's property named by the field (a getter {@code getX},
 * {@code isX}, a record's {@code x()}, or a public field; {@code a.b} follows the path; {@code $m.field} is the
 * property of the fact bound to {@code $m});
 * <li>{@code $param} as an argument of {@code new Type(...)} or {@code $binding.method(...)} takes the type of the
 * parameter it is passed to, where the constructors or methods of that name and number of arguments agree on it;
 * <li>a PRIORITY or SALIENCE column takes a whole number.
 * </ul>
 * Fact classes are found by their full name or through the sheet's Import rows; a binding ({@code $m : MemberFacts})
 * is read from the object-type row of the column's own table. Where the type cannot be told it is unknown (null).
 */
final class ColumnTypes {

    /** What a column takes. */
    enum Kind { SWITCH, BOOLEAN, WHOLE, NUMBER, CODE, CODES, TEXT }

    /** A column's type: its kind and, for codes, the codes it accepts (empty: any). */
    record Type(Kind kind, List<String> codes) {
        static Type of(Kind kind) {
            return new Type(kind, List.of());
        }

        /** What the column takes, in the words an officer reads. */
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

    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);
    private static final Pattern SWITCH = Pattern.compile("\\s*eval\\(\\s*\\$param\\s*\\)\\s*;?\\s*");
    private static final Pattern EVAL = Pattern.compile("eval\\(\\s*\\$param\\s*\\)");
    private static final Pattern FORALL = Pattern.compile("forall\\([^)]*\\)\\s*\\{\\s*([\\w.]+)\\s*(==|!=)\\s*\"\\$\"\\s*}");
    private static final Pattern MEMBERSHIP = Pattern.compile("(?i)\\b(not\\s+)?in\\s*\\(\\s*\"?\\$param\"?\\s*\\)");
    private static final Pattern QUOTED_FIELD = Pattern.compile("(?:(\\$\\w+)\\.)?([\\w.]+)\\s*(==|!=)\\s*\"\\$param\"");
    private static final Pattern FIELD = Pattern.compile("(?:(\\$\\w+)\\.)?([\\w.]+)\\s*(==|!=|>=|<=|>|<)\\s*\\$param\\b");
    private static final Pattern NUMBERED_PARAM = Pattern.compile("\\$\\d");
    private static final Pattern BINDING = Pattern.compile("\\s*(\\$\\w+)\\s*:\\s*([\\w.]+).*");
    private static final Pattern TYPE = Pattern.compile("\\s*([\\w.]+).*");
    private static final Pattern CALLED = Pattern.compile("(?:new\\s+([\\w.]+)|(\\$\\w+)\\s*\\.\\s*(\\w+))\\s*$");

    private final List<String> imports;

    ColumnTypes(List<String> imports) {
        this.imports = List.copyOf(imports);
    }

    /** The reader for a sheet, with the packages and classes its Import rows name. */
    static ColumnTypes of(Sheet sheet) {
        List<String> imports = new ArrayList<>();
        for (Row row : sheet) {
            if (text(sheet, row.getRowNum(), 0).equalsIgnoreCase("Import")) {
                Arrays.stream(text(sheet, row.getRowNum(), 1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .forEach(imports::add);
            }
        }
        return new ColumnTypes(imports);
    }

    /** A cell's text as it shows; in a merged area, the area's value. */
    static String text(Sheet sheet, int r, int c) {
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

    /** The facts one table's object-type row binds ({@code $m : MemberFacts}), by their name with its $. */
    Map<String, Class<?>> bindings(List<String> objectTypes) {
        Map<String, Class<?>> bindings = new HashMap<>();
        for (String objectType : objectTypes) {
            Matcher b = BINDING.matcher(objectType);
            if (b.matches()) {
                Class<?> type = resolve(b.group(2));
                if (type != null) {
                    bindings.put(b.group(1), type);
                }
            }
        }
        return bindings;
    }

    /**
     * What the cells of a column take, from its keyword, object type and code snippet, with the bindings of its table;
     * null when that cannot be told.
     */
    Type of(String keyword, String objectType, String code, Map<String, Class<?>> bindings) {
        String k = keyword.strip().toUpperCase(Locale.ROOT);
        if (k.equals("PRIORITY") || k.equals("SALIENCE")) {
            return Type.of(Kind.WHOLE);
        }
        if (!k.equals("CONDITION") && !k.equals("ACTION")) {
            return null;
        }
        if (code.isEmpty() || NUMBERED_PARAM.matcher(code).find()) {
            return null;
        }
        if (SWITCH.matcher(code).matches()) {
            return Type.of(Kind.SWITCH);
        }
        Class<?> fact = fact(objectType, bindings);
        Matcher forall = FORALL.matcher(code);
        if (forall.find()) {
            return new Type(Kind.CODES, codes(property(fact, forall.group(1))));
        }
        if (code.contains("forall(")) {
            return Type.of(Kind.CODES);
        }
        if (!code.contains("$param")) {
            return null;
        }
        if (MEMBERSHIP.matcher(code).find()) {
            return Type.of(Kind.CODES);
        }
        if (EVAL.matcher(code).find()) {
            return Type.of(Kind.BOOLEAN);
        }
        Matcher quotedField = QUOTED_FIELD.matcher(code);
        if (quotedField.find()) {
            List<String> codes = codes(property(quotedField.group(1) == null ? fact : bindings.get(quotedField.group(1)),
                    quotedField.group(2)));
            return codes.isEmpty() ? Type.of(Kind.TEXT) : new Type(Kind.CODE, codes);
        }
        if (code.contains("\"$param\"")) {
            return Type.of(Kind.TEXT);
        }
        Matcher field = FIELD.matcher(code);
        if (field.find()) {
            return of(typeOf(property(field.group(1) == null ? fact : bindings.get(field.group(1)), field.group(2))));
        }
        return of(parameterType(code, bindings));
    }

    /** The fact class a column's object type names: a binding of its table, or a class by name. */
    private Class<?> fact(String objectType, Map<String, Class<?>> bindings) {
        Matcher b = BINDING.matcher(objectType);
        if (b.matches()) {
            return bindings.containsKey(b.group(1)) ? bindings.get(b.group(1)) : resolve(b.group(2));
        }
        Matcher t = TYPE.matcher(objectType);
        return t.matches() ? resolve(t.group(1)) : null;
    }

    private static Type of(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Type.of(Kind.BOOLEAN);
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
                || type == Short.class) {
            return Type.of(Kind.WHOLE);
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class || type == BigDecimal.class) {
            return Type.of(Kind.NUMBER);
        }
        if (type.isEnum()) {
            return new Type(Kind.CODE, constants(type));
        }
        return null;
    }

    /** The codes a property takes: the enum its getter is marked with ({@link Codes}) or returns; empty if none. */
    private static List<String> codes(Member property) {
        Codes marked = property instanceof Method m ? m.getAnnotation(Codes.class) : null;
        Class<?> type = marked != null ? marked.value() : typeOf(property);
        return type != null && type.isEnum() ? constants(type) : List.of();
    }

    private static List<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
    }

    private static Class<?> typeOf(Member property) {
        return property instanceof Method m ? m.getReturnType() : property instanceof Field f ? f.getType() : null;
    }

    /**
     * A property of a fact class: its getter ({@code getX}, {@code isX}, a record's {@code x()}) or public field;
     * {@code a.b} is the property b of a's type. Null when there is none.
     */
    private static Member property(Class<?> fact, String path) {
        if (fact == null || path.isEmpty()) {
            return null;
        }
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        if (name.isEmpty()) {
            return null;
        }
        Member found = null;
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : List.of("get" + cap, "is" + cap, name)) {
            try {
                Method m = fact.getMethod(getter);
                if (m.getReturnType() != void.class) {
                    found = m;
                    break;
                }
            } catch (NoSuchMethodException e) {
                // the next way of naming it
            }
        }
        if (found == null) {
            try {
                found = fact.getField(name);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        return dot < 0 ? found : property(typeOf(found), path.substring(dot + 1));
    }

    /**
     * The declared type of the parameter {@code $param} is passed to: the innermost call around it, a constructor
     * ({@code new X(...)}) or a method of a bound fact ({@code $r.method(...)}), with as many arguments as the call
     * has and {@code $param} as a whole argument. Null when the constructors or methods of that name and arity do not
     * agree on one type.
     */
    private Class<?> parameterType(String code, Map<String, Class<?>> bindings) {
        int at = code.indexOf("$param");
        int depth = 0;
        int open = -1;
        boolean quoted = false;
        for (int i = at - 1; i >= 0 && open < 0; i--) {
            char ch = code.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (ch == ')') {
                depth++;
            } else if (ch == '(') {
                if (depth == 0) {
                    open = i;
                } else {
                    depth--;
                }
            }
        }
        if (open < 0) {
            return null;
        }
        List<String> args = arguments(code, open);
        int index = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).strip().equals("$param")) {
                index = i;
            }
        }
        Matcher callee = CALLED.matcher(code.substring(0, open));
        if (index < 0 || !callee.find()) {
            return null;
        }
        List<Executable> candidates = new ArrayList<>();
        if (callee.group(1) != null) {
            Class<?> type = resolve(callee.group(1));
            if (type != null) {
                candidates.addAll(Arrays.asList(type.getConstructors()));
            }
        } else if (bindings.containsKey(callee.group(2))) {
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

    /** A fact class named in the sheet, by its full name or through the sheet's Import rows; null if none. */
    Class<?> resolve(String name) {
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
                return Class.forName(t, false, ColumnTypes.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // not this one; try the next import
            }
        }
        return null;
    }
}
