package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dynreg.policy.PolicyCompilerTest.problemsOf;
import static org.dynreg.policy.PolicyCompilerTest.withEdit;

/**
 * The slips a policy officer makes typing into a decision table in LibreOffice Calc or Excel, each refused at its
 * cell under its column's heading in plain words, before (and so without) any word of the rules compiler; and the
 * CONDITION and ACTION columns of the version in force removed or renamed, refused unless declared intended.
 */
class TableValuesTest {

    static final String EXCLUSIONS = "decision-tables/exclusion-filters.drl.xlsx";
    static final String ELIGIBILITY = PolicyCompilerTest.ELIGIBILITY;
    static final String SCORING = PolicyCompilerTest.SCORING;
    static final List<String> COMPILER_WORDS = List.of("Unable to Analyse", "Syntax error", "token", "Predicate", "strict-mode",
            "[Line", "MVEL", "compiler");

    /** The bundle with one cell of a sheet changed; the cell in A1 notation. */
    static List<PolicyFile> withCell(String workbook, String sheet, String cell, Consumer<Cell> change) throws Exception {
        return withEdit(workbook, sheet, (s, wb) -> change.accept(cellAt(s, cell)));
    }

    static Cell cellAt(Sheet sheet, String a1) {
        CellReference ref = new CellReference(a1);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        Cell cell = row.getCell(ref.getCol());
        return cell == null ? row.createCell(ref.getCol()) : cell;
    }

    /** The one problem of the bundle, at this cell under this heading, without compiler words. */
    static PolicyProblem onlyProblem(List<PolicyFile> files, String workbook, String sheet, String cell, String heading) {
        List<PolicyProblem> problems = problemsOf(files);
        assertThat(problems).as(problems.toString()).hasSize(1);
        PolicyProblem p = problems.get(0);
        CellReference ref = new CellReference(cell);
        assertThat(p.file()).isEqualTo(workbook);
        assertThat(p.sheet()).isEqualTo(sheet);
        assertThat(p.column() + p.row()).isEqualTo(CellReference.convertNumToColString(ref.getCol()) + (ref.getRow() + 1));
        assertThat(p.heading()).isEqualTo(heading);
        assertThat(p.location()).isEqualTo(workbook + ", sheet " + sheet + ", cell " + cell + " (\"" + heading + "\")");
        for (String word : COMPILER_WORDS) {
            assertThat(p.toString()).doesNotContain(word);
        }
        return p;
    }

    @Test
    void textInAYesNoConditionIsRefusedAtItsCellWithTrueOrFalseExpected() throws Exception {
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "D11", c -> c.setCellValue("yes"));

        PolicyProblem p = onlyProblem(files, EXCLUSIONS, "Exclusions", "D11", "Owns a car");

