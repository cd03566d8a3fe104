package org.dynreg.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Work over the whole registry (rescoring, the due-date sweep, a replay run) is asked for by name, never reached by
 * leaving a narrowing field out or misspelling it: the request says {@code "scope": "REGISTRY"}, or narrows the work
 * (to a province, district, program, period) and then leaves the scope out.
 */
public final class Scopes {
    /** The value of {@code scope} that asks for the whole registry. */
    public static final String REGISTRY = "REGISTRY";
    static final String FIELD = "scope";

    private Scopes() {
    }

    /**
     * Checks a request's scope against the fields that narrow it.
     *
     * @param scope       the request's {@code scope}, null when left out
     * @param narrowers   what may narrow the request, in words ("province, district or program"); null when nothing can
     * @param narrowing   the values of those fields; blank ones do not narrow
     * @throws InvalidRequestException naming {@code scope} when the whole registry would be reached by omission, when
     *                                 the scope is not {@code REGISTRY}, or when REGISTRY is given with a narrowing field
     */
    public static void check(String scope, String narrowers, Object... narrowing) {
        boolean narrowed = Arrays.stream(narrowing).filter(Objects::nonNull).anyMatch(v -> !String.valueOf(v).isBlank());
        String either = narrowers == null ? "" : ", or narrow the request with " + narrowers + " and leave the scope out";
        if (scope == null) {
            if (!narrowed) {
                throw new InvalidRequestException(FIELD, "is required: \"" + REGISTRY + "\" for the whole registry" + either);
            }
        } else if (!REGISTRY.equals(scope)) {
            throw new InvalidRequestException(FIELD, "must be \"" + REGISTRY + "\" for the whole registry" + either);
        } else if (narrowed) {
            throw new InvalidRequestException(FIELD, "is \"" + REGISTRY + "\", the whole registry, but the request also narrows it with "
                    + narrowers + "; give one or the other");
        }
    }
}
