package org.dynreg.workflow;

/** A question answered by the workflow-policy tables of one policy version, with that version named. */
public record PolicyAnswer<T>(T answer, int policyVersion, String policySha256) {
}
