package org.dynreg.console.jobs;

import org.dynreg.batch.JobView;
import org.dynreg.batch.Jobs;
import org.dynreg.recertification.Recertifications;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * The registry-wide jobs: the latest executions with their progress (polled while one runs), and start, stop and
 * restart with the same facade calls and roles as {@code /api/jobs}: policy officers and supervisors rescore,
 * supervisors sweep, whoever may start a job may stop or restart it, auditors follow.
 */
@Controller
class JobPages {
    /** Executions listed, newest first. */
    static final int LATEST = 20;

    private final Jobs jobs;
    private final Recertifications recertifications;

    JobPages(Jobs jobs, Recertifications recertifications) {
        this.jobs = jobs;
        this.recertifications = recertifications;
    }

    @GetMapping("/jobs")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','POLICY_OFFICER','SUPERVISOR','AUDITOR')")
    String page(Authentication auth, Model model) {
        list(auth, model);
        return "console/jobs/jobs";
    }

    @GetMapping("/jobs/list")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','POLICY_OFFICER','SUPERVISOR','AUDITOR')")
    String listPart(Authentication auth, Model model) {
        list(auth, model);
        return "console/jobs/jobs :: list";
    }

    /** Rescoring as the form asks for it: the whole registry only when ticked, or narrowed by the other fields. */
    @PostMapping("/jobs/rescoring")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','POLICY_OFFICER','SUPERVISOR')")
    String rescore(@RequestParam(required = false) String scope, @RequestParam(required = false) String province,
                   @RequestParam(required = false) String district, @RequestParam(required = false) String program,
                   Authentication auth, Model model) {
        jobs.startRescoring(blank(scope), blank(province), blank(district), blank(program), auth.getName());
        return listPart(auth, model);
    }

    @PostMapping("/jobs/sweep")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','SUPERVISOR')")
    String sweep(@RequestParam(required = false) String scope, @RequestParam(required = false) String asOf, Authentication auth,
                 Model model) {
        jobs.startSweep(blank(scope), blank(asOf) == null ? recertifications.today() : Jobs.day(asOf.strip()), auth.getName());
        return listPart(auth, model);
    }

    @PostMapping("/jobs/{executionId}/stop")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','POLICY_OFFICER','SUPERVISOR')")
    String stop(@PathVariable long executionId, Authentication auth, Model model) {
        jobs.mayRun(executionId, authorities(auth));
        jobs.stop(executionId, auth.getName());
        return listPart(auth, model);
    }

    @PostMapping("/jobs/{executionId}/restart")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR','POLICY_OFFICER','SUPERVISOR')")
    String restart(@PathVariable long executionId, Authentication auth, Model model) {
        jobs.mayRun(executionId, authorities(auth));
        jobs.restart(executionId, auth.getName());
        return listPart(auth, model);
    }

    private void list(Authentication auth, Model model) {
        List<JobView> latest = jobs.recent(LATEST);
        List<String> held = authorities(auth);
        model.addAttribute("jobs", latest);
        model.addAttribute("anyRunning", latest.stream().anyMatch(JobView::running));
        model.addAttribute("mayRescore", Jobs.mayRun(Jobs.RESCORING, held));
        model.addAttribute("maySweep", Jobs.mayRun(Jobs.SWEEP, held));
        model.addAttribute("mayRun", latest.stream().filter(j -> Jobs.mayRun(j.job(), held)).map(JobView::executionId).toList());
    }

    private static List<String> authorities(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
