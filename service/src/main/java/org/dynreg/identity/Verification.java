package org.dynreg.identity;

/** The authority's answer for one person; {@code reason} never repeats personal data. */
public record Verification(Status status, String reason) {

    public enum Status {
        /** The national id exists and matches the name and date of birth. */
        VERIFIED,
        /** The authority answered: no such id, or it does not match. */
        REJECTED,
        /** No answer in time, or the authority is down: ask again or review by hand. */
        UNAVAILABLE
    }

    public boolean verified() {
        return status == Status.VERIFIED;
    }
}
