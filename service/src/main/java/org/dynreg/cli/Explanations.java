package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Plain-text renderings of the service's answers for the terminal. */
final class Explanations {
    private Explanations() {
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
