package org.dynreg.roster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A roster change as it is asked for. {@code memberLine} is the member's line in the household's
 * current roster (1 first, as the household's page shows it); {@code member} is the new member's
 * answers for ADD_MEMBER, in the survey format; {@code values} holds what the kind takes (see
 * docs/caseworker-guide.md, Roster updates); {@code reason} says why (a certificate number, say) and
 * {@code evidence} where the proof is kept.
 */
public record RosterRequest(Long householdId, String kind, Integer memberLine, JsonNode member, JsonNode values,
                            String reason, String evidence) {
}
