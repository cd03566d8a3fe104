package org.dynreg.cli;

/** A command that could not do its work; the shell prints the message and exits with the code. */
class CliFailure extends RuntimeException {
    /**
     * Exit codes: 1 unexpected, 2 refused input, 3 not signed in or not allowed, 4 service unreachable, 5 not found,
     * 6 the audit trail's hash chain is broken, 7 a replay found a decision that does not reproduce, 8 a job waited for
     * ended without completing (FAILED or STOPPED).
     */
    static final int REFUSED = 2;
    static final int NOT_ALLOWED = 3;
    static final int UNREACHABLE = 4;
    static final int NOT_FOUND = 5;
    static final int CHAIN_BROKEN = 6;
    static final int MISMATCH = 7;
    static final int JOB_NOT_COMPLETED = 8;

    final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }
}
