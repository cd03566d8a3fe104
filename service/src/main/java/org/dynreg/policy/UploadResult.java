package org.dynreg.policy;

/** A stored upload and what checking it found: DRAFT when some reference household disagrees, else VALIDATED. */
public record UploadResult(BundleSummary bundle, ValidationReport report) {
}
