package org.dynreg.workflow;

import org.dynreg.security.Office;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    private final ObjectProvider<UpdateTypes> types;

    private final long countLimit;

    TaskList(NamedParameterJdbcTemplate jdbc, Deadlines deadlines, @Value("${dynreg.workflow.at-risk-share:0.2}") double atRiskShare,
             ObjectProvider<UpdateTypes> types, @Value("${dynreg.workflow.task-count-limit:1000}") long countLimit) {
        this.jdbc = jdbc;
        this.countLimit = countLimit;
        this.deadlines = deadlines;
        this.atRiskShare = atRiskShare;
        this.types = types;
    }

    /**
     * The ids of one page of open tasks, oldest first; how many there are in all, counted up to the limit
     * ({@code totalAtLeast}: more than {@code total}); whether there is a next page.
     */
    record Ids(List<String> ids, long total, boolean totalAtLeast, boolean hasNext) {}

    /**
     * One page of the open tasks of the cases of these offices, in the database: held by {@code user} ({@code mine}), or
     * ({@code !mine}) held by nobody, for one of the groups, and not excluded from the user by four eyes ({@code NotBy}).
     * {@code headNames}: the free text may match the head's name (only for roles that may see it).
     */
    Ids page(boolean mine, String user, Collection<String> groups, List<Office> offices, Tasks.TaskFilter f, boolean headNames,
             int page, int size) {
        if (offices.isEmpty() || (!mine && groups.isEmpty())) {
            return new Ids(List.of(), 0, false, false);
        }
        MapSqlParameterSource p = new MapSqlParameterSource("user", user).addValue("groups", groups);
        StringBuilder from = new StringBuilder("from jbpm_user_tasks t "
                + "join jbpm_user_tasks_inputs ci on ci.task_id = t.id and ci.input_name = 'CaseId' "
                + "join workflow_case c on c.id = ci.case_id ");
        StringBuilder where = new StringBuilder("where t.termination_type is null");
        if (mine) {
            where.append(" and t.actual_owner = :user");
        } else {
            from.append("left join jbpm_user_tasks_inputs nb on nb.task_id = t.id and nb.input_name = 'NotBy' ");
            where.append(" and (t.actual_owner is null or t.actual_owner = '')"
                    + " and exists (select 1 from jbpm_user_tasks_potential_groups g where g.task_id = t.id and g.group_id in (:groups))"
                    + " and (nb.input_value is null or locate(concat(',', :user, ','), concat(',', replace(trim(both '\"' from "
                    + "convert(nb.input_value using utf8mb4)), ' ', ''), ',')) = 0)");
        }
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < offices.size(); i++) {
            Office o = offices.get(i);
            switch (o.scope()) {
                case NATIONAL -> covered.add("1 = 1");
                case DISTRICT -> covered.add("c.district = :od" + i);
                case TEHSIL -> covered.add("(c.district = :od" + i + " and c.tehsil = :ot" + i + ")");
                case SITE -> covered.add("c.site_id = :os" + i);
            }
            p.addValue("od" + i, o.district()).addValue("ot" + i, o.tehsil()).addValue("os" + i, o.siteId());
        }
        where.append(" and (").append(String.join(" or ", covered)).append(")");
        if (f.updateType() != null) {
            where.append(" and c.case_type = :type");
            p.addValue("type", f.updateType());
        }
        if (f.step() != null) {
            where.append(" and t.task_name = :step");
            p.addValue("step", f.step());
        }
        if (f.district() != null) {
            where.append(" and c.district = :district");
            p.addValue("district", f.district());
        }
        if (f.text() != null) {
            String text = f.text();
            if (text.matches("\\d{1,18}")) {
                where.append(" and (c.household_id = :number or c.id = :number)");
                p.addValue("number", Long.parseLong(text));
            } else {
                p.addValue("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                where.append(" and (t.task_name like :like").append(headNames
                        ? " or exists (select 1 from household_member m where m.household_id = c.household_id"
                        + " and m.relation = 'HEAD' and m.name like :like))" : ")");
            }
        }
        if (f.sla() != null) {
            String waited = "(timestampdiff(MICROSECOND, t.created_at, current_timestamp(3)) div 1000)";
            String deadline = deadlineMillis(p);
            where.append(" and ").append(deadline).append(" is not null and ").append(switch (f.sla()) {
                case TaskRow.BREACHED -> waited + " >= " + deadline;
                case TaskRow.AT_RISK -> waited + " < " + deadline + " and " + waited + " >= floor(" + deadline + " * :risk)";
                default -> waited + " < floor(" + deadline + " * :risk)";
            });
            p.addValue("risk", 1 - atRiskShare);
        }
        // Counting a list of 100,000 tasks would cost more than reading its page: the count stops past the limit.
        // The optimizer chooses the order: the tasks' creation-time index for a long list (a page stops reading once
        // it has its rows), a case index for a selective filter (household, district). Forcing either order was
        // measured seconds slower for the other kind of list.
        p.addValue("countTo", countLimit + 1);
        long counted = jdbc.queryForObject("select count(*) from (select 1 " + from + where + " limit :countTo) x",
                p, Long.class);
        p.addValue("size", size + 1).addValue("offset", (long) page * size);
        List<String> ids = new ArrayList<>(jdbc.queryForList("select t.id " + from + where
                + " order by t.created_at, t.id limit :size offset :offset", p, String.class));
        boolean hasNext = ids.size() > size;
        if (hasNext) {
            ids.remove(size);
        }
        boolean atLeast = counted > countLimit;
        return new Ids(ids, atLeast ? countLimit : counted, atLeast, hasNext);
    }

    /**
     * The open tasks of these ids as views, in the order of the ids, read with one query (not one load of each task
     * by the engine): name, status, holder, groups, case and outcomes, as {@link Tasks#view} makes them.
     */
    List<TaskView> views(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, TaskView> byId = new HashMap<>();
        jdbc.query("select t.id, t.task_name, t.status, t.actual_owner, ci.case_id, "
                        + "(select group_concat(g.group_id) from jbpm_user_tasks_potential_groups g where g.task_id = t.id) as groups_, "
                        + "convert(o.input_value using utf8mb4) as outcomes, pv.metadata_value as process_version "
                        + "from jbpm_user_tasks t join jbpm_user_tasks_inputs ci on ci.task_id = t.id and ci.input_name = 'CaseId' "
                        + "left join jbpm_user_tasks_inputs o on o.task_id = t.id and o.input_name = 'Outcomes' "
                        + "left join jbpm_user_tasks_metadata pv on pv.task_id = t.id and pv.metadata_name = 'ProcessVersion' "
                        + "where t.id in (:ids)", new MapSqlParameterSource("ids", ids), rs -> {
                    String groups = rs.getString("groups_");
                    String outcomes = unquote(rs.getString("outcomes"));
                    byId.put(rs.getString("id"), new TaskView(rs.getString("id"), rs.getString("task_name"), rs.getLong("case_id"),
                            rs.getString("status"), rs.getString("actual_owner"),
                            groups == null ? Set.of() : Set.of(groups.split(",")),
                            outcomes == null || outcomes.isBlank() ? List.of()
                                    : java.util.Arrays.stream(outcomes.split(",")).map(String::trim).toList(),
                            unquote(rs.getString("process_version"))));
                });
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A JSON string's text ("a,b" -> a,b); null for JSON null. */
    private static String unquote(String json) {
        if (json == null || "null".equals(json)) {
            return null;
        }
        String s = json.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The deadline in milliseconds of each update type's task, as an SQL expression (null for a task without one). */
    private String deadlineMillis(MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder("(case");
        int i = 0;
        for (UpdateTypeDefinition d : types.getObject().all()) {
            for (Map.Entry<String, String> e : d.taskDeadlines().entrySet()) {
                Duration deadline = deadlines.duration(e.getValue());
                if (deadline != null) {
                    sql.append(" when c.case_type = :dt").append(i).append(" and t.task_name = :dn").append(i)
                            .append(" then ").append(deadline.toMillis());
                    p.addValue("dt" + i, d.caseType()).addValue("dn" + i, e.getKey());
                    i++;
                }
            }
        }
        return i == 0 ? "null" : sql.append(" end)").toString();
    }

    /** The names of the steps open tasks wait at, for a list's filter. */
    List<String> stepNames() {
        return jdbc.queryForList("select distinct task_name from jbpm_user_tasks where task_name is not null order by task_name",
                new MapSqlParameterSource(), String.class);
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
