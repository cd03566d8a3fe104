package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

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

    @Command(command = "task release", description = "Give a task back to its group")
    String release(@Option(longNames = "id", required = true) String id) {
        JsonNode t = service.postJson("/api/tasks/" + id + "/release", "{}");
        return "Task " + id + " (" + t.path("name").asText() + ", case " + t.path("caseId").asLong() + ") is back with its group";
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

    @Command(command = "case list", description = "A household's cases, newest first, as a table")
    String cases(@Option(longNames = "household", required = true) long household,
                 @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode cases = service.get("/api/households/" + household + "/cases");
        return asJson ? Explanations.json(cases) : Explanations.rows(cases, "case", "cases", "Household " + household + " has no cases.");
    }

    @Command(command = "appeal lodge", description = "Lodge an appeal against the cut-off for a household")
    String lodge(@Option(longNames = "household", required = true) long household,
                 @Option(longNames = "evidence", defaultValue = "", description = "what the household says and shows") String evidence,
                 @Option(longNames = "grounds", description = "the grounds claimed, comma-separated, as the Appeals table names them") String grounds) {
        ObjectNode body = json.createObjectNode().put("householdId", household).put("evidence", evidence);
        if (grounds != null && !grounds.isBlank()) {
            var list = body.putArray("grounds");
            for (String g : grounds.split(",")) {
                list.add(g.strip());
            }
        }
        JsonNode c = service.postJson("/api/appeals", body.toString());
        return (c.path("state").asText().equals("OPEN") ? "Appeal lodged.\n" : "Appeal recorded and closed.\n") + Explanations.caseText(c);
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
