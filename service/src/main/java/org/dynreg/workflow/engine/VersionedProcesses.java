package org.dynreg.workflow.engine;

import org.kie.kogito.Model;
import org.kie.kogito.process.Process;
import org.kie.kogito.process.bpmn2.BpmnProcesses;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's processes, every version side by side. {@link #processById} answers the version in force (what a
 * new case starts on); {@link #process(String, String)} any registered version; a process instance is found under
 * the version it was started on, which the instance store keeps with it. A compiled process adds itself here when
 * it is built ({@code BpmnProcess} does so), keyed by id and version.
 */
class VersionedProcesses extends BpmnProcesses {
    private final Map<String, Map<String, Process<? extends Model>>> versions = new ConcurrentHashMap<>();
    private final Map<String, String> inForce = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private volatile java.util.function.BiFunction<String, String, Process<? extends Model>> whenMissing = (id, version) -> null;

    VersionedProcesses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BpmnProcesses addProcess(Process<? extends Model> process) {
        versions.computeIfAbsent(process.id(), id -> new ConcurrentHashMap<>()).put(process.version(), process);
        return this;
    }

    void putInForce(String processId, String version) {
        inForce.put(processId, version);
    }

    Optional<String> inForce(String processId) {
        return Optional.ofNullable(inForce.get(processId));
    }

    List<String> versions(String processId) {
        return List.copyOf(versions.getOrDefault(processId, Map.of()).keySet());
    }

    /** Where a stored instance's version not registered yet is looked for (ProcessVersions: its sources). */
    void whenMissing(java.util.function.BiFunction<String, String, Process<? extends Model>> lookUp) {
        this.whenMissing = lookUp;
    }

    /** A registered version of a process; null when there is none. */
    Process<? extends Model> process(String processId, String version) {
        return versions.getOrDefault(processId, Map.of()).get(version);
    }

    private Process<? extends Model> registered(String processId, String version) {
        Process<? extends Model> p = process(processId, version);
        return p != null ? p : whenMissing.apply(processId, version);
    }

    @Override
    public Process<? extends Model> processById(String processId) {
        String version = inForce.get(processId);
        return version == null ? null : process(processId, version);
    }

    @Override
    public Collection<String> processIds() {
        return List.copyOf(inForce.keySet());
    }

    /** The definition a stored process instance runs on: its process id and version, as the instance store keeps them. */
    @Override
    public Optional<Process<? extends Model>> processByProcessInstanceId(String processInstanceId) {
        return jdbc.query("select process_id, process_version from process_instances where id = ?",
                        (rs, i) -> registered(rs.getString(1), rs.getString(2)), processInstanceId)
                .stream().filter(java.util.Objects::nonNull).<Process<? extends Model>>map(p -> p).findFirst();
    }
}
