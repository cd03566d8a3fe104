/**
 * Shock updates: a policy officer declares a shock (a disaster) over districts or tehsils; every
 * household living there gets a re-survey order, in the order the Shock response table sets by score
 * band; the re-survey is rescored and the same table names the households for emergency assistance,
 * who are told (process processes/shockUpdate.bpmn).
 */
package org.dynreg.shock;
