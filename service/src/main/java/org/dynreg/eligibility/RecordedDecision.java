package org.dynreg.eligibility;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;

/**
 * A stored decision as a replay needs it: the facts it was decided on, the policy version and hash it
 * names, and each output field as it was stored.
 */
public record RecordedDecision(long id, long householdId, String province, String district, Instant decidedAt,
                               int policyVersion, String policySha256, HouseholdFactsBuilder.Facts facts,
                               Map<String, JsonNode> outputs) {
}
