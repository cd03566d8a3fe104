package org.dynreg.console.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.Problems;
import org.dynreg.audit.BudgetPlan;
import org.dynreg.audit.WhatIf;
import org.dynreg.audit.WhatIfReport;
import org.dynreg.console.ConsoleFormat;
import org.dynreg.console.Htmx;
import org.dynreg.policy.BundleDiff;
import org.dynreg.policy.BundleSummary;
import org.dynreg.policy.Policies;
import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.PolicyRejectedException;
import org.dynreg.policy.UploadResult;
import org.dynreg.policy.ValidationReport;
import org.dynreg.registry.Province;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The policy pages (docs/console.md, "Policy"). Each method calls the facade method the REST endpoint of the same
 * action calls ({@code policy.web.PolicyController}, {@code audit.web.WhatIfController}); a refusal comes back as the
 * API's sentences (ConsoleErrors), a refused upload as its problems cell by cell.
 */
@Controller
@RequestMapping("/policy")
class PolicyPages {
    /** The actions whose success the version page confirms after the redirect (?done=...). */
    private static final Set<String> DONE = Set.of("approved", "activated", "scheduled", "rolledBack", "cancelled");

    private final Policies policies;
    private final WhatIf whatIf;
    private final Problems problems;
    private final ConsoleFormat format;
    private final ObjectMapper json;

    PolicyPages(Policies policies, WhatIf whatIf, Problems problems, ConsoleFormat format, ObjectMapper json) {
        this.json = json;
        this.policies = policies;
        this.whatIf = whatIf;
        this.problems = problems;
        this.format = format;
    }

    /** Every version, newest first, with the activations and the upload form. */
    @GetMapping
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String versions(Model model) {
        list(model);
        return "console/policy/versions";
    }

    private void list(Model model) {
        List<BundleSummary> versions = new ArrayList<>(policies.versions());
        Collections.reverse(versions);
        List<org.dynreg.policy.Activation> activations = new ArrayList<>(policies.activations());
        Collections.reverse(activations);
        model.addAttribute("versions", versions);
        model.addAttribute("activations", activations);
        model.addAttribute("pendingIds", pendingIds());
        model.addAttribute("inForce", policies.active().version());
    }

