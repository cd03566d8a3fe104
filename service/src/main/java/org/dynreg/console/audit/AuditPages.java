package org.dynreg.console.audit;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.audit.AuditEntry;
import org.dynreg.audit.AuditQuery;
import org.dynreg.audit.AuditTrail;
import org.dynreg.audit.PersonalDataRead;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.audit.ReadQuery;
import org.dynreg.audit.ReplayRequest;
import org.dynreg.audit.ReplayRun;
import org.dynreg.audit.Replays;
import org.dynreg.console.ConsoleFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The auditor's page: the audit trail with its filters, the chain's verification, the recorded reads of personal
 * data, and replay runs with their progress and mismatches. Each part calls the facade the API's
 * {@code /api/audit/trail}, {@code /api/audit/verify}, {@code /api/audit/reads} and {@code /api/replays} call, with the
 * auditor's role.
 */
@Controller
class AuditPages {
    /** Rows of the trail and of the reads on one page. */
    static final int PAGE = 25;

    private final AuditTrail trail;
    private final PersonalDataReads reads;
    private final Replays replays;
    private final ConsoleFormat format;

    AuditPages(AuditTrail trail, PersonalDataReads reads, Replays replays, ConsoleFormat format) {
        this.trail = trail;
        this.reads = reads;
        this.replays = replays;
        this.format = format;
    }

    /** The trail's filters as the form sends them; times are the registry's local time (datetime-local). */
    record TrailFilter(String subject, String subjectPrefix, String action, String actor, String from, String to, Long after) {
    }

    /** The reads' filters as the form sends them. */
    record ReadFilter(String user, Long household, String from, String to, Long after) {
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('AUDITOR')")
    String page(@ModelAttribute("trailFilter") TrailFilter filter, Model model) {
        model.addAttribute("readFilter", new ReadFilter(null, null, null, null, null));
        trail(filter, model);
        model.addAttribute("reads", List.of());
        model.addAttribute("readsNext", null);
        model.addAttribute("readsShown", false);
        return "console/audit/audit";
    }

    @GetMapping("/audit/trail")
    @PreAuthorize("hasRole('AUDITOR')")
    String trailPart(@ModelAttribute("trailFilter") TrailFilter filter, Model model) {
        trail(filter, model);
        return "console/audit/audit :: trail";
    }

    private void trail(TrailFilter f, Model model) {
        List<AuditEntry> entries = trail.entries(new AuditQuery(f.subject(), f.subjectPrefix(), f.action(), f.actor(),
                instant("from", f.from()), instant("to", f.to()), f.after(), PAGE));
        model.addAttribute("entries", entries);
        model.addAttribute("trailNext", entries.size() == PAGE ? entries.get(entries.size() - 1).seq() : null);
    }

    @GetMapping("/audit/verify")
    @PreAuthorize("hasRole('AUDITOR')")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return "console/audit/audit :: verification";
    }

    @GetMapping("/audit/reads")
    @PreAuthorize("hasRole('AUDITOR')")
    String readsPart(@ModelAttribute("readFilter") ReadFilter f, Model model) {
        List<PersonalDataRead> found = reads.reads(new ReadQuery(f.user(), f.household(), instant("from", f.from()), instant("to", f.to()),
                f.after(), PAGE));
        model.addAttribute("reads", found);
        model.addAttribute("readsNext", found.size() == PAGE ? found.get(found.size() - 1).id() : null);
        model.addAttribute("readsShown", true);
        return "console/audit/audit :: reads";
    }

    /** A replay run as the form asks for it: the whole registry only when ticked, or narrowed by the other fields. */
    @PostMapping("/audit/replays")
    @PreAuthorize("hasRole('AUDITOR')")
    String startReplay(@RequestParam(required = false) String scope, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, @RequestParam(required = false) String province,
                       @RequestParam(required = false) String district, @RequestParam(required = false) String program,
                       @RequestParam(required = false) Integer against, Authentication auth, Model model) {
        ReplayRun run = replays.start(new ReplayRequest(blank(scope), instant("from", from), instant("to", to), blank(province),
                blank(district), blank(program), against), auth.getName());
        return run(run.id(), model);
    }

    @GetMapping("/audit/replays/{id}")
    @PreAuthorize("hasRole('AUDITOR')")
    String run(@PathVariable long id, Model model) {
        ReplayRun progress = replays.run(id, false);
        model.addAttribute("run", ReplayRun.RUNNING.equals(progress.state()) ? progress : replays.run(id, true));
        return "console/audit/audit :: run";
    }

    @GetMapping("/audit/replays")
    @PreAuthorize("hasRole('AUDITOR')")
    String openRun(@RequestParam(required = false) Long run, Model model) {
        if (run == null) {
            throw new InvalidRequestException("run", "is required: the number of a replay run");
        }
        return run(run, model);
    }

    /** A datetime-local value in the registry's zone as an instant; refused in words when it is not one. */
    private Instant instant(String field, String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).atZone(format.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date and time written like 2026-11-25T14:30");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
