package org.dynreg.synthetic.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.synthetic.Generation;
import org.dynreg.synthetic.SyntheticRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Synthetic registries for test, training and benchmark installations (administrators only). */
@RestController
class SyntheticRegistryController {
    record GenerationRequest(long households, long seed) {
    }

    private final SyntheticRegistry synthetic;

    SyntheticRegistryController(SyntheticRegistry synthetic) {
        this.synthetic = synthetic;
    }

    @Operation(summary = "Start generating N synthetic households with a seed (the same seed gives the same households); follow it with GET /api/registry/generations/{id}")
    @PostMapping("/api/registry/generations")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Generation start(@RequestBody GenerationRequest request, Authentication auth) {
        return synthetic.start(request.households(), request.seed(), auth.getName());
    }

    @Operation(summary = "A generation's progress: households and members written (whole chunks), rate, status")
    @GetMapping("/api/registry/generations/{id}")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Generation generation(@PathVariable long id) {
        return synthetic.generation(id);
    }
}
