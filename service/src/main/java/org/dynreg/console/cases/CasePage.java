package org.dynreg.console.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.workflow.CaseView;
import org.dynreg.workflow.Cases;
import org.dynreg.workflow.Notifications;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The case page: what GET /api/cases/{id} answers (the case, the household's current decision, its open tasks, its
 * history as a timeline), the process picture with the steps the case is at now, and the notices sent to the
 * household (GET /api/households/{id}/notifications).
 */
@Controller
class CasePage {
    private final Cases cases;
    private final Notifications notifications;
    private final ProcessPicture pictures;
    private final MessageSource messages;
    private final ObjectMapper json;

    CasePage(Cases cases, Notifications notifications, ProcessPicture pictures, MessageSource messages, ObjectMapper json) {
        this.cases = cases;
        this.notifications = notifications;
        this.pictures = pictures;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER','SUPERVISOR','AUDITOR')")
    String page(@PathVariable long id, Model model) {
        CaseView c = cases.view(id);
        Cases.Position position = cases.position(id);
        String steps = position.current().stream().map(Cases.Step::name).filter(n -> n != null && !n.isBlank())
                .distinct().collect(Collectors.joining(", "));
        String alternative = steps.isEmpty()
                ? messages.getMessage("cases.picture.none", new Object[] {position.processId()}, LocaleContextHolder.getLocale())
                : messages.getMessage("cases.picture.at", new Object[] {position.processId(), steps}, LocaleContextHolder.getLocale());
        model.addAttribute("kase", c);
        model.addAttribute("steps", steps);
        model.addAttribute("picture", pictures.svg(position.processId(), position.processVersion(),
                position.current().stream().map(Cases.Step::element).collect(Collectors.toSet()), alternative));
        model.addAttribute("timeline", c.history().stream().map(e -> Timeline.of(e, json)).toList());
        model.addAttribute("notices", c.householdId() == null ? List.of() : notifications.of(c.householdId()));
        return "console/cases/case";
    }
}
