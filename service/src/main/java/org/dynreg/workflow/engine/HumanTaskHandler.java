package org.dynreg.workflow.engine;

import org.kie.kogito.internal.process.workitem.KogitoWorkItem;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemHandler;
import org.kie.kogito.internal.process.workitem.KogitoWorkItemManager;
import org.kie.kogito.internal.process.workitem.WorkItemTransition;
import org.kie.kogito.jbpm.usertask.handler.UserTaskKogitoWorkItemHandler;
import org.kie.kogito.process.workitems.impl.KogitoWorkItemImpl;

import java.util.Optional;

/**
 * The engine's "Human Task" handler, with the task's definition found by process id, version and element: a
 * work item stored before the definitions' ids carried process and version names the element alone, and is given
 * the full id (from the process instance it belongs to) before the stock handler looks it up.
 */
class HumanTaskHandler extends UserTaskKogitoWorkItemHandler {

    @Override
    public Optional<WorkItemTransition> activateWorkItemHandler(KogitoWorkItemManager manager, KogitoWorkItemHandler handler,
                                                                KogitoWorkItem workItem, WorkItemTransition transition) {
        qualify(workItem);
        return super.activateWorkItemHandler(manager, handler, workItem, transition);
    }

    @Override
    public Optional<WorkItemTransition> completeWorkItemHandler(KogitoWorkItemManager manager, KogitoWorkItemHandler handler,
                                                                KogitoWorkItem workItem, WorkItemTransition transition) {
        qualify(workItem);
        return super.completeWorkItemHandler(manager, handler, workItem, transition);
    }

    @Override
    public Optional<WorkItemTransition> abortWorkItemHandler(KogitoWorkItemManager manager, KogitoWorkItemHandler handler,
                                                             KogitoWorkItem workItem, WorkItemTransition transition) {
        qualify(workItem);
        return super.abortWorkItemHandler(manager, handler, workItem, transition);
    }

    private static void qualify(KogitoWorkItem workItem) {
        Object element = workItem.getParameter(KogitoWorkItem.PARAMETER_UNIQUE_TASK_ID);
        if (element instanceof String e && !e.contains(":") && workItem instanceof KogitoWorkItemImpl item
                && workItem.getProcessInstance() != null) {
            item.setParameter(KogitoWorkItem.PARAMETER_UNIQUE_TASK_ID, ProcessCompiler.taskId(
                    workItem.getProcessInstance().getProcessId(), workItem.getProcessInstance().getProcessVersion(), e));
        }
    }
}
