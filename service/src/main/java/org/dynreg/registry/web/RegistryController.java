package org.dynreg.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.NotFoundException;
import org.dynreg.eligibility.DecisionView;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.registry.HouseholdView;
import org.dynreg.registry.Registration;
import org.dynreg.registry.Registry;
import org.dynreg.registry.SurveySummary;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api")
class RegistryController {
    private final Registry registry;
    private final Eligibility eligibility;

    RegistryController(Registry registry, Eligibility eligibility) {
        this.registry = registry;
        this.eligibility = eligibility;
    }

    @Operation(summary = "Submit a household survey; answers 201 with the household id and its eligibility decision")
    @PostMapping(path = "/surveys", consumes = "application/json")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','SUPERVISOR')")
    ResponseEntity<Registration> submit(@RequestBody JsonNode survey, Authentication auth) {
        Registration r = registry.submit(survey, auth.getName());
        return ResponseEntity.created(URI.create("/api/households/" + r.householdId())).body(r);
    }

    @Operation(summary = "A household with its current roster; personal data only for roles allowed to see it")
    @GetMapping("/households/{id}")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR','PARTNER')")
    HouseholdView household(@PathVariable long id, Authentication auth) {
        return registry.read(id, auth);
    }

    @Operation(summary = "The household's surveys, oldest first")
    @GetMapping("/households/{id}/surveys")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR')")
    List<SurveySummary> surveys(@PathVariable long id) {
        requireHousehold(id);
        return registry.surveysOf(id);
    }

    @Operation(summary = "The household's eligibility decisions, oldest first, each with its explanation")
    @GetMapping("/households/{id}/decisions")
    @PreAuthorize("hasAnyRole('DATA_ENTRY_OPERATOR','CASEWORKER','SUPERVISOR','AUDITOR')")
    List<DecisionView> decisions(@PathVariable long id) {
        requireHousehold(id);
        return eligibility.decisionsOf(id);
    }

    private void requireHousehold(long id) {
        if (!registry.exists(id)) {
            throw new NotFoundException("household", id);
        }
    }
}
