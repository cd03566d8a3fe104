package org.dynreg.policy;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.eligibility.ScoredHouseholds;
import org.dynreg.eligibility.facts.HouseholdFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The Exclusions sheet of decision-tables/exclusion-filters.drl.xlsx, through the real compiled policy. */
class ExclusionFiltersTableTest {

    static final String WORKBOOK = "decision-tables/exclusion-filters.drl.xlsx";

    record Filter(String rule, String reason, Consumer<HouseholdFacts> match) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static List<Filter> filters() {
        return List.of(
                new Filter("government employment", "a member of the household is employed by the government",
                        h -> h.setGovernmentEmployees(1)),
                new Filter("car ownership", "the household owns a car", h -> {
                    h.setCar(true);
                    h.setVehicle(true);
                }),
                new Filter("agricultural land", "the household owns more than 12.5 acres of agricultural land",
                        h -> h.setAgriculturalLandAcres(12.6)),
                new Filter("international travel", "a member of the household travelled abroad in the last 12 months",
                        h -> h.setInternationalTravel(true)),
                new Filter("high phone bill", "the household's average monthly phone bill is above PKR 1,000",
                        h -> h.setMonthlyPhoneBillPkr(1001)));
    }

    /** An eligible household (score 32, at the standard cut-off) that owns a vehicle, so a car is consistent. */
    static HouseholdFactsBuilder.Facts eligibleHousehold() {
        return ScoredHouseholds.withScore(32, false, Map.of(10, "B"));
    }

    static Evaluation evaluate(CompiledPolicy policy, HouseholdFactsBuilder.Facts facts) {
        return EligibilityEvaluator.evaluate(policy, facts);
    }

    static List<String> fired(Evaluation e) {
        return e.firedRules().stream().map(Evaluation.FiredRule::rule).toList();
    }

