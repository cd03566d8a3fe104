package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the decision says, in the words a household or an officer would read it. */
public class DecisionSteps {

    static final String CASH_TRANSFER = "UCT";
    static final String STIPEND = "CCT_EDUCATION";

    @Autowired HouseholdUnderSurvey household;
    @Autowired TestRestTemplate rest;

    @Then("the poverty score is {int}")
    public void score(int expected) {
        assertThat(household.decision().get("score").asInt())
                .as("poverty score; points per indicator: %s", household.decision().get("scoreBreakdown"))
                .isEqualTo(expected);
    }

    @Then("the points per indicator are {numbers}")
    public void pointsPerIndicator(List<Integer> points) {
        List<Integer> actual = new ArrayList<>();
        household.decision().get("scoreBreakdown").forEach(i -> actual.add(i.get("points").asInt()));
        assertThat(actual).isEqualTo(points);
    }

    @Then("the score is made up of:")
    public void scoreIsMadeUpOf(DataTable table) {
        List<Map<String, String>> expected = table.asMaps();
        JsonNode breakdown = household.decision().get("scoreBreakdown");
        assertThat(breakdown).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            JsonNode actual = breakdown.get(i);
            assertThat(actual.get("indicator").asInt()).as("indicator of row %d", i + 1).isEqualTo(Integer.parseInt(row.get("indicator")));
            assertThat(actual.get("question").asText()).as("question of indicator %d", i + 1).isEqualTo(row.get("question"));
            assertThat(actual.get("answer").asText()).as("answer to indicator %d", i + 1).isEqualTo(row.get("answer"));
            assertThat(actual.get("points").asInt()).as("points for indicator %d", i + 1).isEqualTo(Integer.parseInt(row.get("points")));
        }
    }

    @Then("^the household is (eligible|not eligible) for the unconditional cash transfer$")
    public void cashTransfer(String outcome) {
        JsonNode uct = household.program(CASH_TRANSFER);
        assertThat(uct.get("eligible").asBoolean()).as("eligible for the cash transfer; reason: %s", uct.get("reason"))
                .isEqualTo(outcome.equals("eligible"));
    }

    @Then("the cut-off applied is {int}")
    public void cutoff(int expected) {
        assertThat(household.program(CASH_TRANSFER).get("cutoff").asInt()).isEqualTo(expected);
    }

    @Then("the reason mentions {string}")
    public void reasonMentions(String words) {
        assertThat(household.program(CASH_TRANSFER).get("reason").asText()).contains(words);
    }

    @Then("the reason does not mention {string}")
    public void reasonDoesNotMention(String words) {
        assertThat(household.program(CASH_TRANSFER).get("reason").asText()).doesNotContain(words);
    }

    @Then("the education stipend is granted for {int} child(ren)")
    public void stipendsGranted(int children) {
        JsonNode cct = household.program(STIPEND);
        assertThat(cct.get("eligible").asBoolean()).as("education stipend granted; reason: %s", cct.get("reason")).isTrue();
        assertThat(cct.get("stipends")).as("stipends").hasSize(children);
        assertThat(cct.get("reason").asText()).contains(children + " school-age");
    }

    @Then("no education stipend is granted")
    public void noStipend() {
        JsonNode cct = household.program(STIPEND);
        assertThat(cct.get("eligible").asBoolean()).as("education stipend granted; reason: %s", cct.get("reason")).isFalse();
        assertThat(cct.get("stipends")).isEmpty();
    }

    @Then("^the child aged (\\d+) (receives|does not receive) a stipend$")
    public void childStipend(int age, String receives) {
        int line = household.lineOf(household.member(m -> SurveySteps.isChild(m) && household.ageOf(m) == age, "child aged " + age));
        List<Integer> lines = new ArrayList<>();
        household.program(STIPEND).get("stipends").forEach(s -> lines.add(s.get("memberLine").asInt()));
        if (receives.equals("receives")) {
            assertThat(lines).contains(line);
        } else {
            assertThat(lines).doesNotContain(line);
        }
    }

    @Then("the stipend of the child aged {int} is paid on condition of {string}")
    public void stipendCondition(int age, String condition) {
        int line = household.lineOf(household.member(m -> SurveySteps.isChild(m) && household.ageOf(m) == age, "child aged " + age));
        JsonNode stipend = null;
        for (JsonNode s : household.program(STIPEND).get("stipends")) {
            if (s.get("memberLine").asInt() == line) {
                stipend = s;
            }
        }
        assertThat(stipend).as("stipend of member %d", line).isNotNull();
        assertThat(stipend.get("age").asInt()).isEqualTo(age);
        assertThat(stipend.get("condition").asText()).isEqualTo(condition);
    }

    @Then("^the payment goes to member (\\d+), the (head|wife of the head)$")
    public void paymentGoesTo(int line, String who) {
        JsonNode recipient = household.program(CASH_TRANSFER).get("paymentRecipient");
        assertThat(recipient).as("payment recipient").isNotNull();
        assertThat(recipient.isNull()).as("payment recipient").isFalse();
        assertThat(recipient.get("memberLine").asInt()).isEqualTo(line);
        JsonNode expected = who.equals("head") ? household.head() : household.wife();
        assertThat(household.lineOf(expected)).as("line of the %s in the survey", who).isEqualTo(line);
    }

    @Then("the payment is held until a nominee is recorded")
    public void paymentHeld() {
        JsonNode recipient = household.program(CASH_TRANSFER).get("paymentRecipient");
        assertThat(recipient.get("memberLine").asInt()).isZero();
        assertThat(recipient.get("basis").asText()).contains("nominee");
    }

    @Then("the decision records policy version {int} and the rule {string}")
    public void decisionRecords(int version, String rule) {
        assertRecords(household.decision(), version, rule);
        // The same, as stored: read back by an auditor.
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("auditor", "auditor-pass");
        ResponseEntity<JsonNode> stored = rest.exchange("/api/decisions/" + household.decision().get("id").asLong(),
                HttpMethod.GET, new HttpEntity<>(h), JsonNode.class);
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertRecords(stored.getBody(), version, rule);
        assertThat(stored.getBody().get("score")).isEqualTo(household.decision().get("score"));
    }

    private static void assertRecords(JsonNode decision, int version, String rule) {
        assertThat(decision.get("policyVersion").asInt()).isEqualTo(version);
        List<String> fired = new ArrayList<>();
        decision.get("firedRules").forEach(r -> fired.add(r.get("rule").asText()));
        assertThat(fired).contains(rule);
    }
}
