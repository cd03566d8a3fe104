package org.dynreg.audit;

/** A query of the audit trail that cannot be answered as asked (a limit out of range, an empty time window). */
public class InvalidAuditQueryException extends IllegalArgumentException {
    InvalidAuditQueryException(String message) {
        super(message);
    }
}
