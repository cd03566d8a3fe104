package org.dynreg.eligibility;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One reference household: a complete survey and the outcome the policy as written gives it. A candidate
 * policy version that gives another outcome needs an officer's recorded reason (the regression gate).
 *
 * @param name        the file name without {@code .json}, e.g. {@code cutoff-32-standard-eligible}
 * @param description which rule or boundary the household pins, with its score breakdown
 * @param survey      the survey as submitted, in the format of docs/survey-format.md
 * @param expected    the expected outcome
 */
public record ReferenceHousehold(String name, String description, JsonNode survey, ReferenceOutcome expected) {
}
