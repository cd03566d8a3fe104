package org.dynreg.appeals;

import org.dynreg.api.NotFoundException;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.eligibility.RecordedDecision;
import org.dynreg.eligibility.facts.MemberFacts;
import org.dynreg.workflow.CaseStep;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Deadlines;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.WorkflowRefusedException;
import org.dynreg.workflow.facts.AppealRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Appeals against the cut-off. */
@Service
public class Appeals {
    static final String PROCESS = "appeal";
    static final String TYPE = "APPEAL";

    private final Cases cases;
    private final Eligibility eligibility;
    private final WorkflowPolicy policy;
    private final Deadlines deadlines;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Appeals(Cases cases, Eligibility eligibility, WorkflowPolicy policy, Deadlines deadlines, JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.eligibility = eligibility;
        this.policy = policy;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Lodges an appeal for a household that does not receive the cash transfer, within the window the
     * Appeals table sets after its latest decision. Refused with the reason otherwise; one open appeal
     * per household.
     */
    @Transactional
    public long lodge(long householdId, String evidence, String actor) {
        List<DecisionView> decisions = eligibility.decisionsOf(householdId);
        if (decisions.isEmpty()) {
            throw new NotFoundException("household with a decision", householdId);
        }
        DecisionView last = decisions.get(decisions.size() - 1);
        AppealRequest request = request(last);
        if (request.isBeneficiary()) {
            throw WorkflowRefusedException.conflict("household " + householdId + " receives the cash transfer; there is no cut-off decision to appeal");
        }
        if (request.getWindowDays() == null) {
            throw WorkflowRefusedException.conflict("the Appeals table lets no appeal be lodged for this household");
        }
        LocalDate decided = last.decidedAt().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate lastDay = decided.plusDays(request.getWindowDays());
        if (LocalDate.now(clock).isAfter(lastDay)) {
            throw WorkflowRefusedException.invalid("the window for an appeal against decision " + last.id() + " closed on " + lastDay
                    + " (" + request.getWindowDays() + " days after the decision, Appeals table)");
        }
        Integer open = jdbc.queryForObject("select count(*) from workflow_case where household_id = ? and case_type = ? and state = ?",
                Integer.class, householdId, TYPE, Cases.OPEN);
        if (open != null && open > 0) {
            throw WorkflowRefusedException.conflict("household " + householdId + " already has an open appeal");
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("reviewDue", deadlines.of("appeal-review"));
        vars.put("decisionDue", deadlines.of("appeal-decision"));
        return cases.open(TYPE, householdId, PROCESS, vars, actor, Map.of("decision", last.id(),
                "evidence", evidence == null ? "" : evidence, "lodgeBy", lastDay.toString()));
    }

    /** The household's latest decision. */
    public DecisionView latestDecision(long householdId) {
        List<DecisionView> decisions = eligibility.decisionsOf(householdId);
        if (decisions.isEmpty()) {
            throw new NotFoundException("household with a decision", householdId);
        }
        return decisions.get(decisions.size() - 1);
    }

    /** The appeal question for a household's decision: points above the cut-off, disability, a widow at the head. */
    public AppealRequest request(DecisionView d) {
        Evaluation.ProgramResult uct = d.programs().stream().filter(p -> p.program().equals(Eligibility.CASH_TRANSFER)).findFirst()
                .orElse(null);
        boolean beneficiary = uct != null && uct.eligible();
        int above = uct == null || uct.cutoff() == null ? 0 : d.score() - uct.cutoff();
        RecordedDecision recorded = eligibility.recorded(d.id()).orElseThrow();
        HouseholdFactsBuilder.Facts facts = recorded.facts();
        boolean widowHead = facts.members().stream().anyMatch(m -> "HEAD".equals(m.getRelation())
                && "FEMALE".equals(m.getGender()) && "WIDOWED".equals(m.getMaritalStatus()));
        boolean disabled = facts.members().stream().anyMatch(MemberFacts::isDisabled);
        return policy.ask(new AppealRequest(beneficiary, above, disabled, widowHead)).answer();
    }

    /** Step appeal.admissibility: the grounds the household meets; none closes the case. */
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
            AppealRequest r = appeals.request(appeals.latestDecision(householdId));
            boolean admissible = !r.getGrounds().isEmpty();
            cases.record(caseId, "system", "appeal.admissibility", Map.of("admissible", admissible, "grounds", r.getGrounds(),
                    "pointsAboveCutoff", r.getPointsAboveCutoff()));
            if (!admissible) {
                String why = "Your appeal cannot be considered: none of the grounds for appeal applies to your household "
                        + "(the score is " + r.getPointsAboveCutoff() + " points above the cut-off).";
                notifications.notify(householdId, caseId, "APPEAL_NOT_ADMISSIBLE", why);
                cases.close(caseId, "NOT_ADMISSIBLE", why, "system");
            }
            return Map.of("admissible", admissible);
        }
    }

    /** Step appeal.conclude: an approved appeal orders a re-survey; a rejected one is recorded with its reason. The household is told. */
    @Component
    static class Conclude implements CaseStep {
        private final Cases cases;
        private final Notifications notifications;

        Conclude(Cases cases, Notifications notifications) {
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        public String name() {
            return "appeal.conclude";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            long householdId = cases.householdOf(caseId);
            String decision = String.valueOf(inputs.get("decision"));
            String comment = inputs.get("decisionComment") == null ? "" : String.valueOf(inputs.get("decisionComment"));
            if ("APPROVE".equals(decision)) {
                String msg = "Your appeal is accepted: an enumerator will re-survey your household, and the new survey decides again. " + comment;
                notifications.notify(householdId, caseId, "APPEAL_ACCEPTED", msg.strip());
                cases.close(caseId, "RESURVEY_ORDERED", comment, "system");
            } else {
                String msg = "Your appeal is not accepted. " + comment;
                notifications.notify(householdId, caseId, "APPEAL_REJECTED", msg.strip());
                cases.close(caseId, "REJECTED", comment, "system");
            }
            return Map.of();
        }
    }

    static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
