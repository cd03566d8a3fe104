package org.dynreg.eligibility;

/** The active policy could not decide for a household (overlapping or missing rows): nothing is stored. */
public class PolicyFaultException extends RuntimeException {
    public PolicyFaultException(int policyVersion, String message) {
        super("policy version " + policyVersion + ": " + message);
    }
}
