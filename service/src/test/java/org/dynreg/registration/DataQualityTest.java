package org.dynreg.registration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.SurveyValidator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The data analysts' warnings on valid surveys: what is flagged, and that ordinary surveys are not. */
class DataQualityTest {

    static List<FieldProblem> warnings(ObjectNode survey) {
        return DataQuality.warnings(new SurveyValidator().bind(survey));
    }

    static ObjectNode reference(String name) {
        return MissedOutRegistrationTest.survey(name, "99", "DRC-DQ");
    }

    @Test
    void ordinarySurveysAreNotFlagged() {
        for (String name : List.of("cutoff-32-standard-eligible", "exclusion-car", "large-household-female-head",
                "single-person-household")) {
            assertThat(warnings(reference(name))).as(name).isEmpty();
        }
    }

    @Test
    void tooManyPeopleToARoomAndTooManyRoomsForFewAreFlagged() {
        ObjectNode crowded = reference("large-household-female-head");
        ((ObjectNode) crowded.get("dwelling")).put("rooms", 2);
        ObjectNode spacious = reference("single-person-household");
        ((ObjectNode) spacious.get("dwelling")).put("rooms", 6);

        assertThat(warnings(crowded)).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("dwelling.rooms");
            assertThat(w.message()).startsWith("14 members live in 2 room(s), more than 6 to a room");
        });
        assertThat(warnings(spacious)).extracting(FieldProblem::path).containsExactly("dwelling.rooms");
        ((ObjectNode) spacious.get("dwelling")).put("rooms", 3);
        assertThat(warnings(spacious)).as("three rooms for one person is not flagged").isEmpty();
    }

    @Test
    void aShortOrOvernightInterviewIsFlagged() {
        ObjectNode quick = reference("cutoff-32-standard-eligible");
        quick.put("submittedAt", "2025-02-18T10:27:00+05:00");
        ObjectNode overnight = reference("cutoff-32-standard-eligible");
        overnight.put("submittedAt", "2025-02-19T09:00:00+05:00");

        assertThat(warnings(quick)).extracting(FieldProblem::toString)
                .containsExactly("submittedAt: the interview took 7 minute(s), less than 10: check that every question was asked");
        assertThat(warnings(overnight)).extracting(FieldProblem::path).containsExactly("submittedAt");
    }

    @Test
    void appliancesWithoutElectricityAndAMissingGpsPositionAreFlagged() {
        ObjectNode s = reference("cutoff-32-standard-eligible");
        ((ObjectNode) s.get("dwelling")).put("electricity", "NONE");
        ((ObjectNode) s.get("location")).remove("longitude");

        assertThat(warnings(s)).extracting(FieldProblem::toString).containsExactly(
                "location: has no GPS position (latitude and longitude): the household cannot be found on a map for a re-survey",
                "assets: lists television though dwelling.electricity is NONE: check both answers");
        ((ObjectNode) s.get("dwelling")).put("electricity", "SOLAR");
        assertThat(warnings(s)).extracting(FieldProblem::path).containsExactly("location");
    }

    @Test
    void ageAndRelationThatDoNotFitTheHeadAreFlagged() {
        ObjectNode s = reference("cutoff-32-standard-eligible");
        ((ObjectNode) s.get("members").get(2)).put("dateOfBirth", "1980-01-01");
        ObjectNode young = reference("single-person-household");
        ((ObjectNode) young.get("members").get(0)).put("dateOfBirth", "2009-01-01");

        assertThat(warnings(s)).extracting(FieldProblem::path).containsExactly("members[2].relation");
        assertThat(warnings(young)).extracting(FieldProblem::path).containsExactly("members[0].dateOfBirth");
        assertThat(warnings(young).toString()).doesNotContain("2009");
    }
}
