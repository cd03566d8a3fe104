package org.dynreg.policy;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.util.Map;

/**
 * A policy bundle version compiled into a Drools knowledge base. Immutable and thread-safe: each
 * evaluation takes one instance and runs wholly under it.
 */
public record CompiledPolicy(int version, String sha256, KieBase kieBase, Map<String, RuleSource> ruleSources,
                             Map<String, String> generatedDrl, KieSessionsPool sessions) {

    public CompiledPolicy(int version, String sha256, KieBase kieBase, Map<String, RuleSource> ruleSources,
                          Map<String, String> generatedDrl) {
        this(version, sha256, kieBase, ruleSources, generatedDrl, kieBase.newKieSessionsPool(2));
    }

    /**
     * A session of this version, from a pool: creating a session costs more than deciding a household, so
     * {@code dispose()} hands it back, emptied, for the next evaluation. Remove any listener added before.
     */
    public KieSession newSession() {
        return sessions.newKieSession();
    }

    public RuleSource sourceOf(String ruleName) {
        return ruleSources.get(ruleName);
    }
}
