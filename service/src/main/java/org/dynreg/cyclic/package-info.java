/**
 * The cyclic update: a registered household that does not receive the cash transfer asks to update its
 * socio-economic status once the Update windows table's months have passed since its last survey; the daily
 * due-date sweep tells it when it may (processes/cyclicUpdate.bpmn).
 */
package org.dynreg.cyclic;
