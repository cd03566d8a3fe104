/**
 * The console's policy pages for policy officers (docs/console.md, "Policy"): the versions and their states,
 * upload of changed workbooks with the problems by cell and the regression gate by reference household, the diff
 * of two versions cell by cell, approval, activation, scheduling and roll-back under maker-checker, what-if with a
 * chart by province and the budget solver, and download of any version's files. Every action calls the same
 * {@link org.dynreg.policy.Policies} and {@link org.dynreg.audit.WhatIf} methods as the REST API.
 */
package org.dynreg.console.policy;
