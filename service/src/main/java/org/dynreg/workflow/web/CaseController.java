package org.dynreg.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.api.InvalidRequestException;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Escalations;
import org.dynreg.workflow.TaskRow;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Notifications;
import org.dynreg.workflow.TaskView;
import org.dynreg.workflow.Tasks;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cases and their tasks, for caseworkers and supervisors; cases' histories for auditors too. */
@RestController
class CaseController {
    private final Cases cases;
    private final Tasks tasks;
    private final Notifications notifications;
    private final Escalations escalations;

    CaseController(Cases cases, Tasks tasks, Notifications notifications, Escalations escalations) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifications = notifications;
        this.escalations = escalations;
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

    @Operation(summary = "Tasks of my offices' cases: scope=mine (held by me) or scope=group (waiting for my group), oldest "
            + "first; each with its case's update type, household, head's name (roles that may see personal data), district, score, "
            + "step, due date, time waiting and SLA status. Optional filters type (update type), step (task name), district, "
            + "sla (ON_TRACK, AT_RISK, BREACHED) and text (household or case id, step or head's name); paged in the database "
            + "(page from 0, size up to 1000, default 1000); the header X-Total-Count says how many match in all, counted up to dynreg.workflow.task-count-limit "
            + "(beyond it X-Total-Count is the limit and X-Total-Count-At-Least is true)")
    @GetMapping("/api/tasks")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    ResponseEntity<List<TaskRow>> tasks(@RequestParam(defaultValue = "mine") String scope,
                                        @RequestParam(required = false) String type, @RequestParam(required = false) String step,
                                        @RequestParam(required = false) String district, @RequestParam(required = false) String sla,
                                        @RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "1000") int size, Authentication auth) {
        if (!"mine".equals(scope) && !"group".equals(scope)) {
            throw new InvalidRequestException("scope", "must be mine or group");
        }
        Tasks.TaskPage p = tasks.list(scope, new Tasks.TaskFilter(type, step, district, sla, text), page, size, auth);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total()));
        if (p.totalAtLeast()) {
            ok.header("X-Total-Count-At-Least", "true");
        }
        return ok.body(p.tasks());
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
        return tasks.giveBack(id, body == null ? null : body.reason(), auth.getName(), groups(auth));
    }

    @Operation(summary = "Complete a task with an outcome (one of the task's outcomes) and a comment")
    @PostMapping("/api/tasks/{id}/complete")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    TaskView complete(@PathVariable String id, @RequestBody Completion body, Authentication auth) {
        return tasks.complete(id, body.outcome(), body.comment(), body.data(), auth.getName(), groups(auth));
    }

    /** Task groups are the caller's roles (CASEWORKER, SUPERVISOR). */
    static Set<String> groups(Authentication auth) {
        return Tasks.groupsOf(auth);
    }
}
