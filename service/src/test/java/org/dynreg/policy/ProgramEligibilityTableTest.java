package org.dynreg.policy;

import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.eligibility.ScoredHouseholds;
import org.dynreg.eligibility.facts.MemberFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dynreg.eligibility.ScoredHouseholds.member;

/**
 * The Cut-offs, Recipient and Stipend sheets of decision-tables/program-eligibility.drl.xlsx, combined
 * by rules/eligibility-outcomes.drl, through the real compiled policy.
 */
class ProgramEligibilityTableTest {

    static final String CONDITION = "enrolment in school and 70% attendance each quarter";

    static Evaluation evaluate(HouseholdFactsBuilder.Facts facts) {
        return EligibilityEvaluator.evaluate(RepositoryPolicy.compiled(), facts);
    }

    // ---- cut-offs

    @ParameterizedTest(name = "score {0}, disabled member {1}: eligible {2} under cut-off {3}")
    @CsvSource({
            "0,  false, true,  32",
            "31, false, true,  32",
            "32, false, true,  32",
            "33, false, false, 32",
            "35, false, false, 32",
            "37, false, false, 32",
            "32, true,  true,  37",
            "35, true,  true,  37",
            "37, true,  true,  37",
            "38, true,  false, 37",
            "47, true,  false, 37",
    })
    void theHighestApplicableCutoffDecides(int score, boolean disabled, boolean eligible, int cutoff) {
        Evaluation e = evaluate(ScoredHouseholds.withScore(score, disabled));

        assertThat(e.score()).isEqualTo(score);
        Evaluation.ProgramResult uct = e.program("UCT");
        assertThat(uct.eligible()).isEqualTo(eligible);
        assertThat(uct.cutoff()).isEqualTo(cutoff);
        assertThat(uct.reason())
                .startsWith(eligible ? "Eligible: " : "Not eligible: ")
                .contains("poverty score " + score + " ")
                .contains("cut-off of " + cutoff + " ")
                .contains(disabled ? "(the cut-off for households with a disabled member)" : "(the standard cut-off)");
        assertThat(e.firedRules()).extracting(Evaluation.FiredRule::rule)
                .contains("the standard cut-off",
                        eligible ? "Cash transfer: score at or below the cut-off" : "Cash transfer: score above the cut-off");
        assertThat(e.reasons()).contains("Unconditional cash transfer: " + uct.reason());
    }

    @Test
    void theDisabledCutoffRowDoesNotApplyWithoutADisabledMember() {
        Evaluation e = evaluate(ScoredHouseholds.withScore(35, false));

        assertThat(e.firedRules()).extracting(Evaluation.FiredRule::rule)
                .contains("the standard cut-off")
                .doesNotContain("the cut-off for households with a disabled member");
        assertThat(e.program("UCT").reason())
                .isEqualTo("Not eligible: the poverty score 35 is above the cut-off of 32 (the standard cut-off).");
    }

    @Test
    void theEligibleSentenceNamesTheScoreAndTheCutoff() {
        assertThat(evaluate(ScoredHouseholds.withScore(32, false)).program("UCT").reason())
                .isEqualTo("Eligible: the poverty score 32 is at or below the cut-off of 32 (the standard cut-off).");
        assertThat(evaluate(ScoredHouseholds.withScore(35, true)).program("UCT").reason())
                .isEqualTo("Eligible: the poverty score 35 is at or below the cut-off of 37 (the cut-off for households with a disabled member).");
    }

    // ---- payment recipient

    /**
     * The roster with three small children added at the end: a household without children aged 13 or
     * younger scores at least 36 (31 points for none, 5 for no child out of school) and cannot be eligible.
     */
    static List<MemberFacts> withToddlers(List<MemberFacts> roster) {
        List<MemberFacts> out = new ArrayList<>(roster);
        for (int age = 1; age <= 3; age++) {
            out.add(member(out.size() + 1, age, age % 2 == 0 ? "DAUGHTER" : "SON", age % 2 == 0 ? "FEMALE" : "MALE", "NEVER_MARRIED"));
        }
        return out;
    }

    static Evaluation.PaymentRecipient recipientOf(List<MemberFacts> roster) {
        Evaluation e = evaluate(ScoredHouseholds.withScore(20, withToddlers(roster)));
        assertThat(e.score()).isEqualTo(20);
        assertThat(e.program("UCT").eligible()).isTrue();
        return e.program("UCT").paymentRecipient();
    }

