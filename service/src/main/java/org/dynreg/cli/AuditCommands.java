package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/** Audit commands: list audit trail entries, verify the hash chain, list recorded reads of personal data. */
@Command
class AuditCommands {
    private final ServiceClient service;

    AuditCommands(ServiceClient service) {
        this.service = service;
    }

    @Command(command = "audit trail", description = "List audit trail entries, oldest first, one per line (auditor, policy officer, supervisor)")
    String trail(@Option(longNames = "subject", description = "exactly this subject, e.g. policy:7 or case:55") String subject,
                 @Option(longNames = "action", description = "exactly this action, e.g. policy.activate") String action,
                 @Option(longNames = "limit", description = "at most this many entries (1 to 1000, default 100)") Integer limit) {
        StringBuilder path = new StringBuilder("/api/audit/trail?");
        Query.add(path, "subject", subject);
        Query.add(path, "action", action);
        Query.add(path, "limit", limit == null ? null : limit.toString());
        JsonNode entries = service.get(path.toString());
        if (entries.isEmpty()) {
            return "No audit entries match.";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode e : entries) {
            out.append(String.format("%6d  %s  %-12s %-22s %-18s %s%n", e.get("seq").asLong(), e.get("recordedAt").asText(),
                    e.get("actor").asText(), e.get("action").asText(), e.get("subject").asText(), e.get("details")));
        }
        return out.toString();
    }

    @Command(command = "audit reads", description = "List recorded reads of personal data, oldest first, one per line (auditor)")
    String reads(@Option(longNames = "user", description = "exactly this user") String user,
                 @Option(longNames = "household", description = "reads of this household") Long household,
                 @Option(longNames = "from", description = "read at or after this instant, e.g. 2026-12-01T00:00:00Z") String from,
                 @Option(longNames = "to", description = "read before this instant") String to,
                 @Option(longNames = "limit", description = "at most this many reads (1 to 1000, default 100)") Integer limit) {
        StringBuilder path = new StringBuilder("/api/audit/reads?");
        Query.add(path, "user", user);
        Query.add(path, "household", household == null ? null : household.toString());
        Query.add(path, "from", from);
        Query.add(path, "to", to);
        Query.add(path, "limit", limit == null ? null : limit.toString());
        JsonNode reads = service.get(path.toString());
        if (reads.isEmpty()) {
            return "No reads of personal data match.";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode r : reads) {
            out.append(String.format("%6d  %s  %-12s %-28s %-18s %8d  household %-8s %-8s %s%n", r.get("id").asLong(),
                    r.get("readAt").asText(), r.get("username").asText(), r.get("roles").asText(), r.get("recordKind").asText(),
                    r.get("recordId").asLong(), r.path("householdId").isNull() ? "-" : r.get("householdId").asText(),
                    r.get("personalData").asText(), r.get("endpoint").asText()));
        }
        return out.toString();
    }

    @Command(command = "audit verify", description = "Check every link of the audit trail's hash chain; exits 6 when one is broken (auditor)")
    String verify() {
        JsonNode v = service.get("/api/audit/verify");
        if (!v.get("intact").asBoolean()) {
            JsonNode link = v.get("firstBrokenLink");
            throw new CliFailure(CliFailure.CHAIN_BROKEN, "the audit trail is broken at entry " + link.get("seq").asLong()
                    + " (" + link.get("problem").asText() + "): " + link.get("detail").asText()
                    + "\nSee docs/auditor-guide.md, 'The audit trail', for what to do.");
        }
        return "Audit trail intact: " + v.get("entriesChecked").asLong() + " entries checked at " + v.get("verifiedAt").asText()
                + "\nHead: entry " + v.get("headSeq").asLong() + ", hash " + v.get("headHash").asText();
    }
}
