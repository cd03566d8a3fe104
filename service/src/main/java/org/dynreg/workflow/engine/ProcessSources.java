package org.dynreg.workflow.engine;

import java.util.List;
import java.util.Map;

/**
 * Where the service's processes come from: the BPMN of every version of every process it should run, and the
 * version of each process that new cases start on. Read once at start ({@link ProcessVersions} compiles and
 * registers every version it lists, then puts the named versions in force); a version added while the service runs
 * goes through {@link ProcessVersions#register} and {@link ProcessVersions#putInForce}, and must be listed here too
 * from then on, so that its running cases find it after a restart.
 * <p>The default lists the repository's {@code processes/*.bpmn} as version {@value RepositoryProcessSources#VERSION},
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

    /** For each process id, the version new cases start on; it must be one of {@link #sources()}. */
    Map<String, String> inForce();
}
