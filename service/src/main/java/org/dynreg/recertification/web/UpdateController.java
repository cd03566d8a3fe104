package org.dynreg.recertification.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.recertification.CyclicUpdates;
import org.dynreg.recertification.Recertifications;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Cases;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Requesting a cyclic update, and a household's benefit suspensions (the sweeps are jobs: org.dynreg.batch). */
@RestController
class UpdateController {
    private final CyclicUpdates cyclicUpdates;
    private final Recertifications recertifications;
    private final Cases cases;

    UpdateController(CyclicUpdates cyclicUpdates, Recertifications recertifications, Cases cases) {
        this.cyclicUpdates = cyclicUpdates;
        this.recertifications = recertifications;
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

    @Operation(summary = "The household's benefit suspensions (recertification not done within the grace period), newest first")
    @GetMapping("/api/households/{id}/suspensions")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','AUDITOR')")
    List<Recertifications.Suspension> suspensions(@PathVariable long id) {
        return recertifications.suspensionsOf(id);
    }
}
