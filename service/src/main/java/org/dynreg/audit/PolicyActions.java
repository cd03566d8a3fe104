package org.dynreg.audit;

import org.dynreg.policy.PolicyAction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes every policy action into the audit trail, within the transaction that stored the action. */
@Component
class PolicyActions {
    private final AuditTrail trail;

    PolicyActions(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(PolicyAction a) {
        trail.record(a.actor(), a.action(), a.version() == null ? "policy:unsaved" : "policy:" + a.version(), a.details());
    }
}
