package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.Arrays;

/** Caseworkers' and supervisors' work from the terminal: tasks, cases, appeals. */
@Command
class CaseCommands {
    private final ServiceClient service;
    private final ObjectMapper json;

    CaseCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "task list", description = "My tasks (--scope mine) or my group's tasks waiting to be taken (--scope group)")
    String list(@Option(longNames = "scope", defaultValue = "mine", description = "mine or group") String scope) {
        StringBuilder s = new StringBuilder(String.format("%-38s %-28s %-8s %-10s %-12s %s%n", "task", "step", "case", "status", "held by", "outcomes"));
        for (JsonNode t : service.get("/api/tasks?scope=" + ("group".equals(scope) ? "group" : "mine"))) {
            s.append(String.format("%-38s %-28s %-8d %-10s %-12s %s%n", t.get("id").asText(), t.get("name").asText(), t.get("caseId").asLong(),
                    t.get("status").asText(), t.hasNonNull("owner") ? t.get("owner").asText() : "-", t.get("outcomes")));
        }
        return s.toString();
    }

    @Command(command = "task claim", description = "Take a task of my group")
    String claim(@Option(longNames = "id", required = true) String id) {
        JsonNode t = service.postJson("/api/tasks/" + id + "/claim", "{}");
        return "You hold task " + t.get("id").asText() + " (" + t.get("name").asText() + ", case " + t.get("caseId").asLong() + ")";
    }

    @Command(command = "task release", description = "Give a task back to my group")
    String release(@Option(longNames = "id", required = true) String id) {
        service.postJson("/api/tasks/" + id + "/release", "{}");
        return "Task " + id + " is back with your group";
    }

    @Command(command = "task complete", description = "Complete a task with one of its outcomes and a comment")
    String complete(@Option(longNames = "id", required = true) String id,
                    @Option(longNames = "outcome", required = true) String outcome,
                    @Option(longNames = "comment", defaultValue = "") String comment,
                    @Option(longNames = "survey", description = "the survey id a re-survey task was done with") Long surveyId) {
        ObjectNode body = json.createObjectNode().put("outcome", outcome).put("comment", comment);
        if (surveyId != null) {
            body.putObject("data").put("surveyId", surveyId);
        }
        JsonNode t = service.postJson("/api/tasks/" + id + "/complete", body.toString());
        return "Completed " + t.get("name").asText() + " of case " + t.get("caseId").asLong() + ": " + outcome;
    }

    @Command(command = "case show", description = "A case: household, current decision, open tasks and the history so far")
    String show(@Option(longNames = "id", required = true) long id) {
        return caseText(service.get("/api/cases/" + id));
    }

    @Command(command = "appeal lodge", description = "Lodge an appeal against the cut-off for a household; exits 2 when it is not admissible")
    String lodge(@Option(longNames = "household", required = true) long household,
                 @Option(longNames = "evidence", defaultValue = "") String evidence,
                 @Option(longNames = "grounds", defaultValue = "", description = "grounds the household claims, comma-separated: SCORE_NEAR_CUTOFF, DISABILITY, WIDOW_HEAD") String grounds) {
        ObjectNode body = json.createObjectNode().put("householdId", household).put("evidence", evidence);
        ArrayNode claimed = body.putArray("grounds");
        Arrays.stream(grounds == null ? new String[0] : grounds.split(",")).map(String::strip).filter(g -> !g.isEmpty()).forEach(claimed::add);
        JsonNode c = service.postJson("/api/appeals", body.toString());
        if ("CLOSED".equals(c.path("state").asText())) {
            throw new CliFailure(CliFailure.REFUSED, "Appeal not admissible (" + c.path("outcome").asText() + ").\n" + caseText(c).strip());
        }
        return "Appeal lodged.\n" + caseText(c);
    }

    static String caseText(JsonNode c) {
        StringBuilder s = new StringBuilder();
        s.append("Case ").append(c.get("id").asLong()).append(" (").append(c.get("caseType").asText()).append(") of household ")
                .append(c.hasNonNull("householdId") ? c.get("householdId").asText() : "-").append(": ").append(c.get("state").asText())
                .append(c.hasNonNull("outcome") ? ", " + c.get("outcome").asText() : "").append('\n');
        if (c.hasNonNull("outcomeReason") && !c.get("outcomeReason").asText().isBlank()) {
            s.append("  ").append(c.get("outcomeReason").asText()).append('\n');
        }
        JsonNode d = c.get("currentDecision");
        if (d != null && !d.isNull()) {
            s.append("Current decision ").append(d.get("id").asLong()).append(": score ").append(d.get("score").asInt())
                    .append(", policy version ").append(d.get("policyVersion").asInt()).append('\n');
            d.get("reasons").forEach(r -> s.append("  - ").append(r.asText()).append('\n'));
        }
        s.append("Open tasks\n");
        c.get("openTasks").forEach(t -> s.append("  ").append(t.get("id").asText()).append("  ").append(t.get("name").asText())
                .append("  ").append(t.get("status").asText()).append(t.hasNonNull("owner") ? "  held by " + t.get("owner").asText() : "")
                .append("  outcomes ").append(t.get("outcomes")).append('\n'));
        s.append("History\n");
        c.get("history").forEach(e -> s.append("  ").append(e.get("recordedAt").asText()).append("  ").append(e.get("actor").asText())
                .append("  ").append(e.get("action").asText()).append("  ").append(e.get("details")).append('\n'));
        return s.toString();
    }
}
