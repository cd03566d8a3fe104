package org.dynreg.registry;

/**
 * One problem found in a submitted survey: where ({@code updateType}, {@code location.province},
 * {@code members[2].nationalId}, {@code members}, or {@code $} for the whole body) and what is wrong,
 * in words a data-entry operator understands. Messages never repeat names, national ids, phone
 * numbers or addresses.
 */
public record FieldProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
