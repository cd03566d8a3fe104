package org.dynreg.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.eligibility.ReferenceHousehold;
import org.dynreg.eligibility.ReferenceHouseholds;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers the repository's reference households as real households of one made-up district (one of every
 * province, in the tests' places/local-units.csv), each
 * set with its own national ids, so that a test can count what it registered and nothing else.
 */
final class ReferenceRegistry {
    private static final Map<String, Map<String, Registration>> REGISTERED = new LinkedHashMap<>();

    private ReferenceRegistry() {
    }

    /** Registers (once per JVM) the named reference households in {@code district}; national ids start with {@code idPrefix}. */
    static synchronized Map<String, Registration> register(Registry registry, String district, String idPrefix, List<String> names) {
        return REGISTERED.computeIfAbsent(district, d -> {
            Map<String, Registration> out = new LinkedHashMap<>();
            for (ReferenceHousehold h : ReferenceHouseholds.fromClasspath()) {
                if (names.isEmpty() || names.contains(h.name())) {
                    ObjectNode survey = h.survey().deepCopy();
                    ((ObjectNode) survey.get("location")).put("district", district).put("tehsil", "Test tehsil");
                    for (JsonNode m : survey.withArray("members")) {
                        String id = m.get("nationalId").asText();
                        ((ObjectNode) m).put("nationalId", idPrefix + id.substring(idPrefix.length()));
                    }
                    out.put(h.name(), registry.submit(survey, "operator"));
                }
            }
            return out;
        });
    }

    static ReferenceHousehold household(String name) {
        return ReferenceHouseholds.fromClasspath().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }
}
