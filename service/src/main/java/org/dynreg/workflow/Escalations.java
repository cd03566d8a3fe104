package org.dynreg.workflow;

import org.dynreg.security.Office;
import org.dynreg.security.Offices;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Steps of cases that waited longer than the Deadlines table allows, as the supervisors' list shows them:
 * the case, the step and its task, the group it escalated to, when it was due and how overdue it is. An
 * escalation is resolved when its task completes or its case closes.
 */
@Service
public class Escalations {
    private final JdbcTemplate jdbc;
    private final Offices offices;
    private final Clock clock;

    Escalations(JdbcTemplate jdbc, Offices offices, Clock clock) {
        this.jdbc = jdbc;
        this.offices = offices;
        this.clock = clock;
    }

    /** An open escalation in the supervisors' list. */
    public record Escalation(long id, long caseId, String caseType, Long householdId, String office, String step, String task,
                             String escalatedTo, Instant dueAt, Instant escalatedAt, long daysOverdue, String overdue) {}

    /** Records that a step of a case is overdue; its task is the case's open task of that step, when there is one. */
    @Transactional
    public long raise(long caseId, String step, String task, String escalatedTo, Instant dueAt) {
        Instant now = clock.instant();
        jdbc.update("insert into escalation (case_id, step, task_name, escalated_to, due_at, escalated_at) values (?, ?, ?, ?, ?, ?)",
                caseId, step, task, escalatedTo, dueAt == null ? null : Timestamp.from(dueAt), Timestamp.from(now));
        Long id = jdbc.queryForObject("select last_insert_id()", Long.class);
        return id == null ? 0 : id;
    }

    /** The open escalations of the cases the user's offices cover, the longest overdue first. */
    @Transactional(readOnly = true)
    public List<Escalation> open(String user) {
        List<Office> mine = offices.of(user);
        Instant now = clock.instant();
        return jdbc.query("select e.*, c.case_type, c.household_id, c.district, c.tehsil, c.site_id from escalation e "
                        + "join workflow_case c on c.id = e.case_id where e.resolved_at is null order by coalesce(e.due_at, e.escalated_at), e.id",
                (rs, i) -> {
                    String district = rs.getString("district");
                    String tehsil = rs.getString("tehsil");
                    String site = rs.getString("site_id");
                    if (!Offices.covers(mine, district, tehsil, site)) {
                        return null;
                    }
                    Instant due = rs.getTimestamp("due_at") == null ? rs.getTimestamp("escalated_at").toInstant()
                            : rs.getTimestamp("due_at").toInstant();
                    Duration late = Duration.between(due, now).isNegative() ? Duration.ZERO : Duration.between(due, now);
                    return new Escalation(rs.getLong("id"), rs.getLong("case_id"), rs.getString("case_type"),
                            (Long) rs.getObject("household_id", Long.class), Office.ofCase(district, tehsil, site), rs.getString("step"),
                            rs.getString("task_name"), rs.getString("escalated_to"), due, rs.getTimestamp("escalated_at").toInstant(),
                            late.toDays(), TaskRow.words(late));
                }).stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The task of a case was completed: its open escalations are resolved. */
    void resolveTask(long caseId, String taskName) {
        jdbc.update("update escalation set resolved_at = ? where case_id = ? and task_name = ? and resolved_at is null",
                Timestamp.from(clock.instant()), caseId, taskName);
    }

    /** The case closed: nothing of it is overdue any more. */
    void resolveCase(long caseId) {
        jdbc.update("update escalation set resolved_at = ? where case_id = ? and resolved_at is null", Timestamp.from(clock.instant()), caseId);
    }
}
