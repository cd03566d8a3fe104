package org.dynreg.policy;

import java.time.Instant;
import java.util.List;

/**
 * A stored policy bundle version without the file contents: who uploaded it and why, its review, and
 * when it is or was in force. {@code activeFrom} is when it last came into force (null if never);
 * {@code scheduledFrom} a future time it is due to come into force.
 */
public record BundleSummary(int version, String sha256, Integer basedOn, PolicyState state, String comment,
                            String uploadedBy, Instant uploadedAt, String validatedBy, Instant validatedAt,
                            String approvedBy, Instant approvedAt, String approvalComment,
                            Instant activeFrom, Instant scheduledFrom, List<FileSummary> files) {

    public record FileSummary(String path, String kind, String sha256) {}
}
