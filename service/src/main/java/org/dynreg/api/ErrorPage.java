package org.dynreg.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page, in place of Spring Boot's: errors that never reach a controller (a body refused by
 * {@link RequestBodyLimit}, a request the container or the firewall rejects, an exception thrown by a filter) are
 * answered as application/problem+json like every other error, whatever the client accepts, and without the
 * exception's message.
 */
@Hidden
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> answer = problem(request);
        if (forConsole(request)) { // a browser on a console path gets a page in words, not JSON
            ProblemDetail p = answer.getBody();
            ModelAndView page = new ModelAndView("console/problem", answer.getStatusCode());
            page.addObject("problem", new Problems.Problem(p.getStatus(), p.getTitle(), p.getDetail(), java.util.List.of()));
            return page;
        }
        return answer;
    }

    /** Not an API path, asked for by a browser (text/html accepted). */
    static boolean forConsole(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        boolean api = path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/") || path.startsWith("/swagger-ui")
                || path.startsWith("/actuator");
        String accept = request.getHeader("Accept");
        return !api && accept != null && accept.contains("text/html");
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t && status.is5xxServerError()) {
            ApiErrors.logUnexpected(t);
        }
        ProblemDetail p = ApiErrors.problem(status, ApiErrors.slug(status),
                status == HttpStatus.PAYLOAD_TOO_LARGE ? "Request too large" : status.getReasonPhrase(), detail(status, request));
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            p.setInstance(java.net.URI.create(uri)); // the request refused, not this page
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case PAYLOAD_TOO_LARGE -> request.getAttribute(RequestBodyLimit.LIMIT_ATTRIBUTE) instanceof Long limit
                    ? ApiErrors.tooLarge(limit) : "the request is larger than the service accepts; nothing was stored";
            case NOT_FOUND -> ApiErrors.NOTHING_HERE;
            case BAD_REQUEST -> "the request could not be read; nothing was stored";
            case INTERNAL_SERVER_ERROR -> ApiErrors.UNEXPECTED;
            default -> status.getReasonPhrase();
        };
    }
}
