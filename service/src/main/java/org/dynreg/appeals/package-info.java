/**
 * Appeals against the cut-off: lodging within the window, admissibility by the Appeals table, review
 * by a caseworker, decision by a supervisor, and the household told the outcome (process
 * processes/appeal.bpmn).
 */
package org.dynreg.appeals;
