package org.dynreg.policy;

import java.util.Map;

/**
 * A policy action (upload, check, expectation, approval, activation, roll-back), published inside the
 * transaction that stores it so the audit trail records it in the same commit.
 */
public record PolicyAction(String actor, String action, int version, Map<String, Object> details) {
    public static final String UPLOAD = "POLICY_UPLOAD";
    public static final String VALIDATE = "POLICY_VALIDATE";
    public static final String EXPECTATION = "POLICY_EXPECTATION";
    public static final String APPROVE = "POLICY_APPROVE";
    public static final String ACTIVATE = "POLICY_ACTIVATE";
    public static final String ROLLBACK = "POLICY_ROLLBACK";
    public static final String INSTALL = "POLICY_INSTALL";
}
