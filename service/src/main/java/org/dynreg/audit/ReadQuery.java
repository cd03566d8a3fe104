package org.dynreg.audit;

import java.time.Instant;

/**
 * Which recorded reads of personal data to list, oldest first; every filter is optional and they combine with AND.
 *
 * @param username    exactly this user
 * @param householdId reads of this household
 * @param from        read at or after this instant
 * @param to          read before this instant
 * @param afterId     reads after this id: pass the last id of a page to read the next one
 * @param limit       at most this many, 1 to {@value AuditQuery#MAX_LIMIT}; null means {@value AuditQuery#DEFAULT_LIMIT}
 */
public record ReadQuery(String username, Long householdId, Instant from, Instant to, Long afterId, Integer limit) {

    public ReadQuery {
        // The audit trail's query checks the same limit and window; it is built here for that alone.
        AuditQuery checked = new AuditQuery(null, null, null, username, from, to, afterId, limit);
        username = checked.actor();
        limit = checked.limit();
    }
}
