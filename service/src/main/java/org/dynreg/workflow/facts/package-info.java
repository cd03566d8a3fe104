/**
 * The questions workflows ask of the workflow-policy tables. Each is a plain bean holding what the
 * tables match on; the tables write their answer onto it (and the rule that gave it), so one
 * question yields one answer and its source. See docs/facts.md.
 */
package org.dynreg.workflow.facts;
