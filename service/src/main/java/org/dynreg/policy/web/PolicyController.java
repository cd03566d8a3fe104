package org.dynreg.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.NotFoundException;
import org.dynreg.policy.BundleSummary;
import org.dynreg.policy.Policies;
import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.PolicyProblem;
import org.dynreg.policy.PolicyRejectedException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/policy")
class PolicyController {
    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    @Operation(summary = "All policy bundle versions")
    @GetMapping("/bundles")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    List<BundleSummary> versions() {
        return policies.versions();
    }

    @Operation(summary = "The policy version in force")
    @GetMapping("/active")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR','CASEWORKER','SUPERVISOR')")
    BundleSummary active() {
        return policies.summary(policies.active().version());
    }

    @Operation(summary = "One policy bundle version")
    @GetMapping("/bundles/{version}")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    BundleSummary version(@PathVariable int version) {
        try {
            return policies.summary(version);
        } catch (EmptyResultDataAccessException e) {
            throw new NotFoundException("policy bundle version", version);
        }
    }

    @Operation(summary = "Check a bundle (every .drl.xlsx and .drl file) without storing it; lists every problem")
    @PostMapping(path = "/validate", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    List<PolicyProblem> validate(@RequestParam("files") List<MultipartFile> files) throws IOException {
        return policies.validate(read(files));
    }

    @Operation(summary = "Publish a complete bundle as a new version in force; a bundle that does not compile is refused and nothing changes")
    @PostMapping(path = "/bundles", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    BundleSummary publish(@RequestParam("files") List<MultipartFile> files, @RequestParam("comment") String comment,
                          Authentication auth) throws IOException {
        return policies.publish(read(files), comment, auth.getName());
    }

    private static List<PolicyFile> read(List<MultipartFile> files) throws IOException {
        List<PolicyFile> out = new ArrayList<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (MultipartFile f : files) {
            String name = f.getOriginalFilename() == null ? f.getName() : f.getOriginalFilename();
            String path = (name.endsWith(".drl.xlsx") ? "decision-tables/" : "rules/") + name.substring(name.lastIndexOf('/') + 1);
            try {
                out.add(new PolicyFile(path, f.getBytes()));
            } catch (IllegalArgumentException e) {
                problems.add(PolicyProblem.inFile(name, e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(problems);
        }
        return out;
    }
}