    @Test
    void aHouseholdMatchingNoFilterStaysEligible() {
        Evaluation e = evaluate(RepositoryPolicy.compiled(), eligibleHousehold());

        assertThat(e.score()).isEqualTo(32);
        assertThat(e.program("UCT").eligible()).isTrue();
        assertThat(fired(e)).doesNotContainAnyElementsOf(filters().stream().map(Filter::rule).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void eachFilterRemovesTheCashTransferAndSaysWhy(Filter filter) {
        HouseholdFactsBuilder.Facts facts = eligibleHousehold();
        filter.match().accept(facts.household());

        Evaluation e = evaluate(RepositoryPolicy.compiled(), facts);

        assertThat(e.score()).isEqualTo(32);
        Evaluation.ProgramResult uct = e.program("UCT");
        assertThat(uct.eligible()).isFalse();
        assertThat(uct.cutoff()).isEqualTo(32);
        assertThat(uct.reason()).isEqualTo("Not eligible: the poverty score 32 is within the cut-off of 32, but "
                + filter.reason() + ".");
        assertThat(uct.paymentRecipient()).isNull();
        assertThat(fired(e)).contains(filter.rule(), "Cash transfer: removed by an exclusion filter");
        assertThat(e.firedRules()).filteredOn(r -> r.rule().equals(filter.rule())).singleElement()
                .extracting(Evaluation.FiredRule::source).asString().startsWith(WORKBOOK + ", sheet Exclusions, row ");
        assertThat(e.program("CCT_EDUCATION").eligible()).isFalse();
    }

    @Test
    void aFilterAlsoRemovesAHouseholdEligibleUnderTheDisabledCutoff() {
        HouseholdFactsBuilder.Facts facts = ScoredHouseholds.withScore(36, true);
        facts.household().setInternationalTravel(true);

        Evaluation.ProgramResult uct = evaluate(RepositoryPolicy.compiled(), facts).program("UCT");

        assertThat(uct.eligible()).isFalse();
        assertThat(uct.reason()).contains("within the cut-off of 37").contains("travelled abroad");
    }

    @Test
    void severalFiltersAreAllNamed() {
        HouseholdFactsBuilder.Facts facts = eligibleHousehold();
        facts.household().setCar(true);
        facts.household().setMonthlyPhoneBillPkr(5000);

        Evaluation e = evaluate(RepositoryPolicy.compiled(), facts);

        assertThat(fired(e)).contains("car ownership", "high phone bill");
        assertThat(e.program("UCT").reason()).contains("the household owns a car")
                .contains("the household's average monthly phone bill is above PKR 1,000");
    }

    @Test
    void householdsExactlyAtAThresholdAreNotExcluded() {
        HouseholdFactsBuilder.Facts facts = eligibleHousehold();
        facts.household().setAgriculturalLandAcres(12.5);
        facts.household().setMonthlyPhoneBillPkr(1000);
        facts.household().setGovernmentEmployees(0);
        facts.household().setCar(false);
        facts.household().setInternationalTravel(false);

        Evaluation e = evaluate(RepositoryPolicy.compiled(), facts);

        assertThat(e.program("UCT").eligible()).isTrue();
        assertThat(fired(e)).doesNotContain("agricultural land", "high phone bill");
    }

    @Test
    void aFilterDoesNotTouchAHouseholdAboveTheCutoff() {
        HouseholdFactsBuilder.Facts facts = ScoredHouseholds.withScore(50, false, Map.of(10, "B"));
        facts.household().setCar(true);

        Evaluation.ProgramResult uct = evaluate(RepositoryPolicy.compiled(), facts).program("UCT");

        assertThat(uct.eligible()).isFalse();
        assertThat(uct.reason()).isEqualTo("Not eligible: the poverty score 50 is above the cut-off of 32 (the standard cut-off).");
    }

    @Test
    void switchingTheCarFilterOffInTheWorkbookMakesACarOwnerEligible() throws Exception {
        List<PolicyFile> files = new ArrayList<>();
        for (PolicyFile f : RepositoryPolicy.files()) {
            files.add(f.path().equals(WORKBOOK) ? new PolicyFile(f.path(), switchedOff(f.content(), "car ownership")) : f);
        }
        CompiledPolicy modified = new PolicyCompiler().compile(2, files);
        HouseholdFactsBuilder.Facts carOwner = eligibleHousehold();
        carOwner.household().setCar(true);

        assertThat(evaluate(RepositoryPolicy.compiled(), carOwner).program("UCT").eligible()).isFalse();
        Evaluation e = evaluate(modified, carOwner);
        assertThat(e.policyVersion()).isEqualTo(2);
        assertThat(e.program("UCT").eligible()).isTrue();
        assertThat(fired(e)).doesNotContain("car ownership");

        HouseholdFactsBuilder.Facts officer = eligibleHousehold();
        officer.household().setGovernmentEmployees(1);
        Evaluation other = evaluate(modified, officer);
        assertThat(other.program("UCT").eligible()).isFalse();
        assertThat(fired(other)).contains("government employment");
    }

    /** The workbook with the 'Switched on' cell of the named filter's row set to FALSE, as an officer would. */
    static byte[] switchedOff(byte[] workbook, String filter) throws Exception {
        DataFormatter format = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = wb.getSheet("Exclusions");
            Integer switchColumn = null;
            Row filterRow = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = format.formatCellValue(cell);
                    if (text.startsWith("Switched on")) {
                        switchColumn = cell.getColumnIndex();
                    }
                    if (cell.getColumnIndex() == 0 && text.equals(filter)) {
                        filterRow = row;
                    }
                }
            }
            assertThat(switchColumn).as("'Switched on' column").isNotNull();
            assertThat(filterRow).as("row of " + filter).isNotNull();
            Cell cell = filterRow.getCell(switchColumn);
            assertThat(cell.getBooleanCellValue()).isTrue();
            cell.setCellValue(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
