package org.dynreg.batch.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.batch.JobView;
import org.dynreg.batch.Jobs;
import org.dynreg.recertification.Recertifications;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The registry-wide jobs. Administrators run every job; policy officers and supervisors rescore; supervisors sweep;
 * whoever may start a job may restart or stop it; auditors may follow them too.
 */
@RestController
class JobController {
    private final Jobs jobs;
    private final Recertifications recertifications;

    JobController(Jobs jobs, Recertifications recertifications) {
        this.jobs = jobs;
        this.recertifications = recertifications;
    }

    /** {@code scope} "REGISTRY" for the whole registry, or left out with a province, district or program (api.Scopes). */
    record RescoringRequest(String scope, String province, String district, String program) {}

    /** The sweep always covers the whole registry, so it is asked for with {@code scope} "REGISTRY". */
    record SweepRequest(String scope, String asOf) {}

    @Operation(summary = "Rescore the registry (scope REGISTRY), or a province, district or program, under the policy version active now; answers at once with the execution to follow")
    @PostMapping("/api/jobs/rescoring")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','SUPERVISOR','ADMINISTRATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView rescore(@RequestBody(required = false) RescoringRequest body, Authentication auth) {
        RescoringRequest r = body == null ? new RescoringRequest(null, null, null, null) : body;
        return jobs.startRescoring(r.scope(), r.province(), r.district(), r.program(), auth.getName());
    }

    @Operation(summary = "Run the due-date sweep (recertification cases, cyclic-update notices) over the registry (scope REGISTRY) for asOf (default today; not after today)")
    @PostMapping("/api/jobs/sweep")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView sweep(@RequestBody(required = false) SweepRequest body, Authentication auth) {
        String scope = body == null ? null : body.scope();
        String asOf = body == null ? null : body.asOf();
        return jobs.startSweep(scope, asOf == null ? recertifications.today() : Jobs.day(asOf), auth.getName());
    }

    @Operation(summary = "Run the recertification sweep now and wait for it: open a case for every beneficiary due by asOf (default today; not after today)")
    @PostMapping("/api/sweeps/recertification")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMINISTRATOR')")
    Recertifications.SweepResult sweepRecertification(@RequestParam(required = false) String asOf, Authentication auth) {
        return jobs.sweepRecertification(asOf == null ? recertifications.today() : Jobs.day(asOf), auth.getName());
    }

    @Operation(summary = "The latest job executions, newest first, with their progress")
    @GetMapping("/api/jobs")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','SUPERVISOR','AUDITOR','ADMINISTRATOR')")
    List<JobView> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "must be 1 to 500");
        }
        return jobs.recent(limit);
    }

    @Operation(summary = "A job execution: status, households in scope and done, rate, time left, policy version")
    @GetMapping("/api/jobs/{executionId}")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','SUPERVISOR','AUDITOR','ADMINISTRATOR')")
    JobView job(@PathVariable long executionId) {
        return jobs.view(executionId);
    }

    @Operation(summary = "Restart a FAILED or STOPPED execution; it goes on from each district's last committed chunk")
    @PostMapping("/api/jobs/{executionId}/restart")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','SUPERVISOR','ADMINISTRATOR')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView restart(@PathVariable long executionId, Authentication auth) {
        jobs.mayRun(executionId, authorities(auth));
        return jobs.restart(executionId, auth.getName());
    }

    @Operation(summary = "Stop a running execution after the chunks in progress; restart it later")
    @PostMapping("/api/jobs/{executionId}/stop")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','SUPERVISOR','ADMINISTRATOR')")
    JobView stop(@PathVariable long executionId, Authentication auth) {
        jobs.mayRun(executionId, authorities(auth));
        return jobs.stop(executionId, auth.getName());
    }

    private static List<String> authorities(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }
}
