/**
 * The two update types that come back to a registered household after a number of months: the cyclic
 * update a household above the threshold asks for, and the recertification of a beneficiary, opened by
 * the daily sweep, with its grace period and benefit suspension (processes/cyclicUpdate.bpmn and
 * processes/recertification.bpmn). The Update windows and Deadlines tables set the months and the days.
 */
package org.dynreg.recertification;
