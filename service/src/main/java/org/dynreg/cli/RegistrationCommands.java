package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * Missed-out registration at a registration centre: issue a site's next token, and see where a token
 * stands. Its survey and the identity review are the case's tasks ({@code task complete --survey-file}).
 */
@Command
class RegistrationCommands {
    private final ServiceClient service;
    private final ObjectMapper json;

    RegistrationCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "token issue", description = "Issue a registration site's next token to a missed-out household (data-entry operator)")
    String issue(@Option(longNames = "site", required = true, description = "the registration site, e.g. DRC-SD-HYD-02") String site) {
        JsonNode t = service.postJson("/api/registrations/tokens", json.createObjectNode().put("siteId", site).toString());
        return "Token " + t.get("token").asText() + " issued (case " + t.get("caseId").asLong() + ")\n" + text(t)
                + "Survey the household, then: task complete --id TASK --outcome SURVEYED --survey-file survey.json\n";
    }

    @Command(command = "token show", description = "Where a registration token stands: its open tasks, survey checks, identity checks and decision")
    String show(@Option(longNames = "case", required = true, description = "the token's case") long caseId,
                @Option(longNames = "json", description = "the service's answer as JSON (with the waiting survey, as your role allows)") boolean asJson) {
        JsonNode t = service.get("/api/registrations/tokens/" + caseId);
        return asJson ? Explanations.json(t) : "Token " + t.get("token").asText() + "\n" + text(t);
    }

    private static String text(JsonNode t) {
        StringBuilder s = new StringBuilder();
        s.append("Site ").append(t.path("siteId").asText()).append(", number ").append(t.path("number").asInt()).append(" of ")
                .append(t.path("issuedOn").asText()).append(", issued by ").append(t.path("issuedBy").asText()).append('\n');
        s.append("Case ").append(t.get("caseId").asLong()).append(": ").append(t.path("state").asText())
                .append(t.hasNonNull("outcome") ? ", " + t.get("outcome").asText() : "")
                .append(t.hasNonNull("householdId") ? ", household " + t.get("householdId").asText() : "").append('\n');
        if (t.hasNonNull("outcomeReason") && !t.get("outcomeReason").asText().isBlank()) {
            s.append("  ").append(t.get("outcomeReason").asText()).append('\n');
        }
        if (t.hasNonNull("currentDecision")) {
            s.append(Explanations.decisionSummary(t.get("currentDecision")));
        }
        s.append("Open tasks\n").append(Explanations.indent(Explanations.tasks(t.path("openTasks"), "none")));
        s.append("History\n").append(Explanations.timeline(t.get("history")));
        return s.toString();
    }
}
