package org.dynreg.workflow;

import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.workflow.facts.UpdateRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When a household may be updated again: the Update windows table's months after its last survey,
 * counted in the registry's calendar. A survey's date is the local date its interview started, so
 * "today" is the local date in the registry's zone, not the server's UTC date.
 */
@Component
public class UpdateWindows {
    private final WorkflowPolicy policy;
    private final Clock clock;
    private final ZoneId zone;

    UpdateWindows(WorkflowPolicy policy, Clock clock, @Value("${dynreg.recertification.zone:Asia/Karachi}") ZoneId zone) {
        this.policy = policy;
        this.clock = clock;
        this.zone = zone;
    }

    /** The registry's calendar zone: a survey's date, and a due date, are local dates there. */
    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** A sweep catches up on days it missed; it never runs ahead of the registry's calendar. */
    public void refuseAfterToday(LocalDate asOf) {
        if (asOf.isAfter(today())) {
            throw WorkflowRefusedException.invalid("asOf " + asOf + " is after today (" + today()
                    + "); a sweep acts on the households due by a day that has come, so that no grace period starts early");
        }
    }

    public UpdateRequest ask(String updateType, boolean beneficiary) {
        return policy.ask(new UpdateRequest(updateType, beneficiary)).answer();
    }

    /** The first day a household last surveyed on {@code lastSurvey} may be updated. */
    public static LocalDate possibleFrom(LocalDate lastSurvey, int months) {
        return lastSurvey.plusMonths(months);
    }

    /**
     * The latest last-survey date that is due on {@code asOf}, so that a sweep can select "last survey on
     * or before" with an index. Consistent with {@link #possibleFrom}: adding months clamps to the end of
     * a shorter month (31 August + 6 months is 28 February), so up to three later days fall due too.
     */
    public static LocalDate lastSurveyDue(LocalDate asOf, int months) {
        LocalDate last = asOf.minusMonths(months);
        while (!possibleFrom(last.plusDays(1), months).isAfter(asOf)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** Whether a decision gives the household the cash transfer: a beneficiary is recertified, the others ask for a cyclic update. */
    public static boolean receivesCashTransfer(DecisionView d) {
        return d.programs().stream().anyMatch(p -> p.program().equals(Eligibility.CASH_TRANSFER) && p.eligible());
    }
}
