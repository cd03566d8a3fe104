package org.dynreg.eligibility;

import org.dynreg.registry.Disability;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.EducationLevel;
import org.dynreg.registry.EmploymentSector;
import org.dynreg.registry.Gender;
import org.dynreg.registry.MaritalStatus;
import org.dynreg.registry.Relation;
import org.dynreg.registry.Survey;
import org.dynreg.registry.Toilet;

import java.time.LocalDate;
import java.util.List;

/**
 * The answers {@link HouseholdFactsBuilder} derives facts from, whichever rows they come from: a submitted
 * survey, or the registry as it stands (the current roster, the latest survey's dwelling, assets and profile,
 * ages on the last survey date). Unanswered optional answers stay null here; what null means is decided
 * in the builder only.
 *
 * @param on      the day ages are counted on: the survey date
 * @param members in line order: line 1 first
 */
public record HouseholdAnswers(LocalDate on, String province, String district, DrinkingWater drinkingWater, Toilet toilet,
                               Boolean refrigerator, Boolean freezer, Boolean television, Boolean motorcycle, Boolean car,
                               Boolean otherVehicle, Double agriculturalLandAcres, Boolean internationalTravel,
                               Integer monthlyPhoneBillPkr, List<Member> members) {

    public record Member(LocalDate dateOfBirth, Relation relation, Gender gender, MaritalStatus maritalStatus,
                         Disability disability, EducationLevel educationLevel, Boolean inSchool,
                         EmploymentSector employmentSector, Boolean elementaryOccupation) {}

    /** A survey's answers, ages counted on its survey date. */
    public static HouseholdAnswers of(Survey s) {
        Survey.Assets a = s.assets();
        Survey.Profile p = s.profile();
        return new HouseholdAnswers(HouseholdFactsBuilder.surveyDate(s), s.location().province().name(), s.location().district(),
                s.dwelling().drinkingWater(), s.dwelling().toilet(), a.refrigerator(), a.freezer(), a.television(), a.motorcycle(),
                a.car(), a.otherVehicle(), a.agriculturalLandAcres(), p == null ? null : p.internationalTravel(),
                p == null ? null : p.monthlyPhoneBillPkr(),
                s.members().stream().map(m -> new Member(m.dateOfBirth(), m.relation(), m.gender(), m.maritalStatus(), m.disability(),
                        m.educationLevel(), m.inSchool(), m.employmentSector(), m.elementaryOccupation())).toList());
    }
}
