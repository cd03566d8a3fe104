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

    @Command(command = "task list", description = "My tasks (--scope mine) or my group's tasks waiting to be taken (--scope group), as a table")
    String list(@Option(longNames = "scope", defaultValue = "mine", description = "mine or group") String scope,
                @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        if (!"mine".equals(scope) && !"group".equals(scope)) {
            throw new CliFailure(CliFailure.REFUSED, "--scope: give mine or group, not '" + scope + "'");
        }
        JsonNode tasks = service.get("/api/tasks?scope=" + scope);
        if (asJson) {
            return Explanations.json(tasks);
        }
        return Explanations.tasks(tasks, "mine".equals(scope) ? "You hold no tasks; 'task list --scope group' shows those waiting for your group."
                : "No tasks are waiting for your group.");
    }

    @Command(command = "task claim", description = "Take a task of my group")
    String claim(@Option(longNames = "id", required = true) String id) {
        JsonNode t = service.postJson("/api/tasks/" + id + "/claim", "{}");
        return "You hold task " + t.get("id").asText() + " (" + t.get("name").asText() + ", case " + t.get("caseId").asLong()
                + "); outcomes: " + Explanations.value(t.get("outcomes")).replace("; ", ", ");
    }

    @Command(command = "task release", description = "Give a task back to its group; a supervisor may free a task someone else holds, with a reason")
    String release(@Option(longNames = "id", required = true) String id,
                   @Option(longNames = "reason", description = "why a supervisor frees someone else's task") String reason) {
        ObjectNode body = json.createObjectNode();
        if (reason != null) {
            body.put("reason", reason);
        }
        JsonNode t = service.postJson("/api/tasks/" + id + "/release", body.toString());
        return "Task " + id + " (" + t.path("name").asText() + ", case " + t.path("caseId").asLong() + ") is back with its group";
    }

    @Command(command = "task reassign", description = "Give a task, held or waiting, to another person of the case's office (supervisor)")
    String reassign(@Option(longNames = "id", required = true) String id,
                    @Option(longNames = "to", required = true, description = "the user who takes it over") String to,
                    @Option(longNames = "reason", required = true, description = "why") String reason) {
        JsonNode t = service.postJson("/api/tasks/" + id + "/reassign", json.createObjectNode().put("to", to).put("reason", reason).toString());
        return "Task " + id + " (" + t.path("name").asText() + ", case " + t.path("caseId").asLong() + ") is now held by "
                + t.path("owner").asText(to);
    }

    @Command(command = "escalation list", description = "Open escalations of my offices' cases: step, task, group and how overdue (supervisor)")
    String escalations(@Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode open = service.get("/api/escalations");
        return asJson ? Explanations.json(open) : Explanations.rows(open, "open escalation", "open escalations", "No open escalations.");
    }

    @Command(command = "task complete", description = "Complete a task with an outcome (SURVEYED, APPROVE, NOT_FOUND ... as the task lists), a comment and its data")
    String complete(@Option(longNames = "id", required = true) String id,
                    @Option(longNames = "outcome", required = true, description = "one of the task's outcomes") String outcome,
                    @Option(longNames = "comment", defaultValue = "", description = "why; a reason where the outcome needs one") String comment,
                    @Option(longNames = {"survey-id", "survey"}, description = "the survey a re-survey task was done with") Long surveyId,
                    @Option(longNames = "survey-file", description = "a survey JSON file sent with the task (a registration token's survey)") String surveyFile,
                    @Option(longNames = "data", description = "more of the task's data as name=value pairs, comma-separated, e.g. reason=house locked") String data) {
        ObjectNode body = json.createObjectNode().put("outcome", outcome).put("comment", comment);
        ObjectNode fields = json.createObjectNode();
        if (data != null && !data.isBlank()) {
            for (String pair : data.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new CliFailure(CliFailure.REFUSED, "--data: '" + pair.strip() + "' is not name=value");
                }
                String value = pair.substring(eq + 1).strip();
                if (value.matches("-?\\d{1,18}")) {
                    fields.put(pair.substring(0, eq).strip(), Long.parseLong(value));
                } else {
                    fields.put(pair.substring(0, eq).strip(), value);
                }
            }
        }
        if (surveyId != null) {
            fields.put("surveyId", surveyId);
        }
        if (surveyFile != null) {
            fields.put("survey", InputFile.read(surveyFile));
        }
        if (!fields.isEmpty()) {
            body.set("data", fields);
        }
        JsonNode t = service.postJson("/api/tasks/" + id + "/complete", body.toString());
        return "Completed " + t.get("name").asText() + " of case " + t.get("caseId").asLong() + ": " + outcome
                + "\n'case show --id " + t.get("caseId").asLong() + "' shows where the case stands";
    }

    @Command(command = "case show", description = "A case: household, current decision, open tasks and its history as a timeline")
    String show(@Option(longNames = "id", required = true) long id,
                @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode c = service.get("/api/cases/" + id);
        return asJson ? Explanations.json(c) : Explanations.caseText(c);
    }

    @Command(command = "case list", description = "A household's cases (--household), or my offices' cases filtered by type, state, district, overdue; newest first, as a table")
    String cases(@Option(longNames = "household", description = "this household's cases") Long household,
                 @Option(longNames = "type", description = "e.g. APPEAL, CYCLIC_UPDATE") String type,
                 @Option(longNames = "state", description = "OPEN or CLOSED") String state,
                 @Option(longNames = "district") String district,
                 @Option(longNames = "overdue", description = "only cases with an open escalation") boolean overdue,
                 @Option(longNames = "page", defaultValue = "0", description = "0 first") int page,
                 @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        if (household != null) {
            if (type != null || state != null || district != null || overdue) {
                throw new CliFailure(CliFailure.REFUSED, "--household lists all of a household's cases: give it alone, or filter without it");
            }
            JsonNode cases = service.get("/api/households/" + household + "/cases");
            return asJson ? Explanations.json(cases) : Explanations.rows(cases, "case", "cases", "Household " + household + " has no cases.");
        }
        StringBuilder path = new StringBuilder("/api/cases?page=").append(page);
        Query.add(path, "type", type);
        Query.add(path, "state", state);
        Query.add(path, "district", district);
        Query.add(path, "overdue", overdue ? "true" : null);
        JsonNode answer = service.get(path.toString());
        if (asJson) {
            return Explanations.json(answer);
        }
        JsonNode rows = answer.isArray() ? answer : answer.path("cases");
        String table = Explanations.rows(rows, "case", "cases", "No case matches.");
        return answer.path("more").asBoolean() ? table + "More on the next page: --page " + (page + 1) + "\n" : table;
    }

    @Command(command = "appeal lodge", description = "Lodge an appeal against the cut-off for a household; exits 2 when it is not admissible")
    String lodge(@Option(longNames = "household", required = true) long household,
                 @Option(longNames = "evidence", defaultValue = "", description = "what the household says and shows") String evidence,
                 @Option(longNames = "grounds", description = "grounds the household claims, comma-separated: SCORE_NEAR_CUTOFF, DISABILITY, WIDOW_HEAD") String grounds) {
        ObjectNode body = json.createObjectNode().put("householdId", household).put("evidence", evidence);
        if (grounds != null && !grounds.isBlank()) {
            var list = body.putArray("grounds");
            for (String g : grounds.split(",")) {
                list.add(g.strip());
            }
        }
        JsonNode c = service.postJson("/api/appeals", body.toString());
        if ("CLOSED".equals(c.path("state").asText())) {
            throw new CliFailure(CliFailure.REFUSED, "Appeal not admissible (" + c.path("outcome").asText() + ").\n" + Explanations.caseText(c).strip());
        }
        return "Appeal lodged.\n" + Explanations.caseText(c);
    }

    @Command(command = "appeal show", description = "An appeal: where it stands, the household's decision, its open tasks and history")
    String appeal(@Option(longNames = "id", required = true, description = "the appeal's case") long id,
                  @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode c = service.get("/api/cases/" + id);
        if (!"APPEAL".equals(c.path("caseType").asText())) {
            throw new CliFailure(CliFailure.NOT_FOUND, "case " + id + " is not an appeal but a " + c.path("caseType").asText()
                    + " case; 'case show --id " + id + "' shows it");
        }
        return asJson ? Explanations.json(c) : Explanations.caseText(c);
    }
}
