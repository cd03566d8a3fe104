package org.dynreg.appeals;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.CaseStep;
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

    static String text(Map<String, Object> inputs, String name) {
        Object v = inputs.get(name);
        return v == null ? "" : String.valueOf(v).strip();
    }

    static long number(Map<String, Object> inputs, String name) {
        return ((Number) inputs.get(name)).longValue();
    }

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
    static class Admissibility implements CaseStep {
        private final Appeals appeals;
        private final Cases cases;
        private final Notifications notifications;

        Admissibility(Appeals appeals, Cases cases, Notifications notifications) {
            this.appeals = appeals;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        public String name() {
            return "appeal.admissibility";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            long householdId = cases.householdOf(caseId);
            DecisionView appealed = appeals.decision(householdId, number(inputs, "appealedDecision"));
            AppealRequest r = appeals.request(appealed);
            List<String> claimed = list(text(inputs, "claimedGrounds"));
            List<String> unsupported = new ArrayList<>(claimed);
            unsupported.removeAll(r.getGroundCodes().keySet());
            boolean admissible = !r.getGroundCodes().isEmpty();
            boolean evidenceNeeded = !admissible && !unsupported.isEmpty();
            String notBy = Appeals.names(text(inputs, "lodgedBy"), String.join(",", appeals.surveyors(appealed)));
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
            return Map.of("admissible", admissible, "evidenceNeeded", evidenceNeeded, "reviewNotBy", notBy);
        }
    }

    /** Step appeal.evidence: the caseworker confirmed the claimed ground (the appeal goes to review) or did not (it is not admissible). */
    @Component
    static class Evidence implements CaseStep {
        private final Appeals appeals;
        private final Cases cases;
        private final Notifications notifications;

        Evidence(Appeals appeals, Cases cases, Notifications notifications) {
            this.appeals = appeals;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        public String name() {
            return "appeal.evidence";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            String comment = text(inputs, "evidenceComment");
            if (comment.isBlank()) {
                throw new InvalidRequestException("comment", "say what evidence was seen for the claimed ground: the comment is required");
            }
            boolean confirmed = "CONFIRMED".equals(text(inputs, "evidenceOutcome"));
            List<String> claimed = list(text(inputs, "claimedGrounds"));
            cases.record(caseId, Appeals.SYSTEM, "appeal.evidence", Map.of("confirmed", confirmed, "claimedGrounds", claimed,
                    "checkedBy", text(inputs, "evidenceCheckedBy")));
            if (!confirmed) {
                long householdId = cases.householdOf(caseId);
                DecisionView appealed = appeals.decision(householdId, number(inputs, "appealedDecision"));
                notAdmissible(appeals, cases, notifications, caseId, appealed, "Your appeal cannot be considered: the evidence for "
                        + String.join(", ", claimed) + " was not confirmed. " + comment);
            }
            return Map.of("admissible", confirmed);
        }
    }

    /** Step appeal.reviewed: the recommendation is recorded; the reviewer joins those who may not decide. */
    @Component
    static class Reviewed implements CaseStep {
        private final Cases cases;

        Reviewed(Cases cases) {
            this.cases = cases;
        }

        @Override
        public String name() {
            return "appeal.reviewed";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            String notBy = Appeals.names(text(inputs, "reviewNotBy"), text(inputs, "reviewedBy"));
            cases.record(caseId, Appeals.SYSTEM, "appeal.review", Map.of("recommendation", text(inputs, "recommendation"),
                    "mayNotDecide", list(notBy)));
            return Map.of("decideNotBy", notBy);
        }
    }

    /**
     * Step appeal.conclude: an approved appeal orders a re-survey from the data-entry operators and the case
     * waits for it; a rejected one needs its reason (refused 422 naming {@code comment} without one), which
     * the household is told, and closes the case.
     */
    @Component
    static class Conclude implements CaseStep {
        private final Cases cases;
        private final Notifications notifications;
        private final Deadlines deadlines;

        Conclude(Cases cases, Notifications notifications, Deadlines deadlines) {
            this.cases = cases;
            this.notifications = notifications;
            this.deadlines = deadlines;
        }

        @Override
        public String name() {
            return "appeal.conclude";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            long householdId = cases.householdOf(caseId);
            String comment = text(inputs, "decisionComment");
            if ("APPROVE".equals(text(inputs, "decision"))) {
                TaskDue due = deadlines.rule("appeal-resurvey");
                Map<String, Object> order = new LinkedHashMap<>();
                order.put("group", "DATA_ENTRY_OPERATOR");
                order.put("updateType", UpdateType.APPEAL.name());
                order.put("days", due.getDays());
                order.put("rule", due.getRule());
                cases.record(caseId, Appeals.SYSTEM, Appeals.RESURVEY_ORDER, order);
                notifications.notify(householdId, caseId, "APPEAL_ACCEPTED", ("Your appeal is accepted: an enumerator will re-survey your household"
                        + (due.getDays() == null ? "" : " within " + due.getDays() + " days")
                        + ", and the new survey decides again. You will be told the new decision. " + comment).strip());
                return Map.of("approved", true);
            }
            if (comment.isBlank()) {
                throw new InvalidRequestException("comment", "a rejection needs its reason, which the household is told");
            }
            notifications.notify(householdId, caseId, "APPEAL_REJECTED", "Your appeal is not accepted. The reason: " + comment);
            cases.close(caseId, "REJECTED", comment, Appeals.SYSTEM);
            return Map.of("approved", false);
        }
    }

    /**
     * Step appeal.resurveyed: the operator's APPEAL survey is checked (this household, received after the
     * appeal was lodged), its decision is linked to the case and told to the household in words against
     * the decision appealed, and the case closes RESURVEYED. A household not found, moved or refusing is
     * handled as the Re-survey outcomes table says: another visit, or the appeal lapses.
     */
    @Component
    static class Resurveyed implements CaseStep {
        private final Appeals appeals;
        private final Resurveys resurveys;
        private final Cases cases;
        private final Notifications notifications;

        Resurveyed(Appeals appeals, Resurveys resurveys, Cases cases, Notifications notifications) {
            this.appeals = appeals;
            this.resurveys = resurveys;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        public String name() {
            return "appeal.resurveyed";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            long householdId = cases.householdOf(caseId);
            String outcome = text(inputs, "resurveyOutcome");
            long attempts = inputs.get("resurveyAttempts") == null ? 0 : number(inputs, "resurveyAttempts");
            if ("SURVEYED".equals(outcome)) {
                Resurveys.Rescored r = resurveys.check(caseId, inputs.get("surveyId"), UpdateType.APPEAL);
                DecisionView appealed = appeals.decision(householdId, number(inputs, "appealedDecision"));
                Map<String, Object> details = new LinkedHashMap<>(r.details());
                details.put("appealedDecision", appealed.id());
                details.put("previousScore", appealed.score());
                cases.record(caseId, Appeals.SYSTEM, "appeal.rescore", details);
                notifications.notify(householdId, caseId, "APPEAL_RESURVEYED", "Your household was re-surveyed after your appeal. "
                        + DecisionWords.of(appealed, r.decision()));
                cases.close(caseId, RESURVEYED, "re-survey " + r.surveyId() + " decided: decision " + r.decision().id() + ", score "
                        + r.decision().score() + (r.eligible() ? ", eligible for the cash transfer" : ", not eligible for the cash transfer"),
                        Appeals.SYSTEM);
                return Map.of("retry", false, "resurveyAttempts", attempts + 1);
            }
            Resurveys.NotSurveyed n = resurveys.notSurveyed(caseId, UpdateType.APPEAL, outcome, text(inputs, "resurveyComment"),
                    text(inputs, "surveyedBy"));
            if (n.retry()) {
                return Map.of("retry", true, "resurveyAttempts", (long) n.attempt());
            }
            cases.close(caseId, "RESURVEY_" + outcome, n.comment(), Appeals.SYSTEM);
            return Map.of("retry", false, "resurveyAttempts", (long) n.attempt());
        }
    }
}
