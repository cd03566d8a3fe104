package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The policy lifecycle from the terminal: download, check, upload, approve, activate, roll back, compare. */
@Command(command = "policy")
class PolicyCommands {
    private final ServiceClient service;
    private final ObjectMapper json;

    PolicyCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "versions", description = "List every policy version with its state")
    String versions() {
        StringBuilder s = new StringBuilder(String.format("%-8s %-10s %-14s %-14s %-24s %s%n", "version", "state", "uploaded by",
                "approved by", "in force from", "comment"));
        for (JsonNode v : service.get("/api/policy/bundles")) {
            s.append(String.format("%-8d %-10s %-14s %-14s %-24s %s%n", v.get("version").asInt(), state(v),
                    v.get("uploadedBy").asText(), text(v, "approvedBy"), text(v, "activeFrom"), v.get("comment").asText()));
        }
        return s.toString();
    }

    @Command(command = "show", description = "Show one policy version: files, hashes, review and activation")
    String show(@Option(longNames = "version", required = true) int version) {
        StringBuilder s = new StringBuilder(bundle(service.get("/api/policy/bundles/" + version)));
        JsonNode accepted = service.get("/api/policy/bundles/" + version + "/accepted-differences");
        if (!accepted.isEmpty()) {
            s.append("  differences of the regression gate accepted:\n");
            for (JsonNode a : accepted) {
                s.append("    ").append(a.get("label").asText()).append(" (").append(a.get("kind").asText()).append("), ")
                        .append(a.get("households").size()).append(" change(s), by ").append(a.get("acceptedBy").asText())
                        .append(": ").append(a.get("reason").asText()).append('\n');
                a.get("households").forEach(h -> s.append("      ").append(h.get("household").asText()).append(": ")
                        .append(change(h)).append('\n'));
            }
        }
        return s.toString();
    }

    @Command(command = "check", description = "Check tables, rules or processes, with the rest of the version in force, without storing them; exit 2 if it does not pass")
    String check(@Option(longNames = "file", required = true, arity = org.springframework.shell.command.CommandRegistration.OptionArity.ONE_OR_MORE,
                         description = "one or more .drl.xlsx, .drl or .bpmn files") String[] files,
                 @Option(longNames = "whole", description = "the files are the complete bundle", defaultValue = "false") boolean whole,
                 @Option(longNames = "column-changes-intended", description = COLUMN_CHANGES_HELP, defaultValue = "false") boolean columnChangesIntended) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("whole", String.valueOf(whole)));
        declare(fields, columnChangesIntended);
        return passed(service.postFiles("/api/policy/validate", fields, paths(files)));
    }

    @Command(command = "download", description = "Write every file of a version (default: the one in force) under a directory, "
            + "in the bundle's folders; decision tables come protected for editing unless --stored")
    String download(@Option(longNames = "version", description = "the version (default: the one in force)") Integer version,
                    @Option(longNames = "dir", required = true, description = "the directory to write decision-tables/, rules/ and processes/ in") String dir,
                    @Option(longNames = "stored", description = "the exact stored bytes (whose sha256 is recorded) instead of "
                            + "the protected decision tables", defaultValue = "false") boolean stored,
                    @Option(longNames = "overwrite", description = "replace files that are already there", defaultValue = "false") boolean overwrite) {
        JsonNode v = service.get(version == null ? "/api/policy/active" : "/api/policy/bundles/" + version);
        int n = v.get("version").asInt();
        Path root = Path.of(dir).toAbsolutePath().normalize();
        List<Path> there = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (JsonNode f : v.get("files")) {
            String path = f.get("path").asText();
            Path target = root.resolve(path).normalize();
            if (!target.startsWith(root)) {
                throw new CliFailure(CliFailure.REFUSED, "the file " + path + " of version " + n + " would be written outside " + root);
            }
            if (Files.exists(target)) {
                there.add(target);
            }
            paths.add(path);
        }
        if (!there.isEmpty() && !overwrite) {
            throw new CliFailure(CliFailure.REFUSED, "these files are already there and were left as they are (--overwrite "
                    + "replaces them): " + there.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")));
        }
        StringBuilder s = new StringBuilder("Version " + n + (v.get("state").asText().equals("ACTIVE") ? " (in force)" : "")
                + ": " + paths.size() + " files written under " + root + "\n");
        for (String path : paths) {
            byte[] content = service.getBytes("/api/policy/bundles/" + n + "/files?path="
                    + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8) + (stored ? "&as=stored" : ""));
            Path target = root.resolve(path).normalize();
            try {
                Files.createDirectories(target.getParent());
                Files.write(target, content);
            } catch (IOException e) {
                throw new CliFailure(CliFailure.REFUSED, "could not write " + target + ": " + e.getMessage());
            }
            s.append("  ").append(path).append(!stored && path.endsWith(".drl.xlsx") ? "  (protected for editing)" : "").append('\n');
        }
        return s.toString();
    }

    @Command(command = "upload", description = "Upload a whole bundle (every .drl.xlsx, .drl and .bpmn file of the directories) as a new version")
    String upload(@Option(longNames = "dir", required = true, arity = org.springframework.shell.command.CommandRegistration.OptionArity.ONE_OR_MORE,
                          description = "directories holding the bundle, e.g. decision-tables rules processes") String[] dirs,
                  @Option(longNames = "comment", required = true, description = "why") String comment,
                  @Option(longNames = "column-changes-intended", description = COLUMN_CHANGES_HELP, defaultValue = "false") boolean columnChangesIntended) {
        List<Path> files = new ArrayList<>();
        for (String d : dirs) {
            try (Stream<Path> list = Files.list(Path.of(d))) {
                list.filter(p -> p.toString().endsWith(".drl.xlsx") || p.toString().endsWith(".drl") || p.toString().endsWith(".bpmn"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new CliFailure(CliFailure.REFUSED, "directory " + d + " could not be read: " + e.getMessage());
            }
        }
        if (files.isEmpty()) {
            throw new CliFailure(CliFailure.REFUSED, "no .drl.xlsx, .drl or .bpmn files in " + String.join(", ", dirs));
        }
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("comment", comment));
        declare(fields, columnChangesIntended);
        return uploaded(service.postFiles("/api/policy/bundles", fields, files));
    }

    @Command(command = "upload-table", description = "Upload changed tables, rules or processes (.bpmn); the rest is carried over from the version in force (or --base)")
    String uploadTable(@Option(longNames = "file", required = true, arity = org.springframework.shell.command.CommandRegistration.OptionArity.ONE_OR_MORE)
                       String[] files,
                       @Option(longNames = "comment", required = true, description = "why") String comment,
                       @Option(longNames = "base", description = "the version to carry the other files over from") Integer base,
                       @Option(longNames = "column-changes-intended", description = COLUMN_CHANGES_HELP, defaultValue = "false") boolean columnChangesIntended) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("comment", comment));
        if (base != null) {
            fields.put("base", String.valueOf(base));
        }
        declare(fields, columnChangesIntended);
        return uploaded(service.postFiles("/api/policy/bundles/changes", fields, paths(files)));
    }

    @Command(command = "validate", description = "Check a stored version against the reference households and walks again; exit 2 if it does not pass")
    String validate(@Option(longNames = "version", required = true) int version) {
        return passed(service.postJson("/api/policy/bundles/" + version + "/validate", "{}"));
    }

    @Command(command = "expect", description = "Record the outcome a version gives a reference household as its new expected outcome, with the reason")
    String expect(@Option(longNames = "version", required = true) int version,
                  @Option(longNames = "household", required = true, description = "the reference household's name") String household,
                  @Option(longNames = "reason", required = true) String reason) {
        ObjectNode body = json.createObjectNode().put("household", household).put("reason", reason);
        return report(service.postJson("/api/policy/bundles/" + version + "/expectations", body.toString()));
    }

    @Command(command = "accept", description = "Accept one kind of difference (e.g. CUTOFF:UCT, WORDING, ELIGIBILITY:UCT) for every reference household showing it, with one reason")
    String accept(@Option(longNames = "version", required = true) int version,
                  @Option(longNames = "kind", required = true, description = "the kind, as the check lists it, e.g. CUTOFF:UCT") String kind,
                  @Option(longNames = "reason", required = true) String reason) {
        ObjectNode body = json.createObjectNode().put("kind", kind).put("reason", reason);
        return report(service.postJson("/api/policy/bundles/" + version + "/accepted-differences", body.toString()));
    }

    @Command(command = "approve", description = "Approve a validated version (a second policy officer, not its uploader)")
    String approve(@Option(longNames = "version", required = true) int version,
                   @Option(longNames = "comment", required = true) String comment) {
        ObjectNode body = json.createObjectNode().put("comment", comment);
        return "Approved.\n" + bundle(service.postJson("/api/policy/bundles/" + version + "/approve", body.toString()));
    }

    @Command(command = "activate", description = "Put an approved version in force now, or --at a future time (ISO-8601, e.g. 2027-01-01T00:00:00Z)")
    String activate(@Option(longNames = "version", required = true) int version,
                    @Option(longNames = "comment", required = true) String comment,
                    @Option(longNames = "at", description = "effective time; now when left out") String at) {
        ObjectNode body = json.createObjectNode().put("comment", comment);
        if (at != null) {
            body.put("effectiveFrom", at);
        }
        JsonNode a = service.postJson("/api/policy/bundles/" + version + "/activate", body.toString());
        return "Version " + a.get("version").asInt() + " in force from " + a.get("effectiveFrom").asText()
                + " (" + a.get("kind").asText().toLowerCase() + " by " + a.get("requestedBy").asText() + ")";
    }

    @Command(command = "rollback", description = "Put an earlier version back in force now (a second policy officer, not its uploader)")
    String rollback(@Option(longNames = "version", required = true) int version,
                    @Option(longNames = "comment", required = true) String comment) {
        ObjectNode body = json.createObjectNode().put("version", version).put("comment", comment);
        JsonNode a = service.postJson("/api/policy/rollback", body.toString());
        StringBuilder s = new StringBuilder("Rolled back: version " + a.get("version").asInt() + " in force from "
                + a.get("effectiveFrom").asText() + "\n");
        if (a.hasNonNull("warning")) {
            s.append("WARNING: ").append(a.get("warning").asText()).append('\n');
            for (JsonNode p : a.get("pending")) {
                s.append("  ").append(activation(p));
            }
            s.append("Cancel one with: policy cancel-activation --id N --comment \"why\"\n");
        }
        return s.toString();
    }

    @Command(command = "activations", description = "Every activation and roll-back, scheduled and cancelled ones included")
    String activations() {
        StringBuilder s = new StringBuilder();
        for (JsonNode a : service.get("/api/policy/activations")) {
            s.append(activation(a));
        }
        return s.toString();
    }

    @Command(command = "cancel-activation", description = "Cancel a scheduled activation before its effective time (see policy activations for its id)")
    String cancelActivation(@Option(longNames = "id", required = true, description = "the activation's id") long id,
                            @Option(longNames = "comment", required = true, description = "why") String comment) {
        ObjectNode body = json.createObjectNode().put("comment", comment);
        JsonNode a = service.postJson("/api/policy/activations/" + id + "/cancel", body.toString());
        return "Cancelled: " + activation(a);
    }

    /** One activation on a line: its id, when, which version, what, by whom, why, and its cancellation if any. */
    private static String activation(JsonNode a) {
        String line = String.format("#%-5d %-26s version %-4d %-9s by %-12s %s", a.get("id").asLong(), a.get("effectiveFrom").asText(),
                a.get("version").asInt(), a.get("kind").asText(), a.get("requestedBy").asText(), a.get("comment").asText());
        if (a.hasNonNull("cancelledAt")) {
            line += "  [CANCELLED by " + a.get("cancelledBy").asText() + " at " + a.get("cancelledAt").asText() + ": "
                    + a.get("cancelComment").asText() + "]";
        }
        return line + "\n";
    }

    @Command(command = "diff", description = "Compare two versions row by row and cell by cell, processes element by element")
    String diff(@Option(longNames = "from", required = true) int from, @Option(longNames = "to", required = true) int to) {
        return service.get("/api/policy/diff?from=" + from + "&to=" + to).get("text").asText();
    }

    /** The report; a check that did not pass exits with code 2, so scripts can stop on it. */
    private static String passed(JsonNode r) {
        String text = report(r) + diff(r);
        if (!r.get("passed").asBoolean()) {
            throw new CliFailure(CliFailure.REFUSED, text.strip());
        }
        return text;
    }

    private static List<Path> paths(String[] files) {
        return Arrays.stream(files).map(Path::of).toList();
    }

    private String uploaded(JsonNode r) {
        return "Uploaded as " + bundle(r.get("bundle")) + report(r.get("report")) + diff(r.get("report"));
    }

    /** What the checked or uploaded files change against the version they would replace, when the answer says. */
    private static String diff(JsonNode r) {
        return r.hasNonNull("diffText") ? "\n" + r.get("diffText").asText() : "";
    }

    static String bundle(JsonNode v) {
        StringBuilder s = new StringBuilder();
        s.append("version ").append(v.get("version").asInt()).append(": ").append(state(v))
                .append(v.hasNonNull("basedOn") ? ", based on version " + v.get("basedOn").asInt() : "").append('\n');
        s.append("  sha256 ").append(v.get("sha256").asText()).append('\n');
        s.append("  uploaded by ").append(v.get("uploadedBy").asText()).append(" at ").append(v.get("uploadedAt").asText())
                .append(": ").append(v.get("comment").asText()).append('\n');
        if (v.hasNonNull("approvedBy")) {
            s.append("  approved by ").append(v.get("approvedBy").asText()).append(" at ").append(v.get("approvedAt").asText())
                    .append(v.hasNonNull("approvalComment") ? ": " + v.get("approvalComment").asText() : "").append('\n');
        }
        if (v.hasNonNull("activeFrom")) {
            s.append("  in force from ").append(v.get("activeFrom").asText()).append('\n');
        }
        if (v.hasNonNull("scheduledFrom")) {
            s.append("  scheduled to come into force at ").append(v.get("scheduledFrom").asText()).append('\n');
        }
        v.get("files").forEach(f -> s.append("  ").append(f.get("sha256").asText(), 0, 12).append("… ")
                .append(f.get("path").asText()).append('\n'));
        return s.toString();
    }

    static final String COLUMN_CHANGES_HELP = "declare that CONDITION or ACTION columns of the base version are removed or "
            + "renamed on purpose (otherwise such a change is refused); the declaration is recorded in the audit trail";

    private static void declare(Map<String, String> fields, boolean columnChangesIntended) {
        if (columnChangesIntended) {
            fields.put("columnChanges", "intended");
        }
    }

    static String report(JsonNode r) {
        StringBuilder s = new StringBuilder();
        JsonNode problems = r.get("problems");
        if (problems != null && !problems.isEmpty()) {
            s.append("Problems\n");
            problems.forEach(p -> s.append("  ").append(location(p)).append(": ").append(p.get("message").asText()).append('\n'));
        }
        JsonNode refs = r.get("references");
        long ok = 0;
        for (JsonNode c : refs) {
            if (c.get("matches").asBoolean()) {
                ok++;
            } else {
                s.append("  DIFFERS ").append(c.get("household").asText()).append(": ")
                        .append(String.join("; ", texts(c.get("differences")))).append('\n');
            }
        }
        if (!refs.isEmpty() || problems == null || problems.isEmpty()) {
            s.append("Reference households: ").append(ok).append(" of ").append(refs.size()).append(" as expected\n");
        } else {
            s.append("Reference households: not run, as the files do not compile\n");
        }
        JsonNode kinds = r.get("differencesByKind");
        if (kinds != null && !kinds.isEmpty()) {
            s.append("Differences by kind (accept one kind for every household with: policy accept --version N --kind KIND --reason \"...\")\n");
            for (JsonNode k : kinds) {
                s.append(String.format("  %-26s %s: %d %s%n", k.get("kind").asText(), k.get("label").asText(),
                        k.get("householdCount").asLong(), k.get("householdCount").asLong() == 1 ? "household" : "households"));
                int shown = 0;
                for (JsonNode h : k.get("households")) {
                    if (shown++ == 3) {
                        s.append("      ...\n");
                        break;
                    }
                    s.append("      ").append(h.get("household").asText()).append(": ").append(change(h)).append('\n');
                }
            }
        }
        JsonNode walks = r.get("walks");
        if (walks != null && !walks.isEmpty()) {
            long passed = 0;
            for (JsonNode w : walks) {
                if (w.get("passed").asBoolean()) {
                    passed++;
                } else {
                    s.append("  FAILS ").append(w.get("walk").asText()).append(": ").append(w.get("reason").asText()).append('\n');
                }
                if (w.hasNonNull("passedThrough") && !w.get("passedThrough").isEmpty()) {
                    s.append("  ").append(w.get("walk").asText()).append(" passed through user tasks it does not know: ")
                            .append(String.join(", ", texts(w.get("passedThrough")))).append('\n');
                }
            }
            s.append("Reference walks: ").append(passed).append(" of ").append(walks.size()).append(" as scripted\n");
        }
        s.append(r.get("passed").asBoolean() ? "PASSED\n" : "NOT PASSED\n");
        return s.toString();
    }

    /** One household's change of a kind: "UCT.cutoff 32 → 34", or the sentence that came or went. */
    private static String change(JsonNode h) {
        String field = h.get("field").asText();
        if (!h.hasNonNull("before")) {
            return field + " added: " + h.get("after").asText();
        }
        if (!h.hasNonNull("after")) {
            return field + " removed: " + h.get("before").asText();
        }
        return field + " " + h.get("before").asText() + " → " + h.get("after").asText();
    }

    private static String location(JsonNode p) {
        StringBuilder s = new StringBuilder(p.get("file").asText());
        if (p.hasNonNull("sheet")) {
            s.append(", sheet ").append(p.get("sheet").asText());
        }
        if (p.hasNonNull("row") && p.hasNonNull("column")) {
            s.append(", cell ").append(p.get("column").asText()).append(p.get("row").asInt());
        } else if (p.hasNonNull("row")) {
            s.append(", row ").append(p.get("row").asInt());
        }
        if (p.hasNonNull("heading") && !p.get("heading").asText().isEmpty()) {
            s.append(" (\"").append(p.get("heading").asText()).append("\")");
        }
        if (p.hasNonNull("line")) {
            s.append(", line ").append(p.get("line").asInt());
        }
        if (p.hasNonNull("element")) {
            s.append(", element ").append(p.get("element").asText());
        }
        return s.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String state(JsonNode v) {
        return v.get("state").asText();
    }

    private static String text(JsonNode v, String field) {
        return v.hasNonNull(field) ? v.get(field).asText() : "-";
    }
}
