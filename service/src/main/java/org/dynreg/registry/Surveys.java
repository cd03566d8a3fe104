package org.dynreg.registry;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface Surveys extends JpaRepository<SurveyRecord, Long> {
    List<SurveyRecord> findByHouseholdIdOrderBySubmittedAtAscIdAsc(long householdId);
}
