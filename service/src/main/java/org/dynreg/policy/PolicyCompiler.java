package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a policy bundle's decision table workbooks and DRL files into a knowledge base (its process files
 * are left to the {@link ProcessCheck}), or refuses
 * it with every problem named by file, sheet, cell or line. Each worksheet is turned into DRL on its
 * own so that a compiler error can be traced back to the sheet and row that produced it.
 */
public class PolicyCompiler {

    /** Header words this project accepts in a rule table; Drools would read near-misses loosely. */
    static final Set<String> TABLE_KEYWORDS = Set.of("NAME", "DESCRIPTION", "CONDITION", "ACTION", "METADATA",
            "SALIENCE", "PRIORITY", "NO-LOOP", "ACTIVATION-GROUP", "AGENDA-GROUP");
    /** Words accepted in the first column of the settings area above the rule tables. */
    static final Set<String> SETTINGS_KEYWORDS = Set.of("RULESET", "IMPORT", "NOTES", "VARIABLES", "FUNCTIONS",
            "QUERIES", "DECLARE", "SEQUENTIAL", "UNIT");

    private static final Pattern RULE_VALUES = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule \"(.*)\"\\s*$");
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final String NULL_PACKAGE = "Parser returned a null Package";
    private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    public CompiledPolicy compile(int version, List<PolicyFile> files) {
        return compile(version, files, true);
    }

    /**
     * As {@link #compile(int, List)}; with {@code checkValues} false the values of the rule tables are not checked
     * by their columns' types first (for stored versions, checked when they were uploaded, which the rules of a
     * later release must not refuse after the fact).
     */
    public CompiledPolicy compile(int version, List<PolicyFile> files, boolean checkValues) {
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, String> drl = new LinkedHashMap<>();
        Map<String, SheetDrl> sheets = new LinkedHashMap<>();
        Map<String, RuleSource> sources = new LinkedHashMap<>();
        if (files.isEmpty()) {
            problems.add(PolicyProblem.inFile("(bundle)", "the bundle holds no decision table and no DRL file"));
        }
        for (PolicyFile file : files) {
            if (file.kind() == PolicyFile.Kind.PROCESS) {
                continue; // checked by the ProcessCheck and run by the process engine, not compiled into the rules
            }
            if (file.kind() == PolicyFile.Kind.DRL) {
                String text = new String(file.content(), java.nio.charset.StandardCharsets.UTF_8);
                drl.put(file.path(), text);
                collectRuleNames(text, file.path(), sources);
            } else {
                for (SheetDrl sheet : tables(file, problems, checkValues)) {
                    String key = file.path() + "#" + sheet.sheet() + ".drl";
                    drl.put(key, sheet.drl());
                    sheets.put(key, sheet);
                    sources.putAll(sheet.rules());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        KieHelper helper = new KieHelper();
        drl.forEach((path, text) -> helper.addResource(
                ResourceFactory.newByteArrayResource(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .setSourcePath(path.endsWith(".drl") ? path : path + ".drl"), ResourceType.DRL));
        Results results = helper.verify();
        List<Message> errors = results.getMessages(Message.Level.ERROR);
        for (Message m : errors) {
            // the parser adds this after any syntax error of the same file; it says nothing more
            if (NULL_PACKAGE.equals(m.getText()) && errors.stream().anyMatch(o -> o != m && Objects.equals(o.getPath(), m.getPath()))) {
                continue;
            }
            problems.add(locate(m, sheets));
        }
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        KieBase kieBase = helper.build();
        return new CompiledPolicy(version, Hashes.bundleSha256(files), kieBase, Map.copyOf(sources), Map.copyOf(drl));
    }

    /** The DRL a workbook's sheets compile to, for review and diffs. */
    public Map<String, String> drlOf(PolicyFile file) {
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (SheetDrl s : tables(file, problems, false)) {
            out.put(s.sheet(), s.drl());
        }
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        return out;
    }

    record SheetDrl(String file, String sheet, String drl, Map<String, RuleSource> rules, Map<Integer, Row> rows) {}

    private List<SheetDrl> tables(PolicyFile file, List<PolicyProblem> problems, boolean checkValues) {
        List<SheetDrl> out = new ArrayList<>();
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(file.content()));
        } catch (Exception | Error e) {
            problems.add(PolicyProblem.inFile(file.path(), "not a readable .xlsx workbook (" + e.getMessage() + ")"));
            return out;
        }
        try (wb) {
            for (Sheet sheet : wb) {
                int before = problems.size();
                boolean hasTable = checkHeaders(file.path(), sheet, problems);
                if (!hasTable || problems.size() > before) {
                    continue;
                }
                if (checkValues) {
                    // every value by its column's type first: the compiler never sees a value it would misread
                    ValueCheck.check(file.path(), sheet, problems);
                    if (problems.size() > before) {
                        continue;
                    }
                }
                String drl;
                try {
                    drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), sheet.getSheetName());
                } catch (RuntimeException e) {
                    problems.add(parseProblem(file.path(), sheet.getSheetName(), e));
                    continue;
                }
                Map<String, RuleSource> rules = new LinkedHashMap<>();
                Map<Integer, Row> rows = new LinkedHashMap<>();
                String pendingRow = null;
                for (String line : drl.split("\\R")) {
                    Matcher v = RULE_VALUES.matcher(line);
                    if (v.find()) {
                        pendingRow = v.group(2);
                        continue;
                    }
                    Matcher n = RULE_NAME.matcher(line);
                    if (n.matches() && pendingRow != null) {
                        int row = Integer.parseInt(pendingRow);
                        rules.put(n.group(1), new RuleSource(file.path(), sheet.getSheetName(), row));
                        rows.put(row, sheet.getRow(row - 1));
                        pendingRow = null;
                    }
                }
                out.add(new SheetDrl(file.path(), sheet.getSheetName(), drl, rules, rows));
            }
        } catch (java.io.IOException e) {
            problems.add(PolicyProblem.inFile(file.path(), "could not be read: " + e.getMessage()));
        }
        return out;
    }

    /**
     * Checks the settings keywords and every rule table's header row against the words this project
     * understands, and that each condition or action column has its code snippet. Returns whether the
     * sheet holds a rule table at all (sheets without one, such as an officer's notes, are skipped).
     */
    private boolean checkHeaders(String file, Sheet sheet, List<PolicyProblem> problems) {
        boolean inSettings = true;
        boolean hasTable = false;
        for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String first = text(row, 0);
            if (first.startsWith("RuleTable")) {
                hasTable = true;
                inSettings = false;
                Row keywords = sheet.getRow(r + 1);
                Row snippets = sheet.getRow(r + 3);
                if (keywords == null) {
                    problems.add(PolicyProblem.atCell(file, sheet.getSheetName(), r + 2, "A", "the rule table '" + first + "' has no header row"));
                    continue;
                }
                int conditions = 0;
                int actions = 0;
                boolean unknown = false;
                for (int c = 0; c < keywords.getLastCellNum(); c++) {
                    String word = text(keywords, c);
                    if (word.isEmpty()) {
                        continue;
                    }
                    String upper = word.toUpperCase(Locale.ROOT);
                    String col = CellReference.convertNumToColString(c);
                    if (!TABLE_KEYWORDS.contains(upper)) {
                        unknown = true;
                        problems.add(PolicyProblem.atCell(file, sheet.getSheetName(), r + 2, col,
                                "unknown column keyword '" + word + "': use one of " + String.join(", ", new java.util.TreeSet<>(TABLE_KEYWORDS))));
                        continue;
                    }
                    if (!upper.equals(word)) {
                        problems.add(PolicyProblem.atCell(file, sheet.getSheetName(), r + 2, col,
                                "column keyword '" + word + "' must be written in capitals as " + upper));
                    }
                    if (upper.equals("CONDITION") || upper.equals("ACTION")) {
                        if (upper.equals("CONDITION")) {
                            conditions++;
                        } else {
                            actions++;
                        }
                        if (text(snippets, c).isEmpty()) {
                            problems.add(PolicyProblem.atCell(file, sheet.getSheetName(), r + 4, col,
                                    upper + " column has no code snippet in its template row"));
                        }
                    }
                }
                // a misspelt CONDITION or ACTION is already named at its cell; do not report it twice
                if (!unknown && (conditions == 0 || actions == 0)) {
                    problems.add(PolicyProblem.atCell(file, sheet.getSheetName(), r + 2, "A",
                            "the rule table '" + first + "' needs at least one CONDITION and one ACTION column"));
                }
            } else if (inSettings && !first.isEmpty() && !SETTINGS_KEYWORDS.contains(first.toUpperCase(Locale.ROOT))) {
                problems.add(PolicyProblem.atCell(file, sheet.getSheetName(), r + 1, "A",
                        "unknown setting '" + first + "' above the first RuleTable: use RuleSet, Import, Notes, Variables, Functions, Queries or Declare"));
            }
        }
        return hasTable;
    }

    private static PolicyProblem parseProblem(String file, String sheet, RuntimeException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher cell = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,6})\\b").matcher(msg);
        if (cell.find()) {
            return PolicyProblem.atCell(file, sheet, Integer.parseInt(cell.group(2)), cell.group(1), msg);
        }
        return new PolicyProblem(file, sheet, null, null, null, msg);
    }

    /** Maps a compiler message on generated DRL back to the sheet row and, where it can tell, the cell. */
    private static PolicyProblem locate(Message m, Map<String, SheetDrl> sheets) {
        String path = m.getPath() == null ? "" : m.getPath();
        String key = path.endsWith(".drl.drl") ? path.substring(0, path.length() - 4) : path;
        SheetDrl sheet = sheets.get(key);
        String text = m.getText().replaceAll("\\s+", " ").trim();
        if (sheet == null) {
            return PolicyProblem.atLine(path, m.getLine() > 0 ? m.getLine() : null, text);
        }
        String[] lines = sheet.drl().split("\\R", -1);
        int line = Math.min(Math.max(m.getLine(), 1), lines.length);
        Integer row = null;
        for (int i = line - 1; i >= 0 && row == null; i--) {
            Matcher v = RULE_VALUES.matcher(lines[i]);
            if (v.find()) {
                row = Integer.parseInt(v.group(2));
            }
        }
        if (row == null) {
            return new PolicyProblem(sheet.file(), sheet.sheet(), null, null, null, text);
        }
        Matcher at = PARSER_POSITION.matcher(text);
        Integer position = at.find() && Integer.parseInt(at.group(1)) == line ? Integer.valueOf(at.group(2)) : null;
        String column = columnOf(sheet.rows().get(row), lines[line - 1], position);
        if (column == null && RULE_NAME.matcher(lines[line - 1]).matches()) {
            // errors in a rule's consequence are reported on its first line: a cell is named only when its value is
            // both in the rule's "then" part and quoted by the message, never because it is the only value there
            String then = consequence(lines, line - 1);
            String quoted = columnOf(sheet.rows().get(row), text, null);
            column = quoted != null && quoted.equals(columnOf(sheet.rows().get(row), then, null)) ? quoted : null;
        }
        return new PolicyProblem(sheet.file(), sheet.sheet(), row, column, null, plainWords(text));
    }

    /** Puts the compiler's most common complaint about a cell's value in words an officer can act on. */
    static String plainWords(String compilerText) {
        if (compilerText.contains("cannot be resolved to a variable") || compilerText.contains("cannot be resolved or is not a field")) {
            return "the value in this cell is not understood: write numbers in digits (32, 12.5), TRUE or FALSE, or a code "
                    + "from the column's list exactly as documented (compiler: " + compilerText + ")";
        }
        return compilerText;
    }

    /**
     * The cell of the row whose value appears in the failing DRL text, if exactly one does; where several
     * do and the parser gave the position of the error in the line, the one whose value covers it.
     */
    private static String columnOf(Row row, String drlLine, Integer position) {
        if (row == null) {
            return null;
        }
        List<Cell> found = new ArrayList<>();
        for (Cell cell : row) {
            String v = FORMAT.formatCellValue(cell).trim();
            if (!v.isEmpty() && cell.getColumnIndex() > 0 && containsWhole(drlLine, v)) {
                found.add(cell);
            }
        }
        if (found.size() > 1 && position != null) {
            found.removeIf(cell -> !covers(drlLine, FORMAT.formatCellValue(cell).trim(), position));
        }
        return found.size() == 1 ? CellReference.convertNumToColString(found.get(0).getColumnIndex()) : null;
    }

    /** Whether the value occurs in the text not as part of a longer word or number ("no" is not in "none"). */
    static boolean containsWhole(String text, String value) {
        for (int i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
            int end = i + value.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(value.charAt(0)) || !isWordChar(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(value.charAt(value.length() - 1)) || !isWordChar(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean covers(String line, String value, int position) {
        for (int i = line.indexOf(value); i >= 0; i = line.indexOf(value, i + 1)) {
            if (position >= i && position < i + value.length()) {
                return true;
            }
        }
        return false;
    }

    /** The lines between "then" and "end" of the rule declared at the given line index. */
    private static String consequence(String[] lines, int ruleLine) {
        StringBuilder out = new StringBuilder();
        boolean inThen = false;
        for (int i = ruleLine + 1; i < lines.length; i++) {
            String t = lines[i].trim();
            if (t.equals("end")) {
                break;
            }
            if (inThen) {
                out.append(lines[i]).append('\n');
            }
            if (t.equals("then")) {
                inThen = true;
            }
        }
        return out.toString();
    }

    private static void collectRuleNames(String drl, String path, Map<String, RuleSource> sources) {
        for (String line : drl.split("\\R")) {
            Matcher n = RULE_NAME.matcher(line);
            if (n.matches()) {
                sources.put(n.group(1), new RuleSource(path, null, null));
            }
        }
    }

    private static String text(Row row, int c) {
        if (row == null) {
            return "";
        }
        Cell cell = row.getCell(c);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        return FORMAT.formatCellValue(cell).trim();
    }
}
