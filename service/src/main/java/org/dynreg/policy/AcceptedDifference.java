package org.dynreg.policy;

import java.time.Instant;
import java.util.List;

/**
 * A kind of difference of the regression gate that an officer accepted under a version in review, with one reason,
 * for every reference household that showed it: what the approver reads beside the diff before approving.
 */
public record AcceptedDifference(long id, int version, String kind, String label, String reason, List<Household> households,
                                 String acceptedBy, Instant acceptedAt) {

    /** One household's change of this kind: the expected value it had and the value it now expects. */
    public record Household(String household, String field, String before, String after) {}
}
