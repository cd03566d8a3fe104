/**
 * Registration of missed-out households at the Dynamic Registration Centres: a token in the site's
 * queue, the survey, its check by the registry's validation with data-quality warnings for the data
 * analysts, verification of every member with the national identity authority (a caseworker resolves a
 * rejection or a missing answer), then storage, scoring and enrolment, and the household told its
 * household id (process processes/missedOutRegistration.bpmn).
 */
package org.dynreg.registration;
