package org.dynreg.api;

import org.springframework.web.HttpMediaTypeNotSupportedException;

import com.fasterxml.jackson.core.exc.StreamReadException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.dynreg.audit.InvalidAuditQueryException;
import org.dynreg.eligibility.PolicyFaultException;
import org.dynreg.policy.PolicyConflictException;
import org.dynreg.policy.PolicyRejectedException;
import org.dynreg.policy.SecondOfficerRequiredException;
import org.dynreg.registry.InvalidSurveyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every refusal as application/problem+json, naming the field, cell or line where there is one; Spring MVC's own
 * refusals (404, 405, 406, 415 ...) as well, and anything unexpected as a 500 that says nothing of its cause.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {
    static final String NOTHING_HERE = "there is nothing at this path";

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    static final String UNEXPECTED = "the service failed unexpectedly; nothing of this request was stored unless it said so. "
            + "The failure is logged for the operators";

    private final DatabaseFailures databaseFailures;

    ApiErrors(DatabaseFailures databaseFailures) {
        this.databaseFailures = databaseFailures;
    }

    @ExceptionHandler(InvalidSurveyException.class)
    ProblemDetail invalidSurvey(InvalidSurveyException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-survey", "The survey has errors",
                e.problems().size() + " problem(s); nothing was stored");
        p.setProperty("errors", e.problems());
        return p;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", "The request has errors",
                e.field() + ": " + e.getMessage() + "; nothing changed");
        p.setProperty("errors", List.of(Map.of("path", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(PolicyRejectedException.class)
    ProblemDetail policyRejected(PolicyRejectedException e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "policy-rejected", "The policy bundle was refused",
                e.problems().size() + " problem(s); the policy in force is unchanged");
        p.setProperty("problems", e.problems().stream()
                .map(x -> java.util.Map.of("location", x.location(), "problem", x)).toList());
        return p;
    }

    @ExceptionHandler(PolicyConflictException.class)
    ProblemDetail policyConflict(PolicyConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "policy-conflict", "Not possible in the version's present state",
                e.getMessage() + "; nothing changed");
        if (e.report() != null) {
            p.setProperty("mismatches", e.report().mismatches());
            p.setProperty("failedWalks", e.report().failedWalks());
        }
        return p;
    }

    @ExceptionHandler(org.dynreg.workflow.WorkflowRefusedException.class)
    ProblemDetail workflowRefused(org.dynreg.workflow.WorkflowRefusedException e) {
        return problem(HttpStatus.valueOf(e.status()), "workflow-refused", "Not possible on this case or task",
                e.getMessage() + "; nothing changed");
    }

    @ExceptionHandler(org.dynreg.workflow.engine.ProcessRefusedException.class)
    ProblemDetail processRefused(org.dynreg.workflow.engine.ProcessRefusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "process-refused", "The process version is refused",
                e.getMessage() + "; nothing changed");
    }

    @ExceptionHandler(org.kie.kogito.process.ProcessInstanceOptimisticLockingException.class)
    ProblemDetail caseChangedMeanwhile(org.kie.kogito.process.ProcessInstanceOptimisticLockingException e) {
        return problem(HttpStatus.CONFLICT, "case-changed", "The case changed at the same moment",
                "another step of the case (for example an escalation falling due) was stored at the same moment; nothing of this one was stored: try again");
    }

    @ExceptionHandler(org.dynreg.batch.JobConflictException.class)
    ProblemDetail jobConflict(org.dynreg.batch.JobConflictException e) {
        return problem(HttpStatus.CONFLICT, "job-conflict", "Not possible in the job's present state", e.getMessage() + "; nothing changed");
    }

    @ExceptionHandler(SecondOfficerRequiredException.class)
    ProblemDetail secondOfficer(SecondOfficerRequiredException e) {
        return problem(HttpStatus.FORBIDDEN, "second-officer-required", "A second policy officer is required",
                e.getMessage() + "; nothing changed");
    }

    @ExceptionHandler(PolicyFaultException.class)
    ProblemDetail policyFault(PolicyFaultException e) {
        log.error("policy fault: {}", e.getMessage());
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "policy-fault", "The policy in force could not decide",
                e.getMessage() + "; nothing was stored");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail concurrentUpdate(ObjectOptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-update", "Changed by another submission",
                "the household was updated by another submission at the same time; nothing of this one was stored: reload and submit again");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        log.warn("refused a write that broke a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        boolean nationalId = String.valueOf(e.getMostSpecificCause().getMessage()).contains("household_member_national_id");
        return problem(HttpStatus.CONFLICT, "conflict", "Conflicts with stored data",
                nationalId ? "a national id on this survey was registered in another household at the same moment; nothing was stored"
                        : "the submission conflicts with data stored at the same moment; nothing was stored");
    }

    /**
     * Any other failure of the database, at commit included: 503 with Retry-After, 413 or 500 (DatabaseFailures),
     * never the empty 200 that Spring MVC answers when the failure's cause reads like a client that went away.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> databaseFailure(RuntimeException e) {
        return databaseFailures.answer(e);
    }

    @ExceptionHandler(InvalidAuditQueryException.class)
    ProblemDetail invalidAuditQuery(InvalidAuditQueryException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-query", "The query cannot be answered", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A parameter has the wrong form",
                "parameter '" + e.getName() + "' must be " + form(e.getRequiredType()));
    }

    /**
     * Anything no other handler answers: a 500 whose body says nothing of the cause, logged by exception class and
     * place only, since messages can carry what was submitted. Refusals by the security layer go on to it.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        // a refusal wrapped by another layer (the process engine wraps what a step throws) is answered as itself
        for (Throwable cause = e.getCause(); cause instanceof Exception c && cause != e; cause = cause.getCause()) {
            Method handler = HANDLERS.resolveMethodByExceptionType(c.getClass());
            if (handler != null && !handler.getName().equals("unexpected")) {
                return answer(handler, c, request);
            }
        }
        logUnexpected(e);
        ProblemDetail p = problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", "Internal error", UNEXPECTED);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(p);
    }

    private static final ExceptionHandlerMethodResolver HANDLERS = new ExceptionHandlerMethodResolver(ApiErrors.class);

    /**
     * The problem this class answers {@code e} with, for the web console, which shows it as words on the page
     * ({@link Problems}). Refusals by the security layer are thrown on, as to the API.
     */
    ResponseEntity<Object> answerFor(Exception e, WebRequest request) throws Exception {
        Method handler = HANDLERS.resolveMethodByExceptionType(e.getClass());
        if (handler == null || handler.getDeclaringClass() != ApiErrors.class) {
            ResponseEntity<Object> framework = handleException(e, request);
            if (framework != null) {
                return framework;
            }
            handler = ApiErrors.class.getDeclaredMethod("unexpected", Exception.class, WebRequest.class);
        }
        return answer(handler, e, request);
    }

    @SuppressWarnings("unchecked")
    private ResponseEntity<Object> answer(Method handler, Exception cause, WebRequest request) throws Exception {
        Object answer;
        try {
            answer = handler.getParameterCount() == 1 ? handler.invoke(this, cause) : handler.invoke(this, cause, request);
        } catch (InvocationTargetException failed) {
            throw failed.getCause() instanceof Exception x ? x : failed;
        }
        if (answer instanceof ResponseEntity<?> r) {
            return (ResponseEntity<Object>) r;
        }
        ProblemDetail p = (ProblemDetail) answer;
        return ResponseEntity.status(p.getStatus()).body(p);
    }

    /** A body that is not JSON, or JSON that is not the request: 400 for the first, 422 naming the field for the second. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = unreadable(e);
        return handleExceptionInternal(e, p, headers, HttpStatusCode.valueOf(p.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, slug(HttpStatus.UNSUPPORTED_MEDIA_TYPE), "Unsupported content type",
                "the body is sent as " + (e.getContentType() == null ? "no content type" : "'" + e.getContentType() + "'")
                        + "; this endpoint takes " + e.getSupportedMediaTypes().stream().map(String::valueOf).distinct()
                        .collect(java.util.stream.Collectors.joining(" or ")) + "; nothing was stored");
        return handleExceptionInternal(e, p, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.PAYLOAD_TOO_LARGE, slug(HttpStatus.PAYLOAD_TOO_LARGE), "Request too large",
                tooLarge(e.getMaxUploadSize()));
        return handleExceptionInternal(e, p, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    /** A page of the console that does not exist, asked for by a browser: the error page answers it in words. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        if (request instanceof org.springframework.web.context.request.ServletWebRequest web && web.getResponse() != null
                && ErrorPage.forConsole(web.getRequest())) {
            try {
                web.getResponse().sendError(HttpStatus.NOT_FOUND.value());
                return null;
            } catch (java.io.IOException ignored) {
                // the client went away; answer as the API would
            }
        }
        return super.handleNoResourceFoundException(e, headers, status, request);
    }

    /** Spring MVC's own problems (404, 405, 415 ...) get a type of this service instead of about:blank. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse framework) {
            body = framework.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail p && URI.create("about:blank").equals(p.getType())) {
            HttpStatus known = HttpStatus.resolve(status.value());
            p.setType(URI.create("https://dynreg.org/problems/" + (known == null ? "error" : slug(known))));
            if (e instanceof NoResourceFoundException) {
                p.setDetail(NOTHING_HERE); // the framework's words speak of static resources
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RequestBodyLimit.BodyTooLargeException large) {
            return problem(HttpStatus.PAYLOAD_TOO_LARGE, slug(HttpStatus.PAYLOAD_TOO_LARGE), "Request too large", tooLarge(large.limit()));
        }
        if (cause instanceof StreamConstraintsException) {
            return invalidBody("$", "is nested more than " + RequestJson.MAX_NESTING + " levels deep, more than the registry stores");
        }
        if (cause instanceof StreamReadException r && String.valueOf(r.getOriginalMessage()).startsWith("Duplicate field '")) {
            String field = r.getOriginalMessage().substring("Duplicate field '".length()).replaceFirst("'.*$", "");
            String path = r.getProcessor() == null ? field
                    : r.getProcessor().getParsingContext().pathAsPointer().toString().replaceFirst("^/", "").replace('/', '.');
            return invalidBody(path.isEmpty() ? field : path, "is given twice; give each field once");
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return invalidBody(path(u), "is not a field of this request; the fields are " + String.join(", ",
                    u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return invalidBody(path(m), "must be " + form(m.getTargetType()));
        }
        if (cause == null && String.valueOf(e.getMessage()).startsWith("Required request body is missing")) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not valid JSON",
                    "the request needs a JSON body; nothing was stored");
        }
        String where = "";
        if (cause instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation l = j.getLocation();
            where = " at line " + l.getLineNr() + ", column " + l.getColumnNr();
        }
        String after = cause instanceof MismatchedInputException ? " (there is more after the JSON value)" : "";
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not valid JSON",
                "the body could not be read as JSON" + where + after + "; nothing was stored");
    }

    private static ProblemDetail invalidBody(String path, String message) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-request", "The request has errors",
                path + ": " + message + "; nothing changed");
        p.setProperty("errors", List.of(Map.of("path", path, "message", message)));
        return p;
    }

    /** The JSON path of a field in a request body, like {@code areas[0].district}; {@code $} for the whole body. */
    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.isEmpty() ? "$" : s.toString();
    }

    /** What a value of the type looks like, in words. */
    private static String form(Class<?> type) {
        if (type == null) {
            return "of another form";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant such as 2025-01-31T00:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a day written like 2026-11-25";
        }
        return switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Double", "double", "BigDecimal", "Float", "float" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            case "List", "Set" -> "a list";
            default -> "of another form";
        };
    }

    static String tooLarge(long limit) {
        return "the request body is larger than the " + limit + " bytes the service accepts for this kind of request; nothing was stored";
    }

    /** The last part of a problem type for an HTTP status, like {@code payload-too-large}. */
    static String slug(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Logs an unexpected failure by the classes and places of its causes, never their messages. */
    static void logUnexpected(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            s.append(s.isEmpty() ? "" : "\n  caused by ").append(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                s.append("\n    at ").append(frames[i]);
            }
        }
        log.error("unexpected failure answered 500 (messages left out): {}", s);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://dynreg.org/problems/" + type));
        p.setTitle(title);
        return p;
    }
}
