package org.dynreg.roster.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.roster.RosterChangeView;
import org.dynreg.roster.RosterRequest;
import org.dynreg.roster.RosterUpdates;
import org.dynreg.security.Caller;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Cases;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Requesting a roster change, and reading what a roster-update case is to change. */
@RestController
class RosterController {
    private final RosterUpdates updates;
    private final Cases cases;
    private final Caller caller;
    private final PersonalDataReads reads;

    RosterController(RosterUpdates updates, Cases cases, Caller caller, PersonalDataReads reads) {
        this.updates = updates;
        this.cases = cases;
        this.caller = caller;
        this.reads = reads;
    }

    @Operation(summary = "Request a roster change (ADD_MEMBER, REMOVE_MEMBER, CHANGE_HEAD, MARITAL_STATUS, DISABILITY, GENDER, "
            + "CONTACT, ADDRESS); answers 201 with its case, already applied when nobody needs to decide on it")
    @PostMapping("/api/updates/roster")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER')")
    ResponseEntity<CaseView> request(@RequestBody RosterRequest body, Authentication auth) {
        long caseId = updates.request(body, auth.getName());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(cases.view(caseId));
    }

    @Operation(summary = "What a roster-update case is to change, with its reason and evidence (personal data only for roles allowed to see it)")
    @GetMapping("/api/updates/roster/{caseId}")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR')")
    RosterChangeView change(@PathVariable long caseId, Authentication auth) {
        RosterChangeView change = updates.change(caseId, caller.maySeePersonalData(auth));
        reads.record(auth, PersonalDataReads.Kind.ROSTER_CHANGE, caseId, change.householdId(), change.personalDataShown());
        return change;
    }
}
