package org.dynreg.registration.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.registration.Registrations;
import org.dynreg.registration.Token;
import org.dynreg.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Tokens of the registration centres. The survey and the identity review go through the case's tasks
 * ({@code /api/tasks}); a token shows where its case stands.
 */
@RestController
class RegistrationController {
    private final Registrations registrations;
    private final Caller caller;
    private final PersonalDataReads reads;

    RegistrationController(Registrations registrations, Caller caller, PersonalDataReads reads) {
        this.registrations = registrations;
        this.caller = caller;
        this.reads = reads;
    }

    record Issue(String siteId) {}

    @Operation(summary = "Issue the next token of a registration site to a missed-out household; its survey becomes an operator's task")
    @PostMapping("/api/registrations/tokens")
    @PreAuthorize("hasRole('DATA_ENTRY_OPERATOR')")
    ResponseEntity<Token> issue(@RequestBody Issue body, Authentication auth) {
        long caseId = registrations.issue(body.siteId(), auth.getName());
        return ResponseEntity.created(URI.create("/api/registrations/tokens/" + caseId))
                .body(registrations.token(caseId, caller.maySeePersonalData(auth)));
    }

    @Operation(summary = "A token with its case: open tasks, history (field errors, warnings, identity checks by member line), household and decision")
    @GetMapping("/api/registrations/tokens/{caseId}")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR')")
    Token token(@PathVariable long caseId, Authentication auth) {
        boolean personalData = caller.maySeePersonalData(auth);
        Token token = registrations.token(caseId, personalData);
        reads.record(auth, PersonalDataReads.Kind.REGISTRATION_TOKEN, caseId, token.householdId(), personalData);
        return token;
    }
}
