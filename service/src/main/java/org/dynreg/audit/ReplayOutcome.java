package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One stored decision run again. Under the version it recorded, {@code identical} says every output
 * field came out the same and the version's stored files still have the recorded hash; against
 * another version, {@code mismatches} are the fields that version would decide differently.
 */
public record ReplayOutcome(long decisionId, long householdId, int recordedVersion, String recordedSha256,
                            int replayedVersion, String replayedSha256, boolean identical, List<FieldMismatch> mismatches) {

    /** One output field whose recorded and replayed values differ. */
    public record FieldMismatch(String field, JsonNode recorded, JsonNode replayed) {}
}