    @Test
    void aFemaleHeadComesFirst() {
        Evaluation.PaymentRecipient r = recipientOf(List.of(
                member(1, 30, "HEAD", "FEMALE", "WIDOWED"),
                member(2, 62, "MOTHER", "FEMALE", "WIDOWED"),
                member(3, 40, "SISTER", "FEMALE", "DIVORCED")));

        assertThat(r).isEqualTo(new Evaluation.PaymentRecipient(1, "the female head of household"));
    }

    @Test
    void elseTheWifeOfTheHeadAndTheEldestOfSeveralWives() {
        Evaluation.PaymentRecipient r = recipientOf(List.of(
                member(1, 50, "HEAD", "MALE", "MARRIED"),
                member(2, 31, "SPOUSE", "FEMALE", "MARRIED"),
                member(3, 44, "SPOUSE", "FEMALE", "MARRIED"),
                member(4, 70, "MOTHER", "FEMALE", "WIDOWED")));

        assertThat(r).isEqualTo(new Evaluation.PaymentRecipient(3, "the wife of the head"));
    }

    @Test
    void elseTheEldestOtherEverMarriedWomanAged18OrOver() {
        Evaluation.PaymentRecipient r = recipientOf(List.of(
                member(1, 50, "HEAD", "MALE", "WIDOWED"),
                member(2, 24, "DAUGHTER_IN_LAW", "FEMALE", "MARRIED"),
                member(3, 33, "SISTER", "FEMALE", "SEPARATED"),
                member(4, 40, "DAUGHTER", "FEMALE", "NEVER_MARRIED")));

        assertThat(r).isEqualTo(new Evaluation.PaymentRecipient(3, "another ever-married woman of the household"));
    }

    @Test
    void aMarriedWomanOf18IsChosenButOneOf17IsNot() {
        assertThat(recipientOf(List.of(
                member(1, 50, "HEAD", "MALE", "WIDOWED"),
                member(2, 18, "DAUGHTER_IN_LAW", "FEMALE", "MARRIED"))).memberLine()).isEqualTo(2);

        assertThat(recipientOf(List.of(
                member(1, 50, "HEAD", "MALE", "WIDOWED"),
                member(2, 17, "DAUGHTER_IN_LAW", "FEMALE", "MARRIED"))).memberLine()).isZero();
    }

    @Test
    void aWifeOf17IsPassedOverForAnotherEverMarriedWoman() {
        Evaluation.PaymentRecipient r = recipientOf(List.of(
                member(1, 22, "HEAD", "MALE", "MARRIED"),
                member(2, 17, "SPOUSE", "FEMALE", "MARRIED"),
                member(3, 45, "MOTHER", "FEMALE", "WIDOWED")));

        assertThat(r).isEqualTo(new Evaluation.PaymentRecipient(3, "another ever-married woman of the household"));
    }

    @Test
    void aNeverMarriedWomanIsNotChosen() {
        Evaluation.PaymentRecipient r = recipientOf(List.of(
                member(1, 60, "HEAD", "MALE", "WIDOWED"),
                member(2, 30, "DAUGHTER", "FEMALE", "NEVER_MARRIED"),
                member(3, 28, "SON", "MALE", "MARRIED")));

        assertThat(r.memberLine()).isZero();
    }

    @Test
    void withNoCandidateThePaymentIsHeld() {
        Evaluation e = evaluate(ScoredHouseholds.withScore(20, withToddlers(List.of(
                member(1, 60, "HEAD", "MALE", "WIDOWED"),
                member(2, 30, "SON", "MALE", "NEVER_MARRIED")))));

        Evaluation.PaymentRecipient r = e.program("UCT").paymentRecipient();
        assertThat(r.memberLine()).isZero();
        assertThat(r.basis()).contains("no ever-married woman").contains("held");
        assertThat(e.firedRules()).extracting(Evaluation.FiredRule::rule).contains("Payment recipient: none in the household");
        assertThat(e.reasons()).contains("Payment: " + r.basis() + ".");
    }

