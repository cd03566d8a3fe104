package org.dynreg.audit;

import java.time.Instant;

/**
 * Which entries to list, oldest first; every filter is optional (null or blank: not filtered) and
 * they combine with AND.
 *
 * @param subject       exactly this subject, e.g. {@code case:55}
 * @param subjectPrefix subjects starting with this text, e.g. {@code policy:} for every policy version
 * @param action        exactly this action, e.g. {@code policy.activate}
 * @param actor         exactly this user
 * @param from          recorded at or after this instant
 * @param to            recorded before this instant
 * @param afterSeq      entries after this seq: pass the last seq of a page to read the next one
 * @param limit         at most this many entries, 1 to {@value #MAX_LIMIT}; null means {@value #DEFAULT_LIMIT}
 */
public record AuditQuery(String subject, String subjectPrefix, String action, String actor,
                         Instant from, Instant to, Long afterSeq, Integer limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        subject = blankAsNone(subject);
        subjectPrefix = blankAsNone(subjectPrefix);
        action = blankAsNone(action);
        actor = blankAsNone(actor);
        if (limit == null) {
            limit = DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditQueryException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidAuditQueryException("from must be before to");
        }
    }

    /** An empty query parameter means no filter, not "the empty subject". */
    private static String blankAsNone(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
