package org.dynreg.policy;

/**
 * A policy action that the version's state does not allow (approving an unvalidated version,
 * activating an unapproved one, approving while a reference household disagrees). Nothing changes.
 */
public class PolicyConflictException extends RuntimeException {
    private final transient ValidationReport report;

    public PolicyConflictException(String message) {
        this(message, null);
    }

    public PolicyConflictException(String message, ValidationReport report) {
        super(message);
        this.report = report;
    }

    /** The regression check behind the refusal, when there is one. */
    public ValidationReport report() {
        return report;
    }
}