    @Test
    void aHouseholdThatIsNotEligibleHasNoRecipient() {
        Evaluation e = evaluate(ScoredHouseholds.withScore(40, List.of(
                member(1, 30, "HEAD", "FEMALE", "WIDOWED"))));

        assertThat(e.program("UCT").eligible()).isFalse();
        assertThat(e.program("UCT").paymentRecipient()).isNull();
        assertThat(e.reasons()).noneMatch(s -> s.startsWith("Payment"));
    }

    // ---- education stipend

    /** Head (line 1), wife (line 2), children of the given ages from line 3 on, all in school, then toddlers. */
    static List<MemberFacts> familyWithChildrenAged(int... ages) {
        List<MemberFacts> roster = new ArrayList<>(List.of(
                member(1, 45, "HEAD", "MALE", "MARRIED"),
                member(2, 40, "SPOUSE", "FEMALE", "MARRIED")));
        for (int age : ages) {
            roster.add(new MemberFacts(roster.size() + 1, age, "SON", "MALE", "NEVER_MARRIED", false, true));
        }
        return withToddlers(roster);
    }

    @Test
    void oneStipendPerChildAged5To16OfAnEligibleHousehold() {
        Evaluation e = evaluate(ScoredHouseholds.withScore(25, familyWithChildrenAged(4, 5, 10, 16, 17)));

        assertThat(e.program("UCT").eligible()).isTrue();
        Evaluation.ProgramResult cct = e.program("CCT_EDUCATION");
        assertThat(cct.eligible()).isTrue();
        assertThat(cct.cutoff()).isNull();
        assertThat(cct.stipends()).containsExactly(
                new Evaluation.Stipend(4, 5, CONDITION),
                new Evaluation.Stipend(5, 10, CONDITION),
                new Evaluation.Stipend(6, 16, CONDITION));
        assertThat(cct.reason()).isEqualTo("Eligible: 3 school-age children qualify for the education stipend,"
                + " paid while each stays enrolled and attends school.");
        assertThat(e.reasons()).contains("Education stipend: " + cct.reason());
        assertThat(e.firedRules()).extracting(Evaluation.FiredRule::rule)
                .contains("education stipend for a school-age child", "Education stipend: granted for each school-age child");
    }

    @Test
    void oneChildIsTalkedOfInTheSingular() {
        Evaluation.ProgramResult cct = evaluate(ScoredHouseholds.withScore(25, familyWithChildrenAged(16))).program("CCT_EDUCATION");

        assertThat(cct.stipends()).containsExactly(new Evaluation.Stipend(3, 16, CONDITION));
        assertThat(cct.reason()).startsWith("Eligible: 1 school-age child qualifies for the education stipend");
    }

    @Test
    void noStipendWithoutASchoolAgeChild() {
        Evaluation e = evaluate(ScoredHouseholds.withScore(25, familyWithChildrenAged(4, 17)));

        assertThat(e.program("UCT").eligible()).isTrue();
        Evaluation.ProgramResult cct = e.program("CCT_EDUCATION");
        assertThat(cct.eligible()).isFalse();
        assertThat(cct.stipends()).isEmpty();
        assertThat(cct.reason()).isEqualTo("Not eligible: no child of the household is of school age for the education stipend.");
    }

    @Test
    void noStipendForAHouseholdNotEligibleForTheCashTransfer() {
        Evaluation e = evaluate(ScoredHouseholds.withScore(33, familyWithChildrenAged(5, 10, 16)));

        assertThat(e.program("UCT").eligible()).isFalse();
        Evaluation.ProgramResult cct = e.program("CCT_EDUCATION");
        assertThat(cct.eligible()).isFalse();
        assertThat(cct.stipends()).isEmpty();
        assertThat(cct.reason()).isEqualTo("Not eligible: the education stipend goes to children of households eligible for the cash transfer.");
        assertThat(e.firedRules()).extracting(Evaluation.FiredRule::rule)
                .doesNotContain("education stipend for a school-age child");
    }

    @Test
    void theDisabledCutoffAlsoOpensTheStipend() {
        List<MemberFacts> roster = new ArrayList<>(familyWithChildrenAged(9));
        roster.add(new MemberFacts(roster.size() + 1, 70, "FATHER", "MALE", "WIDOWED", true, false));

        Evaluation e = evaluate(ScoredHouseholds.withScore(36, roster));

        assertThat(e.program("UCT").eligible()).isTrue();
        assertThat(e.program("CCT_EDUCATION").stipends()).containsExactly(new Evaluation.Stipend(3, 9, CONDITION));
    }
}
