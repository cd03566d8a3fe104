package org.dynreg.synthetic;

import org.dynreg.registry.ChronicDisease;
import org.dynreg.registry.CookingFuel;
import org.dynreg.registry.Disability;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.EducationLevel;
import org.dynreg.registry.Electricity;
import org.dynreg.registry.Employment;
import org.dynreg.registry.EmploymentSector;
import org.dynreg.registry.Gender;
import org.dynreg.registry.MaritalStatus;
import org.dynreg.registry.Occupation;
import org.dynreg.registry.Province;
import org.dynreg.registry.Relation;
import org.dynreg.registry.RoofMaterial;
import org.dynreg.registry.Toilet;
import org.dynreg.registry.WallMaterial;

import java.time.LocalDate;
import java.util.List;

/** One drawn household, as its registration survey would have described it. */
public record SyntheticHousehold(
        long index,
        Province province,
        String district,
        String tehsil,
        String unionCouncil,
        String address,
        String mobile,
        LocalDate surveyedOn,
        int rooms,
        WallMaterial wall,
        RoofMaterial roof,
        DrinkingWater water,
        Toilet toilet,
        Electricity electricity,
        CookingFuel cookingFuel,
        boolean refrigerator,
        boolean freezer,
        boolean television,
        boolean motorcycle,
        boolean car,
        boolean otherVehicle,
        boolean airConditioner,
        boolean washingMachine,
        int landAcres,
        int cattle,
        int buffalo,
        int goats,
        int sheep,
        boolean internationalTravel,
        int monthlyPhoneBillPkr,
        List<Member> members) {

    public record Member(
            int line,
            String nationalId,
            String name,
            Relation relation,
            Gender gender,
            LocalDate dateOfBirth,
            int age,
            MaritalStatus maritalStatus,
            Disability disability,
            boolean literate,
            EducationLevel educationLevel,
            boolean inSchool,
            Employment employment,
            Occupation occupation,
            EmploymentSector sector,
            boolean elementaryOccupation,
            ChronicDisease chronicDisease) {
    }
}
