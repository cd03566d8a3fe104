package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** Shocks: declare one over areas (and extend it), follow its re-survey orders, list the households named for emergency assistance. */
@Command(command = "shock")
class ShockCommands {
    private final ServiceClient service;
    private final ObjectMapper json;

    ShockCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "declare", description = "Declare a shock over districts or tehsils (policy officer): one re-survey order per household living there")
    String declare(@Option(longNames = "kind", required = true, description = "FLOOD, EARTHQUAKE ...") String kind,
                   @Option(longNames = "from", required = true, description = "the day it struck, yyyy-MM-dd") String from,
                   @Option(longNames = "to", description = "the day it ended, yyyy-MM-dd") String to,
                   @Option(longNames = "area", required = true, description = "PROVINCE/District or PROVINCE/District/Tehsil; several comma-separated, "
                           + "e.g. SINDH/Hyderabad,SINDH/Dadu/Mehar") String areas,
                   @Option(longNames = "comment", required = true, description = "why: the disaster authority's notification") String comment) {
        ObjectNode body = json.createObjectNode().put("kind", kind).put("startsOn", from).put("endsOn", to).put("comment", comment);
        areas(body, areas);
        JsonNode shock = service.postJson("/api/shocks", body.toString());
        return "Shock " + shock.get("id").asLong() + " declared.\n" + text(shock);
    }

    @Command(command = "extend", description = "Extend a declared shock as the disaster authority extends its notification: a later last day and/or more areas (policy officer)")
    String extend(@Option(longNames = "id", required = true, description = "the shock") long id,
                  @Option(longNames = "to", description = "the new last day, yyyy-MM-dd") String to,
                  @Option(longNames = "area", description = "areas added, as for declare") String areas,
                  @Option(longNames = "comment", required = true, description = "why: the authority's extended notification") String comment) {
        ObjectNode body = json.createObjectNode().put("endsOn", to).put("comment", comment);
        if (areas != null) {
            areas(body, areas);
        }
        return "Shock " + id + " extended.\n" + text(service.postJson("/api/shocks/" + id + "/extensions", body.toString()));
    }

    @Command(command = "show", description = "A shock: its areas, its re-survey orders in priority order with where each stands")
    String show(@Option(longNames = "id", required = true) long id,
                @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode shock = service.get("/api/shocks/" + id);
        return asJson ? Explanations.json(shock) : text(shock);
    }

    @Command(command = "assistance", description = "The households a shock's re-surveys named for emergency assistance, with the amounts")
    String assistance(@Option(longNames = "id", required = true, description = "the shock") long id,
                      @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode named = service.get("/api/shocks/" + id + "/assistance");
        if (asJson) {
            return Explanations.json(named);
        }
        Table t = new Table().whole("household").whole("case").number("score before").number("score after").number("PKR")
                .column("rule", 40, false);
        long total = 0;
        for (JsonNode a : named) {
            total += a.path("amountPkr").asLong();
            t.row(a.get("householdId").asLong(), a.get("caseId").asLong(), a.get("scoreBefore").asInt(), a.get("scoreAfter").asInt(),
                    String.format("%,d", a.get("amountPkr").asLong()), a.path("rule").asText());
        }
        String table = t.render("household", "households", "No household of shock " + id + " has been named for emergency assistance yet.");
        return t.size() == 0 ? table : table.stripTrailing() + String.format(", PKR %,d in all%n", total);
    }

    @Command(command = "resurveys", description = "My re-survey tasks and my group's, in priority order (data-entry operator); take one with 'task claim'")
    String resurveys(@Option(longNames = "shock", description = "of this shock only") Long shock,
                     @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode orders = service.get("/api/shocks/resurveys" + (shock == null ? "" : "?shock=" + shock));
        return asJson ? Explanations.json(orders) : Explanations.rows(orders, "re-survey", "re-surveys", "No re-survey is waiting.");
    }

    /** {@code --area} as the request's areas: PROVINCE/District[/Tehsil], comma-separated. */
    private static void areas(ObjectNode body, String areas) {
        ArrayNode list = body.putArray("areas");
        for (String area : areas.split(",")) {
            String[] p = area.strip().split("/");
            if (p.length < 2 || p.length > 3 || p[0].isBlank() || p[1].isBlank()) {
                throw new CliFailure(CliFailure.REFUSED, "--area: '" + area.strip() + "' is not PROVINCE/District or PROVINCE/District/Tehsil");
            }
            list.addObject().put("province", p[0].strip()).put("district", p[1].strip()).put("tehsil", p.length == 3 ? p[2].strip() : null);
        }
    }

    private static String text(JsonNode s) {
        StringBuilder out = new StringBuilder();
        out.append("Shock ").append(s.get("id").asLong()).append(": ").append(s.path("kind").asText()).append(" from ")
                .append(s.path("startsOn").asText()).append(s.hasNonNull("endsOn") ? " to " + s.get("endsOn").asText() : "")
                .append(", declared by ").append(s.path("declaredBy").asText()).append(' ').append(Explanations.time(s.get("declaredAt"))).append('\n');
        out.append("  ").append(s.path("comment").asText()).append('\n');
        StringBuilder areas = new StringBuilder();
        s.path("areas").forEach(a -> areas.append(areas.isEmpty() ? "" : "; ").append(a.path("province").asText()).append(", ")
                .append(a.path("district").asText()).append(a.hasNonNull("tehsil") ? ", " + a.get("tehsil").asText() : ""));
        out.append("Areas: ").append(areas).append('\n');
        StringBuilder priorities = new StringBuilder();
        s.path("byPriority").forEach(p -> priorities.append(priorities.isEmpty() ? "" : ", ")
                .append(p.path("priority").isNull() ? "no priority" : "priority " + p.get("priority").asInt()).append(": ").append(p.path("cases").asInt()));
        out.append("Re-survey orders by priority: ").append(priorities.isEmpty() ? "none" : priorities).append('\n');
        Table t = new Table().whole("case").whole("household").number("priority").number("score before").column("state", 10, false)
                .column("outcome", 16, false).number("score after").number("PKR");
        s.path("cases").forEach(c -> t.row(c.get("caseId").asLong(), c.get("householdId").asLong(),
                c.path("priority").isNull() ? null : c.get("priority").asText(), c.path("scoreBefore").asInt(), c.path("state").asText(),
                c.path("outcome").isNull() ? null : c.get("outcome").asText(), c.path("scoreAfter").isNull() ? null : c.get("scoreAfter").asText(),
                c.path("assistancePkr").isNull() ? null : String.format("%,d", c.get("assistancePkr").asLong())));
        out.append(t.render("re-survey order", "re-survey orders", "No household lives in these areas: no re-survey order."));
        if (s.path("skipped").size() > 0) {
            out.append("Already in an open shock case, so no second one: ").append(Explanations.value(s.get("skipped"))).append('\n');
        }
        return out.toString();
    }
}
