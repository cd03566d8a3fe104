package org.dynreg.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.dynreg.audit.InvalidAuditQueryException;
import org.dynreg.eligibility.PolicyFaultException;
import org.dynreg.policy.PolicyConflictException;
import org.dynreg.policy.PolicyRejectedException;
import org.dynreg.policy.SecondOfficerRequiredException;
import org.dynreg.registry.InvalidSurveyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

/** Every refusal as application/problem+json, naming the field, cell or line where there is one. */
@RestControllerAdvice
class ApiErrors {
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

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
        p.setProperty("errors", java.util.List.of(java.util.Map.of("path", e.field(), "message", e.getMessage())));
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
        }
        return p;
    }

    @ExceptionHandler(org.dynreg.workflow.WorkflowRefusedException.class)
    ProblemDetail workflowRefused(org.dynreg.workflow.WorkflowRefusedException e) {
        return problem(HttpStatus.valueOf(e.status()), "workflow-refused", "Not possible on this case or task",
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
        String form = switch (e.getRequiredType() == null ? "" : e.getRequiredType().getSimpleName()) {
            case "Instant" -> "an ISO-8601 instant such as 2025-01-31T00:00:00Z";
            case "Integer", "int", "Long", "long" -> "a whole number";
            default -> "of another form";
        };
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "A parameter has the wrong form",
                "parameter '" + e.getName() + "' must be " + form);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String where = "";
        if (e.getCause() instanceof JsonProcessingException j && j.getLocation() != null) {
            JsonLocation l = j.getLocation();
            where = " at line " + l.getLineNr() + ", column " + l.getColumnNr();
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not valid JSON",
                "the body could not be read as JSON" + where + "; nothing was stored");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://dynreg.org/problems/" + type));
        p.setTitle(title);
        return p;
    }
}
