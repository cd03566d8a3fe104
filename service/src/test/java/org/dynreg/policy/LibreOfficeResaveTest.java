package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dynreg.LibreOffice;
import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.eligibility.ScoredHouseholds;
import org.dynreg.eligibility.facts.MemberFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A decision table opened and saved again in LibreOffice Calc, as Excel 2007-365 .xlsx, compiles to
 * the same rules and gives the same outcomes. The committed fixture in
 * src/test/resources/policy/libreoffice/ (its README says how it was made) is checked on every build;
 * where LibreOffice is installed, the current tables are also re-saved live.
 */
class LibreOfficeResaveTest {

    static final String FIXTURE = "/policy/libreoffice/";
    /** The tables of the fixture, by their path in the bundle. */
    static final List<String> TABLES = List.of(PolicyCompilerTest.ELIGIBILITY, PolicyCompilerTest.SCORING);

    private static final Pattern RULE = Pattern.compile("(?m)^rule \"(.*)\"\\s*$");

    static byte[] fixture(String folder, String table) {
        String name = Path.of(table).getFileName().toString();
        try (InputStream in = LibreOfficeResaveTest.class.getResourceAsStream(FIXTURE + folder + "/" + name)) {
            assertThat(in).as("fixture %s/%s", folder, name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository bundle with the fixture's tables put in place of the repository's own. */
    static List<PolicyFile> bundleWith(Function<String, byte[]> tables) {
        List<PolicyFile> files = new ArrayList<>();
        for (PolicyFile f : RepositoryPolicy.files()) {
            files.add(TABLES.contains(f.path()) ? new PolicyFile(f.path(), tables.apply(f.path())) : f);
        }
        return files;
    }

    /** Each rule's DRL, from its "rule" line to its "end", by rule name. */
    static Map<String, String> rulesOf(String drl) {
        Map<String, String> rules = new LinkedHashMap<>();
        Matcher m = RULE.matcher(drl);
        while (m.find()) {
            int end = drl.indexOf("\nend", m.end());
            rules.put(m.group(1), drl.substring(m.start(), end < 0 ? drl.length() : end + 4));
        }
        return rules;
    }

    /**
     * The generated DRL is compared as it is: LibreOffice changes how some cells are stored (see
     * {@link #theFixtureWasReallyWrittenByLibreOffice}) but nothing that reaches the rules, so no
     * normalisation is needed and none is done.
     */
    static void assertSameRules(CompiledPolicy resaved, CompiledPolicy original) {
        assertThat(resaved.generatedDrl().keySet()).containsExactlyElementsOf(original.generatedDrl().keySet());
        original.generatedDrl().forEach((sheet, drl) -> {
            assertThat(rulesOf(resaved.generatedDrl().get(sheet))).as("the rules of %s", sheet)
                    .containsExactlyEntriesOf(rulesOf(drl));
            assertThat(resaved.generatedDrl().get(sheet)).as("the whole DRL of %s", sheet).isEqualTo(drl);
        });
        assertThat(resaved.ruleSources()).as("each rule's sheet and row").isEqualTo(original.ruleSources());
    }

    @Test
    void theFixtureWasReallyWrittenByLibreOffice() throws Exception {
        for (String table : TABLES) {
            byte[] original = fixture("original", table);
            byte[] resaved = fixture("resaved", table);
            try (XSSFWorkbook o = new XSSFWorkbook(new ByteArrayInputStream(original));
                 XSSFWorkbook r = new XSSFWorkbook(new ByteArrayInputStream(resaved))) {
                assertThat(r.getProperties().getExtendedProperties().getApplication()).as(table).startsWith("LibreOffice/");
                assertThat(o.getProperties().getExtendedProperties().getApplication()).as(table).doesNotContain("LibreOffice");
                // the hazard the fixture carries: Calc stores a TRUE or FALSE typed in a cell as the formula TRUE() or FALSE()
                assertThat(booleansStoredAsFormulas(o, r)).as(table).isPositive();
            }
        }
    }

    private static int booleansStoredAsFormulas(XSSFWorkbook original, XSSFWorkbook resaved) {
        int count = 0;
        for (Sheet sheet : original) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.BOOLEAN) {
                        continue;
                    }
                    Cell other = resaved.getSheet(sheet.getSheetName()).getRow(row.getRowNum()).getCell(cell.getColumnIndex());
                    if (other.getCellType() == CellType.FORMULA
                            && other.getCellFormula().equals(cell.getBooleanCellValue() ? "TRUE()" : "FALSE()")
                            && other.getBooleanCellValue() == cell.getBooleanCellValue()) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    @Test
    void theResavedTablesCompileToTheSameRules() {
        CompiledPolicy original = new PolicyCompiler().compile(1, bundleWith(t -> fixture("original", t)));
        CompiledPolicy resaved = new PolicyCompiler().compile(1, bundleWith(t -> fixture("resaved", t)));

        assertThat(resaved.sha256()).as("the bundles differ in their bytes").isNotEqualTo(original.sha256());
        assertThat(resaved.ruleSources()).containsKeys("the standard cut-off", "1D Punjab or Islamabad");
        assertSameRules(resaved, original);
    }

    @Test
    void theResavedTablesGiveTheSameOutcomes() {
        CompiledPolicy original = new PolicyCompiler().compile(1, bundleWith(t -> fixture("original", t)));
        CompiledPolicy resaved = new PolicyCompiler().compile(1, bundleWith(t -> fixture("resaved", t)));
        List<HouseholdFactsBuilder.Facts> households = List.of(
                ScoredHouseholds.withScore(12, false),
                ScoredHouseholds.withScore(32, false),
                ScoredHouseholds.withScore(33, false),
                ScoredHouseholds.withScore(35, true),
                ScoredHouseholds.withScore(47, false),
                ScoredHouseholds.withScore(25, ProgramEligibilityTableTest.familyWithChildrenAged(5, 10, 17)),
                ScoredHouseholds.withScore(20, ProgramEligibilityTableTest.withToddlers(List.of(
                        new MemberFacts(1, 30, "HEAD", "FEMALE", "WIDOWED", false, false)))));

        for (HouseholdFactsBuilder.Facts household : households) {
            Evaluation before = EligibilityEvaluator.evaluate(original, household);
            Evaluation after = EligibilityEvaluator.evaluate(resaved, household);

            assertThat(after).usingRecursiveComparison().ignoringFields("policySha256").isEqualTo(before);
        }
        List<Boolean> eligible = households.stream()
                .map(h -> EligibilityEvaluator.evaluate(resaved, h).program("UCT").eligible()).toList();
        assertThat(eligible).as("the households cover both outcomes").containsExactly(true, true, false, true, false, true, true);
    }

    @Test
    void theFixtureIsNotPartOfTheDefaultBundle() {
        assertThat(LibreOfficeResaveTest.class.getResource(FIXTURE + "resaved/program-eligibility.drl.xlsx"))
                .as("the fixture is on the test classpath").isNotNull();

        assertThat(Policies.defaultBundle()).extracting(PolicyFile::path)
                .containsExactlyElementsOf(RepositoryPolicy.files().stream().map(PolicyFile::path).toList());
    }

    /** The fixture's tables before and after LibreOffice re-saved them differ in their bytes, not in a single value. */
    @Test
    void theFixtureResavedByLibreOfficeDiffsAsNoChange() {
        BundleDiff diff = PolicyDiff.between(1, bundleWith(t -> fixture("original", t)), 2, bundleWith(t -> fixture("resaved", t)));

        assertThat(diff.files()).extracting(BundleDiff.FileChange::path).containsExactlyInAnyOrderElementsOf(TABLES);
        assertThat(diff.files()).allSatisfy(f -> assertThat(f.sheets()).as(f.path()).isEmpty());
    }

    /**
     * The walk-through of the officer's guide: the standard cut-off raised from 32 to 34 and one exclusion filter
     * switched off, saved in LibreOffice Calc (which stores every TRUE and FALSE of the workbooks as formulas):
     * the diff is those two changes and nothing else.
     */
    @Test
    void editsSavedInLibreOfficeDiffAsExactlyTheRealChanges(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = LibreOffice.soffice();
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        List<PolicyFile> edited = PolicyCompilerTest.withEdit(PolicyCompilerTest.ELIGIBILITY, "Cut-offs", (sheet, wb) -> {
            PolicyCompilerTest.At rule = PolicyCompilerTest.find(sheet, "the standard cut-off");
            sheet.getRow(rule.row()).getCell(2).setCellValue(34);
        });
        String exclusions = PolicyDiffTest.EXCLUSIONS;
        PolicyCompilerTest.At[] travel = new PolicyCompilerTest.At[1];
        List<PolicyFile> both = PolicyCompilerTest.withEdit(exclusions, "Exclusions", (sheet, wb) -> {
            travel[0] = PolicyCompilerTest.find(sheet, "international travel");
            sheet.getRow(travel[0].row()).getCell(1).setCellValue(false);
        }).stream().map(f -> f.path().equals(PolicyCompilerTest.ELIGIBILITY)
                ? edited.stream().filter(e -> e.path().equals(f.path())).findFirst().orElseThrow() : f).toList();
        List<PolicyFile> resaved = new ArrayList<>();
        for (PolicyFile f : both) {
            if (f.path().equals(PolicyCompilerTest.ELIGIBILITY) || f.path().equals(exclusions)) {
                Path in = Files.write(dir.resolve(Path.of(f.path()).getFileName()), f.content());
                Path out = LibreOffice.convert(soffice.get(), in, "xlsx:Calc MS Excel 2007 XML", dir.resolve("out"));
                f = new PolicyFile(f.path(), Files.readAllBytes(out));
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(f.content()))) {
                    assertThat(wb.getProperties().getExtendedProperties().getApplication()).startsWith("LibreOffice");
                }
            }
            resaved.add(f);
        }

        BundleDiff diff = PolicyDiff.between(1, RepositoryPolicy.files(), 2, resaved);

        assertThat(diff.files()).extracting(BundleDiff.FileChange::path).containsExactly(exclusions, PolicyCompilerTest.ELIGIBILITY);
        assertThat(diff.files()).flatExtracting(BundleDiff.FileChange::sheets).flatExtracting(BundleDiff.SheetChange::tables)
                .flatExtracting(BundleDiff.TableChange::rows).flatExtracting(r -> r.cells().stream()
                        .map(c -> r.rule() + " | " + c.heading() + " | " + c.oldValue() + " -> " + c.newValue()).toList())
                .containsExactly(
                        "international travel | Switched on (TRUE or FALSE) | TRUE -> FALSE",
                        "the standard cut-off | Eligible when the score is at or below | 32 -> 34");
        assertThat(diff.toText().lines().toList()).containsExactly(
                "Changes from policy version 1 to version 2 (2 files):",
                diff.toText().lines().toList().get(1),
                exclusions + ", sheet Exclusions, table \"Exclusion filters\", row " + travel[0].spreadsheetRow()
                        + ": international travel: \"Switched on (TRUE or FALSE)\" TRUE → FALSE",
                diff.toText().lines().toList().get(3),
                PolicyCompilerTest.ELIGIBILITY + ", sheet Cut-offs, table \"Cash transfer UCT cut-offs\", row 10: "
                        + "the standard cut-off: \"Eligible when the score is at or below\" 32 → 34");
    }

    /** Whatever LibreOffice is installed re-saves today's tables; the fixture alone would not see a newer version change. */
    @Test
    void theCurrentTablesResavedByTheInstalledLibreOfficeCompileToTheSameRules(@TempDir Path dir) throws Exception {
        Optional<Path> soffice = LibreOffice.soffice();
        assumeTrue(soffice.isPresent(), "LibreOffice is not installed");
        Map<String, byte[]> resaved = new LinkedHashMap<>();
        for (PolicyFile f : RepositoryPolicy.files()) {
            if (TABLES.contains(f.path())) {
                Path in = Files.write(dir.resolve(Path.of(f.path()).getFileName()), f.content());
                Path out = LibreOffice.convert(soffice.get(), in, "xlsx:Calc MS Excel 2007 XML", dir.resolve("out"));
                resaved.put(f.path(), Files.readAllBytes(out));
            }
        }

        CompiledPolicy policy = new PolicyCompiler().compile(1, bundleWith(resaved::get));

        assertSameRules(policy, RepositoryPolicy.compiled());
    }
}
