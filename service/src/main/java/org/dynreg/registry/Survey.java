package org.dynreg.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One household survey as a registration centre submits it (see docs/survey-format.md and
 * docs/schema/survey.schema.json). Fields are nullable here so that validation can name every
 * missing one at once; {@link SurveyValidator} decides what is required.
 */
public record Survey(
        UpdateType updateType,
        Long householdId,
        OffsetDateTime startedAt,
        OffsetDateTime submittedAt,
        String operatorId,
        String siteId,
        Location location,
        Contact contact,
        Dwelling dwelling,
        Assets assets,
        Profile profile,
        List<Member> members) {

    public record Location(Province province, String district, String tehsil, String unionCouncil,
                           String address, Double latitude, Double longitude) {}

    public record Contact(String mobile) {}

    public record Dwelling(Integer rooms, WallMaterial wallMaterial, RoofMaterial roofMaterial,
                           DrinkingWater drinkingWater, Toilet toilet, Electricity electricity,
                           CookingFuel cookingFuel) {}

    public record Livestock(Integer cattle, Integer buffalo, Integer goats, Integer sheep) {}

    public record Assets(Boolean refrigerator, Boolean freezer, Boolean television, Boolean motorcycle,
                         Boolean car, Boolean otherVehicle, Boolean airConditioner, Boolean washingMachine,
                         Double agriculturalLandAcres, Livestock livestock) {}

    /** Answers used by the exclusion filters; optional, absent means "not reported". */
    public record Profile(Boolean internationalTravel, Integer monthlyPhoneBillPkr) {}

    public record Member(String nationalId, String name, Relation relation, Gender gender, LocalDate dateOfBirth,
                         MaritalStatus maritalStatus, Disability disability, Boolean literate,
                         EducationLevel educationLevel, Boolean inSchool, Employment employment,
                         Occupation occupation, EmploymentSector employmentSector, Boolean elementaryOccupation,
                         ChronicDisease chronicDisease) {}
}
