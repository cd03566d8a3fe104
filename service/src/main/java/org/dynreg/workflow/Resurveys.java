package org.dynreg.workflow;

import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.registry.Registry;
import org.dynreg.audit.AuditQuery;
import org.dynreg.audit.AuditTrail;
import org.dynreg.registry.SurveyExpectations;
import org.dynreg.registry.SurveySummary;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.facts.ResurveyOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the update types that re-survey a household (appeal, cyclic update, recertification, shock update) share:
 * <ul>
 * <li>a survey of such an update type is accepted only while a case of that type awaits it ({@link #missingCase});
 *     a case awaits its re-survey while one of its open tasks accepts the outcome {@value #SURVEYED};</li>
 * <li>the survey an operator names when completing the re-survey task is checked against the case ({@link #check}):
 *     a survey of this household, of the update type the case needs, received after the case opened (so a survey
 *     made for an earlier case, or before the request, cannot close this one); one that fails is refused with 422
 *     and the task stays open;</li>
 * <li>a re-survey task ended NOT_FOUND, REFUSED or MOVED follows the Re-survey outcomes table ({@link #notSurveyed}).</li>
 * </ul>
 */
@Component
public class Resurveys implements SurveyExpectations {
    /** The outcome of a re-survey task that names the survey; its other outcomes are {@link #NOT_SURVEYED}. */
    public static final String SURVEYED = "SURVEYED";
    public static final Set<String> NOT_SURVEYED = Set.of("NOT_FOUND", "REFUSED", "MOVED");
    public static final String RETRY = "RETRY";
    public static final String CLOSE = "CLOSE";
    public static final String SUSPEND = "SUSPEND";
    static final String NOT_SURVEYED_STEP = "resurvey.not-surveyed";
    private static final Set<UpdateType> RESURVEYED = EnumSet.of(UpdateType.APPEAL, UpdateType.CYCLIC_UPDATE,
            UpdateType.RECERTIFICATION, UpdateType.SHOCK_UPDATE);

    private final Registry registry;
    private final Eligibility eligibility;
    private final Cases cases;
    private final ObjectProvider<Tasks> tasks;
    private final WorkflowPolicy policy;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;

    Resurveys(Registry registry, Eligibility eligibility, Cases cases, ObjectProvider<Tasks> tasks, WorkflowPolicy policy,
              Notifications notifications, AuditTrail audit, JdbcTemplate jdbc) {
        this.registry = registry;
        this.eligibility = eligibility;
        this.cases = cases;
        this.tasks = tasks;
        this.policy = policy;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * A survey of an update type that re-surveys a household needs an open case of that type for the household with
     * a task waiting for it (cyclic update and recertification: from the case's opening; shock update: the re-survey
     * order; appeal: once the appeal is approved and the re-survey ordered).
     */
    @Override
    public Optional<String> missingCase(UpdateType type, long householdId) {
        if (!RESURVEYED.contains(type)) {
            return Optional.empty();
        }
        List<Long> open = jdbc.queryForList("select id from workflow_case where household_id = ? and case_type = ? and state = ? order by id",
                Long.class, householdId, type.name(), Cases.OPEN);
        for (long caseId : open) {
            if (tasks.getObject().ofCase(caseId).stream().anyMatch(t -> t.outcomes().contains(SURVEYED))) {
                return Optional.empty();
            }
        }
        String what = caseName(type);
        if (!open.isEmpty()) {
            return Optional.of("the open " + what + " case " + open.get(0) + " of household " + householdId
                    + " is not waiting for a re-survey yet; a " + type + " survey is accepted once its re-survey task is open");
        }
        return Optional.of("no open " + what + " case awaits a " + type + " survey of household " + householdId + "; " + howToOpen(type));
    }

    private static String caseName(UpdateType type) {
        return switch (type) {
            case CYCLIC_UPDATE -> "cyclic-update";
            case SHOCK_UPDATE -> "shock-update";
            default -> type.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    private static String howToOpen(UpdateType type) {
        return switch (type) {
            case CYCLIC_UPDATE -> "open one with POST /api/updates/cyclic (the household asks for its cyclic update)";
            case RECERTIFICATION -> "the due-date sweep opens one when the household falls due (POST /api/sweeps/recertification)";
            case SHOCK_UPDATE -> "a shock declared over the household's area orders its re-survey (POST /api/shocks)";
            case APPEAL -> "an appeal lodged with POST /api/appeals orders a re-survey when it is approved";
            default -> "open its case first";
        };
    }

    /**
     * What follows a re-survey task ended {@code outcome} (NOT_FOUND, REFUSED or MOVED): the Re-survey outcomes table,
     * asked with the update type, the outcome and the attempt (this one included), says RETRY, CLOSE or SUSPEND and
     * what the household is told. The report, the attempt and the table's answer go into the case's history; the
     * household is told. A comment is required (422 naming {@code comment}): the reason the household could not be
     * re-surveyed. The caller does the update type's part of the action (closing the case, suspending the benefit).
     */
    public NotSurveyed notSurveyed(long caseId, UpdateType type, Object outcome, Object comment, String actor) {
        String reported = outcome == null ? "" : String.valueOf(outcome);
        if (!NOT_SURVEYED.contains(reported)) {
            throw new IllegalStateException("outcome " + reported + " is not one of " + NOT_SURVEYED);
        }
        String reason = comment == null ? "" : String.valueOf(comment).strip();
        if (reason.isEmpty()) {
            throw WorkflowRefusedException.invalid("comment: a comment is required when the re-survey ends " + reported
                    + ": say why the household could not be re-surveyed (who was met, where it went)");
        }
        long householdId = cases.householdOf(caseId);
        int attempt = audit.entries(new AuditQuery(Cases.subject(caseId), null, NOT_SURVEYED_STEP, null, null, null, null, 1000)).size() + 1;
        PolicyAnswer<ResurveyOutcome> answer = policy.ask(new ResurveyOutcome(type.name(), reported, attempt));
        ResurveyOutcome r = answer.answer();
        if (r.getAction() == null) {
            throw new IllegalStateException("the Re-survey outcomes table has no row for " + type + " " + reported + " attempt " + attempt);
        }
        Map<String, Object> details = new HashMap<>();
        details.put("outcome", reported);
        details.put("attempt", attempt);
        details.put("action", r.getAction());
        details.put("rule", r.getRule());
        details.put("policyVersion", answer.policyVersion());
        cases.record(caseId, actor, NOT_SURVEYED_STEP, details);
        if (r.getNotice() != null && !r.getNotice().isBlank()) {
            notifications.notify(householdId, caseId, type.name() + "_" + reported, r.getNotice());
        }
        return new NotSurveyed(caseId, householdId, reported, reason, attempt, r.getAction(), r.getRule());
    }

    /**
     * The notice kinds of an update type that re-surveys households: its own, and the one {@link #notSurveyed} sends for
     * each report of a re-survey that did not happen ({@code <TYPE>_NOT_FOUND}, {@code _REFUSED}, {@code _MOVED}).
     */
    public static Set<String> withNotSurveyed(UpdateType type, String... own) {
        Set<String> kinds = new java.util.TreeSet<>(List.of(own));
        NOT_SURVEYED.forEach(outcome -> kinds.add(type.name() + "_" + outcome));
        return Set.copyOf(kinds);
    }

    /** What a step that records a re-survey reads: its case and the survey the operator named. */
    public record Surveyed(long caseId, Object surveyId) {}

    /** What a step that follows a re-survey that did not happen reads: the report, its reason and who made it. */
    public record Report(long caseId, String resurveyOutcome, String resurveyComment, String surveyedBy) {}

    /** Whether the process asks for the re-survey again. */
    public record Retry(boolean retry) {}

    /**
     * What the process does next after a re-survey that did not happen: the case closes with the reported outcome
     * unless the table asked for the re-survey again ({@link NotSurveyed#retry()}).
     */
    public Retry closeUnlessRetried(NotSurveyed r) {
        if (!r.retry()) {
            cases.close(r.caseId(), r.outcome(), r.comment() + " (attempt " + r.attempt() + "; " + r.rule() + ")", Tasks.ENGINE);
        }
        return new Retry(r.retry());
    }

    /** A re-survey that did not happen, with the table's answer: {@link #RETRY}, {@link #CLOSE} or {@link #SUSPEND}. */
    public record NotSurveyed(long caseId, long householdId, String outcome, String comment, int attempt, String action, String rule) {

        /** Whether the re-survey task is asked again (RETRY, and SUSPEND, which waits for the household with its benefit held). */
        public boolean retry() {
            return !CLOSE.equals(action);
        }
    }

    /** The re-survey's decision: what the household's new survey decided, and the decision before it (null: none). */
    public record Rescored(long caseId, long householdId, long surveyId, DecisionView decision, DecisionView previous) {

        /** The new decision in the words the household is told, with what changed since the one before. */
        public String words() {
            return DecisionWords.of(previous, decision);
        }

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
    }

    public Rescored check(long caseId, Object surveyIdInput, UpdateType expected) {
        long householdId = cases.householdOf(caseId);
        long surveyId = surveyId(surveyIdInput, expected);
        SurveySummary survey = registry.surveysOf(householdId).stream().filter(s -> s.id() == surveyId).findFirst()
                .orElseThrow(() -> WorkflowRefusedException.invalid("survey " + surveyId + " is not a survey of household " + householdId));
        if (!expected.name().equals(survey.updateType())) {
            throw WorkflowRefusedException.invalid("survey " + surveyId + " is of update type " + survey.updateType()
                    + "; this case needs a survey of update type " + expected);
        }
        Instant opened = jdbc.queryForObject("select opened_at from workflow_case where id = ?", Timestamp.class, caseId).toInstant();
        if (!survey.receivedAt().isAfter(opened)) {
            throw WorkflowRefusedException.invalid("survey " + surveyId + " was received at " + survey.receivedAt()
                    + ", before case " + caseId + " opened at " + opened + "; submit the re-survey made for this case");
        }
        return new Rescored(caseId, householdId, surveyId, decisionOf(householdId, surveyId), previousOf(householdId, surveyId));
    }

    /** The decision made on a survey (the latest, should it have been decided again). */
    public DecisionView decisionOf(long householdId, long surveyId) {
        List<DecisionView> decisions = eligibility.decisionsOf(householdId).stream().filter(d -> d.surveyId() == surveyId).toList();
        if (decisions.isEmpty()) {
            throw new IllegalStateException("survey " + surveyId + " has no decision; every stored survey is decided when it is stored");
        }
        return decisions.get(decisions.size() - 1);
    }

    /** The household's decision before the first one made on a survey: what the household was told before the re-survey. */
    public DecisionView previousOf(long householdId, long surveyId) {
        DecisionView previous = null;
        for (DecisionView d : eligibility.decisionsOf(householdId)) {
            if (d.surveyId() == surveyId) {
                return previous;
            }
            previous = d;
        }
        return previous;
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
