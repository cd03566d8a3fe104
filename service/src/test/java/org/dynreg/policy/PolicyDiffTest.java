package org.dynreg.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.dynreg.policy.BundleDiff.CellChange;
import org.dynreg.policy.BundleDiff.Change;
import org.dynreg.policy.BundleDiff.ColumnHeader;
import org.dynreg.policy.BundleDiff.FileChange;
import org.dynreg.policy.BundleDiff.LineChange;
import org.dynreg.policy.BundleDiff.SheetChange;
import org.dynreg.policy.BundleDiff.TableChange;
import org.dynreg.policy.PolicyCompilerTest.At;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.dynreg.policy.PolicyCompilerTest.ELIGIBILITY;
import static org.dynreg.policy.PolicyCompilerTest.SCORING;
import static org.dynreg.policy.PolicyCompilerTest.find;
import static org.dynreg.policy.PolicyCompilerTest.withEdit;

/**
 * Two versions of the real policy bundle, the second edited in memory as an officer would edit it, are
 * compared cell by cell: each edit shows as exactly one change, at the row and column the officer touched.
 */
class PolicyDiffTest {

    static final String EXCLUSIONS = "decision-tables/exclusion-filters.drl.xlsx";
    static final String OUTCOMES = "rules/eligibility-outcomes.drl";
    static final String CUTOFFS = "Cash transfer UCT cut-offs";

    static BundleDiff fromRepositoryTo(List<PolicyFile> to) {
        return PolicyDiff.between(1, RepositoryPolicy.files(), 2, to);
    }

