package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One reference household under one candidate version: what was expected (from its file, or as an
 * officer recorded it), what the candidate gives, and each difference in words.
 */
public record ReferenceCheck(String household, String description, boolean matches, JsonNode expected,
                             JsonNode actual, List<String> differences, RecordedExpectation recorded) {
}