    /** The ids of the activations not cancelled that have not yet taken effect: these can be cancelled. */
    private Set<Long> pendingIds() {
        return policies.pendingActivations().stream().map(org.dynreg.policy.Activation::id).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Changed workbooks (or rules files) on top of a base version, the one in force unless another is chosen, as
     * {@code POST /api/policy/bundles/changes}. A refused upload answers 422 with every problem by file, sheet, row
     * and cell; a CONDITION or ACTION column removed or renamed is refused unless the "column changes are intended" box
     * is ticked (the audit entry records it); a stored one its state and the regression gate's result per reference household.
     */
    @PostMapping("/upload")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String upload(@RequestParam(value = "files", required = false) List<MultipartFile> files,
                  @RequestParam(value = "comment", required = false) String comment,
                  @RequestParam(value = "base", required = false) Integer base,
                  @RequestParam(value = "columnChanges", required = false) String columnChanges, Authentication auth,
                  WebRequest web, HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        try {
            UploadResult result = policies.uploadChanges(Policies.uploadedFiles(chosen(files)), base, comment,
                    "intended".equals(columnChanges), auth.getName());
            response.setStatus(HttpServletResponse.SC_CREATED);
            model.addAttribute("uploaded", result);
        } catch (PolicyRejectedException e) {
            Problems.Problem p = problems.of(e, web);
            response.setStatus(p.status());
            model.addAttribute("refusal", p);
            model.addAttribute("rejected", e.problems());
        }
        if (Htmx.isHtmx(request)) {
            return "console/policy/versions :: upload-result";
        }
        list(model);
        return "console/policy/versions";
    }

    /**
     * Changed files checked on top of a base version without storing anything, as {@code POST /api/policy/validate}:
     * compile problems by cell, the reference households and walks, and what the files change against the base.
     */
    @PostMapping("/check")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String check(@RequestParam(value = "files", required = false) List<MultipartFile> files,
                 @RequestParam(value = "base", required = false) Integer base,
                 @RequestParam(value = "columnChanges", required = false) String columnChanges, Authentication auth,
                 WebRequest web, HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        try {
            model.addAttribute("checked", policies.check(Policies.uploadedFiles(chosen(files)), false, base,
                    "intended".equals(columnChanges), auth.getName()));
        } catch (PolicyRejectedException e) {
            Problems.Problem p = problems.of(e, web);
            response.setStatus(p.status());
            model.addAttribute("refusal", p);
            model.addAttribute("rejected", e.problems());
        }
        if (Htmx.isHtmx(request)) {
            return "console/policy/versions :: upload-result";
        }
        list(model);
        return "console/policy/versions";
    }

    /** The files chosen: a file input with nothing chosen still sends one empty part without a name. */
    private static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of()
                : files.stream().filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))).toList();
    }

    /** One version: its review, files, the actions its state allows, and what-if and the budget solver under it. */
    @GetMapping("/versions/{version}")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String version(@PathVariable int version, @RequestParam(value = "done", required = false) String done, Model model) {
        BundleSummary summary = policies.summary(version);
        model.addAttribute("v", summary);
        model.addAttribute("inForce", policies.active().version());
        model.addAttribute("files", summary.files().stream().map(f -> new FileLink(f.path(), name(f.path()), f.kind(), f.sha256())).toList());
        model.addAttribute("done", done != null && DONE.contains(done) ? done : null);
        model.addAttribute("provinces", Province.values());
        model.addAttribute("activations", policies.activations().stream().filter(a -> a.version() == version).toList());
        model.addAttribute("accepted", policies.acceptedDifferences(version));
        model.addAttribute("pendingIds", pendingIds());
        // after a roll-back, the activations still pending are named, as the API's answer names them
        model.addAttribute("pending", "rolledBack".equals(done) ? policies.pendingActivations() : List.of());
        return "console/policy/version";
    }

    record FileLink(String path, String name, String kind, String sha256) {}

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The version checked against the reference households again, as {@code POST /api/policy/bundles/{v}/validate}. */
    @PostMapping("/versions/{version}/validate")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String validate(@PathVariable int version, Authentication auth, Model model) {
        return gate(version, policies.validate(version, auth.getName()), model);
    }

    /**
     * The outcome the version gives a reference household recorded as its new expected outcome, with the reason,
     * as {@code POST /api/policy/bundles/{v}/expectations} without an outcome of its own.
     */
    @PostMapping("/versions/{version}/expectations")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String expect(@PathVariable int version, @RequestParam String household, @RequestParam(required = false) String reason,
                  Authentication auth, Model model) {
        ValidationReport report = policies.recordExpectation(version, household, null, reason, auth.getName());
        return gate(version, report, model);
    }

    /**
     * One kind of difference accepted for every reference household showing it, with one reason, as
     * {@code POST /api/policy/bundles/{v}/accepted-differences}.
     */
    @PostMapping("/versions/{version}/accept")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String accept(@PathVariable int version, @RequestParam String kind, @RequestParam(required = false) String reason,
                  Authentication auth, Model model) {
        ValidationReport report = policies.acceptDifferences(version, kind, reason, auth.getName());
        return gate(version, report, model);
    }

    /** The gate's fragment: a version's check and the kinds of difference accepted under it. */
    private String gate(int version, ValidationReport report, Model model) {
        model.addAttribute("version", version);
        model.addAttribute("report", report);
        model.addAttribute("accepted", policies.acceptedDifferences(version));
        return "console/policy/version :: gate";
    }

    @PostMapping("/versions/{version}/approve")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String approve(@PathVariable int version, @RequestParam(required = false) String comment, Authentication auth,
                   HttpServletRequest request, HttpServletResponse response) {
        policies.approve(version, comment, auth.getName());
        return done(version, "approved", request, response);
    }

    /** Now, or from an effective time given in the registry's zone (a future one schedules the version). */
    @PostMapping("/versions/{version}/activate")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String activate(@PathVariable int version, @RequestParam(required = false) String comment,
                    @RequestParam(value = "effectiveFrom", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
                    Authentication auth, HttpServletRequest request, HttpServletResponse response) {
        Instant from = at == null ? null : at.atZone(format.zone()).toInstant();
        policies.activate(version, from, comment, auth.getName());
        return done(version, from == null ? "activated" : "scheduled", request, response);
    }

    @PostMapping("/versions/{version}/rollback")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String rollBack(@PathVariable int version, @RequestParam(required = false) String comment, Authentication auth,
                    HttpServletRequest request, HttpServletResponse response) {
        policies.rollBack(version, comment, auth.getName());
        return done(version, "rolledBack", request, response);
    }

    /**
     * A scheduled activation cancelled before its effective time, as {@code POST /api/policy/activations/{id}/cancel};
     * back to its version's page.
     */
    @PostMapping("/activations/{id}/cancel")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String cancel(@PathVariable long id, @RequestParam(required = false) String comment, Authentication auth,
                  HttpServletRequest request, HttpServletResponse response) {
        org.dynreg.policy.Activation a = policies.cancelActivation(id, comment, auth.getName());
        return done(a.version(), "cancelled", request, response);
    }

    /** Back to the version's page, which says what was done; htmx is told to go there as a whole page. */
    private static String done(int version, String what, HttpServletRequest request, HttpServletResponse response) {
        String to = "/policy/versions/" + version + "?done=" + what;
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + to);
            return "console/policy/version :: nothing";
        }
        return "redirect:" + to;
    }

    /** A changed process's picture in both versions: an SVG image's data URL each, or null where it does not exist. */
    record Pictures(String path, Picture before, Picture after) {}

    /** A picture as a data URL, or why it cannot be drawn. */
    record Picture(String src, String problem) {}

    private Picture picture(int version, String path, String sha256) {
        if (sha256 == null) {
            return null;
        }
        try {
            String svg = policies.picture(version, path);
            return new Picture("data:image/svg+xml;base64," + java.util.Base64.getEncoder()
                    .encodeToString(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
        } catch (IllegalArgumentException e) {
            return new Picture(null, e.getMessage());
        }
    }

    /**
     * Two versions compared cell by cell, as {@code GET /api/policy/diff}, and a changed process's pictures side by
     * side; without both versions, the choice of versions.
     */
    @GetMapping("/diff")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String diff(@RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model) {
        List<BundleSummary> versions = new ArrayList<>(policies.versions());
        Collections.reverse(versions);
        model.addAttribute("versions", versions);
        int newest = versions.get(0).version();
        int chosenTo = to == null ? newest : to;
        Integer basedOn = policies.summary(chosenTo).basedOn();
        model.addAttribute("to", chosenTo);
        model.addAttribute("from", from != null ? from : basedOn != null ? basedOn : chosenTo);
        if (from != null && to != null) {
            BundleDiff d = policies.diff(from, to);
            model.addAttribute("diff", d);
            model.addAttribute("accepted", policies.acceptedDifferences(to));
            model.addAttribute("rows", DiffRows.of(d));
            model.addAttribute("text", d.toText());
            model.addAttribute("pictures", d.files().stream().filter(f -> f.kind() == PolicyFile.Kind.PROCESS)
                    .map(f -> new Pictures(f.path(), picture(from, f.path(), f.oldSha256()), picture(to, f.path(), f.newSha256())))
                    .toList());
        }
        return "console/policy/diff";
    }

    /**
     * One file of a version, as {@code GET /api/policy/bundles/{version}/files/{name}}: a decision table protected for
     * editing, or with {@code as=stored} the exact stored bytes.
     */
    @GetMapping("/versions/{version}/files/{name:.+}")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    ResponseEntity<byte[]> file(@PathVariable int version, @PathVariable String name,
                                @RequestParam(value = "as", required = false) String as) {
        PolicyFile f = policies.download(version, name, "stored".equals(as));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header("X-Stored-Sha256", policies.file(version, name).sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(f.content());
    }

    /** The version as the candidate of a what-if, as {@code POST /api/what-if}: a chart by province and the same figures as a table. */
    @PostMapping("/versions/{version}/what-if")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String whatIf(@PathVariable int version, @RequestParam(required = false) String province, @RequestParam(required = false) String district,
                  @RequestParam(required = false) String program, @RequestParam(required = false) Long transferAmount,
                  @RequestParam(required = false) Integer paymentsPerYear, Authentication auth, Model model) {
        WhatIfReport report = whatIf.shownTo(
                whatIf.run(Integer.valueOf(version), province, district, program, transferAmount, paymentsPerYear, auth.getName()), auth);
        model.addAttribute("report", report);
        model.addAttribute("chart", ProvinceChart.of(report));
        return "console/policy/version :: what-if-result";
    }

    /**
     * One survey file (survey format) scored under the version in force and under this version, as
     * {@code POST /api/what-if/survey}; nothing is stored. A file that is not JSON is refused naming the field.
     */
    @PostMapping("/versions/{version}/what-if/survey")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String whatIfSurvey(@PathVariable int version, @RequestParam(value = "survey", required = false) MultipartFile file,
                        Authentication auth, Model model) throws IOException {
        JsonNode survey = null;
        if (file != null && !file.isEmpty()) {
            try {
                survey = json.readTree(file.getBytes());
            } catch (JsonProcessingException e) {
                throw new InvalidRequestException("survey", "the file is not JSON (line " + e.getLocation().getLineNr() + ")");
            }
        }
        model.addAttribute("one", whatIf.survey(survey, Integer.valueOf(version), auth.getName()));
        return "console/policy/version :: survey-result";
    }

    /** The budget solver under the version, as {@code POST /api/budget}. */
    @PostMapping("/versions/{version}/budget")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    String budget(@PathVariable int version, @RequestParam(required = false) String province, @RequestParam(required = false) String district,
                  @RequestParam(required = false) String program, @RequestParam(required = false) Long yearlyBudget,
                  @RequestParam(required = false) Long transferAmount, @RequestParam(required = false) Integer paymentsPerYear,
                  Authentication auth, Model model) {
        BudgetPlan plan = whatIf.solve(Integer.valueOf(version), province, district, program, yearlyBudget, transferAmount, paymentsPerYear, auth.getName());
        model.addAttribute("plan", plan);
        return "console/policy/version :: budget-result";
    }
}
