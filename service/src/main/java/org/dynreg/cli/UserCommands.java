package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.util.ArrayList;
import java.util.List;

/** Administrators' work with users, roles and offices; everyone's own password (README, "Administering users"). */
@Command
class UserCommands {
    private final ServiceClient service;
    private final ObjectMapper json;

    UserCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "user list", description = "Every user with roles, offices and whether they are enabled")
    String list() {
        StringBuilder s = new StringBuilder(String.format("%-20s %-8s %-5s %-36s %s%n", "user", "enabled", "own", "roles", "offices"));
        for (JsonNode u : service.get("/api/admin/users")) {
            s.append(line(u));
        }
        return s.toString();
    }

    @Command(command = "user create", description = "Create a user with a one-time password they change at first sign-in")
    String create(@Option(longNames = "name", required = true) String name,
                  @Option(longNames = "display-name", required = true) String displayName,
                  @Option(longNames = "roles", required = true, description = "comma-separated, e.g. CASEWORKER,SUPERVISOR") String roles,
                  @Option(longNames = "offices", defaultValue = "", description = "comma-separated: national, district:Dadu, "
                          + "tehsil:Dadu/Mehar, site:DRC-SD-DDU-01") String offices,
                  @Option(longNames = "initial-password", required = true, description = "at least 12 characters") String password) {
        ObjectNode body = json.createObjectNode().put("username", name).put("displayName", displayName).put("initialPassword", password);
        body.set("roles", roles(roles));
        body.set("offices", offices(offices));
        return "Created\n" + line(service.postJson("/api/admin/users", body.toString()));
    }

    @Command(command = "user roles", description = "Replace a user's roles")
    String roles(@Option(longNames = "name", required = true) String name,
                 @Option(longNames = "roles", required = true, description = "comma-separated") String roles) {
        ObjectNode body = json.createObjectNode();
        body.set("roles", roles(roles));
        return line(service.putJson("/api/admin/users/" + name + "/roles", body.toString()));
    }

    @Command(command = "user offices", description = "Replace a user's offices (none: the user sees no case's work)")
    String offices(@Option(longNames = "name", required = true) String name,
                   @Option(longNames = "offices", defaultValue = "", description = "comma-separated: national, district:Dadu, "
                           + "tehsil:Dadu/Mehar, site:DRC-SD-DDU-01") String offices) {
        ObjectNode body = json.createObjectNode();
        body.set("offices", offices(offices));
        return line(service.putJson("/api/admin/users/" + name + "/offices", body.toString()));
    }

    @Command(command = "user disable", description = "Refuse a user's sign-in")
    String disable(@Option(longNames = "name", required = true) String name) {
        return line(service.putJson("/api/admin/users/" + name + "/enabled", "{\"enabled\":false}"));
    }

    @Command(command = "user enable", description = "Allow a disabled user to sign in again")
    String enable(@Option(longNames = "name", required = true) String name) {
        return line(service.putJson("/api/admin/users/" + name + "/enabled", "{\"enabled\":true}"));
    }

    @Command(command = "user password", description = "Set my own password (at least 12 characters, not my user name, not a local default)")
    String password(@Option(longNames = "old", required = true) String oldPassword,
                    @Option(longNames = "new", required = true) String newPassword) {
        service.putJson("/api/me/password", json.createObjectNode().put("oldPassword", oldPassword).put("newPassword", newPassword).toString());
        return "Your password is changed; sign in with the new one (DYNREG_PASSWORD).";
    }

    private ArrayNode roles(String roles) {
        ArrayNode a = json.createArrayNode();
        for (String r : roles.split(",")) {
            if (!r.isBlank()) {
                a.add(r.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return a;
    }

    /** "national", "district:Dadu", "tehsil:Dadu/Mehar", "site:DRC-SD-DDU-01" as the REST offices. */
    ArrayNode offices(String offices) {
        ArrayNode a = json.createArrayNode();
        for (String o : offices.split(",")) {
            String t = o.strip();
            if (t.isEmpty()) {
                continue;
            }
            int colon = t.indexOf(':');
            String scope = (colon < 0 ? t : t.substring(0, colon)).strip().toUpperCase(java.util.Locale.ROOT);
            String rest = colon < 0 ? "" : t.substring(colon + 1).strip();
            ObjectNode office = a.addObject().put("scope", scope);
            switch (scope) {
                case "DISTRICT" -> office.put("district", rest);
                case "TEHSIL" -> {
                    int slash = rest.indexOf('/');
                    if (slash < 0) {
                        throw new CliFailure(CliFailure.REFUSED, "a tehsil office is tehsil:<district>/<tehsil>, not " + t);
                    }
                    office.put("district", rest.substring(0, slash).strip()).put("tehsil", rest.substring(slash + 1).strip());
                }
                case "SITE" -> office.put("siteId", rest);
                case "NATIONAL" -> { }
                default -> throw new CliFailure(CliFailure.REFUSED, "an office is national, district:<d>, tehsil:<d>/<t> or site:<id>, not " + t);
            }
        }
        return a;
    }

    private static String line(JsonNode u) {
        List<String> offices = new ArrayList<>();
        u.get("offices").forEach(o -> offices.add(switch (o.get("scope").asText()) {
            case "DISTRICT" -> "district " + o.get("district").asText();
            case "TEHSIL" -> "tehsil " + o.get("tehsil").asText() + " (" + o.get("district").asText() + ")";
            case "SITE" -> "site " + o.get("siteId").asText();
            default -> "national";
        }));
        List<String> roles = new ArrayList<>();
        u.get("roles").forEach(r -> roles.add(r.asText()));
        return String.format("%-20s %-8s %-5s %-36s %s%n", u.get("username").asText(), u.get("enabled").asBoolean() ? "yes" : "no",
                u.get("ownPassword").asBoolean() ? "yes" : "no", String.join(",", roles), offices.isEmpty() ? "(none)" : String.join("; ", offices));
    }
}
