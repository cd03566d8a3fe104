package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.dynreg.policy.OutcomeDifference;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored decision run again. Under the version it recorded, {@code identical} says every output
 * field came out the same and the version's stored files still have the recorded hash; against
 * another version, {@code mismatches} are the fields that version would decide differently, and
 * {@code differences} say how, field by field and by kind ({@code UCT.eligible false → true},
 * {@code UCT.cutoff 32 → 34}).
 */
public record ReplayOutcome(long decisionId, long householdId, int recordedVersion, String recordedSha256,
                            int replayedVersion, String replayedSha256, boolean identical, List<FieldMismatch> mismatches,
                            List<OutcomeDifference> differences) {

    public ReplayOutcome {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** One output field whose recorded and replayed values differ. */
    public record FieldMismatch(String field, JsonNode recorded, JsonNode replayed) {}

    /** How many of the outcomes differ in each kind, by the kind's key (ELIGIBILITY:UCT, CUTOFF:UCT, WORDING, ...). */
    static Map<String, Long> byKind(List<ReplayOutcome> outcomes) {
        Map<String, Long> counts = new TreeMap<>();
        for (ReplayOutcome o : outcomes) {
            o.differences().stream().map(OutcomeDifference::key).distinct().forEach(k -> counts.merge(k, 1L, Long::sum));
        }
        return counts;
    }
}
