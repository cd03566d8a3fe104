package org.dynreg.workflow;

/**
 * A wrong move on a case or task (completing it twice, by someone else, without a required outcome,
 * on a closed case, approving one's own review): refused with its HTTP status, and nothing changes.
 */
public class WorkflowRefusedException extends RuntimeException {
    private final int status;

    public WorkflowRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static WorkflowRefusedException forbidden(String message) {
        return new WorkflowRefusedException(403, message);
    }

    public static WorkflowRefusedException conflict(String message) {
        return new WorkflowRefusedException(409, message);
    }

    public static WorkflowRefusedException invalid(String message) {
        return new WorkflowRefusedException(422, message);
    }
}
