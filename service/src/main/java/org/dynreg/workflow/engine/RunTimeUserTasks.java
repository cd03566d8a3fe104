package org.dynreg.workflow.engine;

import org.kie.kogito.Application;
import org.kie.kogito.jobs.JobsService;
import org.kie.kogito.services.jobs.impl.InMemoryJobContext;
import org.kie.kogito.services.jobs.impl.InMemoryJobService;
import org.kie.kogito.services.jobs.impl.InMemoryUserTaskJobExecutorFactory;
import org.kie.kogito.uow.events.UnitOfWorkUserTaskEventListener;
import org.kie.kogito.usertask.UserTask;
import org.kie.kogito.usertask.UserTaskConfig;
import org.kie.kogito.usertask.UserTaskInstance;
import org.kie.kogito.usertask.UserTaskInstances;
import org.kie.kogito.usertask.impl.DefaultUserTask;
import org.kie.kogito.usertask.impl.DefaultUserTaskInstance;
import org.kie.kogito.usertask.impl.KogitoUserTaskEventSupportImpl;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user-task definitions of every registered process version, by id ({@code <process>:<version>:<element>}),
 * built when a version is compiled (the build-time code generator made one class per task, with ids that were the
 * element's alone, so the four "Resurvey" tasks shared one definition). A stored task is reconnected to its
 * definition when read; one stored before the ids carried process and version is found through the process id and
 * version it keeps in its metadata.
 */
class RunTimeUserTasks implements org.kie.kogito.usertask.UserTasks {
    private final Map<String, UserTask> definitions = new ConcurrentHashMap<>();
    private Application application;

    /** Called once the application exists: the task store connects tasks it reads through here. */
    void connectTo(Application application) {
        this.application = application;
        UserTaskConfig config = application.config().get(UserTaskConfig.class);
        UserTaskInstances instances = config.userTaskInstances();
        instances.setDisconnectUserTaskInstance(this::disconnect);
        instances.setReconnectUserTaskInstance(this::connect);
        JobsService jobs = config.jobsService();
        if (jobs instanceof InMemoryJobService memory) {
            memory.registerJobExecutorFactory(new InMemoryUserTaskJobExecutorFactory(
                    new InMemoryJobContext(null, config.unitOfWorkManager(), null, this)));
        }
    }

    void register(ProcessCompiler.TaskDefinition task) {
        DefaultUserTask definition = new DefaultUserTask(application, task.id(), task.name());
        definition.setPotentialGroups(task.groups());
        definition.setReferenceName(task.name());
        definitions.put(task.id(), definition);
    }

    @Override
    public UserTask userTaskById(String userTaskId) {
        return userTaskId == null ? null : definitions.get(userTaskId);
    }

    @Override
    public Collection<String> userTaskIds() {
        return List.copyOf(definitions.keySet());
    }

    @Override
    public UserTaskInstances instances() {
        return application.config().get(UserTaskConfig.class).userTaskInstances();
    }

    /** The definition of a stored task: by its id, or (an id of the element alone) by its process id and version. */
    UserTask definitionOf(UserTaskInstance instance) {
        UserTask byId = userTaskById(instance.getUserTaskId());
        if (byId != null || instance.getUserTaskId() == null || instance.getUserTaskId().contains(":")) {
            return byId;
        }
        Object process = instance.getMetadata() == null ? null : instance.getMetadata().get("ProcessId");
        Object version = instance.getMetadata() == null ? null : instance.getMetadata().get("ProcessVersion");
        return process == null || version == null ? null
                : userTaskById(ProcessCompiler.taskId(String.valueOf(process), String.valueOf(version), instance.getUserTaskId()));
    }

    private UserTaskInstance disconnect(UserTaskInstance userTaskInstance) {
        DefaultUserTaskInstance instance = (DefaultUserTaskInstance) userTaskInstance;
        instance.setUserTask(null);
        instance.setUserTaskEventSupport(null);
        instance.setUserTaskLifeCycle(null);
        instance.setInstances(null);
        instance.setJobsService(null);
        return instance;
    }

    private UserTaskInstance connect(UserTaskInstance userTaskInstance) {
        DefaultUserTaskInstance instance = (DefaultUserTaskInstance) userTaskInstance;
        UserTaskConfig config = application.config().get(UserTaskConfig.class);
        KogitoUserTaskEventSupportImpl events = new KogitoUserTaskEventSupportImpl(config.identityProvider());
        config.userTaskEventListeners().listeners().forEach(events::addEventListener);
        events.addEventListener(new UnitOfWorkUserTaskEventListener(application.unitOfWorkManager()));
        instance.setUserTask(definitionOf(instance));
        instance.setUserTaskEventSupport(events);
        instance.setUserTaskLifeCycle(config.userTaskLifeCycle());
        instance.setInstances(config.userTaskInstances());
        instance.setJobsService(config.jobsService());
        return instance;
    }
}
