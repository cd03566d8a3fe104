package org.dynreg.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The FEEL a gateway condition may be written in: comparisons ({@code =}, {@code !=}, {@code <}, {@code <=},
 * {@code >}, {@code >=}) of process variables and literals (text in double quotes, numbers, {@code true},
 * {@code false}, {@code null}), joined by {@code and} and {@code or}, negated by {@code not(...)}, grouped by
 * parentheses. Nothing else: FEEL in the process engine can call functions and Java methods, follow paths and
 * build lists and contexts, and none of that belongs in a policy file.
 */
final class FeelCondition {
    static final String ALLOWED = "a condition may only compare process variables and literals (=, !=, <, <=, >, >=), "
            + "joined by and, or and not(...), e.g. admissible = true, not(resurveyOutcome = \"SURVEYED\")";

    private final List<String> tokens;
    private final Set<String> variables;
    private int at;

    private FeelCondition(List<String> tokens, Set<String> variables) {
        this.tokens = tokens;
        this.variables = variables;
    }

    /** Null when the condition is allowed; otherwise the end of a sentence saying what is wrong with it. */
    static String check(String text, Set<String> variables) {
        return refusal(text, Objects.requireNonNull(variables));
    }

    /**
     * Whether an allowed condition holds for these variable values (a missing variable is null). A comparison
     * with null on either side, other than {@code = null} and {@code != null}, is false; values of different kinds
     * (text and a number) are never equal and not ordered; {@code not(...)} negates what is inside. Refused with an
     * IllegalArgumentException when the condition is not allowed ({@link #check}).
     */
    static boolean holds(String text, Map<String, ?> values) {
        String problem = refusal(text, null);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<String> tokens = new ArrayList<>();
        tokenize(text, tokens);
        Evaluator e = new Evaluator(tokens, values);
        return e.or();
    }

    /** As {@link #check}; with null {@code variables}, any name is taken for a variable. */
    private static String refusal(String text, Set<String> variables) {
        List<String> tokens = new ArrayList<>();
        String problem = tokenize(text, tokens);
        if (problem != null) {
            return problem;
        }
        if (tokens.isEmpty()) {
            return "is empty; " + ALLOWED;
        }
        FeelCondition c = new FeelCondition(tokens, variables);
        try {
            c.or();
            if (c.at < tokens.size()) {
                throw new Refused("has " + quote(tokens.get(c.at)) + " where the condition should end");
            }
            return null;
        } catch (Refused e) {
            return e.getMessage() + "; " + ALLOWED;
        }
    }

    /** Evaluates tokens already known to be an allowed condition. */
    private static final class Evaluator {
        private final List<String> tokens;
        private final Map<String, ?> values;
        private int at;

        Evaluator(List<String> tokens, Map<String, ?> values) {
            this.tokens = tokens;
            this.values = values;
        }

        boolean or() {
            boolean v = and();
            while (accept("or")) {
                v = and() | v;
            }
            return v;
        }

        boolean and() {
            boolean v = unary();
            while (accept("and")) {
                v = unary() & v;
            }
            return v;
        }

        boolean unary() {
            if (accept("not")) {
                accept("(");
                boolean v = or();
                accept(")");
                return !v;
            }
            if (accept("(")) {
                boolean v = or();
                accept(")");
                return v;
            }
            Object left = operand();
            String op = tokens.get(at++);
            Object right = operand();
            return compare(left, op, right);
        }

        private Object operand() {
            String t = tokens.get(at++);
            if (t.startsWith("\"")) {
                return t.substring(1, t.length() - 1);
            }
            if (Character.isDigit(t.charAt(0)) || t.startsWith("-")) {
                return new java.math.BigDecimal(t);
            }
            switch (t) {
                case "true": return Boolean.TRUE;
                case "false": return Boolean.FALSE;
                case "null": return null;
                default: {
                    Object v = values.get(t);
                    return v instanceof Number n && !(v instanceof java.math.BigDecimal) ? new java.math.BigDecimal(n.toString()) : v;
                }
            }
        }

