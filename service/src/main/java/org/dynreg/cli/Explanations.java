package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain-text renderings of the service's answers for the terminal. */
final class Explanations {
    /** Times as a person reads them: minutes, in the shell's time zone. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** What the history's actions are, in words; an action not named here is read from its name. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("case.open", "opened the case"),
            Map.entry("case.close", "closed the case"),
            Map.entry("case.escalate", "escalated the case"),
            Map.entry("task.claim", "took"),
            Map.entry("task.release", "gave back"),
            Map.entry("task.complete", "completed"),
            Map.entry("task.reassign", "reassigned"));

    /** A task list's columns in order: field, heading, widest before it is cut. */
    private static final String[][] TASK_COLUMNS = {
            {"id", "task", String.valueOf(Integer.MAX_VALUE)}, {"caseId", "case", String.valueOf(Integer.MAX_VALUE)},
            {"caseType", "type", "20"}, {"householdId", "household", String.valueOf(Integer.MAX_VALUE)}, {"headName", "head", "20"},
            {"district", "district", "16"}, {"score", "score", "5"}, {"name", "step", "30"}, {"status", "status", "10"},
            {"owner", "held by", "14"}, {"dueAt", "due", "16"}, {"waiting", "waiting", "16"}, {"sla", "SLA", "10"},
            {"outcomes", "outcomes", "36"}};

    /** Fields of a task the list shows in its own columns, or leaves out as said by another (the step's table row, its office, hours waiting); any other field gets a column of its own. */
    private static final Set<String> TASK_KNOWN = Set.of("id", "caseId", "caseType", "householdId", "headName", "district", "score", "name",
            "status", "owner", "dueAt", "waiting", "sla", "outcomes", "groups", "tehsil", "office", "step", "createdAt", "waitingHours");

    private Explanations() {
    }

    /** The answer as indented JSON, for scripts ({@code --json}). */
    static String json(JsonNode answer) {
        return answer == null ? "null\n" : answer.toPrettyString() + "\n";
    }

    /** An instant of the service's answers as minutes in the shell's zone; anything else as it came. */
    static String time(JsonNode instant) {
        if (instant == null || instant.isNull()) {
            return "-";
        }
        if (instant.isNumber()) {
            return TIME.format(Instant.ofEpochMilli(instant.asLong()));
        }
        try {
            return TIME.format(OffsetDateTime.parse(instant.asText()));
        } catch (DateTimeParseException e) {
            return instant.asText();
        }
    }

    /** A case's history, oldest first: time, who, and what was done in words. */
    static String timeline(JsonNode history) {
        if (history == null || history.isEmpty()) {
            return "  (nothing recorded yet)\n";
        }
        int actorWidth = 5;
        for (JsonNode e : history) {
            actorWidth = Math.max(actorWidth, e.path("actor").asText().length());
        }
        StringBuilder s = new StringBuilder();
        for (JsonNode e : history) {
            s.append("  ").append(time(e.get("recordedAt"))).append("  ")
                    .append(String.format("%-" + actorWidth + "s", e.path("actor").asText())).append("  ")
                    .append(event(e.path("action").asText(), e.get("details"))).append('\n');
        }
        return s.toString();
    }

    /** One history entry in words: "completed “Decide appeal”: APPROVE, “re-survey ordered”". */
    static String event(String action, JsonNode details) {
        String what = ACTIONS.getOrDefault(action, action.replace('.', ' ').replace('-', ' ').replace('_', ' '));
        if (details == null || !details.isObject() || details.isEmpty()) {
            return what;
        }
        if (action.startsWith("task.") && details.has("task")) {
            StringBuilder s = new StringBuilder(what).append(" “").append(details.get("task").asText()).append('”');
            if (details.hasNonNull("outcome") && !details.get("outcome").asText().isBlank()) {
                s.append(": ").append(details.get("outcome").asText());
            }
            if (details.hasNonNull("comment") && !details.get("comment").asText().isBlank()) {
                s.append(", “").append(details.get("comment").asText()).append('”');
            }
            String rest = words(details, Set.of("task", "taskId", "outcome", "comment"));
            return rest.isEmpty() ? s.toString() : s + "; " + rest;
        }
        if (action.equals("case.close") && details.hasNonNull("outcome")) {
            String reason = details.path("reason").asText("");
            String rest = words(details, Set.of("outcome", "reason"));
            return what + ": " + details.get("outcome").asText() + (reason.isBlank() ? "" : ", " + reason) + (rest.isEmpty() ? "" : "; " + rest);
        }
        String rest = words(details, Set.of("taskId"));
        return rest.isEmpty() ? what : what + ": " + rest;
    }

