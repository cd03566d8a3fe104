package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The answers of the survey, in the words of the questionnaire, and its submission. */
public class SurveySteps {

    static final Map<String, String> PROVINCES = Map.of(
            "Punjab", "PUNJAB", "Sindh", "SINDH", "Khyber Pakhtunkhwa", "KHYBER_PAKHTUNKHWA",
            "Balochistan", "BALOCHISTAN", "Islamabad", "ISLAMABAD",
            "Azad Jammu and Kashmir", "AJK", "Gilgit-Baltistan", "GILGIT_BALTISTAN");

    static final Map<String, String> WATER = Map.ofEntries(
            Map.entry("piped water", "PIPED"), Map.entry("a hand pump", "HAND_PUMP"),
            Map.entry("a motor pump or tube well", "MOTOR_PUMP"), Map.entry("a covered well", "COVERED_WELL"),
            Map.entry("an open well", "OPEN_WELL"), Map.entry("a spring", "SPRING"),
            Map.entry("a river, canal or pond", "SURFACE_WATER"), Map.entry("a tanker", "TANKER"),
            Map.entry("a filtration plant", "FILTRATION_PLANT"), Map.entry("bottled water", "BOTTLED"));

    static final Map<String, String> TOILETS = Map.of(
            "a flush toilet to the public sewer", "FLUSH_SEWER", "a flush toilet to a septic tank", "FLUSH_SEPTIC",
            "a flush toilet to a pit", "FLUSH_PIT", "a flush toilet to an open drain", "FLUSH_OPEN_DRAIN",
            "a dry pit latrine", "DRY_PIT", "a communal toilet", "COMMUNAL", "none", "NONE");

    /** What the household may own, and the survey's fields for it. */
    static final Map<String, List<String>> ASSETS = Map.of(
            "refrigerator", List.of("refrigerator"), "freezer", List.of("freezer"), "television", List.of("television"),
            "motorcycle", List.of("motorcycle"), "car", List.of("car"), "rickshaw", List.of("otherVehicle"),
            "vehicle", List.of("motorcycle", "car", "otherVehicle"));

    @Autowired HouseholdUnderSurvey household;
    @Autowired ServiceClient service;

    @ParameterType("Punjab|Sindh|Khyber Pakhtunkhwa|Balochistan|Islamabad|Azad Jammu and Kashmir|Gilgit-Baltistan")
    public String province(String name) {
        return PROVINCES.get(name);
    }

