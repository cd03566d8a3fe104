package org.dynreg.policy;

import org.kie.api.KieBase;

import java.util.Map;

/**
 * A policy bundle version compiled into a Drools knowledge base. Immutable and thread-safe: each
 * evaluation takes one instance and runs wholly under it.
 */
public record CompiledPolicy(int version, String sha256, KieBase kieBase, Map<String, RuleSource> ruleSources,
                             Map<String, String> generatedDrl) {

    public RuleSource sourceOf(String ruleName) {
        return ruleSources.get(ruleName);
    }
}
