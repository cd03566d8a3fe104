package org.dynreg.policy;

/**
 * Where a bundle version stands. DRAFT, VALIDATED and APPROVED are its review; ACTIVE and RETIRED
 * follow from the activations at the moment asked (an approved version may also be scheduled).
 */
public enum PolicyState {
    /** Uploaded and compiles; some reference household does not yet give its expected outcome. */
    DRAFT,
    /** Compiles and every reference household gives its expected outcome. */
    VALIDATED,
    /** Approved by a policy officer other than the uploader; may be activated. */
    APPROVED,
    /** In force now. */
    ACTIVE,
    /** Was in force and has been replaced. */
    RETIRED
}
