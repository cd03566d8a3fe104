package org.dynreg.recertification;

import org.dynreg.database.AfterCommit;
import org.dynreg.registry.UpdateType;
import org.dynreg.workflow.TypedStep;
import org.dynreg.workflow.TypedStep.CaseOnly;
import org.dynreg.workflow.TypedStep.None;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Deadlines;
import org.dynreg.workflow.DueUpdates;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.Resurveys;
import org.dynreg.workflow.UpdateDue;
import org.dynreg.workflow.UpdateWindows;
import org.dynreg.workflow.WorkflowRefusedException;
import org.dynreg.workflow.facts.TaskDue;
import org.dynreg.workflow.facts.UpdateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recertification of beneficiaries: a case for every household receiving the cash transfer whose last survey
 * is the Update windows table's months old (opened through {@link Due} by the due-date sweep, org.dynreg.batch),
 * the suspension of the benefit when the Deadlines table's grace period runs out before the re-survey, and the
 * continue-or-exit decision.
 */
@Service
public class Recertifications {
    static final String PROCESS = "recertification";
    static final String TYPE = UpdateType.RECERTIFICATION.name();
    static final String GRACE = "recertification-resurvey";
    static final String SYSTEM = "system";
    static final String CONTINUED = "CONTINUED";
    static final String EXITED = "EXITED";

    private static final Logger log = LoggerFactory.getLogger(Recertifications.class);

    /**
     * Households due on a date: last surveyed on or before the given day, receiving the cash transfer by
     * their latest decision, and without an open recertification case.
     */
    private static final String DUE = "select h.id from household h where h.last_surveyed_on <= ?"
            + " and (select d.cash_transfer_eligible from eligibility_decision d where d.household_id = h.id"
            + "      order by d.decided_at desc, d.id desc limit 1)"
            + " and not exists (select 1 from workflow_case c where c.household_id = h.id and c.case_type = ? and c.state = ?)";

    private final Cases cases;
    private final Deadlines deadlines;
    private final UpdateWindows windows;
    private final Notifications notifications;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    Recertifications(Cases cases, Deadlines deadlines, UpdateWindows windows, Notifications notifications, JdbcTemplate jdbc,
                     PlatformTransactionManager transactions, Clock clock) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.windows = windows;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * What a recertification sweep did: the window it applied (null when the table sets none), the last-survey
     * date it selected up to, how many households were due, how many cases it opened, how many it found opened
     * meanwhile by another sweep, and how many failed (logged; the next sweep tries them again).
     */
    public record SweepResult(LocalDate asOf, Integer monthsAfterLastSurvey, LocalDate lastSurveyedOnOrBefore, int due,
                              int opened, int openedMeanwhile, int failed) {}

    /** A suspension of a household's benefit; {@code liftedAt} and {@code outcome} are set when the case ends it. */
    public record Suspension(long id, long householdId, long caseId, LocalDate suspendedFrom, String reason, Instant suspendedAt,
                             Instant liftedAt, String outcome) {}

    /** The registry's date today, the day a sweep runs for unless told otherwise. */
    public LocalDate today() {
        return windows.today();
    }

    /** The recertification of beneficiaries, as the daily sweep sees it. */
    @Component
    static class Due implements DueUpdates {
        private final Recertifications recertifications;

        Due(Recertifications recertifications) {
            this.recertifications = recertifications;
        }

        @Override
        public String updateType() {
            return TYPE;
        }

        /**
         * The grace period starts when the case opens, so a sweep ahead of the calendar would start it early and
         * suspend households before they fall due: a day after today is refused.
         */
        @Override
        public Optional<UpdateDue> dueOn(LocalDate asOf) {
            return recertifications.dueOn(asOf);
        }

        @Override
        public long countDue(UpdateDue due) {
            return recertifications.jdbc.queryForObject("select count(*) from (" + DUE + ") due", Long.class,
                    due.lastSurveyedOnOrBefore(), TYPE, Cases.OPEN);
        }

        @Override
        public List<Long> dueIn(UpdateDue due, String province, String district, long afterId, int limit) {
            return recertifications.jdbc.queryForList(DUE + " and h.province = ? and h.district = ? and h.id > ? order by h.id limit ?",
                    Long.class, due.lastSurveyedOnOrBefore(), TYPE, Cases.OPEN, province, district, afterId, limit);
        }

