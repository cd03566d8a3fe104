package org.dynreg.recertification.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.recertification.Recertifications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A household's benefit suspensions (the recertification sweep is a job: org.dynreg.batch). */
@RestController
class SuspensionController {
    private final Recertifications recertifications;

    SuspensionController(Recertifications recertifications) {
        this.recertifications = recertifications;
    }

    @Operation(summary = "The household's benefit suspensions (recertification not done within the grace period), newest first")
    @GetMapping("/api/households/{id}/suspensions")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','AUDITOR')")
    List<Recertifications.Suspension> suspensions(@PathVariable long id) {
        return recertifications.suspensionsOf(id);
    }
}
