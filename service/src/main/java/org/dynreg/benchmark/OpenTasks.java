package org.dynreg.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.appeals.Appeals;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.dynreg.synthetic.SurveyJson;
import org.dynreg.synthetic.SyntheticHousehold;
import org.dynreg.synthetic.SyntheticRegistry;
import org.dynreg.workflow.TaskView;
import org.dynreg.workflow.Tasks;
import org.dynreg.workflow.WorkflowRefusedException;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Many open tasks, made fast, for the console measure. A few real appeals are lodged through the real facades
 * (households registered with {@link Registry#submit}, appeals lodged with {@link Appeals#lodge}, one review
 * completed with {@link Tasks#complete} so that a second step is open), so that their task rows, case rows and
 * process instances are exactly what the engine writes. Their open tasks are then copied with set-based SQL,
 * round-robin, until the benchmark's database holds the number of open tasks asked for: each copy with its own
 * case row on a household of the generated registry (households taken evenly over the whole registry, so over
 * its districts), its own task id, the template's inputs with its own case id, and a creation time spread over
 * the last 30 days (so some are on track, some at risk, some breached). A copy has no process instance of its own
 * (its case row's process instance is empty) and no work item: it is listed and shown as any task is, but claiming
 * or completing it is not what the measure does. Only the benchmark makes copies, and only in its own database.
 */
final class OpenTasks {
    /** Actors of the real cases: the appeals are lodged by one caseworker, so that another may review them. */
    static final String LODGED_BY = "caseworker2";
    static final String REVIEWED_BY = "caseworker";
    static final int REAL_APPEALS = 4;

    record Made(long openTasks, long copies, int realCases, List<String> steps, int districts, long nanos) {
    }

    private final ConfigurableApplicationContext context;
    private final DataSource dataSource;

    OpenTasks(ConfigurableApplicationContext context) {
        this.context = context;
        this.dataSource = context.getBean(DataSource.class);
    }

    /** Makes the open tasks of the database {@code wanted} in all (refused when there are already more). */
    Made make(long wanted, long seed) throws Exception {
        refuseOtherDatabase();
        long start = System.nanoTime();
        List<Long> cases = realCases(seed);
        List<String[]> templates = new ArrayList<>(); // task id, case id
        Set<String> steps = new LinkedHashSet<>();
        Tasks tasks = context.getBean(Tasks.class);
        for (long c : cases) {
            for (TaskView t : tasks.ofCase(c)) {
                templates.add(new String[] {t.id(), String.valueOf(c)});
                steps.add(t.name());
            }
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no real appeal left an open task to copy");
        }
        long open = openTasks();
        long copies = wanted - open;
        if (copies < 0) {
            throw new IllegalStateException("the database already holds " + open + " open tasks, more than the " + wanted + " asked for");
        }
        if (copies > 0) {
            copy(templates, copies);
        }
        int districts;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(distinct district) from workflow_case where state = 'OPEN'")) {
            rs.next();
            districts = rs.getInt(1);
        }
        return new Made(openTasks(), copies, cases.size(), List.copyOf(steps), districts, System.nanoTime() - start);
    }

    /** The copies go only into the benchmark's own database (named dynreg_benchmark...), never a registry's. */
    private void refuseOtherDatabase() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select database()")) {
            rs.next();
            String name = rs.getString(1);
            if (name == null || !name.startsWith("dynreg_benchmark")) {
                throw new IllegalStateException("open tasks are copied only in the benchmark's own database (dynreg_benchmark), not in "
                        + name);
            }
        }
    }

    long openTasks() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from jbpm_user_tasks where status in ('Created', 'Ready', 'Reserved')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Households registered through the registry and appeals lodged on them through the appeals facade; one review done. */
    private List<Long> realCases(long seed) throws Exception {
        Registry registry = context.getBean(Registry.class);
        Appeals appeals = context.getBean(Appeals.class);
        Tasks tasks = context.getBean(Tasks.class);
        SyntheticRegistry synthetic = context.getBean(SyntheticRegistry.class);
        ObjectMapper json = context.getBean(ObjectMapper.class);
        List<Long> cases = new ArrayList<>();
        for (long i = 0; cases.size() < REAL_APPEALS && i < 400; i++) {
            SyntheticHousehold h = synthetic.draw(seed, i);
            OffsetDateTime submitted = OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(1);
            Registration r = registry.submit(json.readTree(SurveyJson.of(h, "BENCH-CONSOLE", submitted.minusMinutes(25), submitted)),
                    "operator");
            try {
                long caseId = appeals.lodge(r.householdId(), "benchmark: a real appeal whose tasks the console measure copies",
                        List.of(), LODGED_BY);
                if (!tasks.ofCase(caseId).isEmpty()) {
                    cases.add(caseId);
                }
            } catch (WorkflowRefusedException refused) {
                // a household receiving the cash transfer has nothing to appeal: take the next one
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no appeal could be lodged on 400 newly registered households");
        }
        // one appeal moves on to its next step, so that the copies are spread over more than one step and group
        for (TaskView t : tasks.ofCase(cases.get(0))) {
            if (t.outcomes().contains("UPHOLD")) {
                tasks.complete(t.id(), "UPHOLD", "benchmark: review of a real appeal", REVIEWED_BY, Set.of("CASEWORKER"));
            }
        }
        return cases;
    }

    /**
     * Set-based copies of the templates' task rows (and what a task row needs to be listed) to {@code copies} more open
     * tasks, in one transaction. The copies are numbered by a recursive query (the application's account may not make
     * temporary tables): copy n takes template n mod templates, household n * households / copies of the registry's
     * households without a case (in id order), case id base + n, and a creation time n * 7919 s mod 30 days ago.
     */
    private void copy(List<String[]> templates, long copies) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            StringBuilder template = new StringBuilder("(");
            for (int j = 0; j < templates.size(); j++) {
                String taskId = templates.get(j)[0];
                if (!taskId.matches("[0-9A-Za-z-]{1,50}")) {
                    throw new IllegalStateException("a task id of the engine that is not a UUID: " + taskId);
                }
                template.append(j == 0 ? "" : " union all ").append("select ").append(j).append(" as j, '").append(taskId)
                        .append("' as task_id, ").append(Long.parseLong(templates.get(j)[1])).append(" as case_id, '")
                        .append(caseIdText(c, taskId, templates.get(j)[1])).append("' as case_text");
            }
            template.append(") b");
            String withoutCase = " from household where id not in (select household_id from workflow_case where household_id is not null)";
            long households;
            try (ResultSet rs = s.executeQuery("select count(*)" + withoutCase)) {
                rs.next();
                households = rs.getLong(1);
            }
            if (households == 0) {
                throw new IllegalStateException("the registry has no household without a case to put copied tasks on");
            }
            long caseBase;
            try (ResultSet rs = s.executeQuery("select coalesce(max(id), 0) + 1000 from workflow_case")) {
                rs.next();
                caseBase = rs.getLong(1);
            }
            String now;
            try (ResultSet rs = s.executeQuery("select cast(current_timestamp(3) as char)")) {
                rs.next();
                now = rs.getString(1);
            }
            String clone = "(with recursive seq(n) as (select 0 union all select n + 1 from seq where n < " + (copies - 1) + ")"
                    + " select n, n mod " + templates.size() + " as j, floor(n * " + households + " / " + copies + ") mod " + households
                    + " as k, " + caseBase + " + n as case_id, concat('00000000-0000-4000-8000-', lpad(hex(n), 12, '0')) as task_id,"
                    + " timestamp '" + now + "' - interval ((n * 7919) mod (30 * 24 * 3600)) second as created_at from seq) c"
                    + " join " + template + " on b.j = c.j";
            String household = "(select row_number() over (order by id) - 1 as k, id, province, district, tehsil" + withoutCase + ") h";
            s.execute("set @@session.max_recursive_iterations = " + Math.max(1000, copies + 10));
            c.setAutoCommit(false);
            s.execute("insert into workflow_case (id, case_type, household_id, process_id, process_version, process_instance_id, state,"
                    + " opened_by, opened_at, version, province, district, tehsil)"
                    + " select c.case_id, w.case_type, h.id, w.process_id, w.process_version, null, 'OPEN', w.opened_by, c.created_at, 0, h.province,"
                    + " h.district, h.tehsil from " + clone + " join workflow_case w on w.id = b.case_id join " + household + " on h.k = c.k");
            s.execute("insert into jbpm_user_tasks (id, user_task_id, task_priority, actual_owner, task_description, status,"
                    + " termination_type, external_reference_id, task_name, created_at)"
                    + " select c.task_id, t.user_task_id, t.task_priority, t.actual_owner, t.task_description, t.status,"
                    + " t.termination_type, c.task_id, t.task_name, c.created_at from " + clone + " join jbpm_user_tasks t on t.id = b.task_id");
            for (String[] table : new String[][] {{"jbpm_user_tasks_potential_users", "user_id"},
                    {"jbpm_user_tasks_potential_groups", "group_id"}, {"jbpm_user_tasks_admin_users", "user_id"},
                    {"jbpm_user_tasks_admin_groups", "group_id"}, {"jbpm_user_tasks_excluded_users", "user_id"}}) {
                s.execute("insert into " + table[0] + " (task_id, " + table[1] + ") select c.task_id, x." + table[1]
                        + " from " + clone + " join " + table[0] + " x on x.task_id = b.task_id");
            }
            s.execute("insert into jbpm_user_tasks_inputs (task_id, input_name, input_value, java_type)"
                    + " select c.task_id, x.input_name, case when x.input_name = 'CaseId' then cast(replace(convert(x.input_value"
                    + " using utf8mb4), b.case_text, cast(c.case_id as char)) as binary) else x.input_value end, x.java_type"
                    + " from " + clone + " join jbpm_user_tasks_inputs x on x.task_id = b.task_id");
            s.execute("insert into jbpm_user_tasks_metadata (task_id, metadata_name, metadata_value, java_type)"
                    + " select c.task_id, x.metadata_name, x.metadata_value, x.java_type"
                    + " from " + clone + " join jbpm_user_tasks_metadata x on x.task_id = b.task_id");
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /**
     * The text the engine stored for a template's {@code CaseId} input (JSON: the number, or the number in quotes);
     * refused when it is stored in any other way, since a copy could then not be given its own case.
     */
    private static String caseIdText(Connection c, String taskId, String caseId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select input_value from jbpm_user_tasks_inputs where task_id = ? and input_name = 'CaseId'")) {
            p.setString(1, taskId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("task " + taskId + " has no CaseId input to copy");
                }
                String stored = new String(rs.getBytes(1), StandardCharsets.UTF_8).strip();
                if (!stored.equals(caseId) && !stored.equals("\"" + caseId + "\"")) {
                    throw new IllegalStateException("task " + taskId + "'s CaseId input is stored as '" + stored
                            + "', not as the JSON of case " + caseId + "; the copies could not be given their own case");
                }
                return caseId;
            }
        }
    }
}
