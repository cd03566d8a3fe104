package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.policy.ColumnTypes.Kind;
import org.dynreg.policy.ColumnTypes.Type;
import org.dynreg.policy.PolicyCompilerTest.At;
import org.dynreg.registry.Gender;
import org.dynreg.registry.UpdateType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decision tables as the service hands them out to be edited: protected and validated, yet the same rules.
 * Read back with POI as a spreadsheet program reads them.
 */
class EditableWorkbookTest {

    static final String EXCLUSIONS = PolicyDiffTest.EXCLUSIONS;
    static final String WORKFLOW = "decision-tables/workflow-policy.drl.xlsx";

    static List<PolicyFile> editableBundle() {
        return RepositoryPolicy.files().stream().map(f -> f.kind() == PolicyFile.Kind.DECISION_TABLE
                ? new PolicyFile(f.path(), EditableWorkbook.of(f.content())) : f).toList();
    }

    static XSSFWorkbook editable(String path) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(EditableWorkbook.of(CandidateVersions.file(path).content())));
    }

    /** The validation of a rule row's cell, if any. */
    static Optional<DataValidation> validationAt(XSSFSheet sheet, int row, int column) {
        return sheet.getDataValidations().stream().filter(v -> Arrays.stream(v.getRegions().getCellRangeAddresses())
                .anyMatch(r -> r.isInRange(row, column))).map(v -> (DataValidation) v).findFirst();
    }

    static boolean locked(XSSFSheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row) == null ? null : sheet.getRow(row).getCell(column);
        if (cell != null) {
            return cell.getCellStyle().getLocked();
        }
        return sheet.getColumnStyle(column).getLocked();
    }

    @Test
    void theProtectedWorkbooksCompileToExactlyTheSameRules() {
        PolicyCompiler compiler = new PolicyCompiler();
        for (PolicyFile stored : RepositoryPolicy.files()) {
            if (stored.kind() == PolicyFile.Kind.DECISION_TABLE) {
                PolicyFile editable = new PolicyFile(stored.path(), EditableWorkbook.of(stored.content()));
                assertThat(editable.sha256()).as(stored.path()).isNotEqualTo(stored.sha256());
                assertThat(compiler.drlOf(editable)).as(stored.path()).isEqualTo(compiler.drlOf(stored));
            }
        }
        CompiledPolicy uploaded = compiler.compile(1, editableBundle());
        assertThat(uploaded.generatedDrl()).isEqualTo(RepositoryPolicy.compiled().generatedDrl());
        assertThat(uploaded.ruleSources()).isEqualTo(RepositoryPolicy.compiled().ruleSources());
    }

    @Test
    void theProtectedWorkbooksDiffAsNoChangeFromTheStoredOnes() {
        BundleDiff diff = PolicyDiff.between(1, RepositoryPolicy.files(), 2, editableBundle());

        assertThat(diff.files()).extracting(BundleDiff.FileChange::kind).containsOnly(PolicyFile.Kind.DECISION_TABLE);
        assertThat(diff.files()).allSatisfy(f -> assertThat(f.sheets()).as(f.path()).isEmpty());
    }

    @Test
    void theDefinitionRowsAreLockedWithoutAPasswordAndTheRuleRowsAreNot() throws Exception {
        try (XSSFWorkbook wb = editable(EXCLUSIONS)) {
            XSSFSheet sheet = wb.getSheet("Exclusions");
            At title = PolicyCompilerTest.find(sheet, "RuleTable Exclusion filters");
            At rule = PolicyCompilerTest.find(sheet, "car ownership");

            assertThat(sheet.getProtect()).as("sheet protection is on").isTrue();
            assertThat(sheet.getCTWorksheet().getSheetProtection().isSetPassword()).as("no password").isFalse();
            assertThat(sheet.getCTWorksheet().getSheetProtection().isSetHashValue()).as("no password hash").isFalse();
            assertThat(sheet.isInsertRowsLocked()).as("rules may be added").isFalse();
            assertThat(sheet.isDeleteRowsLocked()).as("rules may be removed").isFalse();
            for (int r = title.row(); r < title.row() + 4; r++) {
                for (int c = 0; c < 9; c++) {
                    assertThat(locked(sheet, r, c)).as("definition cell %d,%d", r, c).isTrue();
                }
            }
            for (int c = 0; c < 9; c++) {
                assertThat(locked(sheet, title.row() + 4, c)).as("the plain heading row").isFalse();
                assertThat(locked(sheet, rule.row(), c)).as("rule cell %d", c).isFalse();
                assertThat(locked(sheet, rule.row() + 20, c)).as("empty rows below, for new rules").isFalse();
            }
            assertThat(locked(sheet, 2, 1)).as("the Notes setting").isFalse();
        }
    }

    @Test
    void eachColumnGetsTheCheckItsTypeCalls() throws Exception {
        try (XSSFWorkbook wb = editable(EXCLUSIONS)) {
            XSSFSheet sheet = wb.getSheet("Exclusions");
            int row = PolicyCompilerTest.find(sheet, "car ownership").row();
            // B eval($param), D car == $param (boolean): drop-down TRUE/FALSE
            for (int c : new int[]{1, 3, 5}) {
                DataValidation v = validationAt(sheet, row, c).orElseThrow();
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
                assertThat(v.getValidationConstraint().getExplicitListValues()).containsExactly("TRUE", "FALSE");
                assertThat(v.getEmptyCellAllowed()).isTrue();
                assertThat(v.getShowErrorBox()).isTrue();
            }
            // C governmentEmployees >= $param (int): whole number; E agriculturalLandAcres > $param (double): decimal
            assertThat(validationAt(sheet, row, 2).orElseThrow().getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
            assertThat(validationAt(sheet, row, 4).orElseThrow().getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(validationAt(sheet, row, 4).orElseThrow().getErrorBoxText()).contains("Agricultural land: more than (acres)");
            // H the reason told (text), A the rule's name, I the source: no check
            assertThat(validationAt(sheet, row, 7)).isEmpty();
            assertThat(validationAt(sheet, row, 0)).isEmpty();
            assertThat(validationAt(sheet, row, 8)).isEmpty();
        }
        try (XSSFWorkbook wb = editable(PolicyCompilerTest.ELIGIBILITY)) {
            XSSFSheet cutoffs = wb.getSheet("Cut-offs");
            int row = PolicyCompilerTest.find(cutoffs, "the standard cut-off").row();
            assertThat(validationAt(cutoffs, row, 1).orElseThrow().getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
            // the cut-off is passed to new ProgramCutoff("UCT", $param, ...), whose parameter is an int
            assertThat(validationAt(cutoffs, row, 2).orElseThrow().getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
        }
        try (XSSFWorkbook wb = editable(PolicyCompilerTest.SCORING)) {
            XSSFSheet scorecard = wb.getSheet("Scorecard");
            int row = PolicyCompilerTest.find(scorecard, "1F Gilgit-Baltistan").row();
            // forall(||){province == "$"} takes a comma-separated list: a message, no strict list
            DataValidation province = validationAt(scorecard, row, 1).orElseThrow();
            assertThat(province.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.ANY);
            assertThat(province.getShowPromptBox()).isTrue();
            assertThat(province.getPromptBoxText()).contains("separated by commas");
        }
        try (XSSFWorkbook wb = editable(WORKFLOW)) {
            XSSFSheet windows = wb.getSheet("Update windows");
            int row = PolicyCompilerTest.find(windows, "a roster update").row();
            // $r.allowAfterMonths($param, ...) on $r : UpdateRequest; updateType == "$param" is text whose getter is
            // marked @Codes(UpdateType.class): a drop-down of those codes, the ones the value check on upload accepts
            assertThat(validationAt(windows, row, 3).orElseThrow().getValidationConstraint().getValidationType()).isEqualTo(ValidationType.INTEGER);
            assertThat(validationAt(windows, row, 2).orElseThrow().getValidationConstraint().getExplicitListValues()).containsExactly("TRUE", "FALSE");
            assertThat(validationAt(windows, row, 1).orElseThrow().getValidationConstraint().getExplicitListValues())
                    .containsExactly(Arrays.stream(UpdateType.values()).map(Enum::name).toArray(String[]::new));
            // A, the rule's name: no check
            assertThat(validationAt(windows, row, 0)).isEmpty();
        }
    }

    @Test
    void aHiddenColumnIsLocked() throws Exception {
        PolicyFile hidden = PolicyCompilerTest.withEdit(EXCLUSIONS, "Exclusions", (sheet, wb) -> sheet.setColumnHidden(8, true))
                .stream().filter(f -> f.path().equals(EXCLUSIONS)).findFirst().orElseThrow();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(EditableWorkbook.of(hidden.content())))) {
            XSSFSheet sheet = wb.getSheet("Exclusions");
            int row = PolicyCompilerTest.find(sheet, "car ownership").row();
            assertThat(locked(sheet, row, 8)).isTrue();
            assertThat(locked(sheet, row + 30, 8)).isTrue();
            assertThat(locked(sheet, row, 7)).isFalse();
        }
    }

    @Test
    void aColumnTypeIsReadFromTheCodeAndTheFactClasses() {
        ColumnTypes types = new ColumnTypes(List.of("org.dynreg.eligibility.facts.*"));
        Map<String, Class<?>> none = Map.of();
        assertThat(types.of("CONDITION", "$m : MemberFacts", "age >= $param", none).kind()).isEqualTo(Kind.WHOLE);
        // a getter marked with @Codes takes one of the enum's codes, as the value check on upload demands
        assertThat(types.of("CONDITION", "$m : MemberFacts", "gender == \"$param\"", none))
                .isEqualTo(new Type(Kind.CODE, Arrays.stream(Gender.values()).map(Enum::name).toList()));
        assertThat(types.of("CONDITION", "HouseholdFacts", "province in ($param)", none).kind()).isEqualTo(Kind.CODES);
        assertThat(types.of("ACTION", "", "insert(new PovertyLikelihood(\"nl100\", $param));", none).kind()).isEqualTo(Kind.NUMBER);
        assertThat(types.of("CONDITION", "NoSuchFacts", "x == $param", none)).isNull();
        assertThat(types.of("PRIORITY", "", "", none).kind()).isEqualTo(Kind.WHOLE);
        // a method of a fact bound in the table's object-type row: the parameter's type
        ColumnTypes workflow = new ColumnTypes(List.of("org.dynreg.workflow.facts.*"));
        Map<String, Class<?>> bound = workflow.bindings(List.of("", "$r : UpdateRequest"));
        assertThat(workflow.of("ACTION", "", "$r.allowAfterMonths($param, drools.getRule().getName());", bound).kind())
                .isEqualTo(Kind.WHOLE);
        assertThat(workflow.of("ACTION", "", "$r.allowAfterMonths($param, drools.getRule().getName());", none)).isNull();
        assertThat(workflow.of("CONDITION", "", "eval($r.monthsAfterLastSurvey == $param)", bound).kind()).isEqualTo(Kind.WHOLE);
        // a field of an enumeration takes one of its constants (any fact class: here the JDK's LocalDate)
        assertThat(new ColumnTypes(List.of("java.time.*")).of("CONDITION", "$d : LocalDate", "dayOfWeek == \"$param\"", none))
                .isEqualTo(new Type(Kind.CODE, List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")));
        // a path follows the property's type: LocalDate.month is a Month
        assertThat(new ColumnTypes(List.of("java.time.*")).of("CONDITION", "LocalDate", "month.value >= $param", none).kind())
                .isEqualTo(Kind.WHOLE);
    }
}
