package org.dynreg.cyclic;

import org.dynreg.api.NotFoundException;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.registry.HouseholdView;
import org.dynreg.registry.Registry;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.DueUpdates;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.TypedStep;
import org.dynreg.workflow.TypedStep.None;
import org.dynreg.workflow.UpdateDue;
import org.dynreg.workflow.UpdateWindows;
import org.dynreg.workflow.WorkflowRefusedException;
import org.dynreg.workflow.facts.UpdateRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cyclic updates: a household that does not receive the cash transfer may update its socio-economic
 * status once the Update windows table's months have passed since its last survey; the due-date sweep
 * tells it so ({@link Due}).
 */
@Service
public class CyclicUpdates {
    static final String PROCESS = "cyclicUpdate";
    static final String TYPE = UpdateType.CYCLIC_UPDATE.name();
    static final String SYSTEM = "system";

    private final Cases cases;
    private final Registry registry;
    private final Eligibility eligibility;
    private final UpdateWindows windows;
    private final JdbcTemplate jdbc;

    CyclicUpdates(Cases cases, Registry registry, Eligibility eligibility, UpdateWindows windows, JdbcTemplate jdbc) {
        this.cases = cases;
        this.registry = registry;
        this.eligibility = eligibility;
        this.windows = windows;
        this.jdbc = jdbc;
    }

