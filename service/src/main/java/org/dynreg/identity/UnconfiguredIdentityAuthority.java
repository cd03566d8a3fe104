package org.dynreg.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The authority when no adapter to the national identity authority is configured and the simulator is
 * off: every check is UNAVAILABLE, saying so, so that no identity is ever taken as confirmed; the cases
 * that need one wait for a review by hand (docs/operator-guide.md, "Identity authority").
 */
@Component
@ConditionalOnProperty(name = IdentityAuthority.SIMULATOR, havingValue = "false", matchIfMissing = true)
class UnconfiguredIdentityAuthority implements IdentityAuthority {
    private static final Logger log = LoggerFactory.getLogger(UnconfiguredIdentityAuthority.class);

    static final String REASON = "no identity authority is configured on this service; identities cannot be checked";

    UnconfiguredIdentityAuthority() {
        log.warn("No identity authority is configured: every identity check answers UNAVAILABLE"
                + " (docs/operator-guide.md, \"Identity authority\")");
    }

    @Override
    public Verification verify(String nationalId, String fullName, LocalDate dateOfBirth) {
        return new Verification(Verification.Status.UNAVAILABLE, REASON);
    }
}
