/**
 * Roster updates: a member added (birth, marriage) or removed (death, marriage out), a new head, a
 * member's marital status, disability or gender, the household's contact or address. A change is
 * requested with its reason and evidence, the people it concerns are verified with the identity
 * authority (a caseworker decides when the authority does not confirm them), a supervisor approves
 * where the Roster changes table says so, and the change becomes a new ROSTER_UPDATE survey of the
 * household, decided like every survey (process processes/rosterUpdate.bpmn).
 */
package org.dynreg.roster;
