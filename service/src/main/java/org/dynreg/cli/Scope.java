package org.dynreg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.api.Scopes;

import java.util.Arrays;
import java.util.Objects;

/** The scope of a command over the registry: --all asks for all of it, by name, as the service requires. */
final class Scope {
    private Scope() {
    }

    /**
     * A request body with {@code scope} REGISTRY for --all; without it when narrowing options are given.
     *
     * @throws CliFailure (refused) for neither or both, before anything is sent
     */
    static ObjectNode of(ObjectMapper json, boolean all, String narrowers, Object... narrowing) {
        boolean narrowed = Arrays.stream(narrowing).anyMatch(Objects::nonNull);
        if (all == narrowed) {
            throw new CliFailure(CliFailure.REFUSED, all ? "give --all or " + narrowers + ", not both"
                    : "give --all for the whole registry, or narrow it with " + narrowers);
        }
        ObjectNode body = json.createObjectNode();
        return all ? body.put("scope", Scopes.REGISTRY) : body;
    }
}
