package org.dynreg.workflow.engine;

import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.usertask.UserTaskEventListener;
import org.kie.kogito.usertask.events.UserTaskStateEvent;
import org.kie.kogito.usertask.impl.lifecycle.DefaultUserTaskLifeCycle;

import java.util.HashMap;
import java.util.Map;

/**
 * When a user task ends, its process goes on: the process instance is found under the process id AND version the
 * task keeps in its metadata (the stock listener looks the process up by id alone, so a task of version 1 completed
 * after version 2 is in force would find no instance and silently do nothing).
 */
class VersionedTaskCompletion implements UserTaskEventListener {
    private final VersionedProcesses processes;

    VersionedTaskCompletion(VersionedProcesses processes) {
        this.processes = processes;
    }

    @Override
    public void onUserTaskState(UserTaskStateEvent event) {
        if (!event.getNewStatus().isTerminate()) {
            return;
        }
        Map<String, Object> metadata = event.getUserTaskInstance().getMetadata();
        Boolean notify = (Boolean) metadata.get(DefaultUserTaskLifeCycle.PARAMETER_NOTIFY);
        if (notify != null && !notify) {
            return;
        }
        String processId = (String) metadata.get("ProcessId");
        Object version = metadata.get("ProcessVersion");
        String processInstanceId = (String) metadata.get("ProcessInstanceId");
        Process<? extends Model> process = version == null ? processes.processById(processId)
                : processes.process(processId, String.valueOf(version));
        if (process == null) {
            throw new IllegalStateException("task " + event.getUserTaskInstance().getId() + " belongs to process " + processId
                    + " version " + version + ", which this service does not have");
        }
        process.instances().findById(processInstanceId).ifPresentOrElse(pi -> {
            Map<String, Object> data = new HashMap<>(event.getUserTaskInstance().getOutputs());
            data.put("ActorId", event.getUserTaskInstance().getActualOwner());
            data.put("Notify", false);
            pi.completeWorkItem(event.getUserTaskInstance().getExternalReferenceId(), data);
        }, () -> {
            throw new IllegalStateException("task " + event.getUserTaskInstance().getId() + " belongs to process instance "
                    + processInstanceId + " (" + processId + " version " + version + "), which is not stored");
        });
    }
}
