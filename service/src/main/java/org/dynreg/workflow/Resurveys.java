package org.dynreg.workflow;

import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.registry.Registry;
import org.dynreg.registry.SurveySummary;
import org.dynreg.registry.UpdateType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The survey an operator names when completing a re-survey task, checked against the case: a survey of
 * this household, of the update type the case needs, received after the case opened (so a survey made
 * for an earlier case, or before the request, cannot close this one). A survey that fails is refused
 * with 422 and the task stays open. Every update type that waits for a re-survey (cyclic update,
 * recertification, appeal) checks it here.
 */
@Component
public class Resurveys {
    private final Registry registry;
    private final Eligibility eligibility;
    private final Cases cases;
    private final JdbcTemplate jdbc;

    Resurveys(Registry registry, Eligibility eligibility, Cases cases, JdbcTemplate jdbc) {
        this.registry = registry;
        this.eligibility = eligibility;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    /** The re-survey's decision: what the household's new survey decided. */
    public record Rescored(long caseId, long householdId, long surveyId, DecisionView decision) {

        public boolean eligible() {
            return uct() != null && uct().eligible();
        }

        public Evaluation.ProgramResult uct() {
            return decision.programs().stream().filter(p -> p.program().equals(Eligibility.CASH_TRANSFER)).findFirst().orElse(null);
        }

        /** For the case history: ids and numbers, never personal data. */
        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("surveyId", surveyId);
            d.put("decision", decision.id());
            d.put("score", decision.score());
            d.put("uctEligible", eligible());
            d.put("cutoff", uct() == null ? null : uct().cutoff());
            d.put("policyVersion", decision.policyVersion());
            return d;
        }

        /** The decision's reasons, as they are written: to be read to the household. */
        public String reasons() {
            return String.join(" ", decision.reasons());
        }
    }

    /** The survey a re-survey task names ({@code surveyId}), checked against the case; refused with 422 when it does not fit. */
    public Rescored check(long caseId, Object surveyIdInput, UpdateType expected) {
        long householdId = cases.householdOf(caseId);
        long surveyId = surveyId(surveyIdInput, expected);
        SurveySummary survey = registry.surveysOf(householdId).stream().filter(s -> s.id() == surveyId).findFirst()
                .orElseThrow(() -> WorkflowRefusedException.invalid("survey " + surveyId + " is not a survey of household " + householdId));
        if (!expected.name().equals(survey.updateType())) {
            throw WorkflowRefusedException.invalid("survey " + surveyId + " is a " + survey.updateType() + " survey; this case needs a "
                    + expected + " survey");
        }
        Instant opened = jdbc.queryForObject("select opened_at from workflow_case where id = ?", Timestamp.class, caseId).toInstant();
        if (!survey.receivedAt().isAfter(opened)) {
            throw WorkflowRefusedException.invalid("survey " + surveyId + " was received at " + survey.receivedAt()
                    + ", before case " + caseId + " opened at " + opened + "; submit the re-survey made for this case");
        }
        List<DecisionView> decisions = eligibility.decisionsOf(householdId).stream().filter(d -> d.surveyId() == surveyId).toList();
        if (decisions.isEmpty()) {
            throw new IllegalStateException("survey " + surveyId + " has no decision; every stored survey is decided when it is stored");
        }
        return new Rescored(caseId, householdId, surveyId, decisions.get(decisions.size() - 1));
    }

    private static long surveyId(Object input, UpdateType expected) {
        if (input instanceof Number n) {
            return n.longValue();
        }
        if (input instanceof String s && s.matches("\\d{1,18}")) {
            return Long.parseLong(s);
        }
        throw WorkflowRefusedException.invalid("data.surveyId is required: the id of the " + expected
                + " survey submitted with POST /api/surveys for this household");
    }
}
