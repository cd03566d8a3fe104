package org.dynreg.policy;

/** Maker-checker: whoever uploaded a version may not approve or activate it. */
public class SecondOfficerRequiredException extends RuntimeException {
    public SecondOfficerRequiredException(String message) {
        super(message);
    }
}
