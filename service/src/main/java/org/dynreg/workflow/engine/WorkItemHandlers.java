package org.dynreg.workflow.engine;

import org.dynreg.workflow.CaseStep;
import org.kie.kogito.process.impl.DefaultWorkItemHandlerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;


/** The service's work item handlers: its own case steps, and user tasks found by process id, version and element. */
@Component
class WorkItemHandlers extends DefaultWorkItemHandlerConfig {
    private final HumanTaskHandler humanTasks = new HumanTaskHandler();

    WorkItemHandlers(ObjectProvider<CaseStep> steps) {
        register(CaseStepHandler.NAME, new CaseStepHandler(() -> steps.orderedStream().toList()));
        register(humanTasks.getName(), humanTasks);
    }

    HumanTaskHandler humanTasks() {
        return humanTasks;
    }
}
