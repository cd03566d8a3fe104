package org.dynreg.roster;

import java.time.Instant;

/**
 * A requested roster change as the API shows it, for whoever verifies or approves it. The new
 * member's answers, a mobile number, an address with its coordinates, a member's new disability, the reason and
 * the evidence are personal data (docs/personal-data.md):
 * shown only to the roles that may see it, {@code [redacted]} for others.
 */
public record RosterChangeView(long caseId, long householdId, String kind, Integer memberLine, Object member, Object values,
                               String reason, String evidence, String requestedBy, Instant requestedAt, String changeSha256,
                               boolean personalDataShown) {
}
