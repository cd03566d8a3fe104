package org.dynreg.security;

/** The registry's roles; each endpoint and shell command names the ones it allows. */
public enum Role {
    DATA_ENTRY_OPERATOR, POLICY_OFFICER, CASEWORKER, SUPERVISOR, AUDITOR, PARTNER,
    /** Runs the installation: registry-wide jobs, synthetic registries for tests and benchmarks. */
    ADMINISTRATOR
}
