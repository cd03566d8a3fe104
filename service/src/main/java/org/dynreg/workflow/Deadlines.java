package org.dynreg.workflow;

import org.dynreg.workflow.facts.TaskDue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
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

    Deadlines(WorkflowPolicy policy, @Value("${dynreg.workflow.day:P1D}") Duration day) {
        this.policy = policy;
        this.day = day;
    }

    /** The step's deadline from the table; a step the table does not name never escalates (a very long timer). */
    public String of(String step) {
        TaskDue due = policy.ask(new TaskDue(step)).answer();
        return due.getDays() == null ? Duration.ofDays(36500).toString() : day.multipliedBy(due.getDays()).toString();
    }

    public TaskDue rule(String step) {
        return policy.ask(new TaskDue(step)).answer();
    }

    /** Records an overdue step: the case's history names it and the group it escalates to. */
    @Component
    static class Escalate implements CaseStep {
        private final Cases cases;

        Escalate(Cases cases) {
            this.cases = cases;
        }

        @Override
        public String name() {
            return "case.escalate";
        }

        @Override
        public Map<String, Object> run(Map<String, Object> inputs) {
            long caseId = CaseStep.caseId(inputs);
            cases.record(caseId, Tasks.ENGINE, "case.escalate", Map.of("reason", "a step of the case waited longer than the Deadlines table allows"));
            return Map.of();
        }
    }
}
