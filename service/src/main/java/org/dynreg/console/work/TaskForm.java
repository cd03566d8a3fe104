package org.dynreg.console.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dynreg.audit.AuditEntry;
import org.dynreg.console.Htmx;
import org.dynreg.console.Signed;
import org.dynreg.security.Role;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.TaskRow;
import org.dynreg.workflow.TaskView;
import org.dynreg.workflow.Tasks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task form: the step's question, the evidence (the task's line, and for the roles that may read cases the case's
 * current decision and history, as GET /api/cases/{id}), the outcomes as buttons and a comment. Completing goes
 * through {@link Tasks#complete} as POST /api/tasks/{id}/complete does; a refusal is put in the page's message area.
 */
@Controller
public class TaskForm {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The roles of GET /api/cases/{id}: they see the case's decision and history on the form. */
    private static final Set<Role> CASE_READERS = Set.of(Role.CASEWORKER, Role.SUPERVISOR, Role.AUDITOR);

    private final Tasks tasks;
    private final Cases cases;

    TaskForm(Tasks tasks, Cases cases) {
        this.tasks = tasks;
        this.cases = cases;
    }

    /** One line of the case's history: when, who, what, and its details as words (name: value). */
    public record Step(AuditEntry entry, List<Map.Entry<String, String>> details) {}

    @GetMapping("/tasks/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    String form(@PathVariable String id, Authentication auth, Model model) {
        TaskRow task = tasks.row(id, auth);
        model.addAttribute("task", task);
        model.addAttribute("question", "work.question." + key(task.name()));
        model.addAttribute("excluded", tasks.excludes(id, auth.getName()));
        if (Signed.roles(auth).stream().anyMatch(CASE_READERS::contains)) {
            CaseView c = cases.view(task.caseId());
            model.addAttribute("theCase", c);
            List<Step> steps = new ArrayList<>();
            for (AuditEntry e : c.history()) {
                steps.add(new Step(e, details(e.details())));
            }
            model.addAttribute("history", steps);
        }
        return "console/work/task";
    }

    @PostMapping("/tasks/{id}/complete")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    String complete(@PathVariable String id, @RequestParam(required = false) String outcome,
                    @RequestParam(required = false) String comment, Authentication auth, HttpServletRequest request,
                    HttpServletResponse response) {
        TaskView done = tasks.complete(id, outcome, comment, auth.getName(), Tasks.groupsOf(auth));
        String back = UriComponentsBuilder.fromPath("/work").queryParam("completed", done.name())
                .queryParam("completedCase", done.caseId()).queryParam("outcome", outcome).encode().build().toUriString();
        if (Htmx.isHtmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + back);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        return "redirect:" + back;
    }

    /** The message key of a step's name: "Decide appeal" -> decide-appeal. */
    public static String key(String name) {
        return name == null ? "unknown" : name.strip().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static List<Map.Entry<String, String>> details(String json) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        try {
            JsonNode d = JSON.readTree(json == null ? "{}" : json);
            for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                String text = v.isValueNode() ? v.asText() : v.isArray() ? join(v) : v.toString();
                out.add(Map.entry(f.getKey(), text));
            }
        } catch (IOException e) {
            out.add(Map.entry("", String.valueOf(json)));
        }
        return out;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.isValueNode() ? n.asText() : n.toString()));
        return String.join(", ", parts);
    }
}
