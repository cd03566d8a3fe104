package org.dynreg.eligibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.OutcomeDifference;
import org.dynreg.policy.RecordedExpectation;
import org.dynreg.policy.ReferenceCheck;
import org.dynreg.policy.RegressionGate;
import org.dynreg.registry.SurveyValidator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The regression gate: the repository's reference households, scored under a candidate version. */
@Component
class ReferenceHouseholdGate implements RegressionGate {
    private final SurveyValidator validator;
    private final ObjectMapper json;
    private final List<ReferenceHousehold> households;

    ReferenceHouseholdGate(java.time.Clock clock, ObjectMapper json) {
        this.validator = new SurveyValidator(clock);
        this.json = json;
        this.households = ReferenceHouseholds.fromClasspath();
    }

    @Override
    public List<ReferenceCheck> check(CompiledPolicy candidate, Map<String, RecordedExpectation> recorded) {
        List<ReferenceCheck> checks = new ArrayList<>();
        for (ReferenceHousehold h : households) {
            RecordedExpectation r = recorded.get(h.name());
            ReferenceOutcome expected = r == null ? h.expected() : outcomeOf(r.expected());
            ReferenceOutcome actual = null;
            List<OutcomeDifference> found = List.of();
            List<String> differences;
            try {
                actual = ReferenceHouseholds.evaluate(h, candidate, validator);
                found = expected.found(actual);
                differences = found.stream().map(OutcomeDifference::text).toList();
            } catch (PolicyFaultException e) {
                differences = List.of("the policy could not decide: " + e.getMessage());
            }
            checks.add(new ReferenceCheck(h.name(), h.description(), differences.isEmpty(), json.valueToTree(expected),
                    actual == null ? null : json.valueToTree(actual), differences, found, r));
        }
        return checks;
    }

    @Override
    public JsonNode outcome(CompiledPolicy candidate, String household) {
        ReferenceHousehold h = households.stream().filter(x -> x.name().equals(household)).findFirst()
                .orElseThrow(() -> new NotFoundException("reference household", household));
        return json.valueToTree(ReferenceHouseholds.evaluate(h, candidate, validator));
    }

    @Override
    public JsonNode expectation(JsonNode expected) {
        ReferenceOutcome outcome;
        try {
            outcome = json.treeToValue(expected, ReferenceOutcome.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw refused("the expected outcome must look like {\"score\": 32, \"programs\": {\"UCT\": true}, \"reasons\": [\"...\"]}");
        }
        if (outcome.score() < 0 || outcome.score() > 100) {
            throw refused("expected.score must be between 0 and 100");
        }
        if (outcome.programs() == null || outcome.reasons() == null) {
            throw refused("expected.programs and expected.reasons are required");
        }
        return json.valueToTree(outcome);
    }

    @Override
    public JsonNode accepting(JsonNode expected, JsonNode actual, OutcomeDifference.Kind kind, String program) {
        return json.valueToTree(outcomeOf(expected).accepting(outcomeOf(actual), kind, program));
    }

    private ReferenceOutcome outcomeOf(JsonNode stored) {
        try {
            return json.treeToValue(stored, ReferenceOutcome.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded expectation is not readable", e);
        }
    }

    private static InvalidRequestException refused(String message) {
        return new InvalidRequestException("expected", message);
    }
}
