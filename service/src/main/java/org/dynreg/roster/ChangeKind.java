package org.dynreg.roster;

import org.dynreg.api.InvalidRequestException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The kinds of roster change, as the Roster changes table names them, with the values each takes. */
enum ChangeKind {
    ADD_MEMBER("a member added", false, List.of("cause")),
    REMOVE_MEMBER("a member removed", true, List.of("cause")),
    CHANGE_HEAD("a new head of household", true, List.of("relations")),
    MARITAL_STATUS("a change of marital status", true, List.of("maritalStatus")),
    DISABILITY("a change of disability", true, List.of("disability")),
    GENDER("a change of gender", true, List.of("gender")),
    CONTACT("new contact details", false, List.of("mobile")),
    ADDRESS("a new address", false, List.of("address", "latitude", "longitude"));

    private final String words;
    private final boolean namesMember;
    private final List<String> valueNames;

    ChangeKind(String words, boolean namesMember, List<String> valueNames) {
        this.words = words;
        this.namesMember = namesMember;
        this.valueNames = valueNames;
    }

    /** How the household is told what changed. */
    String words() {
        return words;
    }

    /** Whether the change names an existing member by their line in the roster. */
    boolean namesMember() {
        return namesMember;
    }

    /** The keys of {@code values} this kind takes. */
    List<String> valueNames() {
        return valueNames;
    }

    /** The member answer a one-field change sets, or null for the other kinds. */
    String memberField() {
        return switch (this) {
            case MARITAL_STATUS, DISABILITY, GENDER -> valueNames.get(0);
            default -> null;
        };
    }

    static ChangeKind parse(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidRequestException("kind", "is required: one of " + names());
        }
        try {
            return valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind", "must be one of " + names());
        }
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
