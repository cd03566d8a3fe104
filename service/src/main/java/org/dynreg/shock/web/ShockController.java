package org.dynreg.shock.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.shock.Assistance;
import org.dynreg.shock.Declaration;
import org.dynreg.shock.Extension;
import org.dynreg.shock.ResurveyOrder;
import org.dynreg.shock.ShockView;
import org.dynreg.shock.Shocks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Declaring a shock, following its re-survey orders, and the households named for emergency assistance. */
@RestController
class ShockController {
    private final Shocks shocks;

    ShockController(Shocks shocks) {
        this.shocks = shocks;
    }

    @Operation(summary = "Declare a shock over districts or tehsils: one re-survey order per household living there, by the Shock response table's priority; refused (409) when a declared shock already covers the ground and days")
    @PostMapping("/api/shocks")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    ResponseEntity<ShockView> declare(@RequestBody(required = false) Declaration body, Authentication auth) {
        ShockView shock = shocks.declare(body, auth.getName());
        return ResponseEntity.created(URI.create("/api/shocks/" + shock.id())).body(shock);
    }

    @Operation(summary = "Extend a declared shock as the disaster authority extends its notification: a later last day and/or more districts or tehsils; households in the added ground get re-survey orders, none is named twice")
    @PostMapping("/api/shocks/{id}/extensions")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    ShockView extend(@PathVariable long id, @RequestBody(required = false) Extension body, Authentication auth) {
        return shocks.extend(id, body, auth.getName());
    }

    @Operation(summary = "A declared shock: its re-survey orders in priority order with their state, and how many per priority")
    @GetMapping("/api/shocks/{id}")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','SUPERVISOR','CASEWORKER','AUDITOR')")
    ShockView view(@PathVariable long id) {
        return shocks.view(id);
    }

    @Operation(summary = "The households named for emergency assistance after their re-survey, with the amounts")
    @GetMapping("/api/shocks/{id}/assistance")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','SUPERVISOR','CASEWORKER','AUDITOR')")
    List<Assistance> assistance(@PathVariable long id) {
        return shocks.assistance(id);
    }

    @Operation(summary = "My re-survey tasks and my group's, in priority order (optionally of one shock); take them with /api/tasks/{taskId}/claim")
    @GetMapping("/api/shocks/resurveys")
    @PreAuthorize("hasRole('DATA_ENTRY_OPERATOR')")
    List<ResurveyOrder> resurveys(@RequestParam(required = false) Long shock, Authentication auth) {
        return shocks.resurveyOrders(auth.getName(), groups(auth), shock);
    }

    /** Task groups are the caller's roles. */
    private static Set<String> groups(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }
}
