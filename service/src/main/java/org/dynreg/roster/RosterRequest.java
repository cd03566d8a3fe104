package org.dynreg.roster;

/**
 * A roster change as it is asked for. {@code memberLine} is the member's line in the household's
 * current roster (1 first, as the household's page shows it); {@code member} is the new member's
 * answers for ADD_MEMBER, in the survey format; {@code values} holds what the kind takes (see
 * docs/caseworker-guide.md, Roster updates); {@code reason} says why (a certificate number, say) and
 * {@code evidence} where the proof is kept. {@code member} and {@code values} are whatever JSON was
 * sent, so that a wrong shape is refused naming the field rather than as an unreadable body.
 */
public record RosterRequest(Long householdId, String kind, Integer memberLine, Object member, Object values,
                            String reason, String evidence) {
}
