package org.dynreg.console.work;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dynreg.console.Htmx;
import org.dynreg.workflow.TaskRow;
import org.dynreg.workflow.TaskView;
import org.dynreg.workflow.Tasks;
import org.dynreg.workflow.UpdateTypeDefinition;
import org.dynreg.workflow.UpdateTypes;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * The work list: my tasks, my office's unclaimed tasks and the tasks I completed, filtered and paged in the database
 * ({@link Tasks#list}, as GET /api/tasks). Claim, release and (supervisor) reassign answer an htmx request with the list
 * again, so the page is not reloaded; a refusal goes to the page's message area.
 */
@Controller
public class WorkList {
    static final int SIZE = 25;

    private final Tasks tasks;
    private final UpdateTypes types;

    WorkList(Tasks tasks, UpdateTypes types) {
        this.tasks = tasks;
        this.types = types;
    }

    /** What the list shows: the tab, the filters and the page; also what a claim or release sends back. */
    /** Public, as are its methods, so that the templates' expressions may read it. */
    public record Query(String tab, String type, String step, String district, String sla, String text, int page, int size) {
        /** The page sizes a user may choose. */
        public static final List<Integer> SIZES = List.of(10, 25, 50);

        public Query {
            tab = "group".equals(tab) || "done".equals(tab) ? tab : "mine";
            page = Math.max(page, 0);
            size = SIZES.contains(size) ? size : SIZE;
        }

        public List<Integer> sizes() {
            return SIZES;
        }

        Tasks.TaskFilter filter() {
            return new Tasks.TaskFilter(type, step, district, sla, text);
        }

        /** The list's address with these filters, for another tab or page. */
        public String url(String otherTab) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/work").queryParam("tab", otherTab);
            add(b, "type", type);
            add(b, "step", step);
            add(b, "district", district);
            add(b, "sla", sla);
            add(b, "text", text);
            if (size != SIZE) {
                b.queryParam("size", size);
            }
            return b.encode().build().toUriString();
        }

        private static void add(UriComponentsBuilder b, String name, String value) {
            if (value != null && !value.isBlank()) {
                b.queryParam(name, value);
            }
        }
    }

    @ModelAttribute("query")
    Query query(@RequestParam(defaultValue = "mine") String tab, @RequestParam(required = false) String type,
                @RequestParam(required = false) String step, @RequestParam(required = false) String district,
                @RequestParam(required = false) String sla, @RequestParam(required = false) String text,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
        return new Query(tab, type, step, district, sla, text, page, size);
    }

    @GetMapping("/work")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    String list(@ModelAttribute("query") Query q, @RequestParam(required = false) String completed,
                @RequestParam(required = false) Long completedCase, @RequestParam(required = false) String outcome,
                Authentication auth, Model model, HttpServletRequest request) {
        fill(q, auth, model);
        if (completed != null && completedCase != null) {
            model.addAttribute("confirmation", new Confirmation("work.confirm.completed", completed, completedCase, outcome));
        }
        if (Htmx.isHtmx(request)) {
            return "console/work/list :: list";
        }
        model.addAttribute("types", types.all().stream().map(UpdateTypeDefinition::caseType).sorted().toList());
        model.addAttribute("steps", tasks.stepNames());
        model.addAttribute("slas", List.of(TaskRow.ON_TRACK, TaskRow.AT_RISK, TaskRow.BREACHED));
        return "console/work/list";
    }

    @PostMapping("/work/tasks/{id}/claim")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    String claim(@PathVariable String id, @ModelAttribute("query") Query q, Authentication auth, Model model) {
        TaskView t = tasks.claim(id, auth.getName(), Tasks.groupsOf(auth));
        model.addAttribute("confirmation", new Confirmation("work.confirm.claimed", t.name(), t.caseId(), null));
        fill(q, auth, model);
        return "console/work/list :: list";
    }

    @PostMapping("/work/tasks/{id}/release")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','DATA_ENTRY_OPERATOR')")
    String release(@PathVariable String id, @RequestParam(required = false) String reason, @ModelAttribute("query") Query q,
                   Authentication auth, Model model) {
        TaskView t = tasks.giveBack(id, reason, auth.getName(), Tasks.groupsOf(auth));
        model.addAttribute("confirmation", new Confirmation("work.confirm.released", t.name(), t.caseId(), null));
        fill(q, auth, model);
        return "console/work/list :: list";
    }

    /** The form to give a task to someone else, with the people who may take it, put into the task's line. */
    @GetMapping("/work/tasks/{id}/reassign")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String reassignForm(@PathVariable String id, @ModelAttribute("query") Query q, Authentication auth, Model model) {
        model.addAttribute("taskId", id);
        model.addAttribute("people", tasks.reassignable(id, auth.getName()));
        return "console/work/list :: reassign";
    }

    @PostMapping("/work/tasks/{id}/reassign")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String reassign(@PathVariable String id, @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
                    @ModelAttribute("query") Query q, Authentication auth, Model model, HttpServletResponse response) {
        TaskView t = tasks.reassign(id, to, reason, auth.getName(), Tasks.groupsOf(auth));
        model.addAttribute("confirmation", new Confirmation("work.confirm.reassigned", t.name(), t.caseId(), to));
        fill(q, auth, model);
        return "console/work/list :: list";
    }

    /** A sentence saying what was done: its message key, the task's step, its case and one more word (outcome, person). */
    public record Confirmation(String key, String task, long caseId, String extra) {}

    private void fill(Query q, Authentication auth, Model model) {
        model.addAttribute("query", q);
        model.addAttribute("supervisor", Tasks.groupsOf(auth).contains("SUPERVISOR"));
        if ("done".equals(q.tab())) {
            List<Tasks.DoneTask> done = tasks.done(auth.getName(), q.page(), q.size() + 1);
            model.addAttribute("done", done.size() > q.size() ? done.subList(0, q.size()) : done);
            model.addAttribute("more", done.size() > q.size());
        } else {
            model.addAttribute("result", tasks.list(q.tab(), q.filter(), q.page(), q.size(), auth));
        }
    }
}
