package org.dynreg.audit;

import java.time.Instant;

/**
 * One recorded read of a household's personal data: who read which record through which endpoint, when, and
 * whether the personal data was {@code SHOWN} or {@code REDACTED} for their role.
 */
public record PersonalDataRead(long id, Instant readAt, String username, String roles, String recordKind, long recordId,
                               Long householdId, String endpoint, String personalData) {
}
