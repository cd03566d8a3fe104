package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay of recorded decisions, one by one and all together, as an auditor asks for it. */
public class ReplaySteps {

    /** The output fields of a decision, in the words of the scenarios. */
    private static final Map<String, String> FIELDS = Map.of(
            "the score", "score", "the points per indicator", "scoreBreakdown", "the poverty likelihoods", "likelihoods",
            "the programs", "programs", "the rules fired", "firedRules", "the reasons", "reasons");

    private final ServiceClient service;
    /** The decision of each registered household, by the name of the reference household it was surveyed like. */
    private final Map<String, JsonNode> decisions = new LinkedHashMap<>();
    private final Map<String, JsonNode> replays = new HashMap<>();
    private Instant registeredFrom;
    private JsonNode run;

    public ReplaySteps(ServiceClient service) {
        this.service = service;
    }

    @Given("households like these reference households are registered:")
    public void register(List<String> names) {
        registeredFrom = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (String name : names) {
            decisions.put(name, service.submitSurvey(HouseholdUnderSurvey.referenceSurvey(name)).get("decision"));
        }
    }

    @When("the auditor replays each of these decisions")
    public void replayEachUnderItsOwnVersion() {
        replayEach(null);
    }

    @When("the auditor replays each of these decisions against {version}")
    public void replayEachAgainst(int version) {
        replayEach(version);
    }

    private void replayEach(Integer version) {
        decisions.forEach((name, decision) -> {
            String path = "/api/decisions/" + decision.get("id").asLong() + "/replay" + (version == null ? "" : "?against=" + version);
            replays.put(name, service.read("auditor", path));
        });
    }

    @Then("each replay is identical, under {version}")
    public void eachIdentical(int version) {
        assertThat(replays).hasSameSizeAs(decisions);
        replays.forEach((name, r) -> {
            assertThat(r.get("identical").asBoolean()).as("%s: %s", name, r.get("mismatches")).isTrue();
            assertThat(r.get("mismatches")).as(name).isEmpty();
            assertThat(r.get("recordedVersion").asInt()).as("%s recorded", name).isEqualTo(version);
            assertThat(r.get("replayedVersion").asInt()).as("%s replayed", name).isEqualTo(version);
            assertThat(r.get("replayedSha256").asText()).as("%s, hash of the version's files", name)
                    .isEqualTo(r.get("recordedSha256").asText());
        });
    }

    @Then("each replay is in the audit trail, by the auditor")
    public void eachInTheAuditTrail() {
        decisions.forEach((name, decision) -> {
            JsonNode entries = service.read("auditor", "/api/audit/trail?action=decision.replay&subject=decision:" + decision.get("id").asLong());
            assertThat(entries).as("replays of the decision of %s", name).isNotEmpty();
            assertThat(entries.get(entries.size() - 1).get("actor").asText()).isEqualTo("auditor");
        });
    }

    @Then("the decision of {string} would differ in:")
    public void wouldDifferIn(String name, List<String> fields) {
        JsonNode r = replay(name);
        assertThat(r.get("identical").asBoolean()).isFalse();
        List<String> expected = fields.stream().map(f -> SurveySteps.known(FIELDS, f, "output field")).toList();
        List<String> actual = new ArrayList<>();
        r.get("mismatches").forEach(m -> actual.add(m.get("field").asText()));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Then("^the cash transfer of \"([^\"]+)\" would change from (eligible|not eligible) to (eligible|not eligible)$")
    public void cashTransferWouldChange(String name, String recorded, String replayed) {
        JsonNode programs = null;
        for (JsonNode m : replay(name).get("mismatches")) {
            if (m.get("field").asText().equals("programs")) {
                programs = m;
            }
        }
        assertThat(programs).as("a difference in the programs of %s", name).isNotNull();
        assertThat(cashTransfer(programs.get("recorded"))).as("recorded").isEqualTo(recorded);
        assertThat(cashTransfer(programs.get("replayed"))).as("replayed").isEqualTo(replayed);
    }

    @Then("the decision of {string} would be the same under {version}")
    public void wouldBeTheSame(String name, int version) {
        JsonNode r = replay(name);
        assertThat(r.get("replayedVersion").asInt()).isEqualTo(version);
        assertThat(r.get("identical").asBoolean()).as("differences: %s", r.get("mismatches")).isTrue();
    }

    @When("the auditor replays together every decision made since these households were registered")
    public void replayTogetherUnderTheirOwnVersions() {
        replayTogether(null);
    }

    @When("the auditor replays together every decision made since these households were registered, against {version}")
    public void replayTogetherAgainst(int version) {
        replayTogether(version);
    }

    private void replayTogether(Integer version) {
        Map<String, Object> filter = new HashMap<>();
        filter.put("from", registeredFrom.toString());
        filter.put("to", Instant.now().toString());
        if (version != null) {
            filter.put("against", version);
        }
        ResponseEntity<JsonNode> started = service.post("auditor", "/api/replays", filter);
        assertThat(started.getStatusCode()).as("starting the replay: %s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        run = untilFinished(started.getBody().get("id").asLong());
    }

    @Then("{int} decisions were replayed, all identical")
    public void allIdentical(int count) {
        assertThat(run.get("state").asText()).as("the run: %s", run).isEqualTo("DONE");
        assertThat(run.get("total").asInt()).isEqualTo(count);
        assertThat(run.get("done").asInt()).isEqualTo(count);
        assertThat(run.get("identical").asInt()).isEqualTo(count);
        assertThat(run.get("mismatched").asInt()).isZero();
        assertThat(run.get("mismatches")).isEmpty();
    }

    @Then("{int} decisions were replayed: {int} identical, and those that would differ are the decisions of:")
    public void someDiffer(int count, int identical, List<String> names) {
        assertThat(run.get("state").asText()).as("the run: %s", run).isEqualTo("DONE");
        assertThat(run.get("total").asInt()).isEqualTo(count);
        assertThat(run.get("identical").asInt()).isEqualTo(identical);
        assertThat(run.get("mismatched").asInt()).isEqualTo(names.size());
        List<Long> differing = new ArrayList<>();
        run.get("mismatches").forEach(m -> differing.add(m.get("decisionId").asLong()));
        assertThat(differing).containsExactlyInAnyOrderElementsOf(names.stream().map(n -> decision(n).get("id").asLong()).toList());
    }

    /** A run goes on in the background; its progress is read until it has finished, then its mismatches. */
    private JsonNode untilFinished(long id) {
        JsonNode r = service.read("auditor", "/api/replays/" + id);
        for (int polls = 0; polls < 600 && "RUNNING".equals(r.get("state").asText()); polls++) {
            pause();
            r = service.read("auditor", "/api/replays/" + id);
        }
        return service.read("auditor", "/api/replays/" + id + "?mismatches=true");
    }

    private JsonNode decision(String name) {
        JsonNode d = decisions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no household like " + name + " was registered in this scenario; registered: " + decisions.keySet());
        }
        return d;
    }

    private JsonNode replay(String name) {
        decision(name);
        JsonNode r = replays.get(name);
        if (r == null) {
            throw new IllegalStateException("the decision of " + name + " has not been replayed yet");
        }
        return r;
    }

    private static String cashTransfer(JsonNode programs) {
        for (JsonNode p : programs) {
            if (p.get("program").asText().equals(DecisionSteps.CASH_TRANSFER)) {
                return p.get("eligible").asBoolean() ? "eligible" : "not eligible";
            }
        }
        throw new AssertionError("no cash transfer among " + programs);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a replay run", e);
        }
    }
}
