package org.dynreg.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.identity.IdentityAuthority;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the simulated identity authority how to answer for a national id (training sites and tests).
 * Exists only with {@code dynreg.identity.simulator=true}; only administrators control it.
 */
@RestController
@ConditionalOnProperty(name = IdentityAuthority.SIMULATOR, havingValue = "true")
class SimulatorController {
    private final org.dynreg.identity.SimulatorControl control;

    SimulatorController(org.dynreg.identity.SimulatorControl control) {
        this.control = control;
    }

    record Behaviour(String behaviour) {}

    @Operation(summary = "Simulated identity authority: ACCEPT, REJECT or TIMEOUT for this national id from now on")
    @PutMapping("/api/simulator/identity/{nationalId}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void tell(@PathVariable String nationalId, @RequestBody Behaviour body) {
        control.tell(nationalId, body.behaviour());
    }
}
