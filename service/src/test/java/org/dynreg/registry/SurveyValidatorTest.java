package org.dynreg.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SurveyValidatorTest {

    static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    /** Noon on the day of the shared example, Pakistan time. */
    static final Clock CLOCK = Clock.fixed(OffsetDateTime.parse("2026-11-20T12:00:00+05:00").toInstant(), ZoneOffset.UTC);

    final SurveyValidator validator = new SurveyValidator(CLOCK);

    static ObjectNode example() {
        try (InputStream in = SurveyValidatorTest.class.getResourceAsStream("/reference/survey-punjab-47.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode member(ObjectNode survey, int i) {
        return (ObjectNode) survey.get("members").get(i);
    }

    static ObjectNode obj(ObjectNode survey, String name) {
        return (ObjectNode) survey.get(name);
    }

    List<FieldProblem> problems(JsonNode survey) {
        return validator.validate(survey);
    }

    List<String> paths(JsonNode survey) {
        return problems(survey).stream().map(FieldProblem::path).toList();
    }

    String only(JsonNode survey, String path) {
        List<FieldProblem> p = problems(survey);
        assertThat(p).extracting(FieldProblem::path).containsExactly(path);
        return p.get(0).message();
    }

    // --- the location against the reference list of administrative units ---

    @Test
    void theDistrictMustBeOneOfTheProvincesAndTheTehsilOneOfTheDistricts() {
        ObjectNode s = example();
        obj(s, "location").put("district", "Multann");
        assertThat(only(s, "location.district")).isEqualTo("'Multann' is not a district of PUNJAB in the reference list of "
                + "Pakistan's administrative units; did you mean Multan?");

        s = example();
        obj(s, "location").put("district", "Dadu").put("tehsil", "Dadu");
        assertThat(only(s, "location.district")).isEqualTo("'Dadu' is a district of SINDH, not of PUNJAB");

        s = example();
        obj(s, "location").put("province", "SINDH").put("district", "Dadu").put("tehsil", "Sehwan");
        assertThat(only(s, "location.tehsil")).isEqualTo("'Sehwan' is not a tehsil of Dadu; it is a tehsil of Jamshoro");

        s = example();
        obj(s, "location").put("province", "SINDH").put("district", "jamshoro").put("tehsil", "Sehwan");
        assertThat(problems(s)).as("another spelling the list accepts").isEmpty();
        Survey.Location bound = validator.bind(s).location();
        assertThat(List.of(bound.district(), bound.tehsil())).as("stored as the list names them").containsExactly("Jamshoro", "Sehwan Sharif");

        s = example();
        obj(s, "location").put("province", "ATLANTIS").put("district", "Nowhere");
        assertThat(paths(s)).as("no district check without a province").containsExactly("location.province");
    }

    @Test
    void aUnionCouncilIsANameOrNumber() {
        ObjectNode s = example();
        obj(s, "location").put("unionCouncil", "UC#12; --");
        assertThat(only(s, "location.unionCouncil")).startsWith("must be the union council's name or number, e.g. UC-112");
        obj(s, "location").put("unionCouncil", "Tarlai Kalan");
        assertThat(problems(s)).isEmpty();
    }

    // --- the shared example and many faults at once ---

    @Test
    void theSharedExampleHasNoProblems() {
        assertThat(problems(example())).isEmpty();
    }

    @Test
    void aSurveyWithManyFaultsReportsEveryOneWithItsPath() {
        ObjectNode s = example();
        s.put("startedAt", "2026-11-20T10:30:00+05:00");                 // after submittedAt (10:12)
        obj(s, "location").remove("district");
        member(s, 1).put("gender", "F");
        member(s, 2).put("nationalId", "35202-111111-3");                 // 12 digits
        member(s, 3).put("relation", "HEAD");                            // a second head
        member(s, 4).put("dateOfBirth", "2023-02-30");
        ObjectNode twice = member(s, 0).deepCopy();
        twice.put("nationalId", "3520212345671");                        // members[0] without dashes
        twice.put("relation", "BROTHER");
        ((ArrayNode) s.get("members")).add(twice);

        List<FieldProblem> problems = problems(s);

        assertThat(problems).extracting(FieldProblem::path).containsExactlyInAnyOrder(
                "startedAt", "location.district", "members[1].gender", "members[2].nationalId",
                "members[4].dateOfBirth", "members[5].nationalId", "members");
        assertThat(problems).contains(
                new FieldProblem("members[1].gender", "'F' is not one of MALE, FEMALE, TRANSGENDER"),
                new FieldProblem("members[2].nationalId", "must be 13 digits, written 12345-1234567-1"),
                new FieldProblem("members[5].nationalId",
                        "is the same national id as members[0]; a person can be listed only once"));
        assertThat(problems).filteredOn(p -> p.path().equals("members")).singleElement()
                .extracting(FieldProblem::message).asString().contains("2 members with relation HEAD")
                .contains("members[0], members[3]");
        String all = problems.toString();
        for (String personal : List.of("35202", "7654321", "111111", "Aslam", "Shazia", "Rehmanpura", "03001234567", "2023-02-30")) {
            assertThat(all).doesNotContain(personal);
        }
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneProblem() {
        assertThat(paths(JSON.createArrayNode())).containsExactly("$");
        assertThat(paths(null)).containsExactly("$");
    }

    // --- required fields and types ---

    @Test
    void everyMissingTopLevelFieldIsNamed() {
        ObjectNode s = example();
        for (String name : List.of("updateType", "startedAt", "submittedAt", "operatorId", "siteId", "location",
                "dwelling", "assets", "members")) {
            s.remove(name);
        }
        assertThat(paths(s)).containsExactly("updateType", "startedAt", "submittedAt", "operatorId", "siteId",
                "location", "dwelling", "assets", "members");
    }

    @Test
    void everyMissingNestedFieldIsNamed() {
        ObjectNode s = example();
        obj(s, "location").removeAll();
        obj(s, "dwelling").removeAll();
        obj(s, "assets").removeAll();
        member(s, 2).removeAll();
        member(s, 2).put("relation", "SON");
        assertThat(paths(s)).containsExactly(
                "location.province", "location.district", "location.tehsil", "location.unionCouncil",
                "location.address",
                "dwelling.rooms", "dwelling.wallMaterial", "dwelling.roofMaterial", "dwelling.drinkingWater",
                "dwelling.toilet", "dwelling.electricity", "dwelling.cookingFuel",
                "assets.refrigerator", "assets.freezer", "assets.television", "assets.motorcycle", "assets.car",
                "assets.otherVehicle", "assets.airConditioner", "assets.washingMachine",
                "assets.agriculturalLandAcres",
                "members[2].nationalId", "members[2].name", "members[2].gender", "members[2].dateOfBirth",
                "members[2].maritalStatus", "members[2].disability", "members[2].literate",
                "members[2].educationLevel", "members[2].inSchool", "members[2].employment",
                "members[2].occupation", "members[2].elementaryOccupation", "members[2].chronicDisease");
    }

    @Test
    void nullCountsAsLeftOut() {
        ObjectNode s = example();
        obj(s, "location").putNull("district");
        member(s, 0).putNull("employmentSector");
        assertThat(only(s, "location.district")).isEqualTo("is required");
    }

    @Test
    void valuesOfTheWrongJsonTypeAreReported() {
        ObjectNode s = example();
        s.put("operatorId", 412);
        s.put("location", "Lahore");
        obj(s, "dwelling").put("rooms", "2");
        obj(s, "assets").put("television", "yes");
        obj(s, "assets").put("agriculturalLandAcres", "none");
        member(s, 0).put("literate", 0);
        member(s, 1).put("gender", 2);
        member(s, 2).put("name", "");
        assertThat(problems(s)).containsExactly(
                new FieldProblem("operatorId", "must be text"),
                new FieldProblem("location", "must be an object with the household's location"),
                new FieldProblem("dwelling.rooms", "must be a whole number of rooms, at least 1"),
                new FieldProblem("assets.television", "must be true or false"),
                new FieldProblem("assets.agriculturalLandAcres", "must be a number"),
                new FieldProblem("members[0].literate", "must be true or false"),
                new FieldProblem("members[1].gender", "must be one of MALE, FEMALE, TRANSGENDER"),
                new FieldProblem("members[2].name", "must not be empty"));
    }

    @Test
    void membersMustBeANonEmptyListOfAtMostThirty() {
        ObjectNode s = example();
        s.putObject("members");
        assertThat(only(s, "members")).isEqualTo("must be a list of the household's members");
        s.putArray("members");
        assertThat(only(s, "members")).contains("at least one member");

        s = example();
        ArrayNode members = (ArrayNode) s.get("members");
        for (int i = members.size(); i < 31; i++) {
            ObjectNode child = member(s, 4).deepCopy();
            child.put("nationalId", String.format("35202%08d", i));
            members.add(child);
        }
        assertThat(only(s, "members")).isEqualTo("lists 31 members; a survey can list at most 30");
        members.remove(30);
        assertThat(problems(s)).isEmpty();

        s = example();
        ((ArrayNode) s.get("members")).add("Ahmed");
        assertThat(only(s, "members[5]")).isEqualTo("must be an object with the member's answers");
    }

    @Test
    void roomsAreAWholeNumberOfAtLeastOne() {
        ObjectNode s = example();
        obj(s, "dwelling").put("rooms", 0);
        assertThat(only(s, "dwelling.rooms")).isEqualTo("must be a whole number of rooms, at least 1");
        obj(s, "dwelling").put("rooms", 2.5);
        only(s, "dwelling.rooms");
        obj(s, "dwelling").put("rooms", 3.0);
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void landAndLivestockAreNotNegativeAndLivestockIsOptional() {
        ObjectNode s = example();
        obj(s, "assets").put("agriculturalLandAcres", -1);
        ((ObjectNode) obj(s, "assets").get("livestock")).put("goats", -2);
        ((ObjectNode) obj(s, "assets").get("livestock")).put("sheep", 1.5);
        assertThat(paths(s)).containsExactly("assets.agriculturalLandAcres", "assets.livestock.goats",
                "assets.livestock.sheep");

        s = example();
        obj(s, "assets").remove("livestock");
        obj(s, "assets").put("agriculturalLandAcres", 2.5);
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void coordinatesAreOptionalButInsidePakistan() {
        ObjectNode s = example();
        obj(s, "location").put("latitude", 40.1);
        obj(s, "location").put("longitude", 59.9);
        assertThat(paths(s)).containsExactly("location.latitude", "location.longitude");
        assertThat(problems(s).get(0).message()).isEqualTo("is outside Pakistan; it must be between 23 and 37.5");

        obj(s, "location").put("latitude", 23);
        obj(s, "location").put("longitude", 78);
        assertThat(problems(s)).isEmpty();
        obj(s, "location").remove(List.of("latitude", "longitude"));
        assertThat(problems(s)).isEmpty();
        obj(s, "location").put("latitude", "31.5");
        assertThat(only(s, "location.latitude")).isEqualTo("must be a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"03001234567", "+923001234567", "03451234567"})
    void pakistaniMobileNumbersAreAccepted(String mobile) {
        ObjectNode s = example();
        obj(s, "contact").put("mobile", mobile);
        assertThat(problems(s)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0300-1234567", "0300123456", "030012345678", "04001234567", "+9203001234567",
            "923001234567", "+92 300 1234567"})
    void otherMobileNumbersAreRejectedWithoutRepeatingThem(String mobile) {
        ObjectNode s = example();
        obj(s, "contact").put("mobile", mobile);
        assertThat(only(s, "contact.mobile"))
                .isEqualTo("must be a Pakistani mobile number, written 03001234567 (11 digits) or +923001234567");
    }

    @Test
    void contactAndProfileAreOptional() {
        ObjectNode s = example();
        s.remove("contact");
        assertThat(problems(s)).isEmpty();
        s.putObject("contact");
        s.putObject("profile");
        assertThat(problems(s)).isEmpty();
        obj(s, "profile").put("internationalTravel", false).put("monthlyPhoneBillPkr", 1500);
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void profileAnswersHaveTheirTypes() {
        ObjectNode s = example();
        s.putObject("profile").put("internationalTravel", "no").put("monthlyPhoneBillPkr", -5);
        assertThat(paths(s)).containsExactly("profile.internationalTravel", "profile.monthlyPhoneBillPkr");
        s.put("profile", true);
        assertThat(only(s, "profile")).isEqualTo("must be an object with the profile answers");
    }

    // --- household id and update type ---

    @Test
    void aMissedOutSurveyHasNoHouseholdId() {
        ObjectNode s = example();
        s.put("householdId", 1234);
        assertThat(only(s, "householdId")).startsWith("must be left out for a MISSED_OUT survey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ROSTER_UPDATE", "SHOCK_UPDATE", "APPEAL", "CYCLIC_UPDATE", "RECERTIFICATION"})
    void everyOtherUpdateTypeNeedsAPositiveHouseholdId(String updateType) {
        ObjectNode s = example();
        s.put("updateType", updateType);
        assertThat(only(s, "householdId")).startsWith("is required");
        s.put("householdId", 0);
        only(s, "householdId");
        s.put("householdId", "1234");
        only(s, "householdId");
        s.put("householdId", 12.5);
        only(s, "householdId");
        s.put("householdId", 1234);
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void anUnknownUpdateTypeListsTheAcceptedOnes() {
        ObjectNode s = example();
        s.put("updateType", "NEW");
        assertThat(only(s, "updateType")).isEqualTo(
                "'NEW' is not one of MISSED_OUT, ROSTER_UPDATE, SHOCK_UPDATE, APPEAL, CYCLIC_UPDATE, RECERTIFICATION");
    }

    // --- enumerations ---

    @Test
    void everyEnumerationValueMustBeKnown() {
        ObjectNode s = example();
        obj(s, "location").put("province", "Punjab");
        obj(s, "dwelling").put("toilet", "LATRINE");
        member(s, 0).put("educationLevel", "CLASS_13");
        member(s, 0).put("employmentSector", "ARMY");
        assertThat(problems(s)).extracting(FieldProblem::path).containsExactly(
                "location.province", "dwelling.toilet", "members[0].educationLevel", "members[0].employmentSector");
        assertThat(problems(s).get(3).message())
                .isEqualTo("'ARMY' is not one of NONE, GOVERNMENT, PRIVATE, SELF_EMPLOYED, AGRICULTURE, INFORMAL");
    }

    @Test
    void aLongWrongValueIsNotRepeatedWhole() {
        ObjectNode s = example();
        member(s, 1).put("gender", "House 14, Street 6, near Jamia Masjid, Mohalla Rehmanpura");
        assertThat(only(s, "members[1].gender")).doesNotContain("Rehmanpura").contains("…");
    }

    // --- timestamps ---

    @Test
    void timestampsNeedTheirOffset() {
        ObjectNode s = example();
        s.put("startedAt", "2026-11-20T09:41:00");
        s.put("submittedAt", "20/11/2026 10:12");
        assertThat(problems(s)).extracting(FieldProblem::path).containsExactly("startedAt", "submittedAt");
        assertThat(problems(s).get(0).message()).startsWith("has no UTC offset");
        s.put("startedAt", "2026-11-20T04:41:00Z");
        s.put("submittedAt", "2026-11-20T10:12:00.250+05:00");
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void anInterviewCannotStartAfterItWasSubmitted() {
        ObjectNode s = example();
        s.put("startedAt", "2026-11-20T10:12:01+05:00");
        assertThat(only(s, "startedAt")).contains("after submittedAt");
        s.put("startedAt", "2026-11-20T10:12:00+05:00");
        assertThat(problems(s)).isEmpty();
        s.put("startedAt", "2026-11-20T05:12:00Z"); // the same instant in another offset
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void submittedAtMayBeAtMostFiveMinutesInTheFuture() {
        ObjectNode s = example();
        s.put("submittedAt", "2026-11-20T12:05:00+05:00");
        assertThat(problems(s)).isEmpty();
        s.put("submittedAt", "2026-11-20T12:05:01+05:00");
        assertThat(only(s, "submittedAt")).contains("more than 5 minutes in the future");
    }

    // --- dates of birth ---

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "2023-02-29", "2022-13-01", "2022-04-31"})
    void impossibleDatesAreRejected(String date) {
        ObjectNode s = example();
        member(s, 4).put("dateOfBirth", date);
        assertThat(only(s, "members[4].dateOfBirth")).startsWith("is not a real calendar date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11/02/2022", "2022-2-11", "2022-02-11T00:00:00", "20220211"})
    void datesAreWrittenYearMonthDay(String date) {
        ObjectNode s = example();
        member(s, 4).put("dateOfBirth", date);
        assertThat(only(s, "members[4].dateOfBirth")).isEqualTo("must be a date written yyyy-MM-dd, like 1986-03-02");
    }

    @Test
    void aLeapDayIsARealDate() {
        ObjectNode s = example();
        member(s, 4).put("dateOfBirth", "2024-02-29");
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void aDateOfBirthIsNotAfterTheSurveyDateNorMoreThan120YearsBefore() {
        ObjectNode s = example();
        member(s, 4).put("dateOfBirth", "2026-11-21");
        assertThat(only(s, "members[4].dateOfBirth")).isEqualTo("is after the survey date");
        member(s, 4).put("dateOfBirth", "2026-11-20"); // born on the survey day
        assertThat(problems(s)).isEmpty();

        member(s, 0).put("dateOfBirth", "1906-11-19");
        assertThat(only(s, "members[0].dateOfBirth")).isEqualTo("gives an age over 120 years on the survey date");
        member(s, 0).put("dateOfBirth", "1906-11-20");
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void theSurveyDateIsTheLocalDateOfStartedAt() {
        ObjectNode s = example();
        s.put("startedAt", "2026-11-20T00:30:00+05:00"); // still the 19th in UTC
        member(s, 4).put("dateOfBirth", "2026-11-20");
        assertThat(problems(s)).isEmpty();
    }

    // --- national ids ---

    @ParameterizedTest
    @ValueSource(strings = {"35202-1234567-1", "3520212345671"})
    void nationalIdsAreAcceptedDashedOrAsThirteenDigits(String id) {
        ObjectNode s = example();
        member(s, 0).put("nationalId", id);
        assertThat(problems(s)).isEmpty();
        assertThat(SurveyValidator.canonicalNationalId(id)).isEqualTo("35202-1234567-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"352021234567", "35202-123456-1", "35202123456712", "35202-1234567-12", "3520-21234567-1",
            "35202 1234567 1", "35202-12345671", "3520212345A71", " 3520212345671", ""})
    void anythingElseIsNotANationalId(String id) {
        ObjectNode s = example();
        member(s, 0).put("nationalId", id);
        assertThat(only(s, "members[0].nationalId")).isEqualTo("must be 13 digits, written 12345-1234567-1");
        assertThat(SurveyValidator.isNationalId(id)).isFalse();
        assertThatThrownBy(() -> SurveyValidator.canonicalNationalId(id))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(id.isEmpty() ? "\u0000" : id);
    }

    @Test
    void aNationalIdIsText() {
        ObjectNode s = example();
        member(s, 0).put("nationalId", 3520212345671L);
        assertThat(only(s, "members[0].nationalId")).isEqualTo("must be 13 digits, written 12345-1234567-1");
    }

    // --- head and duplicates ---

    @Test
    void aHouseholdHasExactlyOneHead() {
        ObjectNode s = example();
        member(s, 0).put("relation", "BROTHER");
        assertThat(only(s, "members")).isEqualTo("has no member with relation HEAD; a household has exactly one head");
        member(s, 0).put("relation", "HEAD");
        member(s, 1).put("relation", "HEAD");
        member(s, 4).put("relation", "HEAD");
        assertThat(only(s, "members")).isEqualTo(
                "has 3 members with relation HEAD (members[0], members[1], members[4]); a household has exactly one head");
    }

    @Test
    void aMissingHeadIsNotReportedWhenARelationCouldNotBeRead() {
        ObjectNode s = example();
        member(s, 0).put("relation", "HEAD_OF_HOUSEHOLD");
        assertThat(paths(s)).containsExactly("members[0].relation");
    }

    @Test
    void aPersonListedTwiceIsReportedOnTheSecondLineNamingTheFirst() {
        ObjectNode s = example();
        member(s, 3).put("nationalId", "35202-7654321-2");
        member(s, 4).put("nationalId", "3520276543212");
        assertThat(problems(s)).containsExactly(
                new FieldProblem("members[3].nationalId",
                        "is the same national id as members[1]; a person can be listed only once"),
                new FieldProblem("members[4].nationalId",
                        "is the same national id as members[1]; a person can be listed only once"));
    }

    // --- plausibility ---

    @Test
    void aSpouseYoungerThanTenIsImplausible() {
        ObjectNode s = example();
        member(s, 4).put("relation", "SPOUSE");
        assertThat(only(s, "members[4].dateOfBirth"))
                .isEqualTo("gives an age of 4 on the survey date, too young for a spouse (at least 10); "
                        + "check the date of birth and the relation");
    }

    @Test
    void anEverMarriedMemberYoungerThanTenIsImplausible() {
        ObjectNode s = example();
        member(s, 3).put("maritalStatus", "WIDOWED");
        assertThat(only(s, "members[3].dateOfBirth"))
                .isEqualTo("gives an age of 9 on the survey date, too young for someone widowed (at least 10); "
                        + "check the date of birth and the marital status");
        member(s, 3).put("maritalStatus", "NEVER_MARRIED");
        member(s, 2).put("maritalStatus", "MARRIED"); // 12 years old: unusual but possible, not rejected
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void adultEducationIsNotQuestioned() {
        ObjectNode s = example();
        member(s, 0).put("inSchool", true);
        member(s, 0).put("employment", "STUDENT");
        assertThat(problems(s)).isEmpty();
    }

    // --- unknown and misspelt fields ---

    @Test
    void unknownFieldsAreRefusedInEveryObject() {
        ObjectNode s = example();
        s.put("tabletBattery", 80);
        s.putObject("consent").put("given", true);
        obj(s, "dwelling").put("floorMaterial", "CEMENT");
        obj(s, "location").put("village", "Rehmanpura");
        obj(s, "assets").putObject("livestock").put("camels", 2);
        s.putObject("profile").putNull("remarks");
        member(s, 0).put("mobile", "03001234567");
        String unknown = "is not a field of the survey format";
        assertThat(problems(s)).containsExactly(
                new FieldProblem("location.village", unknown),
                new FieldProblem("dwelling.floorMaterial", unknown),
                new FieldProblem("assets.livestock.camels", unknown),
                new FieldProblem("profile.remarks", unknown),
                new FieldProblem("members[0].mobile", unknown),
                new FieldProblem("tabletBattery", unknown),
                new FieldProblem("consent", unknown));
    }

    @Test
    void aMisspeltRequiredFieldIsReportedAsMissing() {
        ObjectNode s = example();
        s.set("updatetype", s.remove("updateType"));
        s.set("operator_id", s.remove("operatorId"));
        obj(s, "location").set("District", obj(s, "location").remove("district"));
        assertThat(problems(s)).containsExactly(
                new FieldProblem("updateType", "is required: one of MISSED_OUT, ROSTER_UPDATE, SHOCK_UPDATE, APPEAL, "
                        + "CYCLIC_UPDATE, RECERTIFICATION ('updatetype' was given instead; check the spelling)"),
                new FieldProblem("operatorId", "is required ('operator_id' was given instead; check the spelling)"),
                new FieldProblem("location.district", "is required ('District' was given instead; check the spelling)"));
    }

    @Test
    void aMisspeltOptionalTopLevelFieldIsReported() {
        ObjectNode s = example();
        s.set("contacts", s.remove("contact"));
        s.putObject("Profile").put("internationalTravel", true);
        assertThat(problems(s)).containsExactly(
                new FieldProblem("contacts", "is not a field of the survey format; did you mean 'contact'?"),
                new FieldProblem("Profile", "is not a field of the survey format; did you mean 'profile'?"));
    }

    @Test
    void aMisspeltHouseholdIdIsReportedOnce() {
        ObjectNode s = example();
        s.put("householdID", 1234);
        assertThat(only(s, "householdID")).isEqualTo("is not a field of the survey format; did you mean 'householdId'?");
        s.put("updateType", "APPEAL");
        assertThat(only(s, "householdId")).endsWith("('householdID' was given instead; check the spelling)");
    }

    // --- what the database can store, and plain text ---

    @Test
    void textLongerThanItsColumnIsRefusedNamingThePath() {
        ObjectNode s = example();
        member(s, 1).put("name", "n".repeat(201));
        obj(s, "location").put("address", "a".repeat(501));
        obj(s, "location").put("district", "d".repeat(81));
        obj(s, "location").put("tehsil", "t".repeat(81));
        obj(s, "location").put("unionCouncil", "u".repeat(81));
        s.put("operatorId", "o".repeat(41));
        s.put("siteId", "s".repeat(41));
        assertThat(problems(s)).containsExactly(
                new FieldProblem("operatorId", "is 41 characters long; at most 40 are allowed"),
                new FieldProblem("siteId", "is 41 characters long; at most 40 are allowed"),
                new FieldProblem("location.district", "is 81 characters long; at most 80 are allowed"),
                new FieldProblem("location.tehsil", "is 81 characters long; at most 80 are allowed"),
                new FieldProblem("location.unionCouncil", "is 81 characters long; at most 80 are allowed"),
                new FieldProblem("location.address", "is 501 characters long; at most 500 are allowed"),
                new FieldProblem("members[1].name", "is 201 characters long; at most 200 are allowed"));
    }

    @Test
    void textAtItsColumnsLengthIsAcceptedCountingCharactersNotUtf16Units() {
        ObjectNode s = example();
        member(s, 1).put("name", "\uD835\uDC9C".repeat(200)); // 200 characters outside the basic plane, 400 UTF-16 units
        obj(s, "location").put("address", "ا".repeat(500));
        s.put("operatorId", "o".repeat(40));
        assertThat(problems(s)).isEmpty();
    }

    @Test
    void landBeyondItsDecimalColumnOrBeyondADoubleIsRefused() throws IOException {
        ObjectNode s = example();
        obj(s, "assets").put("agriculturalLandAcres", 9999999.99);
        assertThat(problems(s)).isEmpty();
        obj(s, "assets").put("agriculturalLandAcres", 10000000);
        assertThat(only(s, "assets.agriculturalLandAcres")).isEqualTo("is too large; at most 9999999.99 can be stored");
        assertThat(only(JSON.readTree(example().toString().replace("\"agriculturalLandAcres\":0", "\"agriculturalLandAcres\":1e400")),
                "assets.agriculturalLandAcres")).isEqualTo("is too large a number");
    }

    @Test
    void timesOutsideTheTimestampRangeAreRefused() {
        ObjectNode s = example();
        s.put("startedAt", "1969-12-31T23:59:59Z"); // the members' dates of birth then lie after it: reported as well
        assertThat(problems(s)).filteredOn(p -> p.path().equals("startedAt")).extracting(FieldProblem::message)
                .containsExactly("is before 1970-01-01T00:00:00.001Z, the earliest time the registry can store");
        s.put("startedAt", "1970-01-01T05:00:01+05:00");
        assertThat(paths(s)).doesNotContain("startedAt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u001B[31m", "\t", "\n", "\u007F", "\u0085", "\u202E", "\u2066", "\u2028", "\uFEFF", "\uD800"})
    void controlCharactersInFreeTextAreRefusedNamingThePathAndTheCharacter(String control) {
        ObjectNode s = example();
        member(s, 2).put("name", "Ali" + control + "Raza");
        assertThat(only(s, "members[2].name")).contains("U+" + String.format("%04X", control.codePointAt(0)), "at character 4")
                .doesNotContain("Ali");
        ObjectNode a = example();
        obj(a, "location").put("address", control + "House 12");
        assertThat(only(a, "location.address")).contains("at character 1");
    }

    @Test
    void theJoinersAndDirectionMarksUrduNeedsArePlainText() {
        ObjectNode s = example();
        member(s, 2).put("name", "\u0645\u062D\u0645\u062F\u200C\u0639\u0644\u06CC\u200F \u200DRaza\u200E");
        assertThat(problems(s)).isEmpty();
    }

    // --- binding ---

    @Test
    void bindingNormalisesIdsDefaultsTheSectorAndKeepsTheOffset() {
        ObjectNode s = example();
        s.put("startedAt", "2026-11-20T00:30:00+05:00");
        member(s, 1).put("nationalId", "3520276543212");
        member(s, 2).put("employmentSector", "PRIVATE");

        Survey survey = validator.bind(s);

        assertThat(survey.members()).extracting(Survey.Member::nationalId).containsExactly(
                "35202-1234567-1", "35202-7654321-2", "35202-1111111-3", "35202-2222222-4", "35202-3333333-5");
        assertThat(survey.members()).extracting(Survey.Member::employmentSector).containsExactly(
                EmploymentSector.NONE, EmploymentSector.NONE, EmploymentSector.PRIVATE, EmploymentSector.NONE,
                EmploymentSector.NONE);
        assertThat(survey.startedAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T00:30:00+05:00"));
        assertThat(survey.startedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(5));
        assertThat(survey.location().province()).isEqualTo(Province.PUNJAB);
        assertThat(survey.assets().livestock().goats()).isZero();
        assertThat(survey.contact().mobile()).isEqualTo("03001234567");
        assertThat(survey.householdId()).isNull();
    }

    @Test
    void bindingAnInvalidSurveyThrowsWithEveryProblem() {
        ObjectNode s = example();
        s.remove("siteId");
        member(s, 1).put("gender", "F");
        assertThatThrownBy(() -> validator.bind(s)).isInstanceOfSatisfying(InvalidSurveyException.class,
                e -> assertThat(e.problems()).extracting(FieldProblem::path)
                        .containsExactly("siteId", "members[1].gender"));
    }
}
