package org.dynreg.workflow;

import org.dynreg.eligibility.Eligibility;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the households whose eligibility for a program a rescoring run changed, in words and in the run's
 * chunk transaction: a run that is rolled back tells nobody, a committed one tells each household once.
 * Decisions made within a case are told by the case's own step, with the same words.
 */
@Component
class EligibilityChangeNotices {
    static final String KIND = "ELIGIBILITY_CHANGED";

    private final Notifications notifications;

    EligibilityChangeNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(Eligibility.RunChangedEligibility run) {
        notifications.notifyAll(run.households().stream().map(h -> new Notifications.Outgoing(h.householdId(), null, KIND,
                "Your household was assessed again under the policy in force. "
                        + DecisionWords.of(h.previousScore(), h.before(), h.score(), h.after()))).toList());
    }
}