    /**
     * Opens a cyclic update case. Refused: a household receiving the cash transfer (409: it is
     * recertified instead), one with an open cyclic update (409), a request before the window opens
     * (422, naming the first day it may be made).
     */
    @Transactional
    public long request(long householdId, String actor) {
        // the household's row is the lock that keeps two requests from both finding no open case
        List<Long> locked = jdbc.queryForList("select id from household where id = ? for update", Long.class, householdId);
        if (locked.isEmpty()) {
            throw new NotFoundException("household", householdId);
        }
        List<DecisionView> decisions = eligibility.decisionsOf(householdId);
        if (decisions.isEmpty()) {
            throw new NotFoundException("household with a decision", householdId);
        }
        boolean beneficiary = UpdateWindows.receivesCashTransfer(decisions.get(decisions.size() - 1));
        UpdateRequest window = windows.ask(TYPE, beneficiary);
        if (window.getMonthsAfterLastSurvey() == null) {
            if (beneficiary) {
                Integer every = windows.ask(UpdateType.RECERTIFICATION.name(), true).getMonthsAfterLastSurvey();
                throw WorkflowRefusedException.conflict("household " + householdId + " receives the cash transfer: it is re-surveyed by "
                        + "recertification" + (every == null ? "" : " every " + every + " months") + ", not by a cyclic update");
            }
            throw WorkflowRefusedException.conflict("the Update windows table allows no cyclic update for household " + householdId);
        }
        Integer open = jdbc.queryForObject("select count(*) from workflow_case where household_id = ? and case_type = ? and state = ?",
                Integer.class, householdId, TYPE, Cases.OPEN);
        if (open != null && open > 0) {
            throw WorkflowRefusedException.conflict("household " + householdId + " already has an open cyclic update");
        }
        HouseholdView household = registry.household(householdId, false).orElseThrow(() -> new NotFoundException("household", householdId));
        int months = window.getMonthsAfterLastSurvey();
        LocalDate possibleFrom = UpdateWindows.possibleFrom(household.lastSurveyedOn(), months);
        if (windows.today().isBefore(possibleFrom)) {
            throw WorkflowRefusedException.invalid("a cyclic update of household " + householdId + " is possible from " + possibleFrom
                    + ", " + months + " months after its last survey on " + household.lastSurveyedOn()
                    + " (Update windows table: " + window.getRule() + ")");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("lastSurveyedOn", household.lastSurveyedOn().toString());
        details.put("monthsAfterLastSurvey", months);
        details.put("possibleFrom", possibleFrom.toString());
        details.put("rule", window.getRule());
        return cases.open(TYPE, householdId, PROCESS, Map.of(), actor, details);
    }

    /**
     * Non-beneficiaries whose cyclic update is due on a date: last surveyed on or before the given day, not receiving
     * the cash transfer by their latest decision, without an open cyclic update, and not yet told for this due cycle
     * (the cycle is counted from the last survey date, so a new survey starts a new one).
     */
    private static final String DUE = "select h.id from household h where h.last_surveyed_on <= ?"
            + " and not (select d.cash_transfer_eligible from eligibility_decision d where d.household_id = h.id"
            + "          order by d.decided_at desc, d.id desc limit 1)"
            + " and not exists (select 1 from workflow_case c where c.household_id = h.id and c.case_type = ? and c.state = ?)"
            + " and not exists (select 1 from update_due_notice n where n.household_id = h.id and n.update_type = ?"
            + "                 and n.kind = 'DUE' and n.last_surveyed_on = h.last_surveyed_on)";

    /**
     * The cyclic update as the daily sweep sees it: a household whose window opens within the Update windows table's
     * notice days (or has opened) is told, once per due cycle, from which day it may ask for the update. The household asks; the sweep opens no case, since an update the
     * household did not ask for would send an operator to a household that may not want to be re-surveyed.
     */
    @Component
    static class Due implements DueUpdates {
        static final String NOTICE = "CYCLIC_UPDATE_DUE";

        private final UpdateWindows windows;
        private final JdbcTemplate jdbc;
        private final Notifications notifications;
        private final TransactionTemplate ownTransaction;
        private final Clock clock;

        Due(UpdateWindows windows, JdbcTemplate jdbc, Notifications notifications, PlatformTransactionManager transactions, Clock clock) {
            this.windows = windows;
            this.jdbc = jdbc;
            this.notifications = notifications;
            this.ownTransaction = new TransactionTemplate(transactions);
            this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            this.clock = clock;
        }

        @Override
        public String updateType() {
            return TYPE;
        }

        @Override
        public Optional<UpdateDue> dueOn(LocalDate asOf) {
            windows.refuseAfterToday(asOf);
            UpdateRequest window = windows.ask(TYPE, false);
            if (window.getMonthsAfterLastSurvey() == null) {
                return Optional.empty();
            }
            int months = window.getMonthsAfterLastSurvey();
            int lead = window.getDueNoticeDays() == null ? 0 : window.getDueNoticeDays();
            return Optional.of(new UpdateDue(TYPE, asOf, months, UpdateWindows.lastSurveyDue(asOf.plusDays(lead), months), window.getRule(),
                    null));
        }

        @Override
        public long countDue(UpdateDue due) {
            return jdbc.queryForObject("select count(*) from (" + DUE + ") due", Long.class, due.lastSurveyedOnOrBefore(), TYPE,
                    Cases.OPEN, TYPE);
        }

        @Override
        public List<Long> dueIn(UpdateDue due, String province, String district, long afterId, int limit) {
            return jdbc.queryForList(DUE + " and h.province = ? and h.district = ? and h.id > ? order by h.id limit ?", Long.class,
                    due.lastSurveyedOnOrBefore(), TYPE, Cases.OPEN, TYPE, province, district, afterId, limit);
        }

        /** Locks the household, asks again whether it is due and not yet told, then records the notice and tells it. */
        @Override
        public boolean act(long householdId, UpdateDue due, String actor) {
            return Boolean.TRUE.equals(ownTransaction.execute(s -> {
                jdbc.queryForList("select id from household where id = ? for update", Long.class, householdId);
                if (jdbc.queryForList(DUE + " and h.id = ?", Long.class, due.lastSurveyedOnOrBefore(), TYPE, Cases.OPEN, TYPE,
                        householdId).isEmpty()) {
                    return false;
                }
                LocalDate surveyed = jdbc.queryForObject("select last_surveyed_on from household where id = ?", LocalDate.class, householdId);
                LocalDate from = UpdateWindows.possibleFrom(surveyed, due.monthsAfterLastSurvey());
                jdbc.update("insert into update_due_notice (household_id, update_type, kind, last_surveyed_on, due_on, notified_at) "
                        + "values (?, ?, 'DUE', ?, ?, ?)", householdId, TYPE, surveyed, from, Timestamp.from(clock.instant()));
                notifications.notify(householdId, null, NOTICE, "Your household may update its information from " + from + ", "
                        + due.monthsAfterLastSurvey() + " months after its last survey on " + surveyed
                        + ". From that day, ask at your registration centre for a cyclic update.");
                return true;
            }));
        }
    }

    /** Step cyclicUpdate.rescore: the operator's survey is checked, its decision recorded, the household told, the case closed. */
    @Component
    static class Rescore extends TypedStep<Resurveys.Surveyed, None> {
        private final Resurveys resurveys;
        private final Cases cases;
        private final Notifications notifications;

        Rescore(Resurveys resurveys, Cases cases, Notifications notifications) {
            super("cyclicUpdate.rescore", Resurveys.Surveyed.class);
            this.resurveys = resurveys;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected None apply(Resurveys.Surveyed in) {
            long caseId = in.caseId();
            Resurveys.Rescored r = resurveys.check(caseId, in.surveyId(), UpdateType.CYCLIC_UPDATE);
            cases.record(caseId, SYSTEM, "cyclicUpdate.rescore", r.details());
            notifications.notify(r.householdId(), caseId, "CYCLIC_UPDATE_RESCORED",
                    "Your household's information was updated from its new survey. " + r.words());
            String outcome = r.eligible() ? "RESCORED_ELIGIBLE" : "RESCORED_NOT_ELIGIBLE";
            cases.close(caseId, outcome, "survey " + r.surveyId() + ": score " + r.decision().score(), SYSTEM);
            return None.NONE;
        }
    }

    /**
     * Step cyclicUpdate.not-surveyed: the operator could not re-survey the household (NOT_FOUND, REFUSED, MOVED); the
     * Re-survey outcomes table says whether the task is asked again or the case closes with that outcome.
     */
    @Component
    static class NotSurveyed extends TypedStep<Resurveys.Report, Resurveys.Retry> {
        private final Resurveys resurveys;

        NotSurveyed(Resurveys resurveys) {
            super("cyclicUpdate.not-surveyed", Resurveys.Report.class);
            this.resurveys = resurveys;
        }

        @Override
        protected Resurveys.Retry apply(Resurveys.Report in) {
            long caseId = in.caseId();
            Resurveys.NotSurveyed r = resurveys.notSurveyed(caseId, UpdateType.CYCLIC_UPDATE, in.resurveyOutcome(),
                    in.resurveyComment(), in.surveyedBy());
            return resurveys.closeUnlessRetried(r);
        }
    }
}
