package org.dynreg.workflow;

import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.kie.api.runtime.KieSession;
import org.springframework.stereotype.Service;

/**
 * Asks the workflow-policy tables (decision-tables/workflow-policy.drl.xlsx) of the policy in force:
 * update windows, appeal admissibility, deadlines, shock response, roster changes. Processes ask
 * here, so a policy officer changes them without a rebuild.
 */
@Service
public class WorkflowPolicy {
    private final Policies policies;

    WorkflowPolicy(Policies policies) {
        this.policies = policies;
    }

    /** The question, answered in place by the tables of the policy in force. */
    public <T> PolicyAnswer<T> ask(T question) {
        CompiledPolicy policy = policies.active();
        return new PolicyAnswer<>(answer(policy, question), policy.version(), policy.sha256());
    }

    /** The question, answered in place by the tables of the given policy. */
    public static <T> T answer(CompiledPolicy policy, T question) {
        KieSession session = policy.kieBase().newKieSession();
        try {
            session.insert(question);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return question;
    }
}
