package org.dynreg.workflow;

import org.dynreg.api.NotFoundException;
import org.dynreg.audit.AuditQuery;
import org.dynreg.audit.AuditTrail;
import org.dynreg.database.AfterCommit;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.Processes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cases: one per run of an update type's process. A case is opened with its process, closed by its
 * process's last step, and every step of it goes into the audit trail under {@code case:<id>}.
 */
@Service
public class Cases {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    private static final Logger log = LoggerFactory.getLogger(Cases.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Processes> processes;
    private final AuditTrail audit;
    private final Eligibility eligibility;
    private final Clock clock;
    private final ObjectProvider<Tasks> tasks;

    Cases(JdbcTemplate jdbc, ObjectProvider<Processes> processes, AuditTrail audit, Eligibility eligibility, Clock clock,
          ObjectProvider<Tasks> tasks) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.audit = audit;
        this.eligibility = eligibility;
        this.clock = clock;
        this.tasks = tasks;
    }

    record CaseRow(long id, String caseType, Long householdId, String processId, String processInstanceId, String state,
                   String outcome, String outcomeReason, String openedBy, Instant openedAt, Instant closedAt) {}

    /** Opens a case and starts its process with the case id and the given variables, in one transaction. */
    @Transactional
    public long open(String caseType, Long householdId, String processId, Map<String, Object> variables, String actor,
                     Map<String, Object> details) {
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into workflow_case (case_type, household_id, process_id, state, "
                    + "opened_by, opened_at) values (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, caseType);
            ps.setObject(2, householdId);
            ps.setString(3, processId);
            ps.setString(4, OPEN);
            ps.setString(5, actor);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps;
        }, key);
        long caseId = Objects.requireNonNull(key.getKey()).longValue();
        Map<String, Object> audited = new HashMap<>(details);
        audited.put("caseType", caseType);
        if (householdId != null) {
            audited.put("householdId", householdId);
        }
        audit.record(actor, "case.open", subject(caseId), audited);
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put("caseId", caseId);
        if (householdId != null) {
            vars.put("householdId", householdId);
        }
        Process<? extends Model> process = processes.getObject().processById(processId);
        if (process == null) {
            throw new IllegalStateException("no process '" + processId + "' is deployed in this service");
        }
        Model model = process.createModel();
        model.fromMap(vars);
        ProcessInstance<? extends Model> instance = process.createInstance(model);
        instance.start();
        jdbc.update("update workflow_case set process_instance_id = ? where id = ?", instance.id(), caseId);
        AfterCommit.run(() -> log.info("case {} ({}) opened by {} for household {}", caseId, caseType, actor, householdId));
        return caseId;
    }

    /** Closes a case with its outcome; called by the process's last step. */
    @Transactional
    public void close(long caseId, String outcome, String reason, String actor) {
        int n = jdbc.update("update workflow_case set state = ?, outcome = ?, outcome_reason = ?, closed_at = ?, version = version + 1 "
                + "where id = ? and state = ?", CLOSED, outcome, reason, Timestamp.from(clock.instant()), caseId, OPEN);
        if (n == 0) {
            throw WorkflowRefusedException.conflict("case " + caseId + " is already closed");
        }
        audit.record(actor, "case.close", subject(caseId), Map.of("outcome", outcome, "reason", reason == null ? "" : reason));
        AfterCommit.run(() -> log.info("case {} closed: {}", caseId, outcome));
    }

    /** Records a step of a case in the audit trail (the case's history). */
    public void record(long caseId, String actor, String action, Map<String, ?> details) {
        audit.record(actor, action, subject(caseId), details);
    }

    CaseRow row(long caseId) {
        return jdbc.query("select * from workflow_case where id = ?", (rs, i) -> new CaseRow(rs.getLong("id"), rs.getString("case_type"),
                (Long) rs.getObject("household_id", Long.class), rs.getString("process_id"), rs.getString("process_instance_id"),
                rs.getString("state"), rs.getString("outcome"), rs.getString("outcome_reason"), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()), caseId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("case", caseId));
    }

    public boolean isOpen(long caseId) {
        return OPEN.equals(row(caseId).state());
    }

    public Long householdOf(long caseId) {
        return row(caseId).householdId();
    }

    /** The case with the household's current decision, its open tasks and its history so far. */
    @Transactional(readOnly = true)
    public CaseView view(long caseId) {
        CaseRow c = row(caseId);
        DecisionView current = null;
        if (c.householdId() != null) {
            List<DecisionView> decisions = eligibility.decisionsOf(c.householdId());
            current = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
        }
        return new CaseView(c.id(), c.caseType(), c.householdId(), c.state(), c.outcome(), c.outcomeReason(), c.openedBy(),
                c.openedAt(), c.closedAt(), current, tasks.getObject().ofCase(caseId),
                audit.entries(new AuditQuery(subject(caseId), null, null, null, null, null, null, 1000)));
    }

    /** The cases of a household, newest first. */
    public List<Map<String, Object>> ofHousehold(long householdId) {
        return jdbc.queryForList("select id, case_type as caseType, state, outcome, opened_at as openedAt, closed_at as closedAt "
                + "from workflow_case where household_id = ? order by opened_at desc, id desc", householdId);
    }

    static String subject(long caseId) {
        return "case:" + caseId;
    }
}
