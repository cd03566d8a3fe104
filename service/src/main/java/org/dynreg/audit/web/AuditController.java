package org.dynreg.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.dynreg.audit.AuditEntry;
import org.dynreg.audit.AuditQuery;
import org.dynreg.audit.AuditTrail;
import org.dynreg.audit.ChainVerification;
import org.dynreg.audit.PersonalDataRead;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.audit.ReadQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/audit")
class AuditController {
    private final AuditTrail trail;
    private final PersonalDataReads reads;

    AuditController(AuditTrail trail, PersonalDataReads reads) {
        this.trail = trail;
        this.reads = reads;
    }

    @Operation(summary = "Audit trail entries, oldest first, filtered by subject, action, actor, time or seq; page with 'after'")
    @GetMapping("/trail")
    @PreAuthorize("hasAnyRole('AUDITOR','POLICY_OFFICER','SUPERVISOR')")
    List<AuditEntry> trail(
            @Parameter(description = "exactly this subject, e.g. policy:7") @RequestParam(required = false) String subject,
            @Parameter(description = "subjects starting with this, e.g. policy:") @RequestParam(required = false) String subjectPrefix,
            @Parameter(description = "exactly this action, e.g. policy.activate") @RequestParam(required = false) String action,
            @Parameter(description = "exactly this user") @RequestParam(required = false) String actor,
            @Parameter(description = "recorded at or after (ISO-8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "recorded before (ISO-8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "entries after this seq (the last seq of the previous page)") @RequestParam(required = false) Long after,
            @Parameter(description = "at most this many, 1 to 1000 (default 100)") @RequestParam(required = false) Integer limit) {
        return trail.entries(new AuditQuery(subject, subjectPrefix, action, actor, from, to, after, limit));
    }

    @Operation(summary = "Walk the whole audit trail and report whether every link holds, the first broken one, and the head hash")
    @GetMapping("/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    ChainVerification verify() {
        return trail.verify();
    }

    @Operation(summary = "Recorded reads of personal data (who read which household, case or token, through which endpoint, "
            + "when, shown or redacted), oldest first; page with 'after'")
    @GetMapping("/reads")
    @PreAuthorize("hasRole('AUDITOR')")
    List<PersonalDataRead> reads(
            @Parameter(description = "exactly this user") @RequestParam(required = false) String user,
            @Parameter(description = "reads of this household") @RequestParam(required = false) Long household,
            @Parameter(description = "read at or after (ISO-8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @Parameter(description = "read before (ISO-8601 instant)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "reads after this id (the last id of the previous page)") @RequestParam(required = false) Long after,
            @Parameter(description = "at most this many, 1 to 1000 (default 100)") @RequestParam(required = false) Integer limit) {
        return reads.reads(new ReadQuery(user, household, from, to, after, limit));
    }
}
