package org.dynreg.registry;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

interface Households extends JpaRepository<Household, Long> {

    /** National ids from the list already on the roster of a household other than the given one. */
    @Query("select m.answers.nationalId from HouseholdMember m where m.answers.nationalId in :ids and m.household.id <> :household")
    List<String> nationalIdsHeldElsewhere(@Param("ids") Collection<String> ids, @Param("household") long household);

    /** As {@link #nationalIdsHeldElsewhere}, each national id with the household holding it. */
    @Query("select m.answers.nationalId, m.household.id from HouseholdMember m where m.answers.nationalId in :ids and m.household.id <> :household")
    List<Object[]> householdsHoldingElsewhere(@Param("ids") Collection<String> ids, @Param("household") long household);
}