    @ParameterType("\\d+(?:, \\d+)*(?: and \\d+)?")
    public List<Integer> numbers(String list) {
        List<Integer> out = new ArrayList<>();
        for (String part : list.split(", | and ")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }

    @ParameterType("[\\d,]+")
    public int rupees(String amount) {
        return Integer.parseInt(amount.replace(",", ""));
    }

    @Given("a household surveyed for the first time, like the shared example")
    public void theSharedExample() {
        household.startFromSharedExample();
    }

    /** A district and tehsil of each province from the reference list of places, where the household is put. */
    private static final java.util.Map<String, String[]> PLACE = java.util.Map.of(
            "PUNJAB", new String[]{"Lahore", "Lahore City"},
            "SINDH", new String[]{"Badin", "Badin"},
            "KHYBER_PAKHTUNKHWA", new String[]{"Abbottabad", "Abbottabad"},
            "BALOCHISTAN", new String[]{"Awaran", "Awaran"},
            "ISLAMABAD", new String[]{"Islamabad", "Islamabad"},
            "AJK", new String[]{"Bagh", "Bagh"},
            "GILGIT_BALTISTAN", new String[]{"Astore", "Astore"});

    @Given("the household lives in {province}")
    public void livesIn(String province) {
        String[] place = PLACE.get(province);
        household.section("location").put("province", province);
        if (place != null) {
            household.section("location").put("district", place[0]).put("tehsil", place[1]);
        }
    }

    @Given("the household has children aged {numbers}")
    public void childrenAged(List<Integer> ages) {
        household.removeMembersWhere(SurveySteps::isChild);
        ages.forEach(household::addChild);
    }

    @Given("the household also has a child aged {int}")
    public void alsoAChildAged(int age) {
        household.addChild(age);
    }

    @Given("the household has {int} member(s) aged 13 or younger, all under 5")
    public void youngMembers(int count) {
        household.removeMembersWhere(m -> household.ageOf(m) <= 13);
        for (int i = 0; i < count; i++) {
            household.addChild(2 + i % 3);
        }
    }

    @Given("the child aged {int} does not attend school")
    public void notInSchool(int age) {
        ObjectNode child = household.member(m -> isChild(m) && household.ageOf(m) == age, "child aged " + age);
        child.put("inSchool", false);
        child.put("employment", "NONE");
    }

    @Given("^(only the head|the head and his wife|nobody in the household) works? in an elementary occupation$")
    public void elementaryOccupations(String who) {
        for (JsonNode m : household.members()) {
            ((ObjectNode) m).put("elementaryOccupation", false);
        }
        ObjectNode head = household.head();
        ObjectNode wife = household.wife();
        wife.put("employment", "NOT_SEEKING_WORK").put("occupation", "HOMEMAKER");
        if (!who.equals("nobody in the household")) {
            head.put("employment", "EMPLOYED").put("occupation", "DAY_LABOURER").put("elementaryOccupation", true);
        } else {
            head.put("employment", "EMPLOYED").put("occupation", "SHOPKEEPER");
        }
        if (who.equals("the head and his wife")) {
            wife.put("employment", "EMPLOYED").put("occupation", "DOMESTIC_WORKER").put("elementaryOccupation", true);
        }
    }

    @Given("the wife of the head has no schooling")
    public void wifeNoSchooling() {
        household.wife().put("educationLevel", "NONE").put("literate", false);
    }

    @Given("the wife of the head went to pre-school only")
    public void wifePrePrimary() {
        household.wife().put("educationLevel", "PRE_PRIMARY").put("literate", false);
    }

    @Given("the wife of the head has completed Class {int}")
    public void wifeCompleted(int classes) {
        household.wife().put("educationLevel", "CLASS_" + classes).put("literate", true);
    }

    @Given("the household has no female head or spouse")
    public void noFemaleHeadOrSpouse() {
        household.removeMembersWhere(m -> "SPOUSE".equals(m.get("relation").asText()));
        household.head().put("gender", "MALE").put("maritalStatus", "WIDOWED");
    }

    @Given("^the household's drinking water comes from (.+)$")
    public void drinkingWater(String source) {
        household.section("dwelling").put("drinkingWater", known(WATER, source, "source of drinking water"));
    }

    @Given("^the household's toilet is (.+)$")
    public void toilet(String kind) {
        household.section("dwelling").put("toilet", known(TOILETS, kind, "toilet"));
    }

    @Given("the household has no toilet")
    public void noToilet() {
        household.section("dwelling").put("toilet", "NONE");
    }

    /** "a refrigerator", "no television", "a refrigerator and a television", "no refrigerator, no television and no vehicle". */
    @Given("^the household owns ((?:a|an|no) [a-z]+(?:(?:, | and )(?:a|an|no) [a-z]+)*)$")
    public void owns(String list) {
        ObjectNode assets = household.section("assets");
        for (String item : list.split(", | and ")) {
            String[] words = item.trim().split(" ", 2);
            boolean yes = !words[0].equals("no");
            List<String> fields = known(ASSETS, words[1], "asset");
            if (yes && fields.size() > 1) {
                throw new IllegalArgumentException("say which vehicle the household owns: motorcycle, car or rickshaw");
            }
            fields.forEach(f -> assets.put(f, yes));
            if (words[1].equals("refrigerator") && !yes) {
                assets.put("freezer", false);
            }
        }
    }

    @Given("the household owns {double} acres of agricultural land")
    public void land(double acres) {
        household.section("assets").put("agriculturalLandAcres", acres);
    }

    @Given("a member has a disability")
    public void aMemberHasADisability() {
        household.members().forEach(m -> ((ObjectNode) m).put("disability", "NONE"));
        ObjectNode youngest = (ObjectNode) household.members().get(household.members().size() - 1);
        youngest.put("disability", "PHYSICAL");
    }

    @Given("no member has a disability")
    public void noMemberHasADisability() {
        household.members().forEach(m -> ((ObjectNode) m).put("disability", "NONE"));
    }

    @Given("one member is employed by the government")
    public void governmentEmployee() {
        household.head().put("employment", "EMPLOYED").put("occupation", "CLERK")
                .put("employmentSector", "GOVERNMENT").put("elementaryOccupation", false);
    }

    @Given("a member travelled abroad in the last 12 months")
    public void travelledAbroad() {
        household.section("profile").put("internationalTravel", true);
    }

    @Given("no member travelled abroad in the last 12 months")
    public void didNotTravel() {
        household.section("profile").put("internationalTravel", false);
    }

    @Given("the household's monthly phone bill is PKR {rupees}")
    public void phoneBill(int rupees) {
        household.section("profile").put("monthlyPhoneBillPkr", rupees);
    }

    @When("the survey is submitted by a data-entry operator")
    public void submit() {
        household.answered(service.submitSurvey(household.survey()));
    }

    static boolean isChild(JsonNode m) {
        return Arrays.asList("SON", "DAUGHTER").contains(m.get("relation").asText());
    }

    static <T> T known(Map<String, T> words, String said, String what) {
        T value = words.get(said);
        if (value == null) {
            throw new IllegalArgumentException("unknown " + what + " '" + said + "'; known: " + words.keySet());
        }
        return value;
    }
}
