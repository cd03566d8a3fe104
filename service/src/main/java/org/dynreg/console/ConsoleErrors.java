package org.dynreg.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dynreg.api.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;

/**
 * A refusal or failure on a page, shown as sentences: the same status, words and per-field errors as the
 * API's problem+json ({@link Problems}), never a code or a stack trace. An htmx request gets the message
 * fragment in the page's message area (#problems); a whole page gets the message page.
 */
@ControllerAdvice(basePackages = "org.dynreg.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {
    private final Problems problems;

    ConsoleErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    String refused(Exception e, WebRequest request, HttpServletRequest http, HttpServletResponse response, Model model) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        Problems.Problem p = problems.of(e, request);
        response.setStatus(p.status());
        model.addAttribute("problem", p);
        if (Htmx.isHtmx(http)) {
            Htmx.retarget(response, "#problems");
            return "console/fragments :: problem";
        }
        return "console/problem";
    }
}
