package org.dynreg.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.registry.HouseholdSearch;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Finding households: by id for every role that reads households, by national id, phone or name for those that may see personal data. */
@RestController
class SearchController {
    private final HouseholdSearch search;

    SearchController(HouseholdSearch search) {
        this.search = search;
    }

    @Operation(summary = "Households by id, a member's national id, phone or a member's name (the last three: roles that may see personal data)")
    @GetMapping("/api/search/households")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR','PARTNER')")
    List<HouseholdSearch.Found> households(@RequestParam(required = false) Long householdId, @RequestParam(required = false) String nationalId,
                                           @RequestParam(required = false) String phone, @RequestParam(required = false) String name,
                                           Authentication auth) {
        return search.find(new HouseholdSearch.Query(householdId, nationalId, phone, name), auth);
    }
}
