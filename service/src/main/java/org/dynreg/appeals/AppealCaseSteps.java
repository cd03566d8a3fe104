package org.dynreg.appeals;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.TypedStep;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.DecisionWords;
import org.dynreg.workflow.Deadlines;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.facts.AppealRequest;
import org.dynreg.workflow.facts.TaskDue;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The automated steps of the appeal process (processes/appeal.bpmn). */
final class AppealCaseSteps {
    static final String NOT_ADMISSIBLE_NOTICE = "APPEAL_NOT_ADMISSIBLE";
    static final String NOT_ADMISSIBLE = "NOT_ADMISSIBLE";
    static final String RESURVEYED = "RESURVEYED";

    private AppealCaseSteps() {
    }

    /** A process variable's text, blank when the process has none. */
    static String text(String v) {
        return v == null ? "" : v.strip();
    }

    /** What the admissibility step reads: the decision appealed, the grounds claimed and who lodged the appeal. */
    record Lodged(long caseId, Long appealedDecision, String claimedGrounds, String lodgedBy) {
        Lodged {
            claimedGrounds = text(claimedGrounds);
            lodgedBy = text(lodgedBy);
        }
    }

    /** Whether the appeal goes on, whether a claimed ground needs its evidence checked, and who may not review it. */
    record Admissible(boolean admissible, boolean evidenceNeeded, String reviewNotBy) {}

    /** What the evidence step reads: the caseworker's check of the claimed grounds. */
    record EvidenceChecked(long caseId, Long appealedDecision, String evidenceOutcome, String evidenceComment,
                           String claimedGrounds, String evidenceCheckedBy) {
        EvidenceChecked {
            evidenceOutcome = text(evidenceOutcome);
            evidenceComment = text(evidenceComment);
            claimedGrounds = text(claimedGrounds);
            evidenceCheckedBy = text(evidenceCheckedBy);
        }
    }

    record Admitted(boolean admissible) {}

    /** What the reviewed step reads: the recommendation, who made it and who already may not review. */
    record Review(long caseId, String reviewNotBy, String reviewedBy, String recommendation) {
        Review {
            reviewNotBy = text(reviewNotBy);
            reviewedBy = text(reviewedBy);
            recommendation = text(recommendation);
        }
    }

    /** Who may not decide the appeal (four eyes). */
    record DecideNotBy(String decideNotBy) {}

    /** What the conclude step reads: the supervisor's decision and its reason. */
    record Decision(long caseId, String decision, String decisionComment) {
        Decision {
            decision = text(decision);
            decisionComment = text(decisionComment);
        }
    }

    record Approved(boolean approved) {}

    /** What the re-survey step reads: the operator's report, the survey named and the attempts so far. */
    record Resurvey(long caseId, Long appealedDecision, String resurveyOutcome, Long resurveyAttempts, Object surveyId,
                    String resurveyComment, String surveyedBy) {
        Resurvey {
            resurveyOutcome = text(resurveyOutcome);
            resurveyComment = text(resurveyComment);
            surveyedBy = text(surveyedBy);
        }
    }

    /** Whether the re-survey is asked again, and the attempts made. */
    record ResurveyResult(boolean retry, long resurveyAttempts) {}

    static List<String> list(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of() : Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }

    /**
     * Closes an appeal as not admissible. The household is told once per decision: a second inadmissible
     * appeal against the same decision is recorded but not notified again.
     */
    static void notAdmissible(Appeals appeals, Cases cases, Notifications notifications, long caseId, DecisionView appealed, String why) {
        boolean told = appeals.toldNotAdmissible(appealed);
        if (told) {
            cases.record(caseId, Appeals.SYSTEM, "appeal.not-notified", Map.of("decision", appealed.id(),
                    "reason", "the household was already told that an appeal against this decision cannot be considered"));
        } else {
            notifications.notify(appealed.householdId(), caseId, NOT_ADMISSIBLE_NOTICE, why);
        }
        cases.close(caseId, NOT_ADMISSIBLE, why, Appeals.SYSTEM);
    }

    /**
     * Step appeal.admissibility: the grounds the registry supports (any one makes the appeal admissible),
     * the claimed grounds it does not support (they go to a caseworker's evidence check), and who may not
     * review or decide the appeal (who lodged it and who surveyed the household). Neither a supported nor
     * a claimed ground closes the case NOT_ADMISSIBLE.
     */
    @Component
    static class Admissibility extends TypedStep<Lodged, Admissible> {
        private final Appeals appeals;
        private final Cases cases;
        private final Notifications notifications;

