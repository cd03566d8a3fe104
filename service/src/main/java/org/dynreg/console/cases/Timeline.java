package org.dynreg.console.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.audit.AuditEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of a case's history as the timeline shows it, read from its audit entry: when, who, what (the action, whose
 * words come from the bundle), the task it concerned, its outcome, the comment or reason, and any other details as
 * they were recorded.
 */
record Timeline(long seq, Instant when, String who, String action, String task, String outcome, String comment, String details) {
    private static final Set<String> SHOWN = Set.of("task", "taskId", "outcome", "comment", "reason");

    static Timeline of(AuditEntry e, ObjectMapper json) {
        JsonNode d;
        try {
            d = e.details() == null ? null : json.readTree(e.details());
        } catch (JsonProcessingException x) {
            d = null;
        }
        if (d == null || !d.isObject()) {
            return new Timeline(e.seq(), e.recordedAt(), e.actor(), e.action(), null, null, null, e.details());
        }
        String comment = text(d, "comment");
        if (comment == null) {
            comment = text(d, "reason");
        }
        List<String> rest = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!SHOWN.contains(f.getKey()) && !f.getValue().isNull()) {
                rest.add(f.getKey() + ": " + (f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
            }
        }
        return new Timeline(e.seq(), e.recordedAt(), e.actor(), e.action(), text(d, "task"), text(d, "outcome"), comment,
                String.join("; ", rest));
    }

    /** The message key of the action's words; the template falls back to the action itself. */
    public String actionKey() {
        return "cases.action." + action;
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
