package org.dynreg.roster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.FieldProblem;
import org.dynreg.registry.SurveyValidator;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A roster change written into the latest survey: what changes, what is kept, and which request field a problem names. */
class RosterEditTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final JsonNode LATEST = ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals("cutoff-32-standard-eligible"))
            .findFirst().orElseThrow().survey();

    static RequestedChange change(ChangeKind kind, String nationalId, ObjectNode values, Map<String, String> relations) {
        return new RequestedChange(kind, null, nationalId, null, values, relations);
    }

    static ObjectNode values() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void aNewAddressDropsTheFormerCoordinatesAndKeepsTheSurveyDate() {
        RosterEdit.Edited e = RosterEdit.edit(LATEST, change(ChangeKind.ADDRESS, "99101-0000001-1", values().put("address", "House 4, Qasimabad"), Map.of()),
                7, NOW, true, "operator", null);

        JsonNode s = e.survey();
        assertThat(s.get("location").get("address").asText()).isEqualTo("House 4, Qasimabad");
        assertThat(s.get("location").has("latitude")).isFalse();
        assertThat(s.get("location").get("district").asText()).isEqualTo("Hyderabad");
        assertThat(s.get("startedAt").asText()).isEqualTo(LATEST.get("startedAt").asText());
        assertThat(s.get("submittedAt").asText()).isEqualTo("2026-11-25T15:00+05:00");
        assertThat(s.get("updateType").asText()).isEqualTo("ROSTER_UPDATE");
        assertThat(s.get("householdId").asLong()).isEqualTo(7);
        assertThat(new SurveyValidator(Clock.fixed(NOW, ZoneOffset.UTC)).validate(s)).isEmpty();
    }

    @Test
    void aRescoredChangeIsDatedNowAndANewHeadTakesTheRelationsGiven() {
        RosterEdit.Edited e = RosterEdit.edit(LATEST, change(ChangeKind.CHANGE_HEAD, "99101-0000002-2", values(), Map.of("99101-0000001-1", "SPOUSE")),
                7, NOW, false, "caseworker", JsonNodeFactory.instance.objectNode().put("caseId", 3));

        JsonNode members = e.survey().get("members");
        assertThat(members.get(0).get("relation").asText()).isEqualTo("SPOUSE");
        assertThat(members.get(1).get("relation").asText()).isEqualTo("HEAD");
        assertThat(members.get(2).get("relation").asText()).isEqualTo("SON");
        assertThat(e.survey().get("startedAt").asText()).isEqualTo("2026-11-25T15:00+05:00");
        assertThat(e.survey().get("operatorId").asText()).isEqualTo("caseworker");
        assertThat(e.origin().get("caseId").asLong()).isEqualTo(3);
        assertThat(e.survey().has("rosterChange")).as("stored beside the answers, not checked as one").isFalse();
        assertThat(LATEST.get("members").get(0).get("relation").asText()).as("the stored survey is not touched").isEqualTo("HEAD");
    }

    @Test
    void aMemberWhoLeftTheRosterCannotBeChanged() {
        assertThatThrownBy(() -> RosterEdit.edit(LATEST, change(ChangeKind.GENDER, "99101-0000009-9", values().put("gender", "MALE"), Map.of()),
                7, NOW, false, "operator", null)).isInstanceOf(RosterEdit.NoLongerApplies.class);
    }

    @Test
    void aProblemOfTheMemberChangedNamesTheValueAndOneTheChangeDidNotCauseNamesNoField() {
        RequestedChange c = change(ChangeKind.MARITAL_STATUS, "99101-0000006-6", values().put("maritalStatus", "MARRIED"), Map.of());
        RosterEdit.Edited e = RosterEdit.edit(LATEST, c, 7, NOW, false, "operator", null);

        assertThat(e.concerned()).isEqualTo(5);
        assertThat(RosterEdit.requestField(new FieldProblem("members[5].dateOfBirth", "too young"), e, c, Map.of())).isEqualTo("values.maritalStatus");
        assertThat(RosterEdit.requestField(new FieldProblem("members[0].dateOfBirth", "over 120"), e, c, Map.of())).isNull();
        assertThat(RosterEdit.requestField(new FieldProblem("dwelling.rooms", "required"), e, c, Map.of())).isNull();
    }
}
