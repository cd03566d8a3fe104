package org.dynreg.eligibility;

import org.dynreg.eligibility.facts.HouseholdFacts;
import org.dynreg.eligibility.facts.MemberFacts;
import org.dynreg.registry.Disability;
import org.dynreg.registry.EmploymentSector;
import org.dynreg.registry.Gender;
import org.dynreg.registry.Relation;
import org.dynreg.registry.Survey;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where facts a survey does not state are derived (docs/facts.md): ages in whole years
 * on the survey date, children aged 13 or younger and aged 5 to 13, whether all of the latter attend
 * school, the female head or spouse and her schooling, and the household-level flags the tables use.
 * A submitted survey and the registry as it stands (rescoring) both come here as {@link HouseholdAnswers}.
 */
public final class HouseholdFactsBuilder {

    /** Ages the scorecard counts with; they belong to the scorecard's definitions, not to a threshold. */
    static final int YOUNG_CHILD_MAX_AGE = 13;
    static final int SCHOOL_AGE_FROM = 5;

    private HouseholdFactsBuilder() {
    }

    public record Facts(HouseholdFacts household, List<MemberFacts> members) {}

    /** The survey date: the local date on which the interview started, in the offset the tablet recorded. */
    public static LocalDate surveyDate(Survey survey) {
        return survey.startedAt().toLocalDate();
    }

    public static int ageOn(LocalDate dateOfBirth, LocalDate on) {
        return Period.between(dateOfBirth, on).getYears();
    }

    /** The facts of a submitted survey. */
    public static Facts build(Survey s) {
        return build(HouseholdAnswers.of(s));
    }

    /** The facts of a household's answers, from a survey or from the registry: the same derivation for both. */
    public static Facts build(HouseholdAnswers s) {
        LocalDate on = s.on();
        HouseholdFacts h = new HouseholdFacts();
        h.setSurveyDate(on);
        h.setProvince(s.province());
        h.setDistrict(s.district());
        List<MemberFacts> members = new ArrayList<>();
        int young = 0, schoolAge = 0, schoolAgeInSchool = 0, elementary = 0, disabled = 0, government = 0;
        HouseholdAnswers.Member head = null;
        HouseholdAnswers.Member femaleSpouse = null;
        for (int i = 0; i < s.members().size(); i++) {
            HouseholdAnswers.Member m = s.members().get(i);
            int age = ageOn(m.dateOfBirth(), on);
            boolean inSchool = yes(m.inSchool());
            boolean isDisabled = m.disability() != null && m.disability() != Disability.NONE;
            if (age <= YOUNG_CHILD_MAX_AGE) {
                young++;
            }
            if (age >= SCHOOL_AGE_FROM && age <= YOUNG_CHILD_MAX_AGE) {
                schoolAge++;
                if (inSchool) {
                    schoolAgeInSchool++;
                }
            }
            if (yes(m.elementaryOccupation())) {
                elementary++;
            }
            if (isDisabled) {
                disabled++;
            }
            if (m.employmentSector() == EmploymentSector.GOVERNMENT) {
                government++;
            }
            if (m.relation() == Relation.HEAD) {
                head = m;
            } else if (m.relation() == Relation.SPOUSE && m.gender() == Gender.FEMALE
                    && (femaleSpouse == null || classes(m) > classes(femaleSpouse))) {
                femaleSpouse = m;
            }
            members.add(new MemberFacts(i + 1, age, m.relation().name(), m.gender().name(), m.maritalStatus().name(),
                    isDisabled, inSchool));
        }
        HouseholdAnswers.Member femaleHeadOrSpouse = head != null && head.gender() == Gender.FEMALE ? head : femaleSpouse;
        h.setMembers(members.size());
        h.setMembersAged13OrYounger(young);
        h.setChildrenAged5To13(schoolAge);
        h.setChildrenAged5To13InSchool(schoolAgeInSchool);
        h.setAllChildrenAged5To13InSchool(schoolAgeInSchool == schoolAge);
        h.setElementaryOccupationMembers(elementary);
        h.setFemaleHeadOrSpousePresent(femaleHeadOrSpouse != null);
        h.setFemaleHeadOrSpouseClassesCompleted(femaleHeadOrSpouse == null ? 0 : classes(femaleHeadOrSpouse));
        h.setDisabledMembers(disabled);
        h.setGovernmentEmployees(government);

        h.setDrinkingWater(s.drinkingWater().name());
        h.setToilet(s.toilet().name());
        h.setRefrigeratorOrFreezer(yes(s.refrigerator()) || yes(s.freezer()));
        h.setTelevision(yes(s.television()));
        h.setVehicle(yes(s.motorcycle()) || yes(s.car()) || yes(s.otherVehicle()));
        h.setCar(yes(s.car()));
        h.setAgriculturalLandAcres(s.agriculturalLandAcres() == null ? 0 : s.agriculturalLandAcres());
        h.setInternationalTravel(yes(s.internationalTravel()));
        h.setMonthlyPhoneBillPkr(s.monthlyPhoneBillPkr() == null ? 0 : s.monthlyPhoneBillPkr());
        return new Facts(h, members);
    }

    private static int classes(HouseholdAnswers.Member m) {
        return m.educationLevel() == null ? 0 : m.educationLevel().classesCompleted();
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
