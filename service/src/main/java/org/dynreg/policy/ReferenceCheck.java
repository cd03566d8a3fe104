package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One reference household under one candidate version: what was expected (from its file, or as an
 * officer recorded it), what the candidate gives, each difference in words, and each with its kind
 * ({@code found}; empty when the candidate could not decide the household at all).
 */
public record ReferenceCheck(String household, String description, boolean matches, JsonNode expected,
                             JsonNode actual, List<String> differences, List<OutcomeDifference> found,
                             RecordedExpectation recorded) {
}
