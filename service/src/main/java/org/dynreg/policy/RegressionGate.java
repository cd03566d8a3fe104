package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Runs the reference households under a candidate policy version and compares each outcome with the
 * one expected of it. Implemented where households are scored; the policy lifecycle only asks.
 */
public interface RegressionGate {

    /**
     * Every reference household checked against {@code candidate}. {@code recorded} holds the expected
     * outcomes officers recorded for the candidate's line of versions, by household name; they replace
     * the expectation written in the household's file.
     */
    List<ReferenceCheck> check(CompiledPolicy candidate, Map<String, RecordedExpectation> recorded);

    /** The outcome a reference household gets under {@code candidate}, in the form an expectation takes. */
    JsonNode outcome(CompiledPolicy candidate, String household);

    /** Checks that {@code expected} is a well-formed expected outcome; returns it in its stored form. */
    JsonNode expectation(JsonNode expected);

    /**
     * The expectation {@code expected} with the parts of one kind of difference taken from {@code actual} (both in the
     * form {@link #outcome} gives): what is expected once an officer accepts that kind; a kind per program changes
     * only {@code program}'s part, or every program's when it is null.
     *
     * @throws IllegalArgumentException for a kind a reference household does not pin
     */
    JsonNode accepting(JsonNode expected, JsonNode actual, OutcomeDifference.Kind kind, String program);
}
