package org.dynreg.eligibility;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.Optional;

/** Append-only by construction: the repository can add and read decisions, nothing else. */
interface EligibilityDecisions extends Repository<EligibilityDecision, Long> {
    EligibilityDecision save(EligibilityDecision decision);

    Optional<EligibilityDecision> findById(long id);

    List<EligibilityDecision> findByHouseholdIdOrderByDecidedAtAscIdAsc(long householdId);
}
