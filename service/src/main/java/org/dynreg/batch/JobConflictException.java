package org.dynreg.batch;

/** A job cannot do what was asked in its present state (already running, completed, not the latest run); 409. */
public class JobConflictException extends RuntimeException {
    JobConflictException(String message) {
        super(message);
    }
}
