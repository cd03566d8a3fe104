package org.dynreg.policy.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.policy.AcceptedDifference;
import org.dynreg.policy.AcceptedDifferences;
import org.dynreg.policy.Activation;
import org.dynreg.policy.BundleDiff;
import org.dynreg.policy.BundleSummary;
import org.dynreg.policy.Policies;
import org.dynreg.policy.PolicyFile;
import org.dynreg.policy.PolicyProblem;
import org.dynreg.policy.PolicyRejectedException;
import org.dynreg.policy.RollBack;
import org.dynreg.policy.UploadResult;
import org.dynreg.policy.ValidationReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The policy lifecycle over REST: upload, check, approve, activate, roll back, and reading versions. */
@RestController
@RequestMapping("/api/policy")
class PolicyController {
    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    record ApproveRequest(String comment) {}

    record ActivateRequest(Instant effectiveFrom, String comment) {}

    record RollbackRequest(Integer version, String comment) {}

    record CancelRequest(String comment) {}

    record ExpectationRequest(String household, String reason, JsonNode expected) {}

    record AcceptRequest(String kind, String reason) {}

    @Operation(summary = "All policy bundle versions, with their state")
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
        return policies.summary(version);
    }

    @Operation(summary = "Download one file of a stored version by its name (to open it in Excel or LibreOffice). A decision "
            + "table comes protected for editing (rule-table definition rows locked, drop-downs and number checks on the rule "
            + "rows, no password); as=stored gives the exact stored bytes, whose SHA-256 is the recorded one")
    @GetMapping("/bundles/{version}/files/{name}")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    ResponseEntity<byte[]> file(@PathVariable int version, @PathVariable String name,
                                @RequestParam(value = "as", defaultValue = EDITABLE) String as) {
        return download(policies, version, name, as);
    }

    @Operation(summary = "Download one file of a stored version by its path in the bundle, e.g. "
            + "path=decision-tables/program-eligibility.drl.xlsx (as=stored for the exact stored bytes)")
    @GetMapping("/bundles/{version}/files")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    ResponseEntity<byte[]> fileByPath(@PathVariable int version, @RequestParam("path") String path,
                                      @RequestParam(value = "as", defaultValue = EDITABLE) String as) {
        return download(policies, version, path, as);
    }

    static final String EDITABLE = "editable";
    static final String STORED = "stored";

    /**
     * A file as an attachment named by the last part of its path; the header X-Stored-Sha256 carries the SHA-256 of
     * the stored file, which is the content's own hash with as=stored.
     */
    private static ResponseEntity<byte[]> download(Policies policies, int version, String name, String as) {
        if (!EDITABLE.equals(as) && !STORED.equals(as)) {
            throw new InvalidRequestException("as", "'" + as + "' is neither 'editable' (the default) nor 'stored'");
        }
        PolicyFile stored = policies.file(version, name);
        PolicyFile f = policies.download(version, name, STORED.equals(as));
        String fileName = f.path().substring(f.path().lastIndexOf('/') + 1);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header("X-Stored-Sha256", stored.sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(f.content());
    }

    @Operation(summary = "The picture of a process file of a stored version, as SVG (drawn from its diagram)")
    @GetMapping(path = "/bundles/{version}/files/{name}/picture", produces = "image/svg+xml")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    ResponseEntity<String> picture(@PathVariable int version, @PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(policies.picture(version, name));
    }

    /**
     * A diff with its plain-text rendering, for people and for programs, and the kinds of difference of the regression
     * gate accepted under the newer version with their reasons, which the approver reads beside it.
     */
    record DiffView(BundleDiff diff, String text, List<AcceptedDifference> acceptedDifferences) {}

    @Operation(summary = "Compare two versions: files, sheets, settings, columns, rule rows cell by cell, DRL lines, "
            + "process elements by id")
    @GetMapping("/diff")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    DiffView diff(@RequestParam int from, @RequestParam int to) {
        BundleDiff d = policies.diff(from, to);
        List<AcceptedDifference> accepted = policies.acceptedDifferences(to);
        return new DiffView(d, d.toText() + AcceptedDifferences.text(to, accepted), accepted);
    }

    @Operation(summary = "Every activation and roll-back, scheduled and cancelled ones included, in order of effective time")
    @GetMapping("/activations")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    List<Activation> activations() {
        return policies.activations();
    }

    @Operation(summary = "Check files without storing them: values by cell (checked by their column's type), compile problems by cell, process problems by element, and the reference households. "
            + "The files are checked with the rest of the base version (default: the one in force), unless whole=true; "
            + "a CONDITION or ACTION column of the base version removed or renamed is a problem unless columnChanges=intended")
    @PostMapping(path = "/validate", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    ValidationReport check(@RequestParam("files") List<MultipartFile> files,
                           @RequestParam(value = "whole", defaultValue = "false") boolean whole,
                           @RequestParam(value = "base", required = false) Integer base,
                           @RequestParam(value = COLUMN_CHANGES, required = false) String columnChanges, Authentication auth) throws IOException {
        return policies.check(read(files), whole, base, intended(columnChanges), auth.getName());
    }

    @Operation(summary = "Upload a complete bundle (tables, rules and the process of every case type) as a new version; refused with every problem if it does not compile or a process fails its check, "
            + "or if it removes or renames a CONDITION or ACTION column of the version in force without columnChanges=intended")
    @PostMapping(path = "/bundles", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    UploadResult upload(@RequestParam("files") List<MultipartFile> files, @RequestParam("comment") String comment,
                        @RequestParam(value = COLUMN_CHANGES, required = false) String columnChanges,
                        Authentication auth) throws IOException {
        return policies.upload(read(files), null, comment, intended(columnChanges), auth.getName());
    }

    @Operation(summary = "Upload changed tables, rules or processes (.bpmn): the rest is carried over from the base version (default: the one in force); "
            + "removing or renaming a CONDITION or ACTION column is refused unless columnChanges=intended")
    @PostMapping(path = "/bundles/changes", consumes = "multipart/form-data")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    UploadResult uploadChanges(@RequestParam("files") List<MultipartFile> files, @RequestParam("comment") String comment,
                               @RequestParam(value = "base", required = false) Integer base,
                               @RequestParam(value = COLUMN_CHANGES, required = false) String columnChanges,
                               Authentication auth) throws IOException {
        return policies.uploadChanges(read(files), base, comment, intended(columnChanges), auth.getName());
    }

    @Operation(summary = "Check a stored version against the reference households and reference walks again")
    @PostMapping("/bundles/{version}/validate")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    ValidationReport validate(@PathVariable int version, Authentication auth) {
        return policies.validate(version, auth.getName());
    }

    @Operation(summary = "Record a new expected outcome for a reference household under a version in review, with the reason")
    @PostMapping("/bundles/{version}/expectations")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    ValidationReport expectation(@PathVariable int version, @RequestBody ExpectationRequest request, Authentication auth) {
        if (request.household() == null || request.household().isBlank()) {
            throw new InvalidRequestException("household", "the reference household's name is required");
        }
        return policies.recordExpectation(version, request.household(), request.expected(), request.reason(), auth.getName());
    }

    @Operation(summary = "Accept one kind of difference of the regression gate (e.g. CUTOFF:UCT, WORDING, ELIGIBILITY:UCT) for every "
            + "reference household showing it under a version in review, with one reason")
    @PostMapping("/bundles/{version}/accepted-differences")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    ValidationReport accept(@PathVariable int version, @RequestBody AcceptRequest request, Authentication auth) {
        return policies.acceptDifferences(version, request.kind(), request.reason(), auth.getName());
    }

    @Operation(summary = "The kinds of difference accepted under a version, with their reasons and each household's change")
    @GetMapping("/bundles/{version}/accepted-differences")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER','AUDITOR')")
    List<AcceptedDifference> accepted(@PathVariable int version) {
        return policies.acceptedDifferences(version);
    }

    @Operation(summary = "Approve a validated version (not by its uploader)")
    @PostMapping("/bundles/{version}/approve")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    BundleSummary approve(@PathVariable int version, @RequestBody ApproveRequest request, Authentication auth) {
        return policies.approve(version, request.comment(), auth.getName());
    }

    @Operation(summary = "Put an approved version in force now or from a future effective time (not by its uploader)")
    @PostMapping("/bundles/{version}/activate")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    Activation activate(@PathVariable int version, @RequestBody ActivateRequest request, Authentication auth) {
        return policies.activate(version, request.effectiveFrom(), request.comment(), auth.getName());
    }

    @Operation(summary = "Cancel a scheduled activation before its effective time, with the reason; refused (409) once it took effect")
    @PostMapping("/activations/{id}/cancel")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    Activation cancel(@PathVariable long id, @RequestBody(required = false) CancelRequest request, Authentication auth) {
        return policies.cancelActivation(id, request == null ? null : request.comment(), auth.getName());
    }

    @Operation(summary = "Roll back: put an earlier version back in force now (not by its uploader). Activations still pending "
            + "stay pending: the answer lists them (pending) with a warning")
    @PostMapping("/rollback")
    @PreAuthorize("hasRole('POLICY_OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    RollBack rollBack(@RequestBody RollbackRequest request, Authentication auth) {
        if (request.version() == null) {
            throw new InvalidRequestException("version", "the version to roll back to is required");
        }
        return policies.rollBack(request.version(), request.comment(), auth.getName());
    }

    /**
     * The request field declaring that CONDITION or ACTION columns of the base version are removed or renamed on
     * purpose: {@code columnChanges=intended}; left out, such a change is refused.
     */
    static final String COLUMN_CHANGES = "columnChanges";

    static boolean intended(String columnChanges) {
        if (columnChanges == null || columnChanges.isBlank()) {
            return false;
        }
        if (!columnChanges.strip().equals("intended")) {
            throw new InvalidRequestException(COLUMN_CHANGES, "write columnChanges=intended to declare that columns are removed "
                    + "or renamed on purpose, or leave the field out; '" + columnChanges + "' is not understood");
        }
        return true;
    }

    private static List<PolicyFile> read(List<MultipartFile> files) throws IOException {
        return Policies.uploadedFiles(files);
    }
}