        private boolean accept(String t) {
            if (at < tokens.size() && t.equals(tokens.get(at))) {
                at++;
                return true;
            }
            return false;
        }
    }

    private static boolean compare(Object left, String op, Object right) {
        if (left == null || right == null) {
            return switch (op) {
                case "=" -> left == null && right == null;
                case "!=" -> !(left == null && right == null);
                default -> false;
            };
        }
        if (left instanceof java.math.BigDecimal a && right instanceof java.math.BigDecimal b) {
            return ordered(a.compareTo(b), op);
        }
        if (left instanceof String a && right instanceof String b) {
            return ordered(a.compareTo(b), op);
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return switch (op) {
                case "=" -> a.equals(b);
                case "!=" -> !a.equals(b);
                default -> false;
            };
        }
        return "!=".equals(op);
    }

    /** A comparison of two ordered values, given their {@code compareTo}. */
    private static boolean ordered(int c, String op) {
        return switch (op) {
            case "=" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private void or() {
        and();
        while (accept("or")) {
            and();
        }
    }

    private void and() {
        unary();
        while (accept("and")) {
            unary();
        }
    }

    private void unary() {
        if (accept("not")) {
            expect("(", "not must be followed by (");
            or();
            expect(")", "a ( is not closed");
            return;
        }
        if (accept("(")) {
            or();
            expect(")", "a ( is not closed");
            return;
        }
        operand();
        String op = next();
        if (op == null || !Set.of("=", "!=", "<", "<=", ">", ">=").contains(op)) {
            throw new Refused(op == null ? "ends without a comparison" : "has " + quote(op) + " where a comparison (=, !=, <, <=, >, >=) should be");
        }
        operand();
    }

    private void operand() {
        String t = next();
        if (t == null) {
            throw new Refused("ends where a variable or a value should be");
        }
        if (t.startsWith("\"") || Character.isDigit(t.charAt(0)) || t.startsWith("-") || Set.of("true", "false", "null").contains(t)) {
            return;
        }
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            if ("(".equals(peek())) {
                throw new Refused("calls the function " + quote(t) + ", and a condition may call none");
            }
            if (".".equals(peek())) {
                throw new Refused("follows a path from " + quote(t) + ", and a condition may not");
            }
            if (Set.of("and", "or", "not", "if", "then", "else", "for", "some", "every", "in", "return", "satisfies",
                    "instance", "of", "function", "between").contains(t)) {
                throw new Refused("uses " + quote(t) + " where a variable or a value should be");
            }
            if (variables != null && !variables.contains(t)) {
                throw new Refused("names " + quote(t) + ", which is not a variable of this process");
            }
            return;
        }
        throw new Refused("has " + quote(t) + " where a variable or a value should be");
    }

    private boolean accept(String t) {
        if (t.equals(peek())) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String t, String otherwise) {
        if (!accept(t)) {
            throw new Refused(otherwise);
        }
    }

    private String peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private String next() {
        return at < tokens.size() ? tokens.get(at++) : null;
    }

    /** Splits the text into tokens; a problem when it holds a character no allowed condition has. */
    private static String tokenize(String text, List<String> out) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '\\') {
                    end++;
                }
                if (end >= text.length() || text.charAt(end) != '"') {
                    return "has a text that is not closed by \" (or holds a backslash)";
                }
                out.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int end = i + 1;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                out.add(text.substring(i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                out.add(text.substring(i, end));
                i = end;
            } else if (text.startsWith("!=", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
                out.add(text.substring(i, i + 2));
                i += 2;
            } else if ("=<>().".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
                i++;
            } else {
                return "holds " + quote(String.valueOf(c)) + ", which no allowed condition has; " + ALLOWED;
            }
        }
        return null;
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
