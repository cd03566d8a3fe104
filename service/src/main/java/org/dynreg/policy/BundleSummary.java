package org.dynreg.policy;

import java.time.Instant;
import java.util.List;

/** A stored policy bundle version, without the file contents. */
public record BundleSummary(int version, String sha256, String state, String comment, String uploadedBy,
                            Instant uploadedAt, Instant activatedAt, List<FileSummary> files) {

    public record FileSummary(String path, String kind, String sha256) {}
}
