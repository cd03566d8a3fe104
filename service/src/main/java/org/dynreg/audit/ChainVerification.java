package org.dynreg.audit;

import java.time.Instant;

/**
 * The result of walking the whole audit trail in seq order.
 *
 * @param entriesChecked entries read up to and including the first broken link (all of them when intact)
 * @param intact         true when every link holds and the head names the last entry
 * @param firstBrokenLink where the chain first fails; null when intact
 * @param headSeq        the last seq the chain head names
 * @param headHash       the hash the chain head names: copy it into a report or a signed message to
 *                       detect later a rewrite of the whole chain
 * @param verifiedAt     when the walk ran
 */
public record ChainVerification(long entriesChecked, boolean intact, BrokenLink firstBrokenLink,
                                long headSeq, String headHash, Instant verifiedAt) {

    /** What is wrong at one seq. */
    public enum Problem {
        /** The entry's content does not give its stored hash: a field was changed after it was written. */
        HASH_MISMATCH,
        /** The entry's prev_hash is not the stored hash of the entry before it. */
        PREV_HASH_MISMATCH,
        /** This seq is missing: the entries around it are not consecutive. */
        SEQ_GAP,
        /** The chain head does not name the last entry: entries were removed from, or added past, the end. */
        HEAD_MISMATCH
    }

    /** The first link that does not hold. */
    public record BrokenLink(long seq, Problem problem, String detail) {
    }
}
