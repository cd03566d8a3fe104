package org.dynreg.workflow;

import java.time.LocalDate;

/**
 * An update type falling due on a day, as the Update windows table has it: every household of the type's kind
 * last surveyed on or before {@code lastSurveyedOnOrBefore} is due on {@code asOf}.
 *
 * @param gracePeriod the Deadlines table's period for the re-survey (recertification); null where there is none
 */
public record UpdateDue(String updateType, LocalDate asOf, int monthsAfterLastSurvey, LocalDate lastSurveyedOnOrBefore,
                        String rule, String gracePeriod) {}
