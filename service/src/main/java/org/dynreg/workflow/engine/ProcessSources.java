package org.dynreg.workflow.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the service's processes come from: the BPMN of every version of every process it should run, and the
 * version of each process that new cases start on. At start {@link ProcessVersions} compiles and registers every
 * version listed; at each case's start it asks which version is in force, and registers it first if it is new (found
 * through {@link #source}); a stored instance of a version not yet registered is found the same way.
 * <p>The service's are the policy bundle's ({@link BundleProcesses}): the version in force follows the policy version
 * in force. Another implementation replaces it by being declared {@code @Primary}.
 */
public interface ProcessSources {

    /** One version of one process: its id (the BPMN process id), its version, and its BPMN 2.0 XML. */
    record Source(String processId, String version, String xml) {
        public Source {
            if (processId == null || processId.isBlank() || version == null || version.isBlank() || xml == null) {
                throw new IllegalArgumentException("a process source needs a process id, a version and its XML");
            }
        }
    }

    /** Every version of every process the service runs (old versions too, while cases may still run on them). */
    List<Source> sources();

    /** For each process id, the version new cases start on now; asked at every case's start. */
    Map<String, String> inForce();

    /**
     * One version of a process, when a case needs one that was not registered at start (put in force since, perhaps
     * by another instance); empty when there is no such version.
     */
    default Optional<Source> source(String processId, String version) {
        return sources().stream().filter(s -> s.processId().equals(processId) && s.version().equals(version)).findFirst();
    }
}
