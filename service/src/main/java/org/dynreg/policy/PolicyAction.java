package org.dynreg.policy;

import java.util.Map;

/**
 * A policy action (check, upload, validation, expectation, approval, activation, roll-back, cancellation of a
 * scheduled activation), published inside the transaction that stores it so the audit trail records it in the same
 * commit. A check of files that are not stored has no version. A refused attempt ({@link #REFUSED}: the attempted
 * action, the reason, and what was asked) is published in a transaction of its own, so it stays recorded although
 * the attempt changes nothing.
 */
public record PolicyAction(String actor, String action, Integer version, Map<String, Object> details) {
    public static final String CHECK = "policy.check";
    public static final String UPLOAD = "policy.upload";
    public static final String VALIDATE = "policy.validate";
    public static final String EXPECTATION = "policy.expectation";
    public static final String ACCEPT = "policy.accept";
    public static final String APPROVE = "policy.approve";
    public static final String ACTIVATE = "policy.activate";
    public static final String ROLLBACK = "policy.rollback";
    public static final String INSTALL = "policy.install";
    public static final String CANCEL = "policy.cancel";
    public static final String REFUSED = "policy.refused";
}
