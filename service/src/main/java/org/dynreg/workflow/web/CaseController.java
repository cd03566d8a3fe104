package org.dynreg.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.audit.PersonalDataReads;
import org.dynreg.security.Caller;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Escalations;
import org.dynreg.workflow.TaskRow;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.TaskView;
import org.dynreg.workflow.Tasks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Cases and their tasks, for caseworkers and supervisors; cases' histories for auditors too. */
@RestController
class CaseController {
    private final Cases cases;
    private final Tasks tasks;
    private final Notifications notifications;
    private final Escalations escalations;
    private final Caller caller;
    private final PersonalDataReads reads;

    CaseController(Cases cases, Tasks tasks, Notifications notifications, Escalations escalations, Caller caller,
                   PersonalDataReads reads) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifications = notifications;
        this.escalations = escalations;
        this.caller = caller;
        this.reads = reads;
    }

    record Completion(String outcome, String comment, Map<String, Object> data) {}

    record Reassignment(String to, String reason) {}

    record Release(String reason) {}

    @Operation(summary = "A case: the household's current decision, its open tasks and its whole history")
    @GetMapping("/api/cases/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','AUDITOR')")
    CaseView view(@PathVariable long id) {
        return cases.view(id);
    }

    @Operation(summary = "The cases of a household, newest first")
    @GetMapping("/api/households/{id}/cases")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','AUDITOR')")
    List<Map<String, Object>> ofHousehold(@PathVariable long id) {
        return cases.ofHousehold(id);
    }

    @Operation(summary = "What the household has been told")
    @GetMapping("/api/households/{id}/notifications")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','AUDITOR')")
    List<Notifications.Notification> notifications(@PathVariable long id) {
        return notifications.of(id);
    }

    @Operation(summary = "Tasks of my offices' cases: scope=mine (held by me) or scope=group (waiting for my group); "
            + "each with its case's update type, household, head's name (roles that may see personal data), district, score, "
            + "step, due date, time waiting and SLA status")
    @GetMapping("/api/tasks")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    List<TaskRow> tasks(@RequestParam(defaultValue = "mine") String scope, Authentication auth) {
        if (!"mine".equals(scope) && !"group".equals(scope)) {
            throw new InvalidRequestException("scope", "must be mine or group");
        }
        List<TaskView> views = "group".equals(scope) ? tasks.available(auth.getName(), groups(auth)) : tasks.mine(auth.getName(), groups(auth));
        boolean personal = caller.maySeePersonalData(auth);
        List<TaskRow> rows = tasks.rows(views, personal);
        for (TaskRow r : rows) {
            if (r.headName() != null && r.householdId() != null) {
                reads.record(auth, PersonalDataReads.Kind.HOUSEHOLD, r.householdId(), r.householdId(), true);
            }
        }
        return rows;
    }

    @Operation(summary = "Supervisor: give a task (held or waiting) to another person of the case's office who has its group")
    @PostMapping("/api/tasks/{id}/reassign")
    @PreAuthorize("hasRole('SUPERVISOR')")
    TaskView reassign(@PathVariable String id, @RequestBody Reassignment body, Authentication auth) {
        return tasks.reassign(id, body.to(), body.reason(), auth.getName(), groups(auth));
    }

    @Operation(summary = "Open escalations of my offices' cases: the step, its task, the group it escalated to and how overdue")
    @GetMapping("/api/escalations")
    @PreAuthorize("hasRole('SUPERVISOR')")
    List<Escalations.Escalation> escalations(Authentication auth) {
        return escalations.open(auth.getName());
    }

    @Operation(summary = "Cases of my offices, newest first, filtered by type, state, district, overdue (an open escalation); paged")
    @GetMapping("/api/cases")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','AUDITOR')")
    Cases.CasePage list(@RequestParam(required = false) String type, @RequestParam(required = false) String state,
                        @RequestParam(required = false) String district, @RequestParam(required = false) Boolean overdue,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Authentication auth) {
        return cases.list(new Cases.CaseFilter(type, state, district, Boolean.TRUE.equals(overdue)), page, size, auth.getName());
    }

    @Operation(summary = "Take a task of my group")
    @PostMapping("/api/tasks/{id}/claim")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    TaskView claim(@PathVariable String id, Authentication auth) {
        return tasks.claim(id, auth.getName(), groups(auth));
    }

    @Operation(summary = "Give a task I hold back to its group; a supervisor may give back a task someone else holds (with a reason)")
    @PostMapping("/api/tasks/{id}/release")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    TaskView release(@PathVariable String id, @RequestBody(required = false) Release body, Authentication auth) {
        Set<String> groups = groups(auth);
        String holder = tasks.holder(id);
        if (holder != null && !holder.equals(auth.getName()) && groups.contains("SUPERVISOR")) {
            return tasks.releaseHeld(id, body == null ? null : body.reason(), auth.getName(), groups);
        }
        return tasks.release(id, auth.getName(), groups);
    }

    @Operation(summary = "Complete a task with an outcome (one of the task's outcomes) and a comment")
    @PostMapping("/api/tasks/{id}/complete")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    TaskView complete(@PathVariable String id, @RequestBody Completion body, Authentication auth) {
        return tasks.complete(id, body.outcome(), body.comment(), body.data(), auth.getName(), groups(auth));
    }

    /** Task groups are the caller's roles (CASEWORKER, SUPERVISOR). */
    static Set<String> groups(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).collect(Collectors.toSet());
    }
}
