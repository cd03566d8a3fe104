package org.dynreg.workflow.engine;

import org.dynreg.workflow.CaseStep;
import org.kie.kogito.process.impl.DefaultWorkItemHandlerConfig;
import org.springframework.stereotype.Component;

import java.util.List;

/** The service's work item handlers: its own case steps, and user tasks found by process id, version and element. */
@Component
class WorkItemHandlers extends DefaultWorkItemHandlerConfig {
    private final HumanTaskHandler humanTasks = new HumanTaskHandler();

    WorkItemHandlers(List<CaseStep> steps) {
        register(CaseStepHandler.NAME, new CaseStepHandler(steps));
        register(humanTasks.getName(), humanTasks);
    }

    HumanTaskHandler humanTasks() {
        return humanTasks;
    }
}
