package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Broken copies of the real policy files, made in memory, are refused with every problem located by
 * file, sheet, row and column (or file and line for DRL).
 */
class PolicyCompilerTest {

    static final String SCORING = "decision-tables/pmt-scoring.drl.xlsx";
    static final String ELIGIBILITY = "decision-tables/program-eligibility.drl.xlsx";
    static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

    /** A cell of a sheet, found by what it shows. */
    record At(int row, int column) {
        int spreadsheetRow() {
            return row + 1;
        }

        String letter() {
            return CellReference.convertNumToColString(column);
        }
    }

    static At find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (FORMAT.formatCellValue(cell).trim().equals(text)) {
                    return new At(row.getRowNum(), cell.getColumnIndex());
                }
            }
        }
        throw new AssertionError("no cell showing '" + text + "' in sheet " + sheet.getSheetName());
    }

    /** The real bundle with one workbook changed in memory; the edit gets the sheet and returns nothing. */
    static List<PolicyFile> withEdit(String workbook, String sheet, BiConsumer<Sheet, Workbook> edit) throws Exception {
        List<PolicyFile> files = new ArrayList<>();
        for (PolicyFile f : RepositoryPolicy.files()) {
            if (!f.path().equals(workbook)) {
                files.add(f);
                continue;
            }
            try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(f.content()))) {
                edit.accept(wb.getSheet(sheet), wb);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                files.add(new PolicyFile(f.path(), out.toByteArray()));
            }
        }
        return files;
    }

    static List<PolicyProblem> problemsOf(List<PolicyFile> files) {
        PolicyRejectedException e = catchThrowableOfType(PolicyRejectedException.class,
                () -> new PolicyCompiler().compile(9, files));
        assertThat(e).as("the bundle is refused").isNotNull();
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.getMessage()).contains(e.problems().get(0).location());
        return e.problems();
    }

    @Test
    void theRepositoryBundleCompilesAndEveryTableRuleKnowsItsRow() {
        CompiledPolicy policy = RepositoryPolicy.compiled();

        assertThat(policy.kieBase().getKiePackages()).isNotEmpty();
        assertThat(policy.sourceOf("1D Punjab or Islamabad")).satisfies(s -> {
            assertThat(s.file()).isEqualTo(SCORING);
            assertThat(s.sheet()).isEqualTo("Scorecard");
            assertThat(s.row()).isPositive();
        });
        assertThat(policy.sourceOf("Total score: the sum of the indicator points").file()).isEqualTo("rules/eligibility-outcomes.drl");
        assertThat(policy.generatedDrl()).containsKeys(SCORING + "#Scorecard.drl", ELIGIBILITY + "#Cut-offs.drl");
    }

    @Test
    void aMisspelledConditionKeywordIsRefusedAtItsCell() throws Exception {
        At[] at = new At[1];
        List<PolicyFile> files = withEdit(SCORING, "Scorecard", (sheet, wb) -> {
            at[0] = find(sheet, "CONDITION");
            sheet.getRow(at[0].row()).getCell(at[0].column()).setCellValue("CONDITON");
        });

        List<PolicyProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(SCORING);
            assertThat(p.sheet()).isEqualTo("Scorecard");
            assertThat(p.row()).isEqualTo(at[0].spreadsheetRow());
            assertThat(p.column()).isEqualTo(at[0].letter());
            assertThat(p.message()).contains("CONDITON").contains("CONDITION");
            assertThat(p.location()).isEqualTo(SCORING + ", sheet Scorecard, cell " + at[0].letter() + at[0].spreadsheetRow());
        });
    }

    @Test
    void anUnknownHeaderWordIsRefusedAtItsCell() throws Exception {
        At[] at = new At[1];
        List<PolicyFile> files = withEdit(ELIGIBILITY, "Recipient", (sheet, wb) -> {
            at[0] = find(sheet, "ACTION");
            sheet.getRow(at[0].row()).getCell(at[0].column()).setCellValue("THEN");
        });

        List<PolicyProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(ELIGIBILITY);
            assertThat(p.sheet()).isEqualTo("Recipient");
            assertThat(p.row()).isEqualTo(at[0].spreadsheetRow());
            assertThat(p.column()).isEqualTo(at[0].letter());
            assertThat(p.message()).contains("unknown column keyword 'THEN'");
        });
    }

    @Test
    void aKeywordInSmallLettersIsRefusedAtItsCell() throws Exception {
        At[] at = new At[1];
        List<PolicyFile> files = withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> {
            at[0] = find(sheet, "CONDITION");
            sheet.getRow(at[0].row()).getCell(at[0].column()).setCellValue("Condition");
        });

        assertThat(problemsOf(files)).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("Cut-offs");
            assertThat(p.row()).isEqualTo(at[0].spreadsheetRow());
            assertThat(p.column()).isEqualTo(at[0].letter());
            assertThat(p.message()).contains("capitals");
        });
    }

    @Test
    void pointsThatAreNotANumberAreRefusedAtTheRuleRowAndCell() throws Exception {
        At[] at = new At[1];
        List<PolicyFile> files = withEdit(SCORING, "Scorecard", (sheet, wb) -> {
            At rule = find(sheet, "1D Punjab or Islamabad");
            Row row = sheet.getRow(rule.row());
            for (Cell cell : row) {
                if (FORMAT.formatCellValue(cell).equals("12")) {
                    at[0] = new At(rule.row(), cell.getColumnIndex());
                    cell.setCellValue("12x");
                }
            }
        });
        assertThat(at[0]).isNotNull();

        List<PolicyProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(SCORING);
            assertThat(p.sheet()).isEqualTo("Scorecard");
            assertThat(p.row()).isEqualTo(at[0].spreadsheetRow());
            assertThat(p.column()).isEqualTo(at[0].letter());
            assertThat(p.location()).isEqualTo(SCORING + ", sheet Scorecard, cell " + at[0].letter() + at[0].spreadsheetRow() + " (\"Points\")");
            assertThat(p.message()).isEqualTo("found \"12x\"; expected a whole number such as 34");
        });
    }

    @Test
    void aConditionThatIsNotAnExpressionIsRefusedAtTheRuleRow() throws Exception {
        At[] at = new At[1];
        List<PolicyFile> files = withEdit(SCORING, "Scorecard", (sheet, wb) -> {
            At rule = find(sheet, "2B Four");
            Row row = sheet.getRow(rule.row());
            Cell atLeast = row.getCell(1);
            assertThat(FORMAT.formatCellValue(atLeast)).isEqualTo("4");
            atLeast.setCellValue(">>");
            at[0] = new At(rule.row(), 1);
        });

        List<PolicyProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(SCORING);
            assertThat(p.sheet()).isEqualTo("Scorecard");
            assertThat(p.row()).isEqualTo(at[0].spreadsheetRow());
            assertThat(p.column()).isEqualTo(at[0].letter());
            assertThat(p.location()).isEqualTo(SCORING + ", sheet Scorecard, cell " + at[0].letter() + at[0].spreadsheetRow()
                    + " (\"Members aged 13 or younger: at least\")");
            assertThat(p.message()).isEqualTo("found \">>\"; expected a whole number such as 34");
        });
    }

    @Test
    void bytesThatAreNotAWorkbookAreRefusedByFile() {
        List<PolicyFile> files = new ArrayList<>(RepositoryPolicy.files());
        files.add(new PolicyFile("decision-tables/extra.drl.xlsx", "RuleSet,x\nnot a workbook".getBytes(StandardCharsets.UTF_8)));

        assertThat(problemsOf(files)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("decision-tables/extra.drl.xlsx");
            assertThat(p.sheet()).isNull();
            assertThat(p.message()).startsWith("not a readable .xlsx workbook");
        });
    }

    @Test
    void anEmptyBundleIsRefused() {
        assertThat(problemsOf(List.of())).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("holds no decision table and no DRL file"));
    }

    @Test
    void aDrlSyntaxErrorIsRefusedWithFileAndLine() {
        String broken = String.join("\n",
                "package org.dynreg.policy.rules;",
                "import org.dynreg.eligibility.facts.*;",
                "",
                "rule \"A broken rule\"",
                "when",
                "    HouseholdFacts( province == )",
                "then",
                "end",
                "");
        List<PolicyFile> files = new ArrayList<>(RepositoryPolicy.files());
        files.add(new PolicyFile("rules/broken.drl", broken.getBytes(StandardCharsets.UTF_8)));

        List<PolicyProblem> problems = problemsOf(files);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rules/broken.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.location()).isEqualTo("rules/broken.drl, line 6");
            assertThat(p.message()).contains("A broken rule");
        });
    }
}
