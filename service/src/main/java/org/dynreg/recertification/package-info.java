/**
 * Recertification of beneficiaries: a case opened by the daily due-date sweep for every household receiving the
 * cash transfer whose last survey is the Update windows table's months old, with its grace period, benefit
 * suspension and continue-or-exit decision (processes/recertification.bpmn). The Update windows and Deadlines
 * tables set the months and the days.
 */
package org.dynreg.recertification;
