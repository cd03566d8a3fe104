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

    public static Facts build(Survey s) {
        LocalDate on = surveyDate(s);
        HouseholdFacts h = new HouseholdFacts();
        h.setSurveyDate(on);
        h.setProvince(s.location().province().name());
        h.setDistrict(s.location().district());
        List<MemberFacts> members = new ArrayList<>();
        int young = 0, schoolAge = 0, schoolAgeInSchool = 0, elementary = 0, disabled = 0, government = 0;
        Survey.Member head = null;
        Survey.Member femaleSpouse = null;
        for (int i = 0; i < s.members().size(); i++) {
            Survey.Member m = s.members().get(i);
            int age = ageOn(m.dateOfBirth(), on);
            boolean inSchool = Boolean.TRUE.equals(m.inSchool());
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
            if (Boolean.TRUE.equals(m.elementaryOccupation())) {
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
        Survey.Member femaleHeadOrSpouse = head != null && head.gender() == Gender.FEMALE ? head : femaleSpouse;
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

        h.setDrinkingWater(s.dwelling().drinkingWater().name());
        h.setToilet(s.dwelling().toilet().name());
        Survey.Assets a = s.assets();
        h.setRefrigeratorOrFreezer(yes(a.refrigerator()) || yes(a.freezer()));
        h.setTelevision(yes(a.television()));
        h.setVehicle(yes(a.motorcycle()) || yes(a.car()) || yes(a.otherVehicle()));
        h.setCar(yes(a.car()));
        h.setAgriculturalLandAcres(a.agriculturalLandAcres() == null ? 0 : a.agriculturalLandAcres());
        if (s.profile() != null) {
            h.setInternationalTravel(yes(s.profile().internationalTravel()));
            h.setMonthlyPhoneBillPkr(s.profile().monthlyPhoneBillPkr() == null ? 0 : s.profile().monthlyPhoneBillPkr());
        }
        return new Facts(h, members);
    }

    private static int classes(Survey.Member m) {
        return m.educationLevel() == null ? 0 : m.educationLevel().classesCompleted();
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
