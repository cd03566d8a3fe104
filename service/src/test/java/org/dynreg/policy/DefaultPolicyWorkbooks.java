package org.dynreg.policy;

import org.dynreg.eligibility.ReferenceCsv;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the default policy workbooks in {@code decision-tables/} were first made: from the published
 * scorecard and likelihood CSVs (test resources, copied from the source paper's tables) and the rules
 * in docs/decisions. Policy officers edit the workbooks themselves from then on; run this again only to
 * start over from the published defaults ({@code ./mvnw -pl service test-compile exec:java} is not wired:
 * run the main method from an IDE with the repository root as working directory).
 */
public final class DefaultPolicyWorkbooks {

    static final String FACTS = "org.dynreg.eligibility.facts.*";
    static final String WORKFLOW_FACTS = "org.dynreg.workflow.facts.*";

    private DefaultPolicyWorkbooks() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "decision-tables");
        write(scoring(), dir.resolve("pmt-scoring.drl.xlsx"));
        write(eligibility(), dir.resolve("program-eligibility.drl.xlsx"));
        write(exclusions(), dir.resolve("exclusion-filters.drl.xlsx"));
        write(workflow(), dir.resolve("workflow-policy.drl.xlsx"));
    }

    record Col(String keyword, String objectType, String template, String label) {
        static Col name(String label) { return new Col("NAME", null, null, label); }
        static Col note(String label) { return new Col("DESCRIPTION", null, null, label); }
        static Col when(String objectType, String template, String label) { return new Col("CONDITION", objectType, template, label); }
        static Col then(String template, String label) { return new Col("ACTION", null, template, label); }
    }

    record Table(String title, List<Col> cols, List<List<Object>> rows) {}

    record SheetSpec(String name, String ruleSet, String imports, String notes, List<Table> tables) {
        SheetSpec(String name, String ruleSet, String notes, List<Table> tables) {
            this(name, ruleSet, FACTS, notes, tables);
        }
    }

    static Workbook scoring() throws IOException {
        String household = "HouseholdFacts";
        String src = "Schreiner (2009), Simple Poverty Scorecard Pakistan, indicator %d option %s";
        List<Table> tables = new ArrayList<>();
        List<String[]> card = ReferenceCsv.rows(ReferenceCsv.SCORECARD);

        tables.add(new Table("Indicator 1 Province", List.of(
                Col.name("Answer (rule name)"),
                Col.when(household, "forall(||){province == \"$\"}", "Province is one of (comma-separated)"),
                Col.then("insert(new IndicatorPoints(1, \"Province\", drools.getRule().getName(), $param));", "Points"),
                Col.note("Source of the points")), List.of(
                row("1A Balochistan", "BALOCHISTAN", 0, String.format(src, 1, "A")),
                row("1B Khyber Pakhtunkhwa", "KHYBER_PAKHTUNKHWA", 9, String.format(src, 1, "B") + " (Northwest Frontier Province, today Khyber Pakhtunkhwa, merged tribal districts included)"),
                row("1C Sindh", "SINDH", 11, String.format(src, 1, "C")),
                row("1D Punjab or Islamabad", "PUNJAB, ISLAMABAD", 12, String.format(src, 1, "D")),
                row("1E Azad Jammu and Kashmir", "AJK", 9, "Not in the 2005/06 survey behind the scorecard. dynreg default: scored as Khyber Pakhtunkhwa (see docs/decisions/0002-regions-outside-the-scorecard.md); change when the official weights are adopted"),
                row("1F Gilgit-Baltistan", "GILGIT_BALTISTAN", 9, "Not in the 2005/06 survey behind the scorecard. dynreg default: scored as Khyber Pakhtunkhwa (see docs/decisions/0002-regions-outside-the-scorecard.md); change when the official weights are adopted"))));

        tables.add(rangeTable(2, "Members aged 13 or younger", "membersAged13OrYounger", "Members aged 13 or younger", card, src,
                new Object[][]{{"2A Five or more", 5, null}, {"2B Four", 4, 4}, {"2C Three", 3, 3}, {"2D Two", 2, 2}, {"2E One", 1, 1}, {"2F None", 0, 0}}));

        tables.add(new Table("Indicator 3 Children 5 to 13 in school", List.of(
                Col.name("Answer (rule name)"),
                Col.when(household, "allChildrenAged5To13InSchool == $param", "All children aged 5-13 attend school (TRUE also when there are none)"),
                Col.then("insert(new IndicatorPoints(3, \"Children aged 5 to 13 in school\", drools.getRule().getName(), $param));", "Points"),
                Col.note("Source of the points")), List.of(
                row("3A Not all", false, points(card, 3, "A"), String.format(src, 3, "A")),
                row("3B All, or no children aged 5 to 13", true, points(card, 3, "B"), String.format(src, 3, "B")))));

        tables.add(rangeTable(4, "Members in elementary occupations", "elementaryOccupationMembers", "Members working in elementary occupations", card, src,
                new Object[][]{{"4A Two or more", 2, null}, {"4B One", 1, 1}, {"4C None", 0, 0}}));

        tables.add(new Table("Indicator 5 Education of the female head or spouse", List.of(
                Col.name("Answer (rule name)"),
                Col.when(household, "femaleHeadOrSpousePresent == $param", "There is a female head or spouse"),
                Col.when(household, "femaleHeadOrSpouseClassesCompleted >= $param", "Her classes completed: at least"),
                Col.when(household, "femaleHeadOrSpouseClassesCompleted <= $param", "Her classes completed: at most"),
                Col.then("insert(new IndicatorPoints(5, \"Education of the female head or spouse\", drools.getRule().getName(), $param));", "Points"),
                Col.note("Source of the points")), List.of(
                row("5A Less than Class 1", true, null, 0, points(card, 5, "A"), String.format(src, 5, "A") + "; every survey records an education level, so 'no data' cannot occur"),
                row("5B No female head or spouse", false, null, null, points(card, 5, "B"), String.format(src, 5, "B")),
                row("5C Class 1 or higher", true, 1, null, points(card, 5, "C"), String.format(src, 5, "C")))));

        tables.add(new Table("Indicator 6 Drinking water", List.of(
                Col.name("Answer (rule name)"),
                Col.when(household, "forall(||){drinkingWater == \"$\"}", "Main source is one of"),
                Col.when(household, "forall(&&){drinkingWater != \"$\"}", "Main source is none of"),
                Col.then("insert(new IndicatorPoints(6, \"Drinking water\", drools.getRule().getName(), $param));", "Points"),
                Col.note("Source of the points")), List.of(
                row("6A Other sources", null, "PIPED, HAND_PUMP, MOTOR_PUMP, COVERED_WELL", points(card, 6, "A"), String.format(src, 6, "A")),
                row("6B Hand pump, covered well, motor pump or tube well, or piped water", "PIPED, HAND_PUMP, MOTOR_PUMP, COVERED_WELL", null, points(card, 6, "B"), String.format(src, 6, "B")))));

        tables.add(new Table("Indicator 7 Toilet", List.of(
                Col.name("Answer (rule name)"),
                Col.when(household, "forall(||){toilet == \"$\"}", "Toilet is one of"),
                Col.when(household, "forall(&&){toilet != \"$\"}", "Toilet is none of"),
                Col.then("insert(new IndicatorPoints(7, \"Toilet\", drools.getRule().getName(), $param));", "Points"),
                Col.note("Source of the points")), List.of(
                row("7A None or other", null, "FLUSH_SEWER, FLUSH_SEPTIC, FLUSH_PIT, FLUSH_OPEN_DRAIN", points(card, 7, "A"), String.format(src, 7, "A")),
                row("7B Flush to pit, septic tank or open drain", "FLUSH_SEPTIC, FLUSH_PIT, FLUSH_OPEN_DRAIN", null, points(card, 7, "B"), String.format(src, 7, "B")),
                row("7C Flush to public sewerage", "FLUSH_SEWER", null, points(card, 7, "C"), String.format(src, 7, "C")))));

        tables.add(yesNo(8, "Refrigerator or freezer", "refrigeratorOrFreezer", "Owns a refrigerator or freezer", card, src));
        tables.add(yesNo(9, "Television", "television", "Owns a television", card, src));
        tables.add(yesNo(10, "Vehicle", "vehicle", "Owns a motorcycle, scooter, car or other vehicle", card, src));

        List<String[]> likelihoods = ReferenceCsv.rows(ReferenceCsv.LIKELIHOODS);
        String[] header = likelihoods.get(0);
        List<Col> cols = new ArrayList<>(List.of(
                Col.name("Score band"),
                Col.when("PovertyScore", "value >= $param", "Score from"),
                Col.when("PovertyScore", "value <= $param", "Score to")));
        for (int i = 1; i < header.length; i++) {
            cols.add(Col.then("insert(new PovertyLikelihood(\"" + header[i] + "\", $param));", "% below " + lineLabel(header[i])));
        }
        cols.add(Col.note("Source"));
        List<List<Object>> bands = new ArrayList<>();
        int start = 1;
        for (int r = 2; r <= likelihoods.size(); r++) {
            boolean last = r == likelihoods.size();
            if (last || !Arrays.equals(Arrays.copyOfRange(likelihoods.get(r), 1, header.length),
                    Arrays.copyOfRange(likelihoods.get(start), 1, header.length))) {
                String[] first = likelihoods.get(start);
                int from = Integer.parseInt(first[0]);
                int to = Integer.parseInt(likelihoods.get(r - 1)[0]);
                List<Object> band = new ArrayList<>(List.of("Likelihood for scores " + from + "-" + to, from, to));
                for (int i = 1; i < header.length; i++) {
                    band.add(Double.parseDouble(first[i]));
                }
                band.add("Schreiner (2009), Pakistan scorecard, poverty likelihoods for scores " + from + "-" + to);
                bands.add(band);
                start = r;
            }
        }
        Table likelihood = new Table("Poverty likelihood", cols, bands);

        return workbook(
                new SheetSpec("Scorecard", "org.dynreg.policy.scoring",
                        "PMT scoring: the ten indicators of the Simple Poverty Scorecard for Pakistan (Schreiner 2009). Each indicator is one table; exactly one row of each must match every household. The score is the sum of the points (0-100).",
                        tables),
                new SheetSpec("Likelihood", "org.dynreg.policy.likelihood",
                        "Score to poverty likelihood: percent of households with that score below each poverty line (Schreiner 2009, table of likelihoods). nl100 is the national line; nl50-nl200 are 50%-200% of it; extreme is the USAID extreme line; ppp125/250/375 are the $1.25/$2.50/$3.75 2005 PPP lines. The table is not monotone.",
                        List.of(likelihood)));
    }

    static Workbook eligibility() {
        Table cutoffs = new Table("Cash transfer UCT cut-offs", List.of(
                Col.name("Cut-off (rule name, told to the household)"),
                Col.when("HouseholdFacts", "disabledMember == $param", "Applies only when a member has a disability (TRUE), or only when none has (FALSE); blank: always"),
                Col.then("insert(new ProgramCutoff(\"UCT\", $param, drools.getRule().getName()));", "Eligible when the score is at or below"),
                Col.note("Source")), List.of(
                row("the standard cut-off", null, 32, "BISP Benazir Kafaalat unconditional cash transfer: NSER poverty score cut-off 32 (NSER annual report 2022-23, Targeting mechanism); applies from 2023-02-01"),
                row("the cut-off for households with a disabled member", true, 37, "BISP: households with a disabled member qualify up to a score of 37 (public programme rules); applies from 2023-02-01")));

        Table recipient = new Table("Payment recipient", List.of(
                Col.name("Who receives the payment (rule name)"),
                Col.when("$m : MemberFacts", "gender == \"$param\"", "Gender"),
                Col.when("$m : MemberFacts", "everMarried == $param", "Ever married"),
                Col.when("$m : MemberFacts", "forall(||){relation == \"$\"}", "Relation to the head is one of"),
                Col.when("$m : MemberFacts", "age >= $param", "Aged at least"),
                Col.then("insert(new RecipientCandidate($m, $param, drools.getRule().getName()));", "Priority (1 first; ties go to the eldest)"),
                Col.note("Source")), List.of(
                row("the female head of household", "FEMALE", true, "HEAD", 18, 1, "BISP pays an ever-married woman of the household; the head herself comes first"),
                row("the wife of the head", "FEMALE", true, "SPOUSE", 18, 2, "BISP pays an ever-married woman of the household; the head's wife next (eldest first where several)"),
                row("another ever-married woman of the household", "FEMALE", true, null, 18, 3, "BISP pays an ever-married woman of the household; any other ever-married woman aged 18 or over, eldest first")));

        Table stipend = new Table("Education stipend CCT_EDUCATION", List.of(
                Col.name("Stipend (rule name)"),
                Col.when("ProgramOutcome", "program == \"$param\", eligible == true", "Household eligible for program"),
                Col.when("$m : MemberFacts", "age >= $param", "Child aged from"),
                Col.when("$m : MemberFacts", "age <= $param", "Child aged to"),
                Col.then("insert(new StipendGrant(\"CCT_EDUCATION\", $m.getLine(), $m.getAge(), \"$param\"));", "Condition of payment"),
                Col.note("Source")), List.of(
                row("education stipend for a school-age child", "UCT", 5, 16, "enrolment in school and 70% attendance each quarter",
                        "BISP Benazir Taleemi Wazaif: conditional stipend per child of a cash-transfer household; school age 5-16 as in Article 25-A of the Constitution; applies from 2023-02-01")));

        return workbook(
                new SheetSpec("Cut-offs", "org.dynreg.policy.eligibility", "Program eligibility: the cut-offs of the unconditional cash transfer (UCT). Where several rows apply to a household, the highest cut-off is used.", List.of(cutoffs)),
                new SheetSpec("Recipient", "org.dynreg.policy.recipient", "Who receives the cash transfer of an eligible household: an ever-married woman, chosen by priority.", List.of(recipient)),
                new SheetSpec("Stipend", "org.dynreg.policy.stipend", "Conditional education stipend: one per school-age child of a household eligible for the cash transfer.", List.of(stipend)));
    }

    static Workbook exclusions() {
        Table filters = new Table("Exclusion filters", List.of(
                Col.name("Filter (rule name)"),
                Col.when(null, "eval($param)", "Switched on (TRUE or FALSE)"),
                Col.when("HouseholdFacts", "governmentEmployees >= $param", "Government employees in the household: at least"),
                Col.when("HouseholdFacts", "car == $param", "Owns a car"),
                Col.when("HouseholdFacts", "agriculturalLandAcres > $param", "Agricultural land: more than (acres)"),
                Col.when("HouseholdFacts", "internationalTravel == $param", "A member travelled abroad in the last 12 months"),
                Col.when("HouseholdFacts", "monthlyPhoneBillPkr > $param", "Average monthly phone bill: more than (PKR)"),
                Col.then("insert(new Exclusion(drools.getRule().getName(), \"$param\"));", "Reason told to the household"),
                Col.note("Source")), List.of(
                row("government employment", true, 1, null, null, null, null, "a member of the household is employed by the government", "BISP profiling filter: government employees are not eligible (public programme rules)"),
                row("car ownership", true, null, true, null, null, null, "the household owns a car", "BISP profiling filter: car owners are not eligible (public programme rules)"),
                row("agricultural land", true, null, null, 12.5, null, null, "the household owns more than 12.5 acres of agricultural land", "dynreg default threshold (docs/decisions/0003-exclusion-filters.md); an officer may change or switch it off"),
                row("international travel", true, null, null, null, true, null, "a member of the household travelled abroad in the last 12 months", "BISP profiling filter: international travel (public programme rules)"),
                row("high phone bill", true, null, null, null, null, 1000, "the household's average monthly phone bill is above PKR 1,000", "BISP profiling filter: average phone bill above PKR 1,000 a month (public programme rules)")));
        return workbook(new SheetSpec("Exclusions", "org.dynreg.policy.exclusions",
                "Exclusion filters: each row removes an otherwise eligible household from the cash programs. Set 'Switched on' to FALSE to stop a filter.",
                List.of(filters)));
    }

    /** The questions workflows ask: update windows, appeals, deadlines, shock response, roster changes. */
    static Workbook workflow() {
        String seed = "NSER annual report 2022-23, Dynamic NSER update types";
        Table windows = new Table("Update windows", List.of(
                Col.name("Update (rule name, told to the household)"),
                Col.when("$r : UpdateRequest", "updateType == \"$param\"", "Update type"),
                Col.when("$r : UpdateRequest", "beneficiary == $param", "Household receives the cash transfer (TRUE or FALSE); blank: either"),
                Col.then("$r.allowAfterMonths($param, drools.getRule().getName());", "May be requested this many months after the last survey"),
                Col.then("$r.dueNoticeDays($param, drools.getRule().getName());", "Tell the household this many days before it falls due (blank: on the day)"),
                Col.then("$r.suspensionNoticeDays($param, drools.getRule().getName());", "Warn the household this many days before its benefit is suspended (blank: no warning)"),
                Col.note("Source")), List.of(
                row("a cyclic update of a household that does not receive the cash transfer", "CYCLIC_UPDATE", false, 24, 30, null,
                        seed + ": households above the eligibility threshold may update every two years from the last survey date; "
                                + "dynreg default: told 30 days ahead, so that it can plan the visit"),
                row("recertification of a beneficiary household", "RECERTIFICATION", true, 36, null, 14,
                        seed + ": beneficiaries are re-surveyed every three years to re-certify their status; dynreg default: told the "
                                + "day the case opens, warned 14 days before the grace period of the Deadlines sheet ends"),
                row("a roster update", "ROSTER_UPDATE", null, 0, null, null, seed + ": demographic changes may be reported at any time"),
                row("a shock update", "SHOCK_UPDATE", null, 0, null, null, seed + ": households in a declared disaster area are re-surveyed after the disaster"),
                row("an appeal against the cut-off", "APPEAL", false, 0, null, null, "the appeal's own window is on the Appeals sheet")));

        Table whoMayAppeal = new Table("Who may appeal", List.of(
                Col.name("Who (rule name)"),
                Col.when("$a : AppealRequest", "beneficiary == $param", "Household receives the cash transfer"),
                Col.then("$a.allowWithinDays($param, drools.getRule().getName());", "Appeal lodged within this many days of the decision"),
                Col.note("Source")), List.of(
                row("a household that does not receive the cash transfer", false, 90,
                        seed + ": non-beneficiary households that meet pre-defined conditions may appeal; dynreg default window of 90 days (docs/decisions/0009-workflow-policy.md)")));
        Table grounds = new Table("Grounds for appeal", List.of(
                Col.name("Ground (rule name, told to the household)"),
                Col.when("$a : AppealRequest", "pointsAboveCutoff >= $param", "Score above the cut-off by at least (points)"),
                Col.when("$a : AppealRequest", "pointsAboveCutoff <= $param", "Score above the cut-off by at most (points)"),
                Col.when("$a : AppealRequest", "disabledMember == $param", "A member has a disability"),
                Col.when("$a : AppealRequest", "widowHeaded == $param", "A widow heads the household"),
                Col.then("$a.ground(\"$param\", drools.getRule().getName());", "Ground the household claims (SCORE_NEAR_CUTOFF, DISABILITY or WIDOW_HEAD)"),
                Col.note("Source")), List.of(
                row("the score is within 5 points above the cut-off", 1, 5, null, null, "SCORE_NEAR_CUTOFF", "dynreg default (docs/decisions/0009-workflow-policy.md): close enough that a re-survey may change the outcome"),
                row("a member of the household has a disability", 1, null, true, null, "DISABILITY", "dynreg default: disability is under-counted by the scorecard"),
                row("a widow heads the household", 1, null, null, true, "WIDOW_HEAD", "dynreg default: widow-headed households are a priority group of BISP")));
        Table anotherAppeal = new Table("Another appeal", List.of(
                Col.name("Who (rule name)"),
                Col.when("$a : AppealRequest", "beneficiary == $param", "Household receives the cash transfer"),
                Col.then("$a.allowAgainAfterDays($param, drools.getRule().getName());", "Days after a decided appeal before another may be lodged"),
                Col.note("Source")), List.of(
                row("another appeal after a decided one", false, 90,
                        "dynreg default (docs/decisions/0024-appeals-that-close-the-loop.md): a household whose appeal was decided waits 90 days before appealing again")));

        Table deadlines = new Table("Deadlines", List.of(
                Col.name("Step (rule name)"),
                Col.when("$t : TaskDue", "task == \"$param\"", "Step of a case"),
                Col.then("$t.due($param, drools.getRule().getName());", "Days it may wait"),
                Col.then("$t.onExpiry(\"$param\", drools.getRule().getName());", "Then (ESCALATE or SUSPEND)"),
                Col.then("$t.escalateTo(\"$param\", drools.getRule().getName());", "Escalate to group"),
                Col.note("Source")), List.of(
                row("review of an appeal", "appeal-review", 7, "ESCALATE", "supervisors", "dynreg default service standard"),
                row("decision on an appeal", "appeal-decision", 5, "ESCALATE", "supervisors", "dynreg default service standard"),
                row("identity check that failed", "identity-review", 3, "ESCALATE", "supervisors", "dynreg default service standard"),
                row("supervisor approval of a roster change", "roster-approval", 5, "ESCALATE", "supervisors", "dynreg default service standard"),
                row("re-survey after a shock", "shock-resurvey", 30, "ESCALATE", "supervisors", "dynreg default service standard"),
                row("check of the evidence for a claimed ground of appeal", "appeal-evidence", 7, "ESCALATE", "supervisors", "dynreg default service standard"),
                row("re-survey ordered by an approved appeal", "appeal-resurvey", 30, "ESCALATE", "supervisors", "dynreg default service standard"),
                row("recertification re-survey", "recertification-resurvey", 90, "SUSPEND", null,
                        "dynreg default grace period: a beneficiary not re-surveyed within 90 days of falling due is suspended until re-surveyed")));

        Table priority = new Table("Re-survey order", List.of(
                Col.name("Band (rule name)"),
                Col.when("$h : ShockHousehold", "rescored == $param", "After the re-survey"),
                Col.when("$h : ShockHousehold", "score >= $param", "Score from"),
                Col.when("$h : ShockHousehold", "score <= $param", "Score to"),
                Col.then("$h.resurveyPriority($param, drools.getRule().getName());", "Priority (1 first)"),
                Col.note("Source")), List.of(
                row("the poorest households first", false, 0, 32, 1, "dynreg default: beneficiaries and those at or below the cut-off first"),
                row("households near the cut-off next", false, 33, 50, 2, "dynreg default"),
                row("all other households", false, 51, 100, 3, "dynreg default")));
        Table assistance = new Table("Emergency assistance", List.of(
                Col.name("Assistance (rule name, told to the household)"),
                Col.when("$h : ShockHousehold", "rescored == $param", "After the re-survey"),
                Col.when("$h : ShockHousehold", "score <= $param", "Score after the re-survey at most"),
                Col.then("$h.assistance($param, drools.getRule().getName());", "One-off amount (PKR)"),
                Col.note("Source")), List.of(
                row("emergency cash for a household struck by the shock", true, 40, 25000,
                        "dynreg default modelled on BISP's flood relief of PKR 25,000 per household (2022)")));

        Table roster = new Table("Roster changes", List.of(
                Col.name("Change (rule name)"),
                Col.when("$c : RosterChange", "kind == \"$param\"", "Kind of change"),
                Col.then("$c.rescore($param, drools.getRule().getName());", "Rescore the household"),
                Col.then("$c.supervisorApproval($param, drools.getRule().getName());", "A supervisor must approve"),
                Col.note("Source")), List.of(
                row("a member added by birth or marriage", "ADD_MEMBER", true, false, seed + ": additions of new family members"),
                row("a member removed by death or marriage out", "REMOVE_MEMBER", true, true, seed + ": removal of family members; dynreg asks a supervisor"),
                row("a new head of household", "CHANGE_HEAD", true, true, "dynreg default: the head decides the recipient and indicator 2"),
                row("a change of marital status", "MARITAL_STATUS", true, false, seed + ": marital status update"),
                row("a change of disability", "DISABILITY", true, false, seed + ": disability update (the disabled-member cut-off)"),
                row("a change of gender", "GENDER", true, false, seed + ": gender update"),
                row("a change of contact details", "CONTACT", false, false, seed + ": contact information update"),
                row("a change of address", "ADDRESS", false, false, seed + ": address information update")));

        Table resurveyOutcomes = new Table("Re-survey outcomes", List.of(
                Col.name("Outcome (rule name)"),
                Col.when("$o : ResurveyOutcome", "updateType == \"$param\"", "Update type"),
                Col.when("$o : ResurveyOutcome", "outcome == \"$param\"", "The enumerator reports (NOT_FOUND, REFUSED, MOVED)"),
                Col.when("$o : ResurveyOutcome", "attempt >= $param", "Attempt from"),
                Col.when("$o : ResurveyOutcome", "attempt <= $param", "Attempt to (blank: any later)"),
                Col.then("$o.action(\"$param\", drools.getRule().getName());", "Then (RETRY, CLOSE or SUSPEND)"),
                Col.then("$o.notice(\"$param\", drools.getRule().getName());", "The household is told"),
                Col.note("Source")), Stream.concat(resurveyOutcomeRows().stream(), appealResurveyOutcomeRows().stream()).toList());

        return workbook(
                new SheetSpec("Update windows", "org.dynreg.policy.updates", WORKFLOW_FACTS,
                        "When a household may ask for each update type, in months after its last survey.", List.of(windows)),
                new SheetSpec("Appeals", "org.dynreg.policy.appeals", WORKFLOW_FACTS,
                        "Appeal against the cut-off: who may appeal, within how long, on which grounds, and how long after a decided appeal another may be lodged. An appeal is admissible when at least one ground applies, or when a caseworker confirms the evidence for a ground the household claims.",
                        List.of(whoMayAppeal, grounds, anotherAppeal)),
                new SheetSpec("Deadlines", "org.dynreg.policy.deadlines", WORKFLOW_FACTS,
                        "How long each step of a case may wait before it escalates to a group or the benefit is suspended.", List.of(deadlines)),
                new SheetSpec("Shock response", "org.dynreg.policy.shock", WORKFLOW_FACTS,
                        "After a declared shock: the order of re-survey orders, and who receives emergency assistance after the re-survey.",
                        List.of(priority, assistance)),
                new SheetSpec("Roster changes", "org.dynreg.policy.roster", WORKFLOW_FACTS,
                        "What each roster change needs: rescoring, a supervisor's approval.", List.of(roster)),
                new SheetSpec("Re-survey outcomes", "org.dynreg.policy.resurvey", WORKFLOW_FACTS,
                        "What follows when an enumerator could not re-survey a household (not found, refused, moved), by update type and "
                                + "attempt: visit again (RETRY), close the case (CLOSE) or suspend the benefit and wait for the household "
                                + "(SUSPEND); and what the household is told. Attempts count this report included.",
                        List.of(resurveyOutcomes)));
    }

    /** The Re-survey outcomes rows of the cyclic update, recertification and shock update. */
    static List<List<Object>> resurveyOutcomeRows() {
        String visitCentre = " You can also come to your registration centre to be re-surveyed.";
        String def = "dynreg default (docs/decisions/0026-resurvey-outcomes-and-due-notices.md)";
        return List.of(
                row("cyclic update: household not found, first visit", "CYCLIC_UPDATE", "NOT_FOUND", 1, 1, "RETRY",
                        "An enumerator could not find your household for its cyclic update and will visit again." + visitCentre, def),
                row("cyclic update: household not found again", "CYCLIC_UPDATE", "NOT_FOUND", 2, null, "CLOSE",
                        "An enumerator could not find your household a second time, so its cyclic update is closed. Your current "
                                + "decision stays as it is; ask at your registration centre for a new cyclic update.", def),
                row("cyclic update: household refused the re-survey", "CYCLIC_UPDATE", "REFUSED", 1, null, "CLOSE",
                        "Your household declined the re-survey, so its cyclic update is closed. Your current decision stays as it is; "
                                + "you may ask for a cyclic update again at your registration centre.", def),
                row("cyclic update: household moved", "CYCLIC_UPDATE", "MOVED", 1, null, "CLOSE",
                        "The enumerator found that your household has moved, so its cyclic update is closed. Report your new address at "
                                + "your registration centre, then ask for the cyclic update again.", def),
                row("recertification: household not found, first visit", "RECERTIFICATION", "NOT_FOUND", 1, 1, "RETRY",
                        "An enumerator could not find your household for its recertification and will visit again; your payments "
                                + "continue for now." + visitCentre, def),
                row("recertification: household not found again", "RECERTIFICATION", "NOT_FOUND", 2, null, "SUSPEND",
                        "An enumerator could not find your household a second time for its recertification, so its cash transfer is "
                                + "suspended. Come to your registration centre to be re-surveyed; the payments resume if your household is "
                                + "still eligible.", def),
                row("recertification: household moved, first report", "RECERTIFICATION", "MOVED", 1, 1, "RETRY",
                        "The enumerator found that your household has moved. Report your new address at your registration centre so "
                                + "that it can be re-surveyed there; your payments continue for now.", def),
                row("recertification: household moved and not re-surveyed", "RECERTIFICATION", "MOVED", 2, null, "SUSPEND",
                        "Your household has moved and could not be re-surveyed, so its cash transfer is suspended. Report your new "
                                + "address at your registration centre; the payments resume if your household is re-surveyed and still eligible.", def),
                row("recertification: household refused the re-survey", "RECERTIFICATION", "REFUSED", 1, null, "SUSPEND",
                        "Your household declined the recertification re-survey, so its cash transfer is suspended. The payments resume "
                                + "if your household is re-surveyed and still eligible; come to your registration centre.", def),
                row("shock update: household not found, first visit", "SHOCK_UPDATE", "NOT_FOUND", 1, 1, "RETRY",
                        "An enumerator could not find your household for the re-survey after the shock and will visit again."
                                + visitCentre, def),
                row("shock update: household not found again", "SHOCK_UPDATE", "NOT_FOUND", 2, null, "CLOSE",
                        "An enumerator could not find your household a second time after the shock, so no emergency assistance is "
                                + "decided for it. Come to your registration centre if your household was struck by the shock.", def),
                row("shock update: household refused the re-survey", "SHOCK_UPDATE", "REFUSED", 1, null, "CLOSE",
                        "Your household declined the re-survey after the shock, so no emergency assistance is decided for it.", def),
                row("shock update: household moved", "SHOCK_UPDATE", "MOVED", 1, null, "CLOSE",
                        "The enumerator found that your household has moved away from the shock area, so no emergency assistance is "
                                + "decided for it there. Report your new address at your registration centre.", def));
    }

    /** The appeal's re-survey: a household not found or moved is visited once more, then the appeal lapses; a refusal ends it. */
    static List<List<Object>> appealResurveyOutcomeRows() {
        String def = "dynreg default (docs/decisions/0024-appeals-that-close-the-loop.md)";
        return List.of(
                row("appeal: household not found, first visit", "APPEAL", "NOT_FOUND", 1, 1, "RETRY",
                        "The enumerator could not find your household for the re-survey your appeal was granted; they will visit again.", def),
                row("appeal: household not found again", "APPEAL", "NOT_FOUND", 2, null, "CLOSE",
                        "The enumerator could not find your household twice, so the re-survey your appeal was granted has lapsed. You may appeal again against a new decision.", def),
                row("appeal: household moved, first visit", "APPEAL", "MOVED", 1, 1, "RETRY",
                        "The enumerator found that your household has moved; they will try to re-survey it at its new address.", def),
                row("appeal: household moved again", "APPEAL", "MOVED", 2, null, "CLOSE",
                        "Your household could not be re-surveyed after it moved, so the re-survey your appeal was granted has lapsed. Please tell your registration centre your new address.", def),
                row("appeal: household refused the re-survey", "APPEAL", "REFUSED", 1, null, "CLOSE",
                        "Your household refused the re-survey your appeal was granted, so the appeal has lapsed and the earlier decision stands.", def));
    }

    static Table rangeTable(int n, String title, String field, String label, List<String[]> card, String src, Object[][] rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : rows) {
            String code = ((String) r[0]).substring(1, 2);
            out.add(row(r[0], r[1], r[2], points(card, n, code), String.format(src, n, code)));
        }
        return new Table("Indicator " + n + " " + title, List.of(
                Col.name("Answer (rule name)"),
                Col.when("HouseholdFacts", field + " >= $param", label + ": at least"),
                Col.when("HouseholdFacts", field + " <= $param", label + ": at most"),
                Col.then("insert(new IndicatorPoints(" + n + ", \"" + title + "\", drools.getRule().getName(), $param));", "Points"),
                Col.note("Source of the points")), out);
    }

    static Table yesNo(int n, String title, String field, String label, List<String[]> card, String src) {
        return new Table("Indicator " + n + " " + title, List.of(
                Col.name("Answer (rule name)"),
                Col.when("HouseholdFacts", field + " == $param", label),
                Col.then("insert(new IndicatorPoints(" + n + ", \"" + title + "\", drools.getRule().getName(), $param));", "Points"),
                Col.note("Source of the points")), List.of(
                row(n + "A No", false, points(card, n, "A"), String.format(src, n, "A")),
                row(n + "B Yes", true, points(card, n, "B"), String.format(src, n, "B"))));
    }

    static int points(List<String[]> card, int indicator, String option) {
        return card.stream().filter(r -> r[0].equals(String.valueOf(indicator)) && r[2].equals(option))
                .map(r -> Integer.parseInt(r[4])).findFirst()
                .orElseThrow(() -> new IllegalStateException("no option " + indicator + option));
    }

    static String lineLabel(String line) {
        return switch (line) {
            case "extreme" -> "the USAID extreme line";
            case "ppp125" -> "$1.25/day (2005 PPP)";
            case "ppp250" -> "$2.50/day (2005 PPP)";
            case "ppp375" -> "$3.75/day (2005 PPP)";
            default -> line.substring(2) + "% of the national line (" + line + ")";
        };
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    static Workbook workbook(SheetSpec... sheets) {
        Workbook wb = new XSSFWorkbook();
        CellStyle keyword = style(wb, IndexedColors.GREY_25_PERCENT, true);
        CellStyle code = style(wb, IndexedColors.LEMON_CHIFFON, false);
        CellStyle label = style(wb, IndexedColors.LIGHT_CORNFLOWER_BLUE, true);
        for (SheetSpec spec : sheets) {
            Sheet sheet = wb.createSheet(spec.name());
            int r = 0;
            put(sheet, r++, 0, "RuleSet", keyword).getRow(r - 1);
            put(sheet, r - 1, 1, spec.ruleSet(), null);
            put(sheet, r++, 0, "Import", keyword);
            put(sheet, r - 1, 1, spec.imports(), null);
            put(sheet, r++, 0, "Notes", keyword);
            put(sheet, r - 1, 1, spec.notes(), null);
            r++;
            for (Table t : spec.tables()) {
                put(sheet, r++, 0, "RuleTable " + t.title(), keyword);
                int kw = r++, type = r++, tpl = r++, lab = r++;
                for (int c = 0; c < t.cols().size(); c++) {
                    Col col = t.cols().get(c);
                    put(sheet, kw, c, col.keyword(), keyword);
                    put(sheet, type, c, col.objectType() == null ? "" : col.objectType(), code);
                    put(sheet, tpl, c, col.template() == null ? "" : col.template(), code);
                    put(sheet, lab, c, col.label(), label);
                }
                mergeSamePatterns(sheet, type, t.cols());
                for (List<Object> values : t.rows()) {
                    int rr = r++;
                    for (int c = 0; c < values.size(); c++) {
                        put(sheet, rr, c, values.get(c), null);
                    }
                }
                r++;
            }
            for (int c = 0; c < 12; c++) {
                sheet.setColumnWidth(c, c == 0 ? 14000 : 9000);
            }
        }
        return wb;
    }

    /** Adjacent condition columns on the same object type form one pattern: Drools wants their type cells merged. */
    static void mergeSamePatterns(Sheet sheet, int typeRow, List<Col> cols) {
        int c = 0;
        while (c < cols.size()) {
            int end = c;
            String type = cols.get(c).objectType();
            while (type != null && "CONDITION".equals(cols.get(c).keyword()) && end + 1 < cols.size()
                    && "CONDITION".equals(cols.get(end + 1).keyword()) && type.equals(cols.get(end + 1).objectType())) {
                end++;
            }
            if (end > c) {
                for (int k = c + 1; k <= end; k++) {
                    sheet.getRow(typeRow).getCell(k).setBlank();
                }
                sheet.addMergedRegion(new CellRangeAddress(typeRow, typeRow, c, end));
            }
            c = end + 1;
        }
    }

    static Sheet put(Sheet sheet, int r, int c, Object value, CellStyle style) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof Integer i) {
            cell.setCellValue(i);
        } else if (value instanceof Double d) {
            cell.setCellValue(d);
        } else if (value != null) {
            cell.setCellValue(value.toString());
        } else {
            cell.setBlank();
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
        return sheet;
    }

    static CellStyle style(Workbook wb, IndexedColors color, boolean bold) {
        CellStyle s = wb.createCellStyle();
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        s.setWrapText(true);
        if (bold) {
            Font f = wb.createFont();
            f.setBold(true);
            s.setFont(f);
        }
        return s;
    }

    static void write(Workbook wb, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
    }
}
