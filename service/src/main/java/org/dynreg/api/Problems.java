package org.dynreg.api;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.util.List;
import java.util.Map;

/**
 * The API's answer to a failure, for other ways in (the web console): the same status, title, detail and
 * per-field errors as the API's problem+json, so a page says exactly what the API would.
 */
@Component
public class Problems {
    private final ApiErrors errors;

    Problems(ApiErrors errors) {
        this.errors = errors;
    }

    /** A problem as words: its status, title, detail and each error's field (JSON path, cell) and message. */
    public record Problem(int status, String title, String detail, List<Item> items) {}

    public record Item(String where, String message) {}

    public Problem of(Exception e, WebRequest request) throws Exception {
        ResponseEntity<Object> answer = errors.answerFor(e, request);
        if (!(answer.getBody() instanceof ProblemDetail p)) {
            return new Problem(answer.getStatusCode().value(), "Error", ApiErrors.UNEXPECTED, List.of());
        }
        return new Problem(p.getStatus(), p.getTitle(), p.getDetail(), items(p));
    }

    private static List<Item> items(ProblemDetail p) {
        if (p.getProperties() == null) {
            return List.of();
        }
        Object list = p.getProperties().getOrDefault("errors", p.getProperties().get("problems"));
        if (!(list instanceof List<?> l)) {
            return List.of();
        }
        return l.stream().map(Problems::item).toList();
    }

    private static Item item(Object o) {
        if (o instanceof org.dynreg.registry.FieldProblem f) {
            return new Item(f.path(), f.message());
        }
        if (o instanceof Map<?, ?> m && m.get("problem") instanceof org.dynreg.policy.PolicyProblem pp) {
            return new Item(pp.location(), pp.message());
        }
        if (o instanceof Map<?, ?> m) {
            Object where = m.containsKey("path") ? m.get("path") : m.get("location");
            Object message = m.containsKey("message") ? m.get("message") : m.get("problem");
            return new Item(where == null ? "" : String.valueOf(where), message == null ? "" : String.valueOf(message));
        }
        return new Item("", String.valueOf(o));
    }
}
