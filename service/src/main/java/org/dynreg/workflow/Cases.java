package org.dynreg.workflow;

import org.dynreg.api.NotFoundException;
import org.dynreg.audit.AuditQuery;
import org.dynreg.audit.AuditTrail;
import org.dynreg.database.AfterCommit;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.security.Office;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessInstance;
import org.kie.kogito.process.ProcessInstanceReadMode;
import org.dynreg.workflow.engine.ProcessVersions;
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
import java.util.Optional;

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
    private final ObjectProvider<ProcessVersions> processes;
    private final AuditTrail audit;
    private final Eligibility eligibility;
    private final Clock clock;
    private final ObjectProvider<Tasks> tasks;
    private final ObjectProvider<Escalations> escalations;
    private final org.dynreg.security.Offices offices;

    Cases(JdbcTemplate jdbc, ObjectProvider<ProcessVersions> processes, AuditTrail audit, Eligibility eligibility, Clock clock,
          ObjectProvider<Tasks> tasks, ObjectProvider<Escalations> escalations, org.dynreg.security.Offices offices) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.audit = audit;
        this.eligibility = eligibility;
        this.clock = clock;
        this.tasks = tasks;
        this.escalations = escalations;
        this.offices = offices;
    }

    record CaseRow(long id, String caseType, Long householdId, String processId, String processVersion, String processInstanceId, String state,
                   String outcome, String outcomeReason, String openedBy, Instant openedAt, Instant closedAt,
                   String district, String tehsil, String siteId) {
        /** The office the case belongs to, named as offices are named (security.Office). */
        String office() {
            return Office.ofCase(district, tehsil, siteId);
        }
    }

    /** Where a case is worked: the household's province, district and tehsil, or the registration site. */
    record Routing(String province, String district, String tehsil, String siteId) {}

    /**
     * Opens a case and starts its process, on the version in force, with the case id and the given variables, in one
     * transaction; the case keeps the version and finishes on it.
     */
    @Transactional
    public long open(String caseType, Long householdId, String processId, Map<String, Object> variables, String actor,
                     Map<String, Object> details) {
        Instant now = clock.instant();
        ProcessVersions versions = processes.getObject();
        String version = versions.inForce(processId)
                .orElseThrow(() -> new IllegalStateException("no process '" + processId + "' is deployed in this service"));
        Process<? extends Model> process = versions.definition(processId, version).orElseThrow();
        Routing routing = routing(householdId, details);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("insert into workflow_case (case_type, household_id, process_id, process_version, "
                    + "state, opened_by, opened_at, province, district, tehsil, site_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, caseType);
            ps.setObject(2, householdId);
            ps.setString(3, processId);
            ps.setString(4, version);
            ps.setString(5, OPEN);
            ps.setString(6, actor);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, routing.province());
            ps.setString(9, routing.district());
            ps.setString(10, routing.tehsil());
            ps.setString(11, routing.siteId());
            return ps;
        }, key);
        long caseId = Objects.requireNonNull(key.getKey()).longValue();
        Map<String, Object> audited = new HashMap<>(details);
        audited.put("caseType", caseType);
        audited.put("processId", processId);
        audited.put("processVersion", version);
        if (householdId != null) {
            audited.put("householdId", householdId);
        }
        audit.record(actor, "case.open", subject(caseId), audited);
        Map<String, Object> vars = new HashMap<>(variables);
        vars.put("caseId", caseId);
        if (householdId != null) {
            vars.put("householdId", householdId);
        }
        Model model = process.createModel();
        model.fromMap(vars);
        ProcessInstance<? extends Model> instance = process.createInstance(model);
        instance.start();
        jdbc.update("update workflow_case set process_instance_id = ? where id = ?", instance.id(), caseId);
        AfterCommit.run(() -> log.info("case {} ({}, process version {}) opened by {} for household {}", caseId, caseType, version, actor,
                householdId));
        return caseId;
    }

    /**
     * The office a new case belongs to: its household's district and tehsil, and the site of the household's
     * latest survey; a case with no household yet (a registration token) belongs to the site that opened it.
     */
    private Routing routing(Long householdId, Map<String, Object> details) {
        Object site = details == null ? null : details.get("siteId");
        if (householdId == null) {
            return new Routing(null, null, null, site == null ? null : String.valueOf(site));
        }
        return jdbc.query("select h.province, h.district, h.tehsil, s.site_id from household h left join survey s on s.id = h.latest_survey_id "
                        + "where h.id = ?", (rs, i) -> new Routing(rs.getString(1), rs.getString(2), rs.getString(3),
                        site == null ? rs.getString(4) : String.valueOf(site)), householdId)
                .stream().findFirst().orElse(new Routing(null, null, null, site == null ? null : String.valueOf(site)));
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
        escalations.getObject().resolveCase(caseId);
        AfterCommit.run(() -> log.info("case {} closed: {}", caseId, outcome));
    }

    /** Records a step of a case in the audit trail (the case's history). */
    public void record(long caseId, String actor, String action, Map<String, ?> details) {
        audit.record(actor, action, subject(caseId), details);
    }

    CaseRow row(long caseId) {
        return jdbc.query("select * from workflow_case where id = ?", (rs, i) -> new CaseRow(rs.getLong("id"), rs.getString("case_type"),
                (Long) rs.getObject("household_id", Long.class), rs.getString("process_id"), rs.getString("process_version"),
                rs.getString("process_instance_id"),
                rs.getString("state"), rs.getString("outcome"), rs.getString("outcome_reason"), rs.getString("opened_by"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                rs.getString("district"), rs.getString("tehsil"), rs.getString("site_id")), caseId)
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
        return new CaseView(c.id(), c.caseType(), c.householdId(), c.processId(), c.processVersion(), c.state(), c.outcome(), c.outcomeReason(), c.openedBy(),
                c.openedAt(), c.closedAt(), current, tasks.getObject().ofCase(caseId),
                audit.entries(new AuditQuery(subject(caseId), null, null, null, null, null, null, 1000)));
    }

    /** A step of a case's process: its element id in the process file (and its picture), and its name. */
    public record Step(String element, String name) {}

    /**
     * Where a case's process stands: the process (its file and picture are {@code <processId>.bpmn/.svg}), the version
     * the case runs on, and the steps active now.
     */
    public record Position(String processId, String processVersion, List<Step> current) {}

    /** The BPMN file of a version of a process, to draw its picture; empty when the service does not have it. */
    public Optional<String> processFile(String processId, String version) {
        return processes.getObject().xml(processId, version);
    }

    /**
     * The process of the case and the steps its instance is at now (a task waiting for someone, a timer, a wait for
     * a message); none once the case is closed.
     */
    @Transactional(readOnly = true)
    public Position position(long caseId) {
        CaseRow c = row(caseId);
        if (!OPEN.equals(c.state()) || c.processInstanceId() == null) {
            return new Position(c.processId(), c.processVersion(), List.of());
        }
        Process<? extends Model> process = processes.getObject().definition(c.processId(), c.processVersion()).orElse(null);
        if (process == null) {
            return new Position(c.processId(), c.processVersion(), List.of());
        }
        List<Step> steps = process.instances().findById(c.processInstanceId(), ProcessInstanceReadMode.READ_ONLY)
                .map(pi -> pi.findNodes(n -> true).stream()
                        .map(n -> new Step(n.getNodeDefinitionId(), n.getNodeName()))
                        .filter(s -> s.element() != null)
                        .distinct().toList())
                .orElse(List.of());
        return new Position(c.processId(), c.processVersion(), steps);
    }

    /** What a list of cases is narrowed to; null or blank: any. {@code overdue}: with an open escalation. */
    public record CaseFilter(String type, String state, String district, boolean overdue) {}

    /** A case in a list of cases. */
    public record CaseLine(long id, String caseType, Long householdId, String state, String outcome, String office, String district,
                           Instant openedAt, Instant closedAt, int openEscalations) {}

    /** One page of a list of cases, and whether there are more. */
    public record CasePage(int page, int size, boolean more, List<CaseLine> cases) {}

    /** The cases of the user's offices that pass the filter, newest first. */
    @Transactional(readOnly = true)
    public CasePage list(CaseFilter f, int page, int size, String user) {
        if (page < 0) {
            throw WorkflowRefusedException.invalid("page must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw WorkflowRefusedException.invalid("size must be between 1 and 500");
        }
        if (f.type() != null && !f.type().isBlank()
                && java.util.Arrays.stream(org.dynreg.registry.UpdateType.values()).noneMatch(t -> t.name().equals(f.type()))) {
            throw WorkflowRefusedException.invalid("type must be one of " + java.util.Arrays.toString(org.dynreg.registry.UpdateType.values())
                    + "; '" + f.type() + "' is not a case type");
        }
        if (f.state() != null && !f.state().isBlank() && !OPEN.equals(f.state()) && !CLOSED.equals(f.state())) {
            throw WorkflowRefusedException.invalid("state must be OPEN or CLOSED; '" + f.state() + "' is not a case state");
        }
        List<Office> mine = offices.of(user);
        StringBuilder sql = new StringBuilder("select c.*, (select count(*) from escalation e where e.case_id = c.id and e.resolved_at is null) "
                + "as escalations from workflow_case c where 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (f.type() != null && !f.type().isBlank()) {
            sql.append(" and c.case_type = ?");
            args.add(f.type().strip());
        }
        if (f.state() != null && !f.state().isBlank()) {
            sql.append(" and c.state = ?");
            args.add(f.state().strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (f.district() != null && !f.district().isBlank()) {
            sql.append(" and c.district = ?");
            args.add(f.district().strip());
        }
        if (f.overdue()) {
            sql.append(" and exists (select 1 from escalation e where e.case_id = c.id and e.resolved_at is null)");
        }
        sql.append(" order by c.opened_at desc, c.id desc");
        // office filtering happens here, so the page is counted over the user's own cases
        List<CaseLine> all = jdbc.query(sql.toString(), (rs, i) -> {
            String district = rs.getString("district");
            String tehsil = rs.getString("tehsil");
            String site = rs.getString("site_id");
            if (!org.dynreg.security.Offices.covers(mine, district, tehsil, site)) {
                return null;
            }
            return new CaseLine(rs.getLong("id"), rs.getString("case_type"), (Long) rs.getObject("household_id", Long.class),
                    rs.getString("state"), rs.getString("outcome"), Office.ofCase(district, tehsil, site), district,
                    rs.getTimestamp("opened_at").toInstant(),
                    rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(), rs.getInt("escalations"));
        }, args.toArray()).stream().filter(Objects::nonNull).skip((long) page * size).limit(size + 1L).toList();
        boolean more = all.size() > size;
        return new CasePage(page, size, more, more ? all.subList(0, size) : all);
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
