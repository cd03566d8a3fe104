package org.dynreg.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.registry.HouseholdSearch;
import org.dynreg.security.Caller;
import org.springframework.security.access.AccessDeniedException;
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
    private final Caller caller;
    private final PersonalDataReads reads;

    SearchController(HouseholdSearch search, Caller caller, PersonalDataReads reads) {
        this.search = search;
        this.caller = caller;
        this.reads = reads;
    }

    @Operation(summary = "Households by id, a member's national id, phone or a member's name (the last three: roles that may see personal data)")
    @GetMapping("/api/search/households")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR','PARTNER')")
    List<HouseholdSearch.Found> households(@RequestParam(required = false) Long householdId, @RequestParam(required = false) String nationalId,
                                           @RequestParam(required = false) String phone, @RequestParam(required = false) String name,
                                           Authentication auth) {
        HouseholdSearch.Query q = new HouseholdSearch.Query(householdId, nationalId, phone, name);
        boolean personal = caller.maySeePersonalData(auth);
        if (q.personal() && !personal) {
            throw new AccessDeniedException("searching by national id, phone or name is for roles that may see personal data");
        }
        List<HouseholdSearch.Found> found = search.find(q, personal);
        if (personal) {
            for (HouseholdSearch.Found f : found) {
                reads.record(auth, PersonalDataReads.Kind.HOUSEHOLD, f.householdId(), f.householdId(), true);
            }
        }
        return found;
    }
}