        Admissibility(Appeals appeals, Cases cases, Notifications notifications) {
            super("appeal.admissibility", Lodged.class);
            this.appeals = appeals;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected Admissible apply(Lodged in) {
            long caseId = in.caseId();
            long householdId = cases.householdOf(caseId);
            DecisionView appealed = appeals.decision(householdId, in.appealedDecision());
            AppealRequest r = appeals.request(appealed);
            List<String> claimed = list(in.claimedGrounds());
            List<String> unsupported = new ArrayList<>(claimed);
            unsupported.removeAll(r.getGroundCodes().keySet());
            boolean admissible = !r.getGroundCodes().isEmpty();
            boolean evidenceNeeded = !admissible && !unsupported.isEmpty();
            String notBy = Appeals.names(in.lodgedBy(), String.join(",", appeals.surveyors(appealed)));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("admissible", admissible);
            details.put("grounds", r.getGrounds());
            details.put("supportedGrounds", List.copyOf(r.getGroundCodes().keySet()));
            details.put("claimedGrounds", claimed);
            details.put("evidenceToCheck", evidenceNeeded ? unsupported : List.of());
            details.put("pointsAboveCutoff", r.getPointsAboveCutoff());
            cases.record(caseId, Appeals.SYSTEM, "appeal.admissibility", details);
            if (!admissible && !evidenceNeeded) {
                notAdmissible(appeals, cases, notifications, caseId, appealed,
                        "Your appeal cannot be considered: none of the grounds for appeal applies to your household "
                                + "(the score is " + r.getPointsAboveCutoff() + " points above the cut-off), and no other ground was claimed.");
            }
            return new Admissible(admissible, evidenceNeeded, notBy);
        }
    }

    /** Step appeal.evidence: the caseworker confirmed the claimed ground (the appeal goes to review) or did not (it is not admissible). */
    @Component
    static class Evidence extends TypedStep<EvidenceChecked, Admitted> {
        private final Appeals appeals;
        private final Cases cases;
        private final Notifications notifications;

        Evidence(Appeals appeals, Cases cases, Notifications notifications) {
            super("appeal.evidence", EvidenceChecked.class);
            this.appeals = appeals;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected Admitted apply(EvidenceChecked in) {
            long caseId = in.caseId();
            String comment = in.evidenceComment();
            if (comment.isBlank()) {
                throw new InvalidRequestException("comment", "say what evidence was seen for the claimed ground: the comment is required");
            }
            boolean confirmed = "CONFIRMED".equals(in.evidenceOutcome());
            List<String> claimed = list(in.claimedGrounds());
            cases.record(caseId, Appeals.SYSTEM, "appeal.evidence", Map.of("confirmed", confirmed, "claimedGrounds", claimed,
                    "checkedBy", in.evidenceCheckedBy()));
            if (!confirmed) {
                long householdId = cases.householdOf(caseId);
                DecisionView appealed = appeals.decision(householdId, in.appealedDecision());
                notAdmissible(appeals, cases, notifications, caseId, appealed, "Your appeal cannot be considered: the evidence for "
                        + String.join(", ", claimed) + " was not confirmed. " + comment);
            }
            return new Admitted(confirmed);
        }
    }

    /** Step appeal.reviewed: the recommendation is recorded; the reviewer joins those who may not decide. */
    @Component
    static class Reviewed extends TypedStep<Review, DecideNotBy> {
        private final Cases cases;

        Reviewed(Cases cases) {
            super("appeal.reviewed", Review.class);
            this.cases = cases;
        }

        @Override
        protected DecideNotBy apply(Review in) {
            long caseId = in.caseId();
            String notBy = Appeals.names(in.reviewNotBy(), in.reviewedBy());
            cases.record(caseId, Appeals.SYSTEM, "appeal.review", Map.of("recommendation", in.recommendation(),
                    "mayNotDecide", list(notBy)));
            return new DecideNotBy(notBy);
        }
    }

