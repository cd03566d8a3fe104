package org.dynreg.eligibility.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.NotFoundException;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/decisions")
class DecisionController {
    private final Eligibility eligibility;

    DecisionController(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    @Operation(summary = "One decision with its explanation: score breakdown, rules fired, policy version and reasons")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR','POLICY_OFFICER')")
    DecisionView decision(@PathVariable long id) {
        return eligibility.decision(id).orElseThrow(() -> new NotFoundException("decision", id));
    }
}
