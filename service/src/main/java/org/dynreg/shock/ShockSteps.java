package org.dynreg.shock;

import org.dynreg.eligibility.DecisionView;
import org.dynreg.registry.Registry;
import org.dynreg.registry.SurveySummary;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.TypedStep;
import org.dynreg.workflow.TypedStep.None;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.DecisionWords;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.PolicyAnswer;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.WorkflowRefusedException;
import org.dynreg.workflow.facts.ShockHousehold;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The automated steps of processes/shockUpdate.bpmn. */
final class ShockSteps {
    static final String ENGINE = "system";

    private ShockSteps() {
    }

    /**
     * Step shock.check-resurvey: the survey an operator reports is the household's own SHOCK_UPDATE
     * survey, received after the declaration. Otherwise the step throws, the engine's transaction rolls
     * back and the completion is refused (422) with the task still open.
     */
    @Component
    static class CheckResurvey extends TypedStep<Resurveys.Surveyed, None> {
        private final ShockRecords records;
        private final Registry registry;

        CheckResurvey(ShockRecords records, Registry registry) {
            super("shock.check-resurvey", Resurveys.Surveyed.class);
            this.records = records;
            this.registry = registry;
        }

        @Override
        protected None apply(Resurveys.Surveyed in) {
            long caseId = in.caseId();
            ShockRecords.Order order = records.byCase(caseId);
            Object given = in.surveyId();
            if (given == null) {
                throw WorkflowRefusedException.invalid("outcome SURVEYED needs data.surveyId: the id of the SHOCK_UPDATE survey "
                        + "submitted for household " + order.householdId());
            }
            long surveyId = number(given);
            SurveySummary survey = registry.surveysOf(order.householdId()).stream().filter(s -> s.id() == surveyId).findFirst()
                    .orElseThrow(() -> WorkflowRefusedException.invalid("survey " + surveyId + " is not a survey of household "
                            + order.householdId()));
            if (!UpdateType.SHOCK_UPDATE.name().equals(survey.updateType())) {
                throw WorkflowRefusedException.invalid("survey " + surveyId + " is a " + survey.updateType()
                        + " survey; the re-survey after a shock is submitted with updateType SHOCK_UPDATE");
            }
            ShockRecords.Shock shock = records.shock(order.shockId());
            if (survey.receivedAt().isBefore(shock.declaredAt())) {
                throw WorkflowRefusedException.invalid("survey " + surveyId + " was received at " + survey.receivedAt()
                        + ", before shock " + shock.id() + " was declared at " + shock.declaredAt());
            }
            return None.NONE;
        }
    }

    /**
     * Step shock.rescore: the decision made on the re-survey is the household's new score; the Shock
     * response table, asked with it, names the household for emergency assistance or not. Recorded in
     * the case's history, told to the household, and the case is closed ASSISTANCE or NO_ASSISTANCE.
     */
    @Component
    static class Rescore extends TypedStep<Resurveys.Surveyed, None> {
        private final ShockRecords records;
        private final Resurveys resurveys;
        private final WorkflowPolicy policy;
        private final Cases cases;
        private final Notifications notifications;

        Rescore(ShockRecords records, Resurveys resurveys, WorkflowPolicy policy, Cases cases, Notifications notifications) {
            super("shock.rescore", Resurveys.Surveyed.class);
            this.records = records;
            this.resurveys = resurveys;
            this.policy = policy;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected None apply(Resurveys.Surveyed in) {
            long caseId = in.caseId();
            long surveyId = number(in.surveyId());
            ShockRecords.Order order = records.byCase(caseId);
            DecisionView decision = resurveys.decisionOf(order.householdId(), surveyId);
            PolicyAnswer<ShockHousehold> answer = policy.ask(new ShockHousehold(decision.score(), true));
            Long amount = answer.answer().getAssistancePkr();
            String rule = answer.answer().getAssistanceRule();
            records.rescored(caseId, surveyId, decision.score(), amount, rule, answer.policyVersion());

            Map<String, Object> details = new HashMap<>();
            details.put("survey", surveyId);
            details.put("decision", decision.id());
            details.put("scoreBefore", order.scoreBefore());
            details.put("scoreAfter", decision.score());
            details.put("assistancePkr", amount == null ? 0 : amount);
            details.put("rule", rule == null ? "" : rule);
            details.put("policyVersion", answer.policyVersion());
            cases.record(caseId, ENGINE, "shock.rescore", details);

            ShockRecords.Shock shock = records.shock(order.shockId());
            String after = "After the re-survey following the " + what(shock) + ": "
                    + DecisionWords.of(resurveys.previousOf(order.householdId(), surveyId), decision) + " ";
            if (amount != null) {
                String msg = after + "Your household is named for emergency assistance of PKR " + String.format(Locale.ROOT, "%,d", amount)
                        + " (" + rule + ").";
                notifications.notify(order.householdId(), caseId, "SHOCK_ASSISTANCE", msg);
                cases.close(caseId, "ASSISTANCE", "PKR " + amount + ": " + rule, ENGINE);
            } else {
                String msg = after + "The shock response policy names no emergency assistance for a household with this score.";
                notifications.notify(order.householdId(), caseId, "SHOCK_NO_ASSISTANCE", msg);
                cases.close(caseId, "NO_ASSISTANCE", "the Shock response table names no assistance for a score of " + decision.score(), ENGINE);
            }
            return None.NONE;
        }
    }

    /**
     * Step shock.not-reached: the operator could not re-survey the household (NOT_FOUND, REFUSED, MOVED); the Re-survey
     * outcomes table says whether the order is given again or the case closes with that outcome, and what the
     * household is told.
     */
    @Component
    static class NotReached extends TypedStep<Resurveys.Report, Resurveys.Retry> {
        private final Resurveys resurveys;

        NotReached(Resurveys resurveys) {
            super("shock.not-reached", Resurveys.Report.class);
            this.resurveys = resurveys;
        }

        @Override
        protected Resurveys.Retry apply(Resurveys.Report in) {
            long caseId = in.caseId();
            Resurveys.NotSurveyed r = resurveys.notSurveyed(caseId, UpdateType.SHOCK_UPDATE, in.resurveyOutcome(),
                    in.resurveyComment(), in.surveyedBy());
            return resurveys.closeUnlessRetried(r);
        }
    }

    static String what(ShockRecords.Shock shock) {
        return shock.kind().toLowerCase(Locale.ROOT).replace('_', ' ') + " that began on " + shock.startsOn();
    }

    /** Process variables and task data arrive as Long, Integer or text, depending on where they were set. */
    static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw WorkflowRefusedException.invalid("'" + value + "' is not an id");
        }
    }
}
