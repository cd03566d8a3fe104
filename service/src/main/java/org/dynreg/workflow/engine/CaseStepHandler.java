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
import java.util.function.Supplier;

/** Runs the {@link CaseStep} a BPMN task names in its {@code Step} input and completes the task with its outputs. */
class CaseStepHandler extends DefaultKogitoWorkItemHandler {
    static final String NAME = "CaseStep";

    private final Supplier<List<CaseStep>> beans;
    private volatile Map<String, CaseStep> steps;

    /** The steps are looked up at the first work item: steps use the engine themselves (tasks, cases). */
    CaseStepHandler(Supplier<List<CaseStep>> steps) {
        this.beans = steps;
    }

    private Map<String, CaseStep> steps() {
        if (steps == null) {
            Map<String, CaseStep> byName = new HashMap<>();
            beans.get().forEach(s -> byName.put(s.name(), s));
            steps = byName;
        }
        return steps;
    }

    @Override
    public Optional<WorkItemTransition> activateWorkItemHandler(KogitoWorkItemManager manager, KogitoWorkItemHandler handler,
                                                                KogitoWorkItem workItem, WorkItemTransition transition) {
        String name = String.valueOf(workItem.getParameter("Step"));
        CaseStep step = steps().get(name);
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
