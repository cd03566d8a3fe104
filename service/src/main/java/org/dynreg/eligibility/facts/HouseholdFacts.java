package org.dynreg.eligibility.facts;

import org.dynreg.policy.Codes;
import org.dynreg.registry.DrinkingWater;
import org.dynreg.registry.Province;
import org.dynreg.registry.Toilet;

import java.time.LocalDate;

/**
 * What the decision tables know of a household: the survey's answers plus the facts derived from
 * them once, by {@code HouseholdFactsBuilder} (ages on the survey date, counts of children, the female
 * head or spouse). Plain bean so that tables can name its properties; see docs/facts.md.
 */
public class HouseholdFacts {
    private LocalDate surveyDate;
    private String province;
    private String district;
    private int members;
    private int membersAged13OrYounger;
    private int childrenAged5To13;
    private int childrenAged5To13InSchool;
    private boolean allChildrenAged5To13InSchool;
    private int elementaryOccupationMembers;
    private boolean femaleHeadOrSpousePresent;
    private int femaleHeadOrSpouseClassesCompleted;
    private String drinkingWater;
    private String toilet;
    private boolean refrigeratorOrFreezer;
    private boolean television;
    private boolean vehicle;
    private boolean car;
    private int disabledMembers;
    private int governmentEmployees;
    private double agriculturalLandAcres;
    private boolean internationalTravel;
    private int monthlyPhoneBillPkr;

    public LocalDate getSurveyDate() { return surveyDate; }
    public void setSurveyDate(LocalDate v) { surveyDate = v; }
    @Codes(Province.class)
    public String getProvince() { return province; }
    public void setProvince(String v) { province = v; }
    public String getDistrict() { return district; }
    public void setDistrict(String v) { district = v; }
    public int getMembers() { return members; }
    public void setMembers(int v) { members = v; }
    public int getMembersAged13OrYounger() { return membersAged13OrYounger; }
    public void setMembersAged13OrYounger(int v) { membersAged13OrYounger = v; }
    public int getChildrenAged5To13() { return childrenAged5To13; }
    public void setChildrenAged5To13(int v) { childrenAged5To13 = v; }
    public int getChildrenAged5To13InSchool() { return childrenAged5To13InSchool; }
    public void setChildrenAged5To13InSchool(int v) { childrenAged5To13InSchool = v; }
    public boolean isAllChildrenAged5To13InSchool() { return allChildrenAged5To13InSchool; }
    public void setAllChildrenAged5To13InSchool(boolean v) { allChildrenAged5To13InSchool = v; }
    public int getElementaryOccupationMembers() { return elementaryOccupationMembers; }
    public void setElementaryOccupationMembers(int v) { elementaryOccupationMembers = v; }
    public boolean isFemaleHeadOrSpousePresent() { return femaleHeadOrSpousePresent; }
    public void setFemaleHeadOrSpousePresent(boolean v) { femaleHeadOrSpousePresent = v; }
    public int getFemaleHeadOrSpouseClassesCompleted() { return femaleHeadOrSpouseClassesCompleted; }
    public void setFemaleHeadOrSpouseClassesCompleted(int v) { femaleHeadOrSpouseClassesCompleted = v; }
    @Codes(DrinkingWater.class)
    public String getDrinkingWater() { return drinkingWater; }
    public void setDrinkingWater(String v) { drinkingWater = v; }
    @Codes(Toilet.class)
    public String getToilet() { return toilet; }
    public void setToilet(String v) { toilet = v; }
    public boolean isRefrigeratorOrFreezer() { return refrigeratorOrFreezer; }
    public void setRefrigeratorOrFreezer(boolean v) { refrigeratorOrFreezer = v; }
    public boolean isTelevision() { return television; }
    public void setTelevision(boolean v) { television = v; }
    public boolean isVehicle() { return vehicle; }
    public void setVehicle(boolean v) { vehicle = v; }
    public boolean isCar() { return car; }
    public void setCar(boolean v) { car = v; }
    public int getDisabledMembers() { return disabledMembers; }
    public void setDisabledMembers(int v) { disabledMembers = v; }
    public boolean isDisabledMember() { return disabledMembers > 0; }
    public int getGovernmentEmployees() { return governmentEmployees; }
    public void setGovernmentEmployees(int v) { governmentEmployees = v; }
    public double getAgriculturalLandAcres() { return agriculturalLandAcres; }
    public void setAgriculturalLandAcres(double v) { agriculturalLandAcres = v; }
    public boolean isInternationalTravel() { return internationalTravel; }
    public void setInternationalTravel(boolean v) { internationalTravel = v; }
    public int getMonthlyPhoneBillPkr() { return monthlyPhoneBillPkr; }
    public void setMonthlyPhoneBillPkr(int v) { monthlyPhoneBillPkr = v; }
}
