package org.dynreg.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.audit.ReplayOutcome;
import org.dynreg.audit.ReplayRequest;
import org.dynreg.audit.ReplayRun;
import org.dynreg.audit.Replays;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Replay of recorded decisions for auditors. */
@RestController
class ReplayController {
    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @Operation(summary = "Replay one decision under the policy version it recorded (or another, with against) and compare every output field")
    @GetMapping("/api/decisions/{id}/replay")
    @PreAuthorize("hasRole('AUDITOR')")
    ReplayOutcome replay(@PathVariable long id, @RequestParam(required = false) Integer against, Authentication auth) {
        return replays.replay(id, against, auth.getName());
    }

    @Operation(summary = "Start replaying every decision of the registry (scope REGISTRY), or of a period, province, district or program; follow it with GET /api/replays/{id}")
    @PostMapping("/api/replays")
    @PreAuthorize("hasRole('AUDITOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayRun start(@RequestBody(required = false) ReplayRequest request, Authentication auth) {
        return replays.start(request == null ? new ReplayRequest(null, null, null, null, null, null, null) : request, auth.getName());
    }

    @Operation(summary = "A replay run's progress; with mismatches=true, every decision that did not replay identically")
    @GetMapping("/api/replays/{id}")
    @PreAuthorize("hasRole('AUDITOR')")
    ReplayRun run(@PathVariable long id, @RequestParam(defaultValue = "false") boolean mismatches) {
        return replays.run(id, mismatches);
    }
}
