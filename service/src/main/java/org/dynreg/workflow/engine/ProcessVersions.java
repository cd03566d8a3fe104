package org.dynreg.workflow.engine;

import org.kie.kogito.Application;
import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.ProcessConfig;
import org.kie.kogito.process.ProcessInstancesFactory;
import org.kie.kogito.process.bpmn2.BpmnProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes the service runs, compiled at run time, every version side by side: new cases start on the
 * version in force, running cases finish on the version they started with (the instance store keeps it with
 * each instance, and tasks keep it in their metadata), across restarts as long as {@link ProcessSources} still lists
 * that version. At start every version {@link ProcessSources} lists is registered and the versions it names are put
 * in force, before stored timers are re-scheduled.
 */
public class ProcessVersions {
    private static final Logger log = LoggerFactory.getLogger(ProcessVersions.class);

    private final Application application;
    private final ProcessConfig config;
    private final ProcessInstancesFactory store;
    private final VersionedProcesses processes;
    private final RunTimeUserTasks userTasks;
    private final ProcessSources sources;
    private final Map<String, String> registeredXml = new ConcurrentHashMap<>();

    ProcessVersions(Application application, ProcessConfig config, ProcessInstancesFactory store, VersionedProcesses processes,
                    RunTimeUserTasks userTasks, ProcessSources sources) {
        this.application = application;
        this.config = config;
        this.store = store;
        this.processes = processes;
        this.userTasks = userTasks;
        this.sources = sources;
        processes.whenMissing(this::definitionFromSources);
        long started = System.nanoTime();
        List<ProcessSources.Source> all = sources.sources();
        for (ProcessSources.Source s : all) {
            register(s.processId(), s.version(), s.xml());
        }
        sources.inForce().forEach(this::putInForce);
        log.info("compiled {} process version(s) in {} ms; in force: {}", all.size(), (System.nanoTime() - started) / 1_000_000,
                sources.inForce());
    }

    /**
     * Compiles a version of a process and registers it beside the others; it runs no case until it is put in force
     * (or a case started on it is read). Registering the same XML under the same version again changes nothing.
     *
     * @throws ProcessRefusedException when it does not compile, holds another process id, or the version is
     *         registered already with other XML; nothing is registered then
     */
    public synchronized void register(String processId, String version, String xml) {
        String key = processId + ":" + version;
        String before = registeredXml.get(key);
        if (before != null) {
            if (before.equals(xml)) {
                return;
            }
            throw new ProcessRefusedException(processId, version, "this version is registered already with other content; "
                    + "a changed process needs a new version");
        }
        ProcessCompiler.Compiled compiled = ProcessCompiler.compile(processId, version, xml);
        BpmnProcess process = new BpmnProcess(compiled.process(), config, application);
        process.setProcessInstancesFactory(store);
        process.configure();
        compiled.tasks().forEach(userTasks::register);
        registeredXml.put(key, xml);
        log.info("process {} version {} registered ({} user task(s))", processId, version, compiled.tasks().size());
    }

    /**
     * New cases of the process start on this version from now on; cases already running keep theirs.
     *
     * @throws ProcessRefusedException when the version is not registered
     */
    public synchronized void putInForce(String processId, String version) {
        if (processes.process(processId, version) == null) {
            throw new ProcessRefusedException(processId, version, "this version is not registered; registered: "
                    + processes.versions(processId));
        }
        Optional<String> before = processes.inForce(processId);
        processes.putInForce(processId, version);
        if (before.isPresent() && !before.get().equals(version)) {
            log.info("process {}: version {} in force (was {})", processId, version, before.get());
        }
    }

    /**
     * The version new cases of the process start on now, as {@link ProcessSources} says (for the service, the policy
     * version in force): registered first if it is new, and made the engine's version in force.
     *
     * @throws ProcessRefusedException when the sources name a version they do not hold, or it does not compile
     */
    public Optional<String> inForce(String processId) {
        String version = sources.inForce().get(processId);
        if (version == null) {
            return processes.inForce(processId);
        }
        if (definitionFromSources(processId, version) == null) {
            throw new ProcessRefusedException(processId, version, "the process sources name this version but do not hold it");
        }
        if (!processes.inForce(processId).map(version::equals).orElse(false)) {
            putInForce(processId, version);
        }
        return Optional.of(version);
    }

    /** The BPMN of a version (registered first if the sources hold it), to draw its picture; empty when there is none. */
    public Optional<String> xml(String processId, String version) {
        definitionFromSources(processId, version);
        return Optional.ofNullable(registeredXml.get(processId + ":" + version));
    }

    /**
     * A version, registered first from the sources when it is not yet (put in force since start, perhaps by another
     * instance, or a case started on it there); null when the sources do not hold it.
     */
    private Process<? extends Model> definitionFromSources(String processId, String version) {
        Process<? extends Model> registered = processes.process(processId, version);
        return registered != null ? registered : registerFromSources(processId, version);
    }

    private synchronized Process<? extends Model> registerFromSources(String processId, String version) {
        if (processes.process(processId, version) == null) {
            sources.source(processId, version).ifPresent(s -> register(processId, version, s.xml()));
        }
        return processes.process(processId, version);
    }

    /**
     * What the engine's compiler says of a BPMN file, without registering it: none when it compiles as the engine
     * would compile it, else its messages (element ids where the compiler gives them). The bundle's check uses it.
     */
    public static List<String> compileErrors(String processId, String xml) {
        try {
            ProcessCompiler.compile(processId, "check", xml);
            return List.of();
        } catch (ProcessRefusedException e) {
            String reason = e.reason();
            return List.of(reason.startsWith(ProcessCompiler.DOES_NOT_COMPILE) ? reason.substring(ProcessCompiler.DOES_NOT_COMPILE.length()) : reason);
        }
    }

    /** The registered versions of a process, in no particular order; empty for an unknown process. */
    public List<String> versions(String processId) {
        return processes.versions(processId).stream().sorted().toList();
    }

    /** A registered version of a process, to start or read its instances; empty when it is not registered. */
    public Optional<Process<? extends Model>> definition(String processId, String version) {
        return Optional.ofNullable(definitionFromSources(processId, version));
    }
}
