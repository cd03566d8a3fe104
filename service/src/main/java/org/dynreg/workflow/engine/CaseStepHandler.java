package org.dynreg.workflow.engine;

import org.dynreg.workflow.CaseStep;
import org.kie.kogito.internal.process.workitem.KogitoWorkItem;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemHandler;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemManager;
import org.kie.kogito.internal.process.workitem.WorkItemTransition;
import org.kie.kogito.process.workitems.impl.DefaultKogitoWorkItemHandler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs the {@link CaseStep} a BPMN task names in its {@code Step} input and completes the task with its outputs. */
class CaseStepHandler extends DefaultKogitoWorkItemHandler {
    static final String NAME = "CaseStep";

    private final Map<String, CaseStep> steps = new HashMap<>();

    CaseStepHandler(List<CaseStep> steps) {
        steps.forEach(s -> this.steps.put(s.name(), s));
    }

    @Override
    public Optional<WorkItemTransition> activateWorkItemHandler(KogitoWorkItemManager manager, KogitoWorkItemHandler handler,
                                                                KogitoWorkItem workItem, WorkItemTransition transition) {
        String name = String.valueOf(workItem.getParameter("Step"));
        CaseStep step = steps.get(name);
        if (step == null) {
            throw new IllegalStateException("the process asks for a case step '" + name + "' that the service does not have");
        }
        Map<String, Object> outputs = step.run(workItem.getParameters());
        return Optional.of(workItemLifeCycle.newTransition(TRANSITION_COMPLETE, workItem.getPhaseStatus(), outputs));
    }

    @Override
    public String getName() {
        return NAME;
    }
}
