package org.dynreg.eligibility;

import org.dynreg.eligibility.facts.HouseholdFacts;
import org.dynreg.eligibility.facts.MemberFacts;
import org.dynreg.registry.Disability;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.EducationLevel;
import org.dynreg.registry.EmploymentSector;
import org.dynreg.registry.Gender;
import org.dynreg.registry.MaritalStatus;
import org.dynreg.registry.Province;
import org.dynreg.registry.Relation;
import org.dynreg.registry.Survey;
import org.dynreg.registry.Toilet;
import org.dynreg.registry.UpdateType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdFactsBuilderTest {

    /** 01:00 in Pakistan on 10 March 2024, still 9 March in UTC. */
    static final OffsetDateTime STARTED = OffsetDateTime.of(2024, 3, 10, 1, 0, 0, 0, ZoneOffset.ofHours(5));
    static final LocalDate ON = LocalDate.of(2024, 3, 10);

    /** A roster line with the answers these tests vary; everything else left as a survey would leave it. */
    static final class M {
        Relation relation = Relation.SON;
        Gender gender = Gender.MALE;
        LocalDate born = ON.minusYears(30);
        MaritalStatus marital = MaritalStatus.NEVER_MARRIED;
        Disability disability = Disability.NONE;
        EducationLevel education = EducationLevel.NONE;
        Boolean inSchool = false;
        EmploymentSector sector = EmploymentSector.NONE;
        Boolean elementary = false;

        static M of(Relation relation, Gender gender, LocalDate born) {
            M m = new M();
            m.relation = relation;
            m.gender = gender;
            m.born = born;
            return m;
        }

        M married() { marital = MaritalStatus.MARRIED; return this; }
        M education(EducationLevel e) { education = e; return this; }
        M inSchool(Boolean b) { inSchool = b; return this; }
        M disability(Disability d) { disability = d; return this; }
        M sector(EmploymentSector s) { sector = s; return this; }
        M elementary(Boolean b) { elementary = b; return this; }

        Survey.Member member() {
            return new Survey.Member("35202-0000000-0", "Member", relation, gender, born, marital, disability, true,
                    education, inSchool, null, null, sector, elementary, null);
        }
    }

    static M head() {
        return M.of(Relation.HEAD, Gender.MALE, ON.minusYears(45)).married();
    }

    static M child(LocalDate born) {
        return M.of(Relation.SON, Gender.MALE, born);
    }

    static Survey.Assets noAssets() {
        return new Survey.Assets(null, null, null, null, null, null, null, null, null, null);
    }

    static Survey survey(Survey.Assets assets, Survey.Profile profile, M... members) {
        List<Survey.Member> roster = new ArrayList<>();
        for (M m : members) {
            roster.add(m.member());
        }
        return new Survey(UpdateType.MISSED_OUT, null, STARTED, STARTED.plusMinutes(40), "op-1", "site-1",
                new Survey.Location(Province.SINDH, "Thatta", "Thatta", "UC-1", "Village", null, null),
                null,
                new Survey.Dwelling(2, null, null, DrinkingWater.HAND_PUMP, Toilet.FLUSH_PIT, null, null),
                assets, profile, roster);
    }

    static HouseholdFactsBuilder.Facts build(M... members) {
        return HouseholdFactsBuilder.build(survey(noAssets(), null, members));
    }

    // ---- survey date and ages

    @Test
    void theSurveyDateIsTheLocalDateOnWhichTheInterviewStarted() {
        HouseholdFactsBuilder.Facts f = build(head());

        assertThat(HouseholdFactsBuilder.surveyDate(survey(noAssets(), null, head()))).isEqualTo(ON);
        assertThat(f.household().getSurveyDate()).isEqualTo(ON);
        assertThat(f.household().getProvince()).isEqualTo("SINDH");
        assertThat(f.household().getDistrict()).isEqualTo("Thatta");
        assertThat(f.household().getDrinkingWater()).isEqualTo("HAND_PUMP");
        assertThat(f.household().getToilet()).isEqualTo("FLUSH_PIT");
    }

    @ParameterizedTest(name = "born {0}: {1} on 2024-03-10")
    @CsvSource({
            "2019-03-11, 4",
            "2019-03-10, 5",
            "2010-03-11, 13",
            "2010-03-10, 14",
            "2006-03-11, 17",
            "2006-03-10, 18",
            "2016-02-29, 8",
    })
    void agesAreWholeYearsOnTheSurveyDate(LocalDate born, int age) {
        HouseholdFactsBuilder.Facts f = build(head(), child(born));

        assertThat(f.members().get(1).getAge()).isEqualTo(age);
        assertThat(HouseholdFactsBuilder.ageOn(born, ON)).isEqualTo(age);
    }

    @Test
    void aBirthdayOnTheLocalSurveyDateCountsEvenWhenItIsStillTheDayBeforeInUtc() {
        HouseholdFactsBuilder.Facts f = build(head(), child(LocalDate.of(2019, 3, 10)));

        assertThat(f.members().get(1).getAge()).isEqualTo(5);
        assertThat(f.household().getChildrenAged5To13()).isEqualTo(1);
    }

    @Test
    void aMarriedWomanTurning18OnTheSurveyDateIs18AndTheDayBefore17() {
        HouseholdFactsBuilder.Facts f = build(head(),
                M.of(Relation.DAUGHTER_IN_LAW, Gender.FEMALE, LocalDate.of(2006, 3, 10)).married(),
                M.of(Relation.DAUGHTER_IN_LAW, Gender.FEMALE, LocalDate.of(2006, 3, 11)).married());

        MemberFacts eighteen = f.members().get(1);
        MemberFacts seventeen = f.members().get(2);
        assertThat(eighteen.getAge()).isEqualTo(18);
        assertThat(eighteen.isEverMarried()).isTrue();
        assertThat(eighteen.getGender()).isEqualTo("FEMALE");
        assertThat(eighteen.getRelation()).isEqualTo("DAUGHTER_IN_LAW");
        assertThat(seventeen.getAge()).isEqualTo(17);
    }

    @Test
    void membersAreNumberedInRosterOrderFromOne() {
        HouseholdFactsBuilder.Facts f = build(head(), child(ON.minusYears(3)), child(ON.minusYears(20)));

        assertThat(f.members()).extracting(MemberFacts::getLine).containsExactly(1, 2, 3);
        assertThat(f.members()).extracting(MemberFacts::getMaritalStatus).containsExactly("MARRIED", "NEVER_MARRIED", "NEVER_MARRIED");
        assertThat(f.household().getMembers()).isEqualTo(3);
    }

    // ---- children

    @Test
    void childrenAreCountedOnTheirAgesOnTheSurveyDate() {
        HouseholdFactsBuilder.Facts f = build(head(),
                child(LocalDate.of(2019, 3, 11)).inSchool(false),  // 4
                child(LocalDate.of(2019, 3, 10)).inSchool(true),   // 5
                child(LocalDate.of(2010, 3, 11)).inSchool(true),   // 13
                child(LocalDate.of(2010, 3, 10)).inSchool(false)); // 14

        HouseholdFacts h = f.household();
        assertThat(h.getMembersAged13OrYounger()).isEqualTo(3);
        assertThat(h.getChildrenAged5To13()).isEqualTo(2);
        assertThat(h.getChildrenAged5To13InSchool()).isEqualTo(2);
        assertThat(h.isAllChildrenAged5To13InSchool()).isTrue();
    }

    @Test
    void oneChildAged5To13OutOfSchoolMakesNotAll() {
        HouseholdFactsBuilder.Facts f = build(head(),
                child(LocalDate.of(2019, 3, 10)).inSchool(true),
                child(LocalDate.of(2012, 6, 1)).inSchool(null));

        HouseholdFacts h = f.household();
        assertThat(h.getChildrenAged5To13()).isEqualTo(2);
        assertThat(h.getChildrenAged5To13InSchool()).isEqualTo(1);
        assertThat(h.isAllChildrenAged5To13InSchool()).isFalse();
        assertThat(f.members().get(2).isInSchool()).isFalse();
    }

    @Test
    void withNoChildAged5To13AllAreInSchool() {
        HouseholdFactsBuilder.Facts f = build(head(),
                child(LocalDate.of(2019, 3, 11)).inSchool(false),
                child(LocalDate.of(2010, 3, 10)).inSchool(false));

        HouseholdFacts h = f.household();
        assertThat(h.getChildrenAged5To13()).isZero();
        assertThat(h.isAllChildrenAged5To13InSchool()).isTrue();
        assertThat(h.getMembersAged13OrYounger()).isEqualTo(1);
    }

    // ---- female head or spouse

    @Test
    void aFemaleHeadIsTheFemaleHeadOrSpouse() {
        HouseholdFactsBuilder.Facts f = build(
                M.of(Relation.HEAD, Gender.FEMALE, ON.minusYears(40)).education(EducationLevel.CLASS_5),
                M.of(Relation.MOTHER, Gender.FEMALE, ON.minusYears(65)).education(EducationLevel.CLASS_10));

        assertThat(f.household().isFemaleHeadOrSpousePresent()).isTrue();
        assertThat(f.household().getFemaleHeadOrSpouseClassesCompleted()).isEqualTo(5);
    }

    @Test
    void aFemaleHeadWithoutSchoolingCountsAsPresentWithNoClass() {
        HouseholdFactsBuilder.Facts f = build(
                M.of(Relation.HEAD, Gender.FEMALE, ON.minusYears(40)).education(EducationLevel.PRE_PRIMARY),
                M.of(Relation.SPOUSE, Gender.FEMALE, ON.minusYears(35)).education(EducationLevel.BACHELOR));

        assertThat(f.household().isFemaleHeadOrSpousePresent()).isTrue();
        assertThat(f.household().getFemaleHeadOrSpouseClassesCompleted()).isZero();
    }

    @Test
    void theWifeOfAMaleHeadAndTheBestEducatedOfSeveralWives() {
        HouseholdFactsBuilder.Facts f = build(head().education(EducationLevel.CLASS_12),
                M.of(Relation.SPOUSE, Gender.FEMALE, ON.minusYears(40)).married().education(EducationLevel.CLASS_2),
                M.of(Relation.SPOUSE, Gender.FEMALE, ON.minusYears(30)).married().education(EducationLevel.MASTER),
                M.of(Relation.SPOUSE, Gender.FEMALE, ON.minusYears(25)).married().education(EducationLevel.CLASS_8));

        assertThat(f.household().isFemaleHeadOrSpousePresent()).isTrue();
        assertThat(f.household().getFemaleHeadOrSpouseClassesCompleted()).isEqualTo(16);
    }

    @Test
    void noFemaleHeadOrSpouse() {
        HouseholdFactsBuilder.Facts f = build(head().education(EducationLevel.BACHELOR),
                M.of(Relation.DAUGHTER, Gender.FEMALE, ON.minusYears(20)).education(EducationLevel.CLASS_10),
                M.of(Relation.MOTHER, Gender.FEMALE, ON.minusYears(70)));

        assertThat(f.household().isFemaleHeadOrSpousePresent()).isFalse();
        assertThat(f.household().getFemaleHeadOrSpouseClassesCompleted()).isZero();
    }

    // ---- assets, disability, employment, profile

    @ParameterizedTest(name = "motorcycle {0}, car {1}, other {2}: vehicle {3}, car {4}")
    @CsvSource(nullValues = "null", value = {
            "true,  null,  null,  true,  false",
            "false, true,  false, true,  true",
            "null,  null,  true,  true,  false",
            "false, false, false, false, false",
            "null,  null,  null,  false, false",
    })
    void aVehicleIsAMotorcycleACarOrAnotherVehicle(Boolean motorcycle, Boolean car, Boolean other, boolean vehicle, boolean isCar) {
        Survey.Assets assets = new Survey.Assets(null, null, null, motorcycle, car, other, null, null, null, null);

        HouseholdFacts h = HouseholdFactsBuilder.build(survey(assets, null, head())).household();

        assertThat(h.isVehicle()).isEqualTo(vehicle);
        assertThat(h.isCar()).isEqualTo(isCar);
    }

    @ParameterizedTest(name = "refrigerator {0}, freezer {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "true,  null,  true",
            "null,  true,  true",
            "true,  true,  true",
            "false, false, false",
            "null,  null,  false",
    })
    void aRefrigeratorOrAFreezer(Boolean refrigerator, Boolean freezer, boolean expected) {
        Survey.Assets assets = new Survey.Assets(refrigerator, freezer, true, null, null, null, null, null, 3.5, null);

        HouseholdFacts h = HouseholdFactsBuilder.build(survey(assets, null, head())).household();

        assertThat(h.isRefrigeratorOrFreezer()).isEqualTo(expected);
        assertThat(h.isTelevision()).isTrue();
        assertThat(h.getAgriculturalLandAcres()).isEqualTo(3.5);
    }

    @Test
    void disabledMembersAreThoseWithADisabilityOtherThanNone() {
        HouseholdFactsBuilder.Facts f = build(head().disability(Disability.NONE),
                M.of(Relation.FATHER, Gender.MALE, ON.minusYears(70)).disability(Disability.VISUAL),
                M.of(Relation.DAUGHTER, Gender.FEMALE, ON.minusYears(9)).disability(Disability.PHYSICAL),
                M.of(Relation.SON, Gender.MALE, ON.minusYears(12)).disability(null));

        assertThat(f.household().getDisabledMembers()).isEqualTo(2);
        assertThat(f.household().isDisabledMember()).isTrue();
        assertThat(f.members()).extracting(MemberFacts::isDisabled).containsExactly(false, true, true, false);
    }

    @Test
    void noDisabledMember() {
        HouseholdFactsBuilder.Facts f = build(head(), child(ON.minusYears(8)));

        assertThat(f.household().getDisabledMembers()).isZero();
        assertThat(f.household().isDisabledMember()).isFalse();
    }

    @Test
    void governmentEmployeesAndElementaryOccupationsAreCounted() {
        HouseholdFactsBuilder.Facts f = build(head().sector(EmploymentSector.GOVERNMENT),
                M.of(Relation.SON, Gender.MALE, ON.minusYears(25)).sector(EmploymentSector.GOVERNMENT).elementary(true),
                M.of(Relation.SON, Gender.MALE, ON.minusYears(22)).sector(EmploymentSector.PRIVATE).elementary(true),
                M.of(Relation.SON, Gender.MALE, ON.minusYears(20)).sector(null).elementary(null));

        assertThat(f.household().getGovernmentEmployees()).isEqualTo(2);
        assertThat(f.household().getElementaryOccupationMembers()).isEqualTo(2);
    }

    @Test
    void profileAnswersAndTheirAbsence() {
        HouseholdFacts reported = HouseholdFactsBuilder.build(survey(noAssets(), new Survey.Profile(true, 1500), head())).household();
        HouseholdFacts blank = HouseholdFactsBuilder.build(survey(noAssets(), new Survey.Profile(null, null), head())).household();
        HouseholdFacts absent = HouseholdFactsBuilder.build(survey(noAssets(), null, head())).household();

        assertThat(reported.isInternationalTravel()).isTrue();
        assertThat(reported.getMonthlyPhoneBillPkr()).isEqualTo(1500);
        assertThat(blank.isInternationalTravel()).isFalse();
        assertThat(blank.getMonthlyPhoneBillPkr()).isZero();
        assertThat(absent.isInternationalTravel()).isFalse();
        assertThat(absent.getMonthlyPhoneBillPkr()).isZero();
        assertThat(absent.getAgriculturalLandAcres()).isZero();
    }
}