        @Override
        public boolean act(long householdId, UpdateDue due, String actor) {
            return Boolean.TRUE.equals(recertifications.ownTransaction.execute(s -> recertifications.openIfDue(householdId, due, actor)));
        }
    }

    Optional<UpdateDue> dueOn(LocalDate asOf) {
        windows.refuseAfterToday(asOf);
        UpdateRequest window = windows.ask(TYPE, true);
        if (window.getMonthsAfterLastSurvey() == null) {
            log.warn("recertification due on {}: the Update windows table sets no recertification window; nothing falls due", asOf);
            return Optional.empty();
        }
        int months = window.getMonthsAfterLastSurvey();
        return Optional.of(new UpdateDue(TYPE, asOf, months, UpdateWindows.lastSurveyDue(asOf, months), window.getRule(),
                deadlines.of(GRACE)));
    }

    /** Locks the household, asks again whether it is due (another sweep may have opened its case) and opens the case. */
    private boolean openIfDue(long householdId, UpdateDue due, String actor) {
        jdbc.queryForList("select id from household where id = ? for update", Long.class, householdId);
        if (jdbc.queryForList(DUE + " and h.id = ?", Long.class, due.lastSurveyedOnOrBefore(), TYPE, Cases.OPEN, householdId).isEmpty()) {
            return false;
        }
        LocalDate surveyed = jdbc.queryForObject("select last_surveyed_on from household where id = ?", LocalDate.class, householdId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("asOf", due.asOf().toString());
        details.put("lastSurveyedOn", String.valueOf(surveyed));
        details.put("monthsAfterLastSurvey", due.monthsAfterLastSurvey());
        details.put("rule", due.rule());
        details.put("gracePeriod", due.gracePeriod());
        long caseId = cases.open(TYPE, householdId, PROCESS, Map.of("resurveyDue", due.gracePeriod()), actor, details);
        TaskDue grace = deadlines.rule(GRACE);
        String suspension = "SUSPEND".equals(grace.getOnExpiry()) && grace.getDays() != null
                ? " If it is not re-surveyed by " + windows.today().plusDays(grace.getDays()) + ", its cash transfer is suspended until it is."
                : "";
        notifyOnce(householdId, caseId, "DUE", surveyed, windows.today(), "RECERTIFICATION_DUE", "Your household is due for "
                + "recertification: its last survey was on " + surveyed + ", " + due.monthsAfterLastSurvey() + " months ago. An enumerator "
                + "will visit to re-survey it; you can also come to your registration centre." + suspension);
        return true;
    }

    /**
     * Tells the household once per kind and due cycle (its last survey date): the row in update_due_notice is written
     * first, so a sweep run twice, restarted, or racing another, tells nobody twice.
     */
    private void notifyOnce(long householdId, long caseId, String kind, LocalDate lastSurveyedOn, LocalDate dueOn, String notice,
                            String message) {
        int inserted = jdbc.update("insert ignore into update_due_notice (household_id, update_type, kind, last_surveyed_on, due_on, "
                + "notified_at) values (?, ?, ?, ?, ?, ?)", householdId, TYPE, kind, lastSurveyedOn, dueOn, Timestamp.from(clock.instant()));
        if (inserted == 1) {
            notifications.notify(householdId, caseId, notice, message);
        }
    }

    /**
     * Open recertification cases whose grace period ends within the Update windows table's warning days, not yet
     * re-surveyed, not suspended and not yet warned for this due cycle.
     */
    private static final String WARN = "select h.id from household h join workflow_case c on c.household_id = h.id"
            + " and c.case_type = ? and c.state = ?"
            + " where h.last_surveyed_on <= ? and c.opened_at < ?"
            + " and not exists (select 1 from benefit_suspension s where s.case_id = c.id and s.lifted_at is null)"
            + " and not exists (select 1 from update_due_notice n where n.household_id = h.id and n.update_type = ?"
            + "                 and n.kind = 'SUSPENSION_WARNING' and n.last_surveyed_on = h.last_surveyed_on)";

    /**
     * The warning before suspension, as the daily sweep sees it: a household whose recertification case has waited
     * the Deadlines table's grace days less the Update windows table's warning days is told, once per due cycle, the
     * day its benefit will be suspended unless it is re-surveyed. Nothing is warned when the table sets no warning
     * days or the grace period does not end in a suspension.
     */
    @Component
    static class SuspensionWarning implements DueUpdates {
        static final String SWEPT = "RECERTIFICATION_WARNING";
        private final Recertifications recertifications;

        SuspensionWarning(Recertifications recertifications) {
            this.recertifications = recertifications;
        }

        @Override
        public String updateType() {
            return SWEPT;
        }

        @Override
        public Optional<UpdateDue> dueOn(LocalDate asOf) {
            recertifications.windows.refuseAfterToday(asOf);
            UpdateRequest window = recertifications.windows.ask(TYPE, true);
            TaskDue grace = recertifications.deadlines.rule(GRACE);
            if (window.getMonthsAfterLastSurvey() == null || window.getSuspensionNoticeDays() == null
                    || !"SUSPEND".equals(grace.getOnExpiry()) || grace.getDays() == null) {
                return Optional.empty();
            }
            int months = window.getMonthsAfterLastSurvey();
            return Optional.of(new UpdateDue(SWEPT, asOf, months, UpdateWindows.lastSurveyDue(asOf, months), window.getRule(),
                    recertifications.deadlines.of(GRACE)));
        }

        /** Cases opened before the end of this day are warned on {@code asOf}. */
        private Timestamp openedBefore(UpdateDue due) {
            int warnAfter = recertifications.deadlines.rule(GRACE).getDays()
                    - recertifications.windows.ask(TYPE, true).getSuspensionNoticeDays();
            return Timestamp.from(due.asOf().minusDays(warnAfter).plusDays(1).atStartOfDay(recertifications.windows.zone()).toInstant());
        }

        @Override
        public long countDue(UpdateDue due) {
            return recertifications.jdbc.queryForObject("select count(*) from (" + WARN + ") due", Long.class, TYPE, Cases.OPEN,
                    due.lastSurveyedOnOrBefore(), openedBefore(due), TYPE);
        }

        @Override
        public List<Long> dueIn(UpdateDue due, String province, String district, long afterId, int limit) {
            return recertifications.jdbc.queryForList(WARN + " and h.province = ? and h.district = ? and h.id > ? order by h.id limit ?",
                    Long.class, TYPE, Cases.OPEN, due.lastSurveyedOnOrBefore(), openedBefore(due), TYPE, province, district, afterId, limit);
        }

        @Override
        public boolean act(long householdId, UpdateDue due, String actor) {
            return Boolean.TRUE.equals(recertifications.ownTransaction.execute(s -> {
                JdbcTemplate jdbc = recertifications.jdbc;
                jdbc.queryForList("select id from household where id = ? for update", Long.class, householdId);
                if (jdbc.queryForList(WARN + " and h.id = ?", Long.class, TYPE, Cases.OPEN, due.lastSurveyedOnOrBefore(), openedBefore(due),
                        TYPE, householdId).isEmpty()) {
                    return false;
                }
                long caseId = jdbc.queryForObject("select id from workflow_case where household_id = ? and case_type = ? and state = ?"
                        + " order by id limit 1", Long.class, householdId, TYPE, Cases.OPEN);
                LocalDate opened = jdbc.queryForObject("select opened_at from workflow_case where id = ?", Timestamp.class, caseId)
                        .toInstant().atZone(recertifications.windows.zone()).toLocalDate();
                LocalDate suspendedFrom = opened.plusDays(recertifications.deadlines.rule(GRACE).getDays());
                LocalDate surveyed = jdbc.queryForObject("select last_surveyed_on from household where id = ?", LocalDate.class, householdId);
                recertifications.notifyOnce(householdId, caseId, "SUSPENSION_WARNING", surveyed, suspendedFrom,
                        "RECERTIFICATION_SUSPENSION_WARNING", "Your household has not yet been re-surveyed for its recertification. "
                                + "Unless it is re-surveyed before " + suspendedFrom + ", its cash transfer is suspended from that day. "
                                + "Come to your registration centre, or be at home when the enumerator visits.");
                recertifications.cases.record(caseId, SYSTEM, "recertification.warn", Map.of("suspendedFrom", suspendedFrom.toString()));
                return true;
            }));
        }
    }

    /** The household's benefit suspensions, newest first. */
    public List<Suspension> suspensionsOf(long householdId) {
        return jdbc.query("select * from benefit_suspension where household_id = ? order by suspended_at desc, id desc",
                (rs, i) -> new Suspension(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("case_id"),
                        rs.getObject("suspended_from", LocalDate.class), rs.getString("reason"),
                        rs.getTimestamp("suspended_at").toInstant(),
                        rs.getTimestamp("lifted_at") == null ? null : rs.getTimestamp("lifted_at").toInstant(), rs.getString("outcome")),
                householdId);
    }

    long suspend(long householdId, long caseId, LocalDate from, String reason) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into benefit_suspension (household_id, case_id, suspended_from, reason, "
                    + "suspended_at) values (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, householdId);
            ps.setLong(2, caseId);
            ps.setObject(3, from);
            ps.setString(4, reason);
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /** Ends the case's suspensions still in force; the outcome says whether the benefit resumes (CONTINUED) or ends (EXITED). */
    int endSuspensions(long caseId, String outcome) {
        return jdbc.update("update benefit_suspension set lifted_at = ?, outcome = ? where case_id = ? and lifted_at is null",
                Timestamp.from(clock.instant()), outcome, caseId);
    }

    /** The re-survey's new decision in words (org.dynreg.workflow.DecisionWords), as the rescoring step handed it on. */
    /** What the rescore step answers: whether the household is still eligible, and its new decision in words. */
    record Rescored(boolean eligible, String reasons) {}

    /** What the continue and exit steps read: the case and the new decision in words. */
    record Decided(long caseId, String reasons) {
        Decided {
            reasons = reasons == null ? "" : reasons;
        }
    }

    /**
     * Step recertification.overdue: the grace period ran out before the re-survey. The Deadlines table
     * says what follows: SUSPEND the benefit until the household is re-surveyed, or ESCALATE to a group.
     */
    @Component
    static class Overdue extends TypedStep<CaseOnly, None> {
        private final Recertifications recertifications;
        private final Deadlines deadlines;
        private final Cases cases;
        private final Notifications notifications;

        Overdue(Recertifications recertifications, Deadlines deadlines, Cases cases, Notifications notifications) {
            super("recertification.overdue", CaseOnly.class);
            this.recertifications = recertifications;
            this.deadlines = deadlines;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected None apply(CaseOnly in) {
            long caseId = in.caseId();
            long householdId = cases.householdOf(caseId);
            TaskDue due = deadlines.rule(GRACE);
            if ("SUSPEND".equals(due.getOnExpiry())) {
                LocalDate from = recertifications.today();
                String reason = "not re-surveyed within " + due.getDays() + " days of falling due for recertification (Deadlines table: "
                        + due.getRule() + ")";
                long id = recertifications.suspend(householdId, caseId, from, reason);
                cases.record(caseId, SYSTEM, "recertification.suspend", Map.of("suspension", id, "suspendedFrom", from.toString(),
                        "days", due.getDays(), "rule", due.getRule()));
                notifications.notify(householdId, caseId, "RECERTIFICATION_SUSPENDED", "Your household was not re-surveyed within "
                        + due.getDays() + " days of falling due for recertification, so its cash transfer is suspended from " + from
                        + ". Please visit your registration centre for the re-survey; the payments resume if the household is still eligible.");
                AfterCommit.run(() -> log.info("case {}: benefit of household {} suspended from {}", caseId, householdId, from));
            } else if ("ESCALATE".equals(due.getOnExpiry())) {
                cases.record(caseId, SYSTEM, "case.escalate", Map.of("reason", "the household was not re-surveyed within the grace period",
                        "escalateTo", String.valueOf(due.getEscalateTo())));
            } else {
                cases.record(caseId, SYSTEM, "recertification.overdue", Map.of("onExpiry", String.valueOf(due.getOnExpiry())));
            }
            return None.NONE;
        }
    }

    /** Step recertification.rescore: the operator's survey is checked and its decision recorded; the process continues or exits on it. */
    @Component
    static class Rescore extends TypedStep<Resurveys.Surveyed, Rescored> {
        private final Resurveys resurveys;
        private final Cases cases;

        Rescore(Resurveys resurveys, Cases cases) {
            super("recertification.rescore", Resurveys.Surveyed.class);
            this.resurveys = resurveys;
            this.cases = cases;
        }

        @Override
        protected Rescored apply(Resurveys.Surveyed in) {
            long caseId = in.caseId();
            Resurveys.Rescored r = resurveys.check(caseId, in.surveyId(), UpdateType.RECERTIFICATION);
            cases.record(caseId, SYSTEM, "recertification.rescore", r.details());
            return new Rescored(r.eligible(), r.words());
        }
    }

    /** Step recertification.continue: still eligible; a suspension is lifted and the household told. */
    @Component
    static class Continue extends TypedStep<Decided, None> {
        private final Recertifications recertifications;
        private final Cases cases;
        private final Notifications notifications;

        Continue(Recertifications recertifications, Cases cases, Notifications notifications) {
            super("recertification.continue", Decided.class);
            this.recertifications = recertifications;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected None apply(Decided in) {
            long caseId = in.caseId();
            long householdId = cases.householdOf(caseId);
            int lifted = recertifications.endSuspensions(caseId, CONTINUED);
            if (lifted > 0) {
                cases.record(caseId, SYSTEM, "recertification.lift", Map.of("suspensions", lifted));
            }
            notifications.notify(householdId, caseId, "RECERTIFIED", "Your household was re-surveyed and remains eligible for the cash transfer"
                    + (lifted > 0 ? "; the suspension of its payments is lifted. " : ". ") + in.reasons());
            cases.close(caseId, CONTINUED, lifted > 0 ? "re-surveyed after the grace period; suspension lifted" : "re-surveyed", SYSTEM);
            return None.NONE;
        }
    }

    /** Step recertification.exit: no longer eligible; the household leaves the programme and is told why. */
    @Component
    static class Exit extends TypedStep<Decided, None> {
        private final Recertifications recertifications;
        private final Cases cases;
        private final Notifications notifications;

        Exit(Recertifications recertifications, Cases cases, Notifications notifications) {
            super("recertification.exit", Decided.class);
            this.recertifications = recertifications;
            this.cases = cases;
            this.notifications = notifications;
        }

        @Override
        protected None apply(Decided in) {
            long caseId = in.caseId();
            long householdId = cases.householdOf(caseId);
            recertifications.endSuspensions(caseId, EXITED);
            notifications.notify(householdId, caseId, "RECERTIFICATION_EXIT",
                    "Your household was re-surveyed and is no longer eligible for the cash transfer; its payments end. " + in.reasons());
            cases.close(caseId, EXITED, "re-surveyed: no longer eligible", SYSTEM);
            return None.NONE;
        }
    }

    /**
     * Step recertification.not-surveyed: the operator could not re-survey the household (NOT_FOUND, REFUSED, MOVED). The
     * Re-survey outcomes table says what follows: RETRY asks for the re-survey again; SUSPEND suspends the benefit
     * (unless a suspension of this case is already in force) and waits for the household; CLOSE ends the case.
     */
    @Component
    static class NotSurveyed extends TypedStep<Resurveys.Report, Resurveys.Retry> {
        private final Recertifications recertifications;
        private final Resurveys resurveys;
        private final Cases cases;

        NotSurveyed(Recertifications recertifications, Resurveys resurveys, Cases cases) {
            super("recertification.not-surveyed", Resurveys.Report.class);
            this.recertifications = recertifications;
            this.resurveys = resurveys;
            this.cases = cases;
        }

        @Override
        protected Resurveys.Retry apply(Resurveys.Report in) {
            long caseId = in.caseId();
            Resurveys.NotSurveyed r = resurveys.notSurveyed(caseId, UpdateType.RECERTIFICATION, in.resurveyOutcome(),
                    in.resurveyComment(), in.surveyedBy());
            if (Resurveys.SUSPEND.equals(r.action()) && recertifications.suspensionsOf(r.householdId()).stream()
                    .noneMatch(s -> s.caseId() == caseId && s.liftedAt() == null)) {
                LocalDate from = recertifications.today();
                long id = recertifications.suspend(r.householdId(), caseId, from, "not re-surveyed: " + r.outcome() + " at attempt "
                        + r.attempt() + " (Re-survey outcomes table: " + r.rule() + ")");
                cases.record(caseId, SYSTEM, "recertification.suspend", Map.of("suspension", id, "suspendedFrom", from.toString(),
                        "outcome", r.outcome(), "rule", r.rule()));
            }
            return resurveys.closeUnlessRetried(r);
        }
    }
}