    /**
     * Step appeal.conclude: an approved appeal orders a re-survey from the data-entry operators and the case
     * waits for it; a rejected one needs its reason (refused 422 naming {@code comment} without one), which
     * the household is told, and closes the case.
     */
    @Component
    static class Conclude extends TypedStep<Decision, Approved> {
        private final Cases cases;
        private final Notifications notifications;
        private final Deadlines deadlines;

        Conclude(Cases cases, Notifications notifications, Deadlines deadlines) {
            super("appeal.conclude", Decision.class);
            this.cases = cases;
            this.notifications = notifications;
            this.deadlines = deadlines;
        }

        @Override
        protected Approved apply(Decision in) {
            long caseId = in.caseId();
            long householdId = cases.householdOf(caseId);
            String comment = in.decisionComment();
            if ("APPROVE".equals(in.decision())) {
                TaskDue due = deadlines.rule("appeal-resurvey");
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("group", "DATA_ENTRY_OPERATOR");
                order.put("updateType", UpdateType.APPEAL.name());
                order.put("days", due.getDays());
                order.put("rule", due.getRule());
                cases.record(caseId, Appeals.SYSTEM, Appeals.RESURVEY_ORDER, order);
                notifications.notify(householdId, caseId, "APPEAL_ACCEPTED", ("Your appeal is accepted: an enumerator will re-survey your household"
                        + (due.getDays() == null ? "" : " within " + due.getDays() + " days")
                        + ", and the new survey decides again. You will be told the new decision."));
                return new Approved(true);
            }
            if (comment.isBlank()) {
                throw new InvalidRequestException("comment", "a rejection needs its reason, which the household is told");
            }
            notifications.notify(householdId, caseId, "APPEAL_REJECTED", "Your appeal is not accepted. The reason: " + comment);
            cases.close(caseId, "REJECTED", comment, Appeals.SYSTEM);
            return new Approved(false);
        }
    }

    /**
     * Step appeal.resurveyed: the operator's APPEAL survey is checked (this household, received after the
     * appeal was lodged), its decision is linked to the case and told to the household in words against
     * the decision appealed, and the case closes RESURVEYED. A household not found, moved or refusing is
     * handled as the Re-survey outcomes table says: another visit, or the appeal lapses.
     */
    @Component
    static class Resurveyed extends TypedStep<Resurvey, ResurveyResult> {
        private final Appeals appeals;
        private final Resurveys resurveys;
        private final Cases cases;
        private final Notifications notifications;

        Resurveyed(Appeals appeals, Resurveys resurveys, Cases cases, Notifications notifications) {
            super("appeal.resurveyed", Resurvey.class);
            this.appeals = appeals;
            this.resurveys = resurveys;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected ResurveyResult apply(Resurvey in) {
            long caseId = in.caseId();
            long householdId = cases.householdOf(caseId);
            String outcome = in.resurveyOutcome();
            long attempts = in.resurveyAttempts() == null ? 0 : in.resurveyAttempts();
            if ("SURVEYED".equals(outcome)) {
                Resurveys.Rescored r = resurveys.check(caseId, in.surveyId(), UpdateType.APPEAL);
                DecisionView appealed = appeals.decision(householdId, in.appealedDecision());
                Map<String, Object> details = new LinkedHashMap<>(r.details());
                details.put("appealedDecision", appealed.id());
                details.put("previousScore", appealed.score());
                cases.record(caseId, Appeals.SYSTEM, "appeal.rescore", details);
                notifications.notify(householdId, caseId, "APPEAL_RESURVEYED", "Your household was re-surveyed after your appeal. "
                        + DecisionWords.of(appealed, r.decision()));
                cases.close(caseId, RESURVEYED, "re-survey " + r.surveyId() + " decided: decision " + r.decision().id() + ", score "
                        + r.decision().score() + (r.eligible() ? ", eligible for the cash transfer" : ", not eligible for the cash transfer"),
                        Appeals.SYSTEM);
                return new ResurveyResult(false, attempts + 1);
            }
            Resurveys.NotSurveyed n = resurveys.notSurveyed(caseId, UpdateType.APPEAL, outcome, in.resurveyComment(),
                    in.surveyedBy());
            if (n.retry()) {
                return new ResurveyResult(true, n.attempt());
            }
            cases.close(caseId, "RESURVEY_" + outcome, n.comment(), Appeals.SYSTEM);
            return new ResurveyResult(false, n.attempt());
        }
    }
}
