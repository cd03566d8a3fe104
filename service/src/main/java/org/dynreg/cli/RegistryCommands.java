package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Registry commands: submit a survey file, a household with its decisions, cases and notices, explain a decision. */
@Command
class RegistryCommands {
    /** How many of the latest notices {@code household show} prints. */
    private static final int LATEST = 5;

    private final ServiceClient service;
    private final ObjectMapper json;

    RegistryCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "survey submit", description = "Submit a survey JSON file (data-entry operator, supervisor)")
    String submit(@Option(longNames = "file", required = true, description = "the survey JSON file") String fileName) {
        JsonNode r = service.postJson("/api/surveys", InputFile.read(fileName));
        return "Registered: household " + r.get("householdId").asLong() + ", survey " + r.get("surveyId").asLong()
                + "\n" + Explanations.decision(r.get("decision"));
    }

    @Command(command = "household show", description = "A household: roster (personal data as your role allows), current score, "
            + "eligibility per program, open cases and the latest notices")
    String household(@Option(longNames = "id", required = true) long id,
                     @Option(longNames = "json", description = "the answers as one JSON object, for scripts") boolean asJson) {
        ObjectNode all = json.createObjectNode();
        all.set("household", service.get("/api/households/" + id));
        JsonNode decisions = allowed(() -> service.get("/api/households/" + id + "/decisions"));
        all.set("decision", decisions == null || decisions.isEmpty() ? null : decisions.get(decisions.size() - 1));
        JsonNode cases = allowed(() -> service.get("/api/households/" + id + "/cases"));
        if (cases != null) {
            ArrayNode open = all.putArray("openCases");
            cases.forEach(c -> {
                if (c.path("closedAt").isNull()) {
                    open.add(c);
                }
            });
        }
        JsonNode notices = allowed(() -> service.get("/api/households/" + id + "/notifications"));
        if (notices != null) {
            ArrayNode latest = all.putArray("latestNotifications");
            for (int i = Math.max(0, notices.size() - LATEST); i < notices.size(); i++) {
                latest.add(notices.get(i));
            }
        }
        if (asJson) {
            return Explanations.json(all);
        }
        StringBuilder s = new StringBuilder(Explanations.household(all.get("household")));
        if (all.hasNonNull("decision")) {
            s.append(Explanations.decisionSummary(all.get("decision")));
        } else if (decisions != null) {
            s.append("No decision yet\n");
        }
        if (all.has("openCases")) {
            s.append("Open cases\n").append(Explanations.indent(Explanations.rows(all.get("openCases"), "open case", "open cases", "none")));
        }
        if (all.has("latestNotifications")) {
            s.append("Latest notices (").append(all.get("latestNotifications").size()).append(" of ").append(notices.size())
                    .append("; 'household notifications --id ").append(id).append("' lists all)\n")
                    .append(Explanations.indent(notifications(all.get("latestNotifications"), "none")));
        }
        return s.toString();
    }

    @Command(command = "household search", description = "Find households by household id, national id, phone or name (what you may search by and see depends on your role)")
    String search(@Option(longNames = "household") Long household,
                  @Option(longNames = "national-id") String nationalId,
                  @Option(longNames = "phone") String phone,
                  @Option(longNames = "name", description = "part of a member's name") String name,
                  @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        StringBuilder path = new StringBuilder("/api/search/households?");
        Query.add(path, "householdId", household == null ? null : household.toString());
        Query.add(path, "nationalId", nationalId);
        Query.add(path, "phone", phone);
        Query.add(path, "name", name);
        JsonNode found = service.get(path.toString());
        return asJson ? Explanations.json(found) : Explanations.rows(found, "household", "households", "No household found.");
    }

    @Command(command = "household notifications", description = "What a household has been told, oldest first")
    String notifications(@Option(longNames = "id", required = true) long id,
                         @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode notices = service.get("/api/households/" + id + "/notifications");
        return asJson ? Explanations.json(notices) : notifications(notices, "Household " + id + " has not been told anything yet.");
    }

    @Command(command = "household decisions", description = "A household's decisions, oldest first: score and eligibility per program")
    String decisions(@Option(longNames = "id", required = true) long id,
                     @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode decisions = service.get("/api/households/" + id + "/decisions");
        if (asJson) {
            return Explanations.json(decisions);
        }
        Table t = new Table().whole("decision").whole("decided").whole("survey").number("score").number("policy").column("eligible for", 60, false);
        for (JsonNode d : decisions) {
            List<String> eligible = new ArrayList<>();
            d.path("programs").forEach(p -> {
                if (p.path("eligible").asBoolean()) {
                    eligible.add(p.get("program").asText());
                }
            });
            t.row(d.get("id").asLong(), Explanations.time(d.get("decidedAt")), d.get("surveyId").asLong(), d.get("score").asInt(),
                    d.get("policyVersion").asInt(), eligible.isEmpty() ? "no program" : String.join(", ", eligible));
        }
        return t.render("decision", "decisions", "Household " + id + " has no decision.");
    }

    @Command(command = "household suspensions", description = "A household's benefit suspensions (recertification not done in time), newest first")
    String suspensions(@Option(longNames = "id", required = true) long id,
                       @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode suspensions = service.get("/api/households/" + id + "/suspensions");
        return asJson ? Explanations.json(suspensions)
                : Explanations.rows(suspensions, "suspension", "suspensions", "Household " + id + " has never been suspended.");
    }

    @Command(command = "decision explain", description = "Explain a decision: score breakdown, rules fired, policy version, reasons")
    String decision(@Option(longNames = "id", required = true) long id) {
        return Explanations.decision(service.get("/api/decisions/" + id));
    }

    private static String notifications(JsonNode notices, String none) {
        Table t = new Table().whole("told").column("kind", 28, false).number("case").column("message", 90, false);
        notices.forEach(n -> t.row(Explanations.time(n.get("createdAt")), n.path("kind").asText(),
                n.path("caseId").isNull() ? null : n.get("caseId").asText(), n.path("message").asText()));
        return t.render("notice", "notices", none);
    }

    /** The answer, or null when the caller's role may not read it (the section is then left out). */
    private static JsonNode allowed(Supplier<JsonNode> read) {
        try {
            return read.get();
        } catch (CliFailure f) {
            if (f.exitCode == CliFailure.NOT_ALLOWED) {
                return null;
            }
            throw f;
        }
    }

    @Bean
    static CommandExceptionResolver cliFailures() {
        return e -> e instanceof CliFailure f ? CommandHandlingResult.of("error: " + f.getMessage() + "\n", f.exitCode) : null;
    }
}
