package org.dynreg.workflow.engine;

import org.jbpm.process.core.Work;
import org.jbpm.process.core.impl.ProcessImpl;
import org.jbpm.workflow.core.impl.WorkflowProcessImpl;
import org.jbpm.workflow.core.node.HumanTaskNode;
import org.jbpm.workflow.instance.WorkflowProcessParameters;
import org.kie.api.definition.process.Node;
import org.kie.api.definition.process.Process;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns one version of a process's BPMN into a runnable definition, at run time: the Drools knowledge builder
 * parses it and compiles its gateway conditions; then the compiler does what the build-time code generator did:
 * the process carries the version it is registered under, every step runs in the caller's transaction
 * ({@code jbpm.transactions.enable}: a step that fails is rolled back whole, instead of being swallowed with half of
 * it stored), and every user task gets a definition whose id names the process, the version and the element.
 */
final class ProcessCompiler {

    /** A user task's definition: its id ({@code <process>:<version>:<element>}), its element, its name and groups. */
    record TaskDefinition(String id, String element, String name, String groups) {}

    /** A compiled process version and the definitions of its user tasks. */
    record Compiled(Process process, List<TaskDefinition> tasks) {
        String id() {
            return process.getId();
        }

        String version() {
            return process.getVersion();
        }
    }

    /** How a refusal for the compiler's errors begins, before them. */
    static final String DOES_NOT_COMPILE = "it does not compile: ";

    private ProcessCompiler() {
    }

    /** The id a user task's definition has: process id, version and element id, separated by colons. */
    static String taskId(String processId, String version, String element) {
        return processId + ":" + version + ":" + element;
    }

    static Compiled compile(String processId, String version, String xml) {
        if (processId == null || !processId.matches("[A-Za-z][A-Za-z0-9_.-]{0,99}")) {
            throw new ProcessRefusedException(String.valueOf(processId), String.valueOf(version),
                    "a process id is a letter followed by up to 99 letters, digits, '_', '.' or '-'");
        }
        if (version == null || !version.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new ProcessRefusedException(processId, String.valueOf(version),
                    "a version is up to 64 letters, digits, '_', '.' or '-', starting with a letter or digit (no ':')");
        }
        if (xml == null || xml.isBlank()) {
            throw new ProcessRefusedException(processId, version, "the BPMN file is empty");
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Resource resource = ResourceFactory.newByteArrayResource(xml.getBytes(StandardCharsets.UTF_8));
        resource.setSourcePath(processId + ".bpmn");
        try {
            builder.add(resource, ResourceType.BPMN2);
        } catch (RuntimeException e) {
            throw new ProcessRefusedException(processId, version, "the BPMN file cannot be read: " + e.getMessage());
        }
        if (builder.hasErrors()) {
            throw new ProcessRefusedException(processId, version, DOES_NOT_COMPILE + builder.getErrors().stream()
                    .map(ProcessCompiler::describe).distinct().collect(Collectors.joining("; ")));
        }
        List<Process> processes = builder.getKnowledgePackages().stream().flatMap(p -> p.getProcesses().stream()).toList();
        if (processes.size() != 1) {
            throw new ProcessRefusedException(processId, version, "the BPMN file must hold exactly one process; it holds "
                    + processes.size());
        }
        Process process = processes.get(0);
        if (!processId.equals(process.getId())) {
            throw new ProcessRefusedException(processId, version, "the BPMN file holds process '" + process.getId()
                    + "', not '" + processId + "'");
        }
        ((ProcessImpl) process).setVersion(version);
        ((WorkflowProcessImpl) process).setMetaData(WorkflowProcessParameters.WORKFLOW_PARAM_TRANSACTIONS.getName(), "true");
        List<TaskDefinition> tasks = new ArrayList<>();
        for (Node node : ((WorkflowProcessImpl) process).getNodesRecursively()) {
            if (node instanceof HumanTaskNode task) {
                Work work = task.getWork();
                String element = String.valueOf(work.getParameter(Work.PARAMETER_UNIQUE_TASK_ID));
                String id = taskId(processId, version, element);
                work.setParameter(Work.PARAMETER_UNIQUE_TASK_ID, id);
                Object name = work.getParameter("TaskName");
                Object groups = work.getParameter("GroupId");
                tasks.add(new TaskDefinition(id, element, name == null ? task.getName() : String.valueOf(name),
                        groups == null ? null : String.valueOf(groups)));
            }
        }
        return new Compiled(process, List.copyOf(tasks));
    }

    private static String describe(KnowledgeBuilderError e) {
        String lines = e.getLines() == null || e.getLines().length == 0 || (e.getLines().length == 1 && e.getLines()[0] <= 0) ? ""
                : " (line " + Arrays.stream(e.getLines()).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + ")";
        return String.valueOf(e.getMessage()).strip() + lines;
    }
}
