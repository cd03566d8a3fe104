package org.dynreg.cyclic.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.cyclic.CyclicUpdates;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Cases;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requesting a cyclic update (the due-date sweep that tells households they may is a job: org.dynreg.batch). */
@RestController
class CyclicUpdateController {
    private final CyclicUpdates cyclicUpdates;
    private final Cases cases;

    CyclicUpdateController(CyclicUpdates cyclicUpdates, Cases cases) {
        this.cyclicUpdates = cyclicUpdates;
        this.cases = cases;
    }

    record CyclicRequest(Long householdId) {}

    @Operation(summary = "Request a cyclic update for a household that does not receive the cash transfer, once the Update windows table allows it")
    @PostMapping("/api/updates/cyclic")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER')")
    @ResponseStatus(HttpStatus.CREATED)
    CaseView requestCyclic(@RequestBody CyclicRequest body, Authentication auth) {
        if (body.householdId() == null) {
            throw new InvalidRequestException("householdId", "the household asking for the update is required");
        }
        return cases.view(cyclicUpdates.request(body.householdId(), auth.getName()));
    }
}
