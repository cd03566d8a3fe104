package org.dynreg.workflow;

import org.dynreg.workflow.facts.TaskDue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deadlines of case steps, from the Deadlines table, as the ISO-8601 durations the process timers take.
 * {@code dynreg.workflow.day} is the length of a day on the case clock: one day in service, shorter on
 * a training or test installation so that escalations can be watched.
 */
@Component
public class Deadlines {
    private final WorkflowPolicy policy;
    private final Duration day;
    private final ObjectProvider<UpdateTypes> types;

    Deadlines(WorkflowPolicy policy, @Value("${dynreg.workflow.day:P1D}") Duration day, ObjectProvider<UpdateTypes> types) {
        this.types = types;
        this.policy = policy;
        this.day = day;
    }

    /** The step's deadline from the table; a step the table does not name never escalates (a very long timer). */
    public String of(String step) {
        TaskDue due = policy.ask(new TaskDue(step)).answer();
        return due.getDays() == null ? Duration.ofDays(36500).toString() : day.multipliedBy(due.getDays()).toString();
    }

    /** The step's deadline on the case clock; null for a step the table gives no days. */
    Duration duration(String step) {
        TaskDue due = policy.ask(new TaskDue(step)).answer();
        return due.getDays() == null ? null : day.multipliedBy(due.getDays());
    }

    /**
     * The Deadlines table's row for a user task of a case type, by the task's name in its process (the row its
     * process's timer takes its deadline from), as the update type's definition names it; null for a task no
     * deadline watches.
     */
    String stepOf(String caseType, String taskName) {
        if (caseType == null || taskName == null) {
            return null;
        }
        return types.getObject().all().stream().filter(d -> d.caseType().equals(caseType)).findFirst()
                .map(d -> d.taskDeadlines().get(taskName)).orElse(null);
    }

    public TaskDue rule(String step) {
        return policy.ask(new TaskDue(step)).answer();
    }

    /**
     * Records an overdue step: an escalation in the supervisors' list (Escalations) naming the step (the
     * {@code Escalated} input: the Deadlines table's row), its open task and the group it escalates to, and
     * the case's history says the same.
     */
    @Component
    static class Escalate implements CaseStep {
        private final Cases cases;
        private final Deadlines deadlines;
        private final Tasks tasks;
        private final Escalations escalations;
        private final Clock clock;

        Escalate(Cases cases, Deadlines deadlines, Tasks tasks, Escalations escalations, Clock clock) {
            this.cases = cases;
            this.deadlines = deadlines;
            this.tasks = tasks;
            this.escalations = escalations;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "case.escalate";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            Object named = inputs.get("Escalated");
            String step = named == null || String.valueOf(named).isBlank() ? null : String.valueOf(named);
            List<TaskView> open = tasks.ofCase(caseId);
            String caseType = cases.row(caseId).caseType();
            TaskView task = open.stream().filter(t -> step != null && step.equals(deadlines.stepOf(caseType, t.name()))).findFirst()
                    .orElse(open.size() == 1 ? open.get(0) : null);
            String stepName = step != null ? step : task == null ? "unknown step" : String.valueOf(deadlines.stepOf(caseType, task.name()));
            TaskDue rule = step == null ? null : deadlines.rule(step);
            String group = rule == null ? null : rule.getEscalateTo();
            // the timer fired when the step fell due
            Instant due = clock.instant();
            escalations.raise(caseId, stepName, task == null ? null : task.name(), group, due);
            Map<String, Object> details = new HashMap<>();
            details.put("reason", "step " + stepName + (task == null ? "" : " (" + task.name() + ")")
                    + " waited longer than the Deadlines table allows" + (group == null ? "" : "; escalated to " + group));
            details.put("step", stepName);
            if (group != null) {
                details.put("escalatedTo", group);
            }
            cases.record(caseId, Tasks.ENGINE, "case.escalate", details);
            return Map.of();
        }
    }
}