    /** The fields of an object in words ("points above cutoff 1, admissible yes"), leaving out {@code skip}. */
    static String words(JsonNode object, Set<String> skip) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (skip.contains(f.getKey()) || f.getValue().isNull()) {
                continue;
            }
            String value = value(f.getValue());
            if (!value.isEmpty()) {
                parts.add(label(f.getKey()) + " " + value);
            }
        }
        return String.join(", ", parts);
    }

    /** A value in words: yes/no, lists joined, objects as their fields in brackets. */
    static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "yes" : "no";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(value(i)));
            return items.isEmpty() ? "none" : String.join("; ", items);
        }
        if (v.isObject()) {
            return "(" + words(v, Set.of()) + ")";
        }
        return v.asText();
    }

    /** A field's name as words: "pointsAboveCutoff" reads "points above cutoff". */
    static String label(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
    }

    /**
     * Tasks as a table: the task, its case, then what the service says about each task to help choose the
     * next job (update type, household, head, district, score, due date, time waiting, SLA status) when it
     * sends it, and the step, status, holder and outcomes. A field this shell does not know gets a column of its own.
     */
    static String tasks(JsonNode tasks, String none) {
        List<String[]> columns = new ArrayList<>();
        for (String[] c : TASK_COLUMNS) {
            if (c[0].equals("outcomes")) {
                for (JsonNode t : tasks) {
                    t.fieldNames().forEachRemaining(f -> {
                        if (!TASK_KNOWN.contains(f) && columns.stream().noneMatch(k -> k[0].equals(f))) {
                            columns.add(new String[] {f, label(f), "24"});
                        }
                    });
                }
            }
            boolean sent = c[0].equals("id") || c[0].equals("caseId") || c[0].equals("name") || c[0].equals("status")
                    || c[0].equals("owner") || c[0].equals("outcomes");
            for (JsonNode t : tasks) {
                sent |= t.hasNonNull(c[0]);
            }
            if (sent) {
                columns.add(c);
            }
        }
        Table table = new Table();
        columns.forEach(c -> table.column(c[1], Integer.parseInt(c[2]), c[0].equals("caseId") || c[0].equals("score") || c[0].equals("householdId")));
        for (JsonNode t : tasks) {
            table.row(columns.stream().map(c -> (Object) (c[0].equals("outcomes") ? value(t.path("outcomes")).replace("; ", ", ") : cell(t.get(c[0]))))
                    .toArray());
        }
        return table.render("task", "tasks", none);
    }

    /** A value in a table cell: instants as minutes, the rest in words. */
    static String cell(JsonNode v) {
        if (v != null && v.isTextual() && v.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*")) {
            return time(v);
        }
        return value(v);
    }

    /** Rows of any shape as a table: a column per field (in the order they first come), nested values in words. */
    static String rows(JsonNode rows, String one, String many, String none) {
        List<String> fields = new ArrayList<>();
        for (JsonNode r : rows) {
            r.fieldNames().forEachRemaining(f -> {
                if (!fields.contains(f)) {
                    fields.add(f);
                }
            });
        }
        Table table = new Table();
        fields.forEach(f -> table.column(label(f), f.equals("id") || f.endsWith("Id") ? Integer.MAX_VALUE : Table.TEXT, false));
        for (JsonNode r : rows) {
            table.row(fields.stream().map(f -> (Object) cell(r.get(f))).toArray());
        }
        return table.render(one, many, none);
    }

    /** A decision in three lines: score, each program, when and under which policy. */
    static String decisionSummary(JsonNode d) {
        StringBuilder s = new StringBuilder();
        s.append("Score ").append(d.get("score").asInt()).append(" (decision ").append(d.get("id").asLong()).append(", ")
                .append(time(d.get("decidedAt"))).append(", policy version ").append(d.get("policyVersion").asInt()).append(")\n");
        List<String> programs = new ArrayList<>();
        d.path("programs").forEach(p -> programs.add(p.get("program").asText() + " " + (p.get("eligible").asBoolean() ? "ELIGIBLE" : "not eligible")));
        s.append("Eligibility: ").append(programs.isEmpty() ? "-" : String.join(", ", programs)).append('\n');
        return s.toString();
    }

    /** A case for a caseworker: what it is and where it stands, the household's decision, its open tasks and its history. */
    static String caseText(JsonNode c) {
        StringBuilder s = new StringBuilder();
        s.append("Case ").append(c.get("id").asLong()).append(" (").append(c.get("caseType").asText()).append(") of household ")
                .append(c.hasNonNull("householdId") ? c.get("householdId").asText() : "-").append(": ").append(c.get("state").asText())
                .append(c.hasNonNull("outcome") ? ", " + c.get("outcome").asText() : "").append('\n');
        if (c.hasNonNull("outcomeReason") && !c.get("outcomeReason").asText().isBlank()) {
            s.append("  ").append(c.get("outcomeReason").asText()).append('\n');
        }
        s.append("Opened ").append(time(c.get("openedAt"))).append(" by ").append(c.path("openedBy").asText("-"))
                .append(c.hasNonNull("closedAt") ? ", closed " + time(c.get("closedAt")) : "").append('\n');
        JsonNode d = c.get("currentDecision");
        if (d != null && !d.isNull()) {
            s.append("Household's current decision\n").append(indent(decisionSummary(d)));
            d.path("reasons").forEach(r -> s.append("    - ").append(r.asText()).append('\n'));
        }
        if (c.has("openTasks")) {
            s.append("Open tasks\n").append(indent(tasks(c.get("openTasks"), "none")));
        }
        s.append("History\n").append(timeline(c.get("history")));
        return s.toString();
    }

    static String indent(String text) {
        return text.lines().map(l -> "  " + l).reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
    }

    static String decision(JsonNode d) {
        StringBuilder s = new StringBuilder();
        s.append("Decision ").append(d.get("id").asLong()).append(" for household ").append(d.get("householdId").asLong())
                .append(" (survey ").append(d.get("surveyId").asLong()).append("), policy version ")
                .append(d.get("policyVersion").asInt()).append(" sha256 ").append(d.get("policySha256").asText(), 0, 12)
                .append("…, decided ").append(d.get("decidedAt").asText()).append('\n');
        s.append("Score ").append(d.get("score").asInt()).append(" out of 100\n");
        for (JsonNode i : d.get("scoreBreakdown")) {
            s.append(String.format("  %2d %-45s %-55s %3d%n", i.get("indicator").asInt(), i.get("question").asText(),
                    i.get("answer").asText(), i.get("points").asInt()));
        }
        s.append("Programs\n");
        for (JsonNode p : d.get("programs")) {
            s.append("  ").append(p.get("program").asText()).append(": ")
                    .append(p.get("eligible").asBoolean() ? "ELIGIBLE" : "not eligible").append('\n');
        }
        s.append("Reasons\n");
        d.get("reasons").forEach(r -> s.append("  - ").append(r.asText()).append('\n'));
        s.append("Rules fired\n");
        d.get("firedRules").forEach(r -> s.append("  ").append(r.get("rule").asText())
                .append(r.hasNonNull("source") ? "  [" + r.get("source").asText() + "]" : "").append('\n'));
        return s.toString();
    }

    static String household(JsonNode h) {
        StringBuilder s = new StringBuilder();
        s.append("Household ").append(h.get("id").asLong()).append(": ").append(h.get("province").asText()).append(", ")
                .append(h.get("district").asText()).append(", ").append(h.get("tehsil").asText()).append(", ")
                .append(h.get("unionCouncil").asText()).append('\n');
        s.append("Address: ").append(h.get("address").asText()).append("; mobile: ").append(h.path("mobile").asText("-")).append('\n');
        s.append("Registered ").append(h.get("registeredAt").asText()).append(", last surveyed ")
                .append(h.get("lastSurveyedOn").asText()).append(", latest survey ").append(h.get("latestSurveyId").asText()).append('\n');
        s.append("Members with a disability: ").append(h.path("disabledMembers").asInt()).append("; with a chronic disease: ")
                .append(h.path("chronicallyIllMembers").asInt()).append('\n');
        s.append("Members\n");
        for (JsonNode m : h.get("members")) {
            s.append(String.format("  %2d %-16s %-22s %-10s %-12s %-14s %s%n", m.get("line").asInt(), m.get("nationalId").asText(),
                    m.get("name").asText(), m.get("relation").asText(), m.get("gender").asText(),
                    m.get("maritalStatus").asText(), m.get("dateOfBirth").asText()));
        }
        return s.toString();
    }
}
