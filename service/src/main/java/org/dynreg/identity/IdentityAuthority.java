package org.dynreg.identity;

import java.time.LocalDate;

/** The national identity authority, as the registry asks it: is this person who the survey says? */
public interface IdentityAuthority {

    /** The setting that replaces the authority with a simulator another user can control (tests, training sites). */
    String SIMULATOR = "dynreg.identity.simulator";

    /** Never throws for an answer the authority gives; a timeout or an outage is {@link Verification.Status#UNAVAILABLE}. */
    Verification verify(String nationalId, String fullName, LocalDate dateOfBirth);
}