        assertThat(p.found()).isEqualTo("yes");
        assertThat(p.expected()).isEqualTo("TRUE or FALSE");
        assertThat(p.toString()).isEqualTo(EXCLUSIONS + ", sheet Exclusions, cell D11 (\"Owns a car\"): found \"yes\"; expected TRUE or FALSE");
    }

    @Test
    void aMisspeltTrueIsRefusedAtItsCell() throws Exception {
        List<PolicyFile> files = withCell(SCORING, "Scorecard", "B35", c -> c.setCellValue("TRU"));

        PolicyProblem p = onlyProblem(files, SCORING, "Scorecard", "B35",
                "All children aged 5-13 attend school (TRUE also when there are none)");

        assertThat(p.message()).isEqualTo("found \"TRU\"; expected TRUE or FALSE");
    }

    @Test
    void noInASwitchIsRefusedAtTheSwitchNotAtTheReasonBesideIt() throws Exception {
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "B13", c -> c.setCellValue("no"));

        PolicyProblem p = onlyProblem(files, EXCLUSIONS, "Exclusions", "B13", "Switched on (TRUE or FALSE)");

        assertThat(p.message()).isEqualTo("found \"no\"; expected TRUE or FALSE");
    }

    @Test
    void textForAWholeNumberIsRefusedAtItsCell() throws Exception {
        List<PolicyFile> files = withCell(ELIGIBILITY, "Cut-offs", "C10", c -> c.setCellValue("one"));

        PolicyProblem p = onlyProblem(files, ELIGIBILITY, "Cut-offs", "C10", "Eligible when the score is at or below");

        assertThat(p.message()).isEqualTo("found \"one\"; expected a whole number such as 34");
        assertThat(p.expected()).isEqualTo("a whole number such as 34");
    }

    @Test
    void aNumberWithALetterIsRefusedAtItsCell() throws Exception {
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "C10", c -> c.setCellValue("34x"));

        PolicyProblem p = onlyProblem(files, EXCLUSIONS, "Exclusions", "C10", "Government employees in the household: at least");

        assertThat(p.message()).isEqualTo("found \"34x\"; expected a whole number such as 34");
    }

    @Test
    void aDecimalCommaIsRefusedWithTheFullStopToWrite() throws Exception {
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "E12", c -> c.setCellValue("12,5"));

        PolicyProblem p = onlyProblem(files, EXCLUSIONS, "Exclusions", "E12", "Agricultural land: more than (acres)");

        assertThat(p.message()).isEqualTo("found \"12,5\"; expected a number such as 12.5; write the decimal point as a full stop: 12.5");
    }

    @Test
    void aBlankSwitchIsRefusedAsARequiredCell() throws Exception {
        List<PolicyFile> files = withEdit(EXCLUSIONS, "Exclusions", (s, wb) -> s.getRow(12).removeCell(cellAt(s, "B13")));

        PolicyProblem p = onlyProblem(files, EXCLUSIONS, "Exclusions", "B13", "Switched on (TRUE or FALSE)");

        assertThat(p.found()).isEmpty();
        assertThat(p.message()).startsWith("left blank; expected TRUE or FALSE (this cell is required: a blank switch would leave the rule switched on)");
    }

    @Test
    void aRuleRowWithEveryActionBlankIsRefusedAtItsFirstActionCell() throws Exception {
        List<PolicyFile> files = withEdit(SCORING, "Scorecard", (s, wb) -> s.getRow(11).removeCell(cellAt(s, "C12")));

        PolicyProblem p = onlyProblem(files, SCORING, "Scorecard", "C12", "Points");

        assertThat(p.message()).isEqualTo("left blank; expected a whole number such as 34 (this cell is required: with every "
                + "ACTION cell of the row blank the rule would do nothing)");
    }

    @Test
    void aBlankUnderAHeadingMarkedRequiredIsRefused() throws Exception {
        List<PolicyFile> files = withEdit(ELIGIBILITY, "Recipient", (s, wb) -> {
            cellAt(s, "E9").setCellValue("Aged at least (required)");
            s.getRow(10).removeCell(cellAt(s, "E11"));
        });

        PolicyProblem p = onlyProblem(files, ELIGIBILITY, "Recipient", "E11", "Aged at least (required)");

        assertThat(p.message()).isEqualTo("left blank; expected a whole number such as 34 (this cell is required: the heading marks the column (required))");
    }

    @Test
    void aBlankConditionStillMeansNoRestriction() throws Exception {
        List<PolicyFile> files = withEdit(ELIGIBILITY, "Recipient", (s, wb) -> s.getRow(10).removeCell(cellAt(s, "E11")));

        assertThat(new PolicyCompiler().compile(9, files).kieBase()).isNotNull();
    }

    @Test
    void aFormulaIsRefusedButLibreOfficesTrueIsRead() throws Exception {
        List<PolicyFile> formula = withCell(ELIGIBILITY, "Cut-offs", "C10", c -> c.setCellFormula("30+4"));

        PolicyProblem p = onlyProblem(formula, ELIGIBILITY, "Cut-offs", "C10", "Eligible when the score is at or below");
        assertThat(p.message()).isEqualTo("found \"=30+4\"; expected a whole number such as 34; write the value itself, not a formula");

        List<PolicyFile> libreOffice = withEdit(EXCLUSIONS, "Exclusions", (s, wb) -> {
            cellAt(s, "D11").setCellFormula("TRUE()");
            cellAt(s, "B12").setCellFormula("FALSE()");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        CompiledPolicy compiled = new PolicyCompiler().compile(9, libreOffice);
        assertThat(compiled.generatedDrl().get(EXCLUSIONS + "#Exclusions.drl")).contains("car == true");
    }

    @Test
    void aCodeNotInTheSurveysListIsRefusedWithTheCodesListed() throws Exception {
        List<PolicyFile> files = withCell(SCORING, "Scorecard", "B13", c -> c.setCellValue("PUNJAB, Islamabad"));

        PolicyProblem p = onlyProblem(files, SCORING, "Scorecard", "B13", "Province is one of (comma-separated)");

        assertThat(p.expected()).isEqualTo("one or more of the codes PUNJAB, SINDH, KHYBER_PAKHTUNKHWA, BALOCHISTAN, ISLAMABAD, AJK, "
                + "GILGIT_BALTISTAN separated by commas");
        assertThat(p.message()).endsWith("write the codes in capitals with _ between words, exactly as listed");
    }

    @Test
    void aCompilerErrorNeverNamesAnotherCellOfTheRow() throws Exception {
        // stored versions are compiled without the value check: the compiler's own complaint must not be put on
        // the reason beside the switch (H13), as it once was
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "B13", c -> c.setCellValue("no"));

        PolicyRejectedException e = org.assertj.core.api.Assertions.catchThrowableOfType(PolicyRejectedException.class,
                () -> new PolicyCompiler().compile(9, files, false));

        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Exclusions");
            assertThat(p.row()).isEqualTo(13);
            assertThat(p.column()).isIn(null, "B");
        });
    }

    @Test
    void valuesTypedAsTextThatReadRightAreAccepted() throws Exception {
        List<PolicyFile> files = withEdit(EXCLUSIONS, "Exclusions", (s, wb) -> {
            cellAt(s, "D11").setCellValue("true");
            cellAt(s, "B14").setCellValue("false");
            cellAt(s, "C10").setCellValue("2");
            cellAt(s, "E12").setCellValue("12.5");
        });

        String drl = new PolicyCompiler().compile(9, files).generatedDrl().get(EXCLUSIONS + "#Exclusions.drl");

        assertThat(drl).contains("governmentEmployees >= 2").contains("agriculturalLandAcres > 12.5");
    }

    @Test
    void trueTypedAsTextIsNamedAsText() throws Exception {
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "D11", c -> c.setCellValue("TRUE"));

        PolicyProblem p = onlyProblem(files, EXCLUSIONS, "Exclusions", "D11", "Owns a car");

        assertThat(p.message()).isEqualTo("found \"TRUE\"; expected TRUE or FALSE; the cell holds TRUE as text: type it again in a "
                + "cell formatted as General (no apostrophe before it)");
    }

    @Test
    void aNewColumnIsCheckedByWhatItsCodeComparesWith() throws Exception {
        List<PolicyFile> files = withEdit(EXCLUSIONS, "Exclusions", (s, wb) -> {
            cellAt(s, "J6").setCellValue("CONDITION");
            cellAt(s, "J7").setCellValue("HouseholdFacts");
            cellAt(s, "J8").setCellValue("members > $param");
            cellAt(s, "J9").setCellValue("Members: more than");
            cellAt(s, "J10").setCellValue("many");
        });

        PolicyProblem p = onlyProblem(files, EXCLUSIONS, "Exclusions", "J10", "Members: more than");

        assertThat(p.expected()).isEqualTo("a whole number such as 34");
    }

    @Test
    void everyTableOfTheRepositoryPassesTheCheck() {
        assertThat(new PolicyCompiler().compile(9, RepositoryPolicy.files()).kieBase()).isNotNull();
    }

    // ---- columns removed or renamed against the base version ----

    @Test
    void aDeletedConditionColumnIsNamedAgainstTheBaseVersion() throws Exception {
        List<PolicyFile> files = withEdit(EXCLUSIONS, "Exclusions", (s, wb) -> {
            for (int r = 5; r <= 13; r++) {
                Row row = s.getRow(r);
                if (row != null && row.getCell(3) != null) {
                    row.removeCell(row.getCell(3));
                }
            }
        });

        List<ColumnChanges.Changed> changed = ColumnChanges.between(1, RepositoryPolicy.files(), files);

        assertThat(changed).singleElement().satisfies(c -> {
            PolicyProblem p = c.problem();
            assertThat(p.file()).isEqualTo(EXCLUSIONS);
            assertThat(p.sheet()).isEqualTo("Exclusions");
            assertThat(p.column() + p.row()).isEqualTo("D6");
            assertThat(p.heading()).isEqualTo("Owns a car");
            assertThat(p.message()).startsWith("the CONDITION column D (\"Owns a car\") of the table \"Exclusion filters\" in version 1 is gone; "
                    + "if the change is intended, declare it");
            for (String word : COMPILER_WORDS) {
                assertThat(p.toString()).doesNotContain(word);
            }
        });
    }

    @Test
    void aRenamedHeadingIsNamedAgainstTheBaseVersion() throws Exception {
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "G9", c -> c.setCellValue("Phone bill above (PKR)"));

        List<ColumnChanges.Changed> changed = ColumnChanges.between(1, RepositoryPolicy.files(), files);

        assertThat(changed).singleElement().satisfies(c -> {
            assertThat(c.problem().column() + c.problem().row()).isEqualTo("G6");
            assertThat(c.problem().message()).startsWith("the CONDITION column G (\"Average monthly phone bill: more than (PKR)\") of the "
                    + "table \"Exclusion filters\" in version 1 is renamed to \"Phone bill above (PKR)\" (column G)");
            assertThat(c.summary()).startsWith(EXCLUSIONS + ", sheet Exclusions: the CONDITION column G");
        });
    }

    @Test
    void aChangedValueOrAnAddedColumnIsNoColumnChange() throws Exception {
        List<PolicyFile> files = withCell(EXCLUSIONS, "Exclusions", "G14", c -> c.setCellValue(1500));

        assertThat(ColumnChanges.between(1, RepositoryPolicy.files(), files)).isEmpty();
    }
}
