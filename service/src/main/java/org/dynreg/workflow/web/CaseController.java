package org.dynreg.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import org.dynreg.workflow.CaseView;
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

    CaseController(Cases cases, Tasks tasks, Notifications notifications) {
        this.cases = cases;
        this.tasks = tasks;
        this.notifications = notifications;
    }

    record Completion(String outcome, String comment, Map<String, Object> data) {}

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

    @Operation(summary = "Tasks: scope=mine (held by me) or scope=group (waiting for my group)")
    @GetMapping("/api/tasks")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    List<TaskView> tasks(@RequestParam(defaultValue = "mine") String scope, Authentication auth) {
        return "group".equals(scope) ? tasks.available(auth.getName(), groups(auth)) : tasks.mine(auth.getName(), groups(auth));
    }

    @Operation(summary = "Take a task of my group")
    @PostMapping("/api/tasks/{id}/claim")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    TaskView claim(@PathVariable String id, Authentication auth) {
        return tasks.claim(id, auth.getName(), groups(auth));
    }

    @Operation(summary = "Give a task back to my group")
    @PostMapping("/api/tasks/{id}/release")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    TaskView release(@PathVariable String id, Authentication auth) {
        return tasks.release(id, auth.getName(), groups(auth));
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
