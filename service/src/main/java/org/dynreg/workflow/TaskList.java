package org.dynreg.workflow;

import org.dynreg.security.Office;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Task lists as people read them: each task with its case's update type, household, head, district, current
 * score, step, due date, time waiting and SLA status. Read with one query for the cases and one for the
 * tasks' creation times, however long the list.
 */
@Component
class TaskList {
    /** Where a case is worked, with what a task list shows of it. */
    record Place(long caseId, String caseType, Long householdId, String district, String tehsil, String siteId, String headName,
                 Integer score) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final Deadlines deadlines;
    private final double atRiskShare;

    TaskList(NamedParameterJdbcTemplate jdbc, Deadlines deadlines, @Value("${dynreg.workflow.at-risk-share:0.2}") double atRiskShare) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.atRiskShare = atRiskShare;
    }

    /** The cases of these ids, with their household's head and latest score. */
    Map<Long, Place> places(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Place> places = new HashMap<>();
        jdbc.query("select c.id, c.case_type, c.household_id, c.district, c.tehsil, c.site_id, "
                        + "(select m.name from household_member m where m.household_id = c.household_id and m.relation = 'HEAD' "
                        + "order by m.id limit 1) as head, "
                        + "(select d.score from eligibility_decision d where d.household_id = c.household_id "
                        + "order by d.decided_at desc, d.id desc limit 1) as score "
                        + "from workflow_case c where c.id in (:ids)", new MapSqlParameterSource("ids", caseIds),
                rs -> {
                    places.put(rs.getLong("id"), new Place(rs.getLong("id"), rs.getString("case_type"),
                            (Long) rs.getObject("household_id", Long.class), rs.getString("district"), rs.getString("tehsil"),
                            rs.getString("site_id"), rs.getString("head"), (Integer) rs.getObject("score", Integer.class)));
                });
        return places;
    }

    List<TaskRow> rows(List<TaskView> tasks, boolean personalData) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<Long, Place> places = places(tasks.stream().map(TaskView::caseId).collect(Collectors.toSet()));
        Set<String> ids = tasks.stream().map(TaskView::id).collect(Collectors.toSet());
        Map<String, Instant> created = new HashMap<>();
        Instant[] now = new Instant[1];
        jdbc.query("select id, created_at, current_timestamp(3) as now from jbpm_user_tasks where id in (:ids)",
                new MapSqlParameterSource("ids", ids), rs -> {
                    created.put(rs.getString("id"), rs.getTimestamp("created_at").toInstant());
                    now[0] = rs.getTimestamp("now").toInstant();
                });
        Map<String, Duration> deadlineOf = new HashMap<>();
        return tasks.stream().map(t -> {
            Place p = places.get(t.caseId());
            Instant at = created.get(t.id());
            Instant when = now[0] == null ? Instant.now() : now[0];
            Duration waited = at == null || at.isAfter(when) ? Duration.ZERO : Duration.between(at, when);
            String step = deadlines.stepOf(p == null ? null : p.caseType(), t.name());
            Duration deadline = step == null ? null : deadlineOf.computeIfAbsent(step, deadlines::duration);
            Instant due = deadline == null || at == null ? null : at.plus(deadline);
            return new TaskRow(t.id(), t.name(), t.caseId(), t.status(), t.owner(), t.groups(), t.outcomes(),
                    p == null ? null : p.caseType(), p == null ? null : p.householdId(),
                    p == null || !personalData ? null : p.headName(), p == null ? null : p.district(), p == null ? null : p.tehsil(),
                    p == null ? null : Office.ofCase(p.district(), p.tehsil(), p.siteId()), p == null ? null : p.score(),
                    step, at, due, waited.toHours(), TaskRow.words(waited), sla(waited, deadline));
        }).toList();
    }

    /** BREACHED past the deadline, AT_RISK in its last {@code atRiskShare}, ON_TRACK before; null without a deadline. */
    String sla(Duration waited, Duration deadline) {
        if (deadline == null) {
            return null;
        }
        if (waited.compareTo(deadline) >= 0) {
            return TaskRow.BREACHED;
        }
        long riskFrom = (long) (deadline.toMillis() * (1 - atRiskShare));
        return waited.toMillis() >= riskFrom ? TaskRow.AT_RISK : TaskRow.ON_TRACK;
    }
}
