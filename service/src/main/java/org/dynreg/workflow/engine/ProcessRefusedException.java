package org.dynreg.workflow.engine;

/**
 * A process version that cannot be registered or put in force: it does not compile, names another process id,
 * changes a version already registered, or names a version that is not there. The message names the process, the
 * version and, where one is to blame, the element.
 */
public class ProcessRefusedException extends RuntimeException {
    private final String processId;
    private final String version;
    private final String reason;

    public ProcessRefusedException(String processId, String version, String message) {
        super("process " + processId + " version " + version + ": " + message);
        this.processId = processId;
        this.version = version;
        this.reason = message;
    }

    /** Why, without the process and version. */
    public String reason() {
        return reason;
    }

    public String processId() {
        return processId;
    }

    public String version() {
        return version;
    }
}
