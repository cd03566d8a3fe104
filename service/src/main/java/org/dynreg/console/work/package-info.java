/**
 * The work pages of the console: the work list (/work: my tasks, my office's unclaimed tasks, the tasks I completed;
 * claim, release, reassign) and the task form (/tasks/{id}). They call the workflow's facade ({@code workflow.Tasks},
 * {@code workflow.Cases}) as {@code workflow.web.CaseController} does.
 */
package org.dynreg.console.work;
