/**
 * Evidence and foresight: replay of recorded decisions under the policy version they name, what-if
 * runs of a candidate version over the registry (with the households gained and lost split by cause) or over
 * one survey, the budget solver, and the append-only,
 * hash-chained audit trail of every policy action and replay.
 */
package org.dynreg.audit;
