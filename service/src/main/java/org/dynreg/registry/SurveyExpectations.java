package org.dynreg.registry;

import java.util.Optional;

/**
 * Whether a survey of an update type is awaited for a household: an APPEAL, CYCLIC_UPDATE, RECERTIFICATION or
 * SHOCK_UPDATE survey answers an open case that ordered a re-survey, and is refused without one. The cases live
 * outside the registry (org.dynreg.workflow answers), so the registry asks through this port and knows nothing
 * of cases or tasks.
 */
public interface SurveyExpectations {

    /**
     * Empty when a survey of {@code type} for the household is awaited (or needs no case); otherwise the refusal,
     * naming the update type, the household and the case that is missing.
     */
    Optional<String> missingCase(UpdateType type, long householdId);
}
