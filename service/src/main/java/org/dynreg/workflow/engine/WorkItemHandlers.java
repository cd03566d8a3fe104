package org.dynreg.workflow.engine;

import org.dynreg.workflow.CaseStep;
import org.kie.kogito.process.impl.DefaultWorkItemHandlerConfig;
import org.springframework.stereotype.Component;

import java.util.List;

/** The service's work item handlers; the generated process configuration collects this bean. */
@Component
class WorkItemHandlers extends DefaultWorkItemHandlerConfig {

    WorkItemHandlers(List<CaseStep> steps) {
        register(CaseStepHandler.NAME, new CaseStepHandler(steps));
    }
}