    /** The only changed file, which must be the given one, and its only changed sheet. */
    static SheetChange onlySheet(BundleDiff diff, String path, String sheet) {
        assertThat(diff.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(path);
            assertThat(f.change()).isEqualTo(Change.CHANGED);
            assertThat(f.unreadable()).isNull();
            assertThat(f.lines()).isEmpty();
            assertThat(f.sheets()).extracting(SheetChange::sheet).containsExactly(sheet);
        });
        return diff.files().get(0).sheets().get(0);
    }

    static TableChange onlyTable(SheetChange sheet, String table) {
        assertThat(sheet.change()).isEqualTo(Change.CHANGED);
        assertThat(sheet.settings()).isEmpty();
        assertThat(sheet.tables()).extracting(TableChange::table).containsExactly(table);
        return sheet.tables().get(0);
    }

    @Test
    void identicalBundlesHaveNoDifferences() {
        BundleDiff diff = PolicyDiff.between(1, RepositoryPolicy.files(), 2, RepositoryPolicy.files());

        assertThat(diff.files()).isEmpty();
        assertThat(diff.toText()).contains("no differences");
    }

    @Test
    void aChangedCutOffIsOneCellOfOneRuleWithItsHeadingAndCode() throws Exception {
        At[] rule = new At[1];
        BundleDiff diff = fromRepositoryTo(withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> {
            rule[0] = find(sheet, "the standard cut-off");
            sheet.getRow(rule[0].row()).getCell(2).setCellValue(35);
        }));

        TableChange table = onlyTable(onlySheet(diff, ELIGIBILITY, "Cut-offs"), CUTOFFS);
        assertThat(table.columns()).isEmpty();
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.rule()).isEqualTo("the standard cut-off");
            assertThat(row.change()).isEqualTo(Change.CHANGED);
            assertThat(row.oldRow()).isEqualTo(rule[0].spreadsheetRow());
            assertThat(row.newRow()).isEqualTo(rule[0].spreadsheetRow());
            assertThat(row.cells()).singleElement().satisfies(cell -> {
                assertThat(cell.oldColumn()).isEqualTo("C");
                assertThat(cell.newColumn()).isEqualTo("C");
                assertThat(cell.heading()).isEqualTo("Eligible when the score is at or below");
                assertThat(cell.keyword()).isEqualTo("ACTION");
                assertThat(cell.code()).contains("new ProgramCutoff(\"UCT\", $param");
                assertThat(cell.oldValue()).isEqualTo("32");
                assertThat(cell.newValue()).isEqualTo("35");
            });
        });
        assertThat(diff.toText()).contains(ELIGIBILITY + ", sheet Cut-offs, table \"" + CUTOFFS + "\", row "
                + rule[0].spreadsheetRow() + ": the standard cut-off: \"Eligible when the score is at or below\" 32 → 35\n");
    }

    @Test
    void anAddedRuleRowIsOneAddedRowAndTheRowsItPushedDownAreUnchanged() throws Exception {
        At[] last = new At[1];
        BundleDiff diff = fromRepositoryTo(withEdit(SCORING, "Scorecard", (sheet, wb) -> {
            last[0] = find(sheet, "1F Gilgit-Baltistan");
            int at = last[0].row() + 1;
            sheet.shiftRows(at, sheet.getLastRowNum(), 1);
            Row row = sheet.createRow(at);
            row.createCell(0).setCellValue("1G Test region");
            row.createCell(1).setCellValue("TEST_REGION");
            row.createCell(2).setCellValue(9);
            row.createCell(3).setCellValue("pilot weights");
        }));

        TableChange table = onlyTable(onlySheet(diff, SCORING, "Scorecard"), "Indicator 1 Province");
        int newRow = last[0].spreadsheetRow() + 1;
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.rule()).isEqualTo("1G Test region");
            assertThat(row.change()).isEqualTo(Change.ADDED);
            assertThat(row.oldRow()).isNull();
            assertThat(row.newRow()).isEqualTo(newRow);
            assertThat(row.cells()).extracting(CellChange::newColumn, CellChange::heading, CellChange::oldValue, CellChange::newValue)
                    .containsExactly(
                            tuple("A", "Answer (rule name)", null, "1G Test region"),
                            tuple("B", "Province is one of (comma-separated)", null, "TEST_REGION"),
                            tuple("C", "Points", null, "9"),
                            tuple("D", "Source of the points", null, "pilot weights"));
        });
        assertThat(diff.toText()).contains("table \"Indicator 1 Province\", row " + newRow + ": rule 1G Test region added: "
                + "\"Province is one of (comma-separated)\" = TEST_REGION; \"Points\" = 9; \"Source of the points\" = \"pilot weights\"\n");
    }

    @Test
    void aRemovedRuleRowKeepsItsOldRowAndValuesAndTheRowsBelowAreUnchanged() throws Exception {
        At[] removed = new At[1];
        BundleDiff diff = fromRepositoryTo(withEdit(EXCLUSIONS, "Exclusions", (sheet, wb) -> {
            removed[0] = find(sheet, "car ownership");
            sheet.removeRow(sheet.getRow(removed[0].row()));
            sheet.shiftRows(removed[0].row() + 1, sheet.getLastRowNum(), -1);
        }));

        TableChange table = onlyTable(onlySheet(diff, EXCLUSIONS, "Exclusions"), "Exclusion filters");
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.rule()).isEqualTo("car ownership");
            assertThat(row.change()).isEqualTo(Change.REMOVED);
            assertThat(row.oldRow()).isEqualTo(removed[0].spreadsheetRow());
            assertThat(row.newRow()).isNull();
            assertThat(row.cells()).anySatisfy(cell -> {
                assertThat(cell.oldColumn()).isEqualTo("D");
                assertThat(cell.heading()).isEqualTo("Owns a car");
                assertThat(cell.keyword()).isEqualTo("CONDITION");
                assertThat(cell.code()).isEqualTo("car == $param");
                assertThat(cell.oldValue()).isEqualTo("TRUE");
                assertThat(cell.newValue()).isNull();
            });
        });
        assertThat(diff.toText()).contains("table \"Exclusion filters\", row " + removed[0].spreadsheetRow()
                + " of version 1: rule car ownership removed: ").contains("; \"Owns a car\" was TRUE;");
    }

    @Test
    void aChangedConditionTemplateIsAColumnChangeAndNoRuleRowChanges() throws Exception {
        At[] code = new At[1];
        BundleDiff diff = fromRepositoryTo(withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> {
            code[0] = find(sheet, "disabledMember == $param");
            sheet.getRow(code[0].row()).getCell(code[0].column()).setCellValue("disabledMember != $param");
        }));

        TableChange table = onlyTable(onlySheet(diff, ELIGIBILITY, "Cut-offs"), CUTOFFS);
        assertThat(table.rows()).isEmpty();
        String heading = "Applies only when a member has a disability (TRUE), or only when none has (FALSE); blank: always";
        assertThat(table.columns()).singleElement().satisfies(column -> {
            assertThat(column.change()).isEqualTo(Change.CHANGED);
            assertThat(column.oldColumn()).isEqualTo(code[0].letter());
            assertThat(column.newColumn()).isEqualTo(code[0].letter());
            assertThat(column.before()).isEqualTo(new ColumnHeader("CONDITION", "HouseholdFacts", "disabledMember == $param", heading));
            assertThat(column.after()).isEqualTo(new ColumnHeader("CONDITION", "HouseholdFacts", "disabledMember != $param", heading));
        });
        assertThat(diff.toText()).contains("table \"" + CUTOFFS + "\": column B \"" + heading
                + "\" changed: code \"disabledMember == $param\" → \"disabledMember != $param\"");
    }

    @Test
    void anInsertedConditionColumnIsOneAddedColumnAndTheColumnsItPushedRightAreUnchanged() throws Exception {
        At[] rule = new At[1];
        BundleDiff diff = fromRepositoryTo(withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> {
            At keyword = find(sheet, "ACTION");
            rule[0] = find(sheet, "the standard cut-off");
            sheet.shiftColumns(2, 3, 1);
            String[] header = {"CONDITION", "HouseholdFacts", "size >= $param", "Household size: at least"};
            for (int k = 0; k < header.length; k++) {
                sheet.getRow(keyword.row() + k).createCell(2).setCellValue(header[k]);
            }
            sheet.getRow(rule[0].row()).createCell(2).setCellValue(3);
        }));

        TableChange table = onlyTable(onlySheet(diff, ELIGIBILITY, "Cut-offs"), CUTOFFS);
        assertThat(table.columns()).singleElement().satisfies(column -> {
            assertThat(column.change()).isEqualTo(Change.ADDED);
            assertThat(column.oldColumn()).isNull();
            assertThat(column.newColumn()).isEqualTo("C");
            assertThat(column.before()).isNull();
            assertThat(column.after()).isEqualTo(new ColumnHeader("CONDITION", "HouseholdFacts", "size >= $param", "Household size: at least"));
        });
        assertThat(table.rows()).singleElement().satisfies(row -> {
            assertThat(row.rule()).isEqualTo("the standard cut-off");
            assertThat(row.cells()).singleElement().satisfies(cell -> {
                assertThat(cell.oldColumn()).isNull();
                assertThat(cell.newColumn()).isEqualTo("C");
                assertThat(cell.oldValue()).isNull();
                assertThat(cell.newValue()).isEqualTo("3");
            });
        });
        assertThat(diff.toText()).contains("column C \"Household size: at least\" added: CONDITION on HouseholdFacts with code \"size >= $param\"");
    }

    @Test
    void anAddedSheetShowsItsSettingsTableAndRules() throws Exception {
        BundleDiff diff = fromRepositoryTo(withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> pilotSheet(wb, true,
                List.of(List.of("large households", 8, 500)))));

        FileChange file = diff.files().get(0);
        assertThat(diff.files()).hasSize(1);
        assertThat(file.sheets()).singleElement().satisfies(sheet -> {
            assertThat(sheet.sheet()).isEqualTo("Pilot");
            assertThat(sheet.change()).isEqualTo(Change.ADDED);
            assertThat(sheet.settings()).singleElement().satisfies(s -> {
                assertThat(s.keyword()).isEqualTo("RuleSet");
                assertThat(s.change()).isEqualTo(Change.ADDED);
                assertThat(s.newRow()).isEqualTo(1);
                assertThat(s.newValue()).isEqualTo("org.dynreg.policy.pilot");
            });
            assertThat(sheet.tables()).singleElement().satisfies(t -> {
                assertThat(t.table()).isEqualTo("Pilot top-up");
                assertThat(t.change()).isEqualTo(Change.ADDED);
                assertThat(t.newRow()).isEqualTo(3);
                assertThat(t.columns()).extracting(c -> c.after().keyword()).containsExactly("NAME", "CONDITION", "ACTION");
                assertThat(t.rows()).singleElement().satisfies(r -> {
                    assertThat(r.rule()).isEqualTo("large households");
                    assertThat(r.change()).isEqualTo(Change.ADDED);
                    assertThat(r.newRow()).isEqualTo(8);
                    assertThat(r.cells()).extracting(CellChange::newValue).containsExactly("large households", "8", "500");
                });
            });
        });
        assertThat(diff.toText())
                .contains(ELIGIBILITY + ", sheet Pilot: sheet added")
                .contains(ELIGIBILITY + ", sheet Pilot: RuleSet (row 1) added: org.dynreg.policy.pilot")
                .contains(ELIGIBILITY + ", sheet Pilot, table \"Pilot top-up\": table added (row 3)")
                .contains(ELIGIBILITY + ", sheet Pilot, table \"Pilot top-up\", row 8: rule large households added: \"Household size: at least\" = 8; \"Top-up (PKR)\" = 500\n");
    }

    @Test
    void rowsWithoutANameAreMatchedByPosition() throws Exception {
        List<PolicyFile> from = withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> pilotSheet(wb, false,
                List.of(List.of(8, 500), List.of(10, 700))));
        List<PolicyFile> to = withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> pilotSheet(wb, false,
                List.of(List.of(8, 500), List.of(10, 750), List.of(12, 900))));

        BundleDiff diff = PolicyDiff.between(3, from, 4, to);

        TableChange table = onlyTable(onlySheet(diff, ELIGIBILITY, "Pilot"), "Pilot top-up");
        assertThat(table.rows()).extracting(r -> r.change(), r -> r.rule(), r -> r.oldRow(), r -> r.newRow()).containsExactly(
                tuple(Change.CHANGED, null, 9, 9),
                tuple(Change.ADDED, null, null, 10));
        assertThat(table.rows().get(0).cells()).singleElement().satisfies(cell -> {
            assertThat(cell.newColumn()).isEqualTo("B");
            assertThat(cell.oldValue()).isEqualTo("700");
            assertThat(cell.newValue()).isEqualTo("750");
        });
        assertThat(diff.toText()).contains("table \"Pilot top-up\", row 9: \"Top-up (PKR)\" 700 → 750\n");
    }

    @Test
    void valuesAreComparedAsTheRulesReadThemNotAsTheFileStoresThem() throws Exception {
        BundleDiff diff = fromRepositoryTo(withEdit(EXCLUSIONS, "Exclusions", (sheet, wb) -> {
            At land = find(sheet, "12.5");
            sheet.getRow(land.row()).getCell(land.column()).setCellValue(25.0);
            At phone = find(sheet, "1000");
            sheet.getRow(phone.row()).getCell(phone.column()).setCellFormula("900+200");
            At car = find(sheet, "car ownership");
            // as LibreOffice Calc stores a typed TRUE, and a whole number stored as a decimal and as a formula
            sheet.getRow(car.row()).getCell(1).setCellFormula("TRUE()");
            sheet.getRow(car.row()).getCell(3).setCellFormula("TRUE()");
            At government = find(sheet, "government employment");
            sheet.getRow(government.row()).getCell(2).setCellFormula("0.5+0.5");
        }));

        TableChange table = onlyTable(onlySheet(diff, EXCLUSIONS, "Exclusions"), "Exclusion filters");
        assertThat(table.rows()).extracting(r -> r.rule()).containsExactly("agricultural land", "high phone bill");
        assertThat(table.rows()).flatExtracting(r -> r.cells()).extracting(CellChange::oldValue, CellChange::newValue).containsExactly(
                tuple("12.5", "25"),
                tuple("1000", "1100"));
    }

    @Test
    void aWorkbookWrittenAgainCellByCellWithTheSameValuesHasNoCellChanges() throws Exception {
        // an Excel-style copy: every value written anew by type, booleans as BOOLEAN cells and numbers as NUMERIC
        BundleDiff diff = fromRepositoryTo(withEdit(EXCLUSIONS, "Exclusions", (sheet, wb) -> {
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        switch (cell.getCellType()) {
                            case BOOLEAN -> cell.setCellValue(cell.getBooleanCellValue());
                            case NUMERIC -> cell.setCellValue(Double.parseDouble(Double.toString(cell.getNumericCellValue())));
                            case STRING -> cell.setCellValue(cell.getStringCellValue());
                            default -> { }
                        }
                    }
                }
                s.setColumnWidth(0, 9000);
            }
        }));

        assertThat(diff.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(EXCLUSIONS);
            assertThat(f.sheets()).isEmpty();
        });
        assertThat(diff.toText()).contains(EXCLUSIONS + ": no visible difference");
    }

    @Test
    void aWorkbookChangedOnlyInLayoutIsListedWithNoCellChanges() throws Exception {
        BundleDiff diff = fromRepositoryTo(withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> sheet.setColumnWidth(0, 20000)));

        assertThat(diff.files()).singleElement().satisfies(f -> {
            assertThat(f.change()).isEqualTo(Change.CHANGED);
            assertThat(f.oldSha256()).isNotEqualTo(f.newSha256());
            assertThat(f.sheets()).isEmpty();
        });
        assertThat(diff.toText()).contains(ELIGIBILITY + ": no visible difference");
    }

    @Test
    void aChangedProcessIsItsElementsAddedRemovedAndChangedByIdAndItsLayoutIsLeftToThePictures() {
        String appeal = "processes/appeal.bpmn";
        String retry = "<bpmn2:property id=\"retry\" itemSubjectRef=\"_BooleanItem\" name=\"retry\"/>";
        String condition = "<![CDATA[not(admissible = true) and evidenceNeeded = true]]>";
        List<PolicyFile> to = new ArrayList<>();
        for (PolicyFile f : RepositoryPolicy.files()) {
            if (f.path().equals(appeal)) {
                String text = new String(f.content(), StandardCharsets.UTF_8);
                assertThat(text).contains(retry, condition, "<bpmndi:BPMNShape id=\"Review_di\"");
                text = text.replace(retry, "<bpmn2:property id=\"legalCheck\" itemSubjectRef=\"_BooleanItem\" name=\"legalCheck\"/>")
                        .replace(condition, "<![CDATA[not(admissible = true) and evidenceNeeded = true and legalCheck = true]]>")
                        .replaceFirst("(<bpmndi:BPMNShape id=\"Review_di\"[^>]*>\\s*<dc:Bounds x=\")(\\d+)", "$19$2");
                assertThat(text).as("the review task is moved in the diagram").contains("x=\"9850\"");
                f = new PolicyFile(appeal, text.getBytes(StandardCharsets.UTF_8));
            }
            to.add(f);
        }

        BundleDiff diff = fromRepositoryTo(to);

        assertThat(diff.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(appeal);
            assertThat(f.kind()).isEqualTo(PolicyFile.Kind.PROCESS);
            assertThat(f.unreadable()).isNull();
        });
        assertThat(diff.files().get(0).elements()).containsExactlyInAnyOrder(
                new BundleDiff.ElementChange("legalCheck", "variable", Change.ADDED, null, "legalCheck",
                        List.of(new BundleDiff.PropertyChange("type", null, "java.lang.Boolean"))),
                new BundleDiff.ElementChange("retry", "variable", Change.REMOVED, "retry", null,
                        List.of(new BundleDiff.PropertyChange("type", "java.lang.Boolean", null))),
                new BundleDiff.ElementChange("F5", "sequence flow", Change.CHANGED, "a claimed ground needs its evidence checked",
                        "a claimed ground needs its evidence checked", List.of(new BundleDiff.PropertyChange("condition",
                        "not(admissible = true) and evidenceNeeded = true",
                        "not(admissible = true) and evidenceNeeded = true and legalCheck = true"))));
        assertThat(diff.toText()).contains(appeal + ": element legalCheck (variable \"legalCheck\") added: type = java.lang.Boolean",
                appeal + ": element retry (variable \"retry\") removed: type was java.lang.Boolean",
                appeal + ": element F5 (sequence flow \"a claimed ground needs its evidence checked\") changed: condition "
                        + "\"not(admissible = true) and evidenceNeeded = true\" → \"not(admissible = true) and evidenceNeeded = true "
                        + "and legalCheck = true\"");
    }

    @Test
    void aChangedDrlLineIsOneRemovedAndOneAddedLineWithTheirNumbers() {
        String salience = "    salience -50";
        List<PolicyFile> to = new ArrayList<>();
        int line = 0;
        for (PolicyFile f : RepositoryPolicy.files()) {
            if (f.path().equals(OUTCOMES)) {
                String text = new String(f.content(), StandardCharsets.UTF_8);
                line = text.lines().toList().indexOf(salience) + 1;
                text = text.replace(salience + "\n", "    salience -40\n");
                f = new PolicyFile(OUTCOMES, text.getBytes(StandardCharsets.UTF_8));
            }
            to.add(f);
        }
        assertThat(line).isPositive();

        BundleDiff diff = fromRepositoryTo(to);

        assertThat(diff.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo(OUTCOMES);
            assertThat(f.kind()).isEqualTo(PolicyFile.Kind.DRL);
            assertThat(f.sheets()).isEmpty();
        });
        assertThat(diff.files().get(0).lines()).containsExactly(
                new LineChange(Change.REMOVED, line, null, salience),
                new LineChange(Change.ADDED, null, line, "    salience -40"));
        assertThat(diff.toText())
                .contains(OUTCOMES + ": line " + line + " removed: \"    salience -50\"")
                .contains(OUTCOMES + ": line " + line + " added: \"    salience -40\"");
    }

    @Test
    void aWorkbookThatCannotBeReadIsReportedWithTheReasonInsteadOfFailing() {
        List<PolicyFile> to = new ArrayList<>();
        for (PolicyFile f : RepositoryPolicy.files()) {
            to.add(f.path().equals(SCORING) ? new PolicyFile(SCORING, "this is not a workbook".getBytes(StandardCharsets.UTF_8)) : f);
        }
        to.add(new PolicyFile("decision-tables/empty.drl.xlsx", new byte[0]));

        BundleDiff diff = fromRepositoryTo(to);

        assertThat(diff.files()).extracting(FileChange::path, FileChange::change).containsExactly(
                tuple("decision-tables/empty.drl.xlsx", Change.ADDED),
                tuple(SCORING, Change.CHANGED));
        assertThat(diff.files()).allSatisfy(f -> {
            assertThat(f.unreadable()).startsWith("version 2 is not a readable .xlsx workbook (");
            assertThat(f.sheets()).isEmpty();
        });
        assertThat(diff.toText()).contains(SCORING + ": cannot be read: version 2 is not a readable .xlsx workbook");
    }

    @Test
    void aRemovedWorkbookListsEveryRuleItTakesAway() {
        List<PolicyFile> to = RepositoryPolicy.files().stream().filter(f -> !f.path().equals(EXCLUSIONS)).toList();

        BundleDiff diff = fromRepositoryTo(to);

        assertThat(diff.files()).singleElement().satisfies(f -> {
            assertThat(f.change()).isEqualTo(Change.REMOVED);
            assertThat(f.oldSha256()).isEqualTo(Hashes.sha256(RepositoryPolicy.files().stream()
                    .filter(p -> p.path().equals(EXCLUSIONS)).findFirst().orElseThrow().content()));
            assertThat(f.newSha256()).isNull();
            assertThat(f.sheets()).singleElement().satisfies(s -> {
                assertThat(s.change()).isEqualTo(Change.REMOVED);
                assertThat(s.tables()).singleElement().satisfies(t -> assertThat(t.rows())
                        .allSatisfy(r -> assertThat(r.change()).isEqualTo(Change.REMOVED))
                        .extracting(r -> r.rule()).containsExactly("government employment", "car ownership",
                                "agricultural land", "international travel", "high phone bill"));
            });
        });
        assertThat(diff.toText())
                .contains(EXCLUSIONS + ": removed (was sha256 ")
                .contains(EXCLUSIONS + ", sheet Exclusions: sheet removed")
                .contains("table \"Exclusion filters\", row 11 of version 1: rule car ownership removed: ")
                .doesNotContain("column D \"Owns a car\" removed");
    }

    @Test
    void theDiffSurvivesAJsonRoundTrip() throws Exception {
        BundleDiff diff = fromRepositoryTo(withEdit(ELIGIBILITY, "Cut-offs", (sheet, wb) -> {
            At rule = find(sheet, "the standard cut-off");
            sheet.getRow(rule.row()).getCell(2).setCellValue(35);
        }));
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(diff);

        assertThat(text).contains("\"oldValue\":\"32\"", "\"newValue\":\"35\"", "\"kind\":\"DECISION_TABLE\"", "\"change\":\"CHANGED\"");
        assertThat(json.readValue(text, BundleDiff.class)).isEqualTo(diff);
    }

    /** A sheet "Pilot" with a RuleSet row and one rule table, named rules or not, one row per value list. */
    static void pilotSheet(Workbook wb, boolean named, List<List<Object>> rules) {
        Sheet sheet = wb.createSheet("Pilot");
        set(sheet.createRow(0), "RuleSet", "org.dynreg.policy.pilot");
        set(sheet.createRow(2), "RuleTable Pilot top-up");
        List<List<Object>> header = List.of(
                List.of("NAME", "CONDITION", "ACTION"),
                List.of("", "HouseholdFacts", ""),
                List.of("", "size >= $param", "insert(new TopUp($param));"),
                List.of("Top-up (rule name)", "Household size: at least", "Top-up (PKR)"));
        for (int k = 0; k < header.size(); k++) {
            set(sheet.createRow(3 + k), (named ? header.get(k) : header.get(k).subList(1, 3)).toArray());
        }
        for (int k = 0; k < rules.size(); k++) {
            set(sheet.createRow(7 + k), rules.get(k).toArray());
        }
    }

    static void set(Row row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof Integer i) {
                row.createCell(c).setCellValue(i);
            } else if (!"".equals(values[c])) {
                row.createCell(c).setCellValue(values[c].toString());
            }
        }
    }
}
