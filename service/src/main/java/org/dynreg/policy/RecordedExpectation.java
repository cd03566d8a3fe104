package org.dynreg.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A new expected outcome of a reference household, recorded against a version with its reason. */
public record RecordedExpectation(String household, int version, JsonNode expected, JsonNode replaces, String reason,
                                  String recordedBy, Instant recordedAt) {
}
