package org.dynreg.appeals;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.eligibility.RecordedDecision;
import org.dynreg.eligibility.facts.MemberFacts;
import org.dynreg.registry.Registry;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Deadlines;
import org.dynreg.workflow.WorkflowPolicy;
import org.dynreg.workflow.WorkflowRefusedException;
import org.dynreg.workflow.facts.AppealRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Appeals against the cut-off: lodged with the grounds the household claims, examined against the
 * registry (a claimed ground the registry does not support goes to a caseworker's evidence check),
 * reviewed, decided by a supervisor who did none of the earlier steps, and, when approved, followed by
 * a re-survey whose new decision closes the case and is told to the household.
 */
@Service
public class Appeals {
    static final String PROCESS = "appeal";
    static final String TYPE = "APPEAL";
    static final String SYSTEM = "system";
    /** The history entry that orders the re-survey: an open appeal with it waits for an APPEAL survey. */
    static final String RESURVEY_ORDER = "appeal.resurvey-order";
    /** Outcomes of an appeal a supervisor decided: another appeal waits the Appeals table's days after one of them. */
    static final List<String> DECIDED = List.of("REJECTED", "RESURVEYED", "RESURVEY_NOT_FOUND", "RESURVEY_REFUSED", "RESURVEY_MOVED");

    private final Cases cases;
    private final Eligibility eligibility;
    private final Registry registry;
    private final WorkflowPolicy policy;
    private final Deadlines deadlines;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Appeals(Cases cases, Eligibility eligibility, Registry registry, WorkflowPolicy policy, Deadlines deadlines, JdbcTemplate jdbc,
            Clock clock) {
        this.cases = cases;
        this.eligibility = eligibility;
        this.registry = registry;
        this.policy = policy;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Lodges an appeal for a household that does not receive the cash transfer, within the window the
     * Appeals table sets after its latest decision, with the grounds the household claims (names of
     * {@link AppealRequest#GROUNDS}; an unknown one is refused naming the field). Refused with the reason
     * otherwise: one open appeal per household, and after a decided appeal only once the Appeals table's
     * days have passed.
     */
    @Transactional
    public long lodge(long householdId, String evidence, List<String> grounds, String actor) {
        List<String> claimed = grounds(grounds);
        DecisionView last = latestDecision(householdId);
        AppealRequest request = request(last);
        if (request.isBeneficiary()) {
            throw WorkflowRefusedException.conflict("household " + householdId + " receives the cash transfer; there is no cut-off decision to appeal");
        }
        if (request.getWindowDays() == null) {
            throw WorkflowRefusedException.conflict("the Appeals table lets no appeal be lodged for this household");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate decided = last.decidedAt().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate lastDay = decided.plusDays(request.getWindowDays());
        if (today.isAfter(lastDay)) {
            throw WorkflowRefusedException.invalid("the window for an appeal against decision " + last.id() + " closed on " + lastDay
                    + " (" + request.getWindowDays() + " days after the decision, Appeals table)");
        }
        jdbc.queryForList("select id from household where id = ? for update", Long.class, householdId);
        Integer open = jdbc.queryForObject("select count(*) from workflow_case where household_id = ? and case_type = ? and state = ?",
                Integer.class, householdId, TYPE, Cases.OPEN);
        if (open != null && open > 0) {
            throw WorkflowRefusedException.conflict("household " + householdId + " already has an open appeal");
        }
        refuseWithinWaitingPeriod(householdId, request, today);
        Map<String, Object> vars = new HashMap<>();
        vars.put("reviewDue", deadlines.of("appeal-review"));
        vars.put("decisionDue", deadlines.of("appeal-decision"));
        vars.put("evidenceDue", deadlines.of("appeal-evidence"));
        vars.put("resurveyDue", deadlines.of("appeal-resurvey"));
        vars.put("claimedGrounds", String.join(",", claimed));
        vars.put("lodgedBy", actor);
        vars.put("appealedDecision", last.id());
        vars.put("resurveyAttempts", 0L);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decision", last.id());
        details.put("evidence", evidence == null ? "" : evidence);
        details.put("grounds", claimed);
        details.put("lodgeBy", lastDay.toString());
        return cases.open(TYPE, householdId, PROCESS, vars, actor, details);
    }

    /** The claimed grounds, checked against the names the Grounds for appeal table gives; none claimed is allowed. */
    static List<String> grounds(List<String> grounds) {
        if (grounds == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String g : grounds) {
            if (g == null || !AppealRequest.GROUNDS.contains(g.strip())) {
                throw new InvalidRequestException("grounds", "'" + g + "' is not a ground for appeal; the grounds are " + AppealRequest.GROUNDS);
            }
            out.add(g.strip());
        }
        return List.copyOf(out);
    }

    /** A household whose appeal was decided may appeal again only the Appeals table's days after it was closed. */
    private void refuseWithinWaitingPeriod(long householdId, AppealRequest request, LocalDate today) {
        if (request.getDaysBetweenAppeals() == null) {
            return;
        }
        record Decided(long caseId, LocalDate closedOn) {}
        List<Decided> decided = jdbc.query("select id, closed_at from workflow_case where household_id = ? and case_type = ?"
                + " and state = ? and outcome in (" + String.join(",", DECIDED.stream().map(o -> "?").toList()) + ")"
                + " order by closed_at desc, id desc limit 1", (rs, i) -> new Decided(rs.getLong("id"),
                rs.getTimestamp("closed_at").toInstant().atZone(ZoneOffset.UTC).toLocalDate()), params(householdId, TYPE, Cases.CLOSED, DECIDED));
        if (decided.isEmpty()) {
            return;
        }
        LocalDate possibleFrom = decided.get(0).closedOn().plusDays(request.getDaysBetweenAppeals());
        if (today.isBefore(possibleFrom)) {
            throw WorkflowRefusedException.conflict("household " + householdId + "'s appeal (case " + decided.get(0).caseId() + ") was decided on "
                    + decided.get(0).closedOn() + "; another appeal may be lodged from " + possibleFrom + " (" + request.getDaysBetweenAppeals()
                    + " days after a decided appeal, Appeals table: " + request.getDaysBetweenAppealsRule() + ")");
        }
    }

    private static Object[] params(Object a, Object b, Object c, List<String> rest) {
        List<Object> p = new ArrayList<>(List.of(a, b, c));
        p.addAll(rest);
        return p.toArray();
    }

    /**
     * The open appeal of the household that waits for its re-survey (an APPEAL survey, then the operator's
     * "Re-survey the household" task), if there is one: an open APPEAL case whose history holds the
     * re-survey order ({@value #RESURVEY_ORDER}).
     */
    @Transactional(readOnly = true)
    public Optional<Long> awaitingResurvey(long householdId) {
        return jdbc.queryForList("select c.id from workflow_case c where c.household_id = ? and c.case_type = ? and c.state = ?"
                + " and exists (select 1 from audit_entry a where a.subject = concat('case:', c.id) and a.action = ?)",
                Long.class, householdId, TYPE, Cases.OPEN, RESURVEY_ORDER).stream().findFirst();
    }

    /** The household's latest decision. */
    public DecisionView latestDecision(long householdId) {
        List<DecisionView> decisions = eligibility.decisionsOf(householdId);
        if (decisions.isEmpty()) {
            throw new NotFoundException("household with a decision", householdId);
        }
        return decisions.get(decisions.size() - 1);
    }

    /** One of the household's decisions. */
    DecisionView decision(long householdId, long decisionId) {
        return eligibility.decisionsOf(householdId).stream().filter(d -> d.id() == decisionId).findFirst()
                .orElseThrow(() -> new NotFoundException("decision", decisionId));
    }

    /**
     * Who surveyed the household for a decision: the user who submitted the survey and the operator id the
     * survey names (four eyes: neither may review or decide an appeal against it).
     */
    List<String> surveyors(DecisionView d) {
        return registry.surveysOf(d.householdId()).stream().filter(s -> s.id() == d.surveyId()).findFirst()
                .map(s -> Arrays.asList(s.receivedBy(), s.operatorId())).orElse(List.of());
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

    /** Whether the household was already told that an appeal against this decision cannot be considered. */
    boolean toldNotAdmissible(DecisionView d) {
        Integer n = jdbc.queryForObject("select count(*) from notification where household_id = ? and kind = ? and created_at >= ?",
                Integer.class, d.householdId(), AppealCaseSteps.NOT_ADMISSIBLE_NOTICE, Timestamp.from(d.decidedAt()));
        return n != null && n > 0;
    }

    /** A comma-separated list of the names given in {@code parts} (each itself possibly a list), blanks and repeats left out. */
    static String names(String... parts) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : parts) {
            if (p != null) {
                Arrays.stream(p.split(",")).map(String::strip).filter(n -> !n.isEmpty() && !"null".equals(n)).forEach(out::add);
            }
        }
        return String.join(",", out);
    }
}
