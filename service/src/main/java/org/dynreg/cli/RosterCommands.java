package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

/**
 * Roster changes asked for with options, one command per kind of change: the service checks them as
 * the survey they will become and answers a mistake naming the field. Members are named by their line
 * on the household's page ({@code household show}, 1 first).
 */
@Command(command = "roster")
class RosterCommands {
    private static final String REASON = "why: a certificate number is fine (never written to the logs or the audit trail)";
    private static final String EVIDENCE = "where the proof is kept, e.g. scan DOC-2291";

    private final ServiceClient service;
    private final ObjectMapper json;

    RosterCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "add-member", description = "Add a member born into or married into the household; the options not given take the newborn's answers (NONE, false)")
    String add(@Option(longNames = "household", required = true) long household,
               @Option(longNames = "cause", required = true, description = "BIRTH or MARRIAGE") String cause,
               @Option(longNames = "national-id", required = true, description = "CNIC or B-Form number") String nationalId,
               @Option(longNames = "name", required = true) String name,
               @Option(longNames = "relation", required = true, description = "relation to the head, e.g. GRANDSON, DAUGHTER_IN_LAW") String relation,
               @Option(longNames = "gender", required = true, description = "MALE, FEMALE or TRANSGENDER") String gender,
               @Option(longNames = "date-of-birth", required = true, description = "yyyy-MM-dd") String dateOfBirth,
               @Option(longNames = "marital-status", defaultValue = "NEVER_MARRIED") String maritalStatus,
               @Option(longNames = "disability", defaultValue = "NONE") String disability,
               @Option(longNames = "chronic-disease", defaultValue = "NONE") String chronicDisease,
               @Option(longNames = "literate", description = "can read and write") boolean literate,
               @Option(longNames = "education", defaultValue = "NONE", description = "highest level completed, e.g. CLASS_5") String education,
               @Option(longNames = "in-school", description = "attends school now") boolean inSchool,
               @Option(longNames = "employment", defaultValue = "NONE") String employment,
               @Option(longNames = "occupation", defaultValue = "NONE") String occupation,
               @Option(longNames = "employment-sector", description = "left out means NONE") String sector,
               @Option(longNames = "elementary-occupation", description = "works in an elementary occupation") boolean elementary,
               @Option(longNames = "reason", required = true, description = REASON) String reason,
               @Option(longNames = "evidence", required = true, description = EVIDENCE) String evidence) {
        ObjectNode body = request(household, "ADD_MEMBER", null, reason, evidence);
        ObjectNode member = body.putObject("member").put("nationalId", nationalId).put("name", name).put("relation", relation)
                .put("gender", gender).put("dateOfBirth", dateOfBirth).put("maritalStatus", maritalStatus).put("disability", disability)
                .put("literate", literate).put("educationLevel", education).put("inSchool", inSchool).put("employment", employment)
                .put("occupation", occupation).put("elementaryOccupation", elementary).put("chronicDisease", chronicDisease);
        if (sector != null) {
            member.put("employmentSector", sector);
        }
        body.putObject("values").put("cause", cause);
        return requested(body);
    }

    @Command(command = "remove-member", description = "Remove a member who died or married out (not the head)")
    String remove(@Option(longNames = "household", required = true) long household,
                  @Option(longNames = "line", required = true, description = "the member's line") int line,
                  @Option(longNames = "cause", required = true, description = "DEATH or MARRIAGE_OUT") String cause,
                  @Option(longNames = "reason", required = true, description = REASON) String reason,
                  @Option(longNames = "evidence", required = true, description = EVIDENCE) String evidence) {
        ObjectNode body = request(household, "REMOVE_MEMBER", line, reason, evidence);
        body.putObject("values").put("cause", cause);
        return requested(body);
    }

    @Command(command = "change-head", description = "Make another member the head, with everyone's relation to the new head")
    String head(@Option(longNames = "household", required = true) long household,
                @Option(longNames = "line", required = true, description = "the new head's line") int line,
                @Option(longNames = "relations", required = true, description = "line=RELATION to the new head, comma-separated; the former head's at least, e.g. 1=MOTHER,3=BROTHER") String relations,
                @Option(longNames = "reason", required = true, description = REASON) String reason,
                @Option(longNames = "evidence", required = true, description = EVIDENCE) String evidence) {
        ObjectNode body = request(household, "CHANGE_HEAD", line, reason, evidence);
        ObjectNode given = body.putObject("values").putObject("relations");
        for (String pair : relations.split(",")) {
            String[] p = pair.split("=", 2);
            if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
                throw new CliFailure(CliFailure.REFUSED, "--relations: '" + pair.strip() + "' is not line=RELATION");
            }
            given.put(p[0].strip(), p[1].strip());
        }
        return requested(body);
    }

    @Command(command = "correct", description = "Correct one field of a member: give exactly one of --marital-status, --disability, --gender")
    String correct(@Option(longNames = "household", required = true) long household,
                   @Option(longNames = "line", required = true, description = "the member's line") int line,
                   @Option(longNames = "marital-status", description = "e.g. WIDOWED") String maritalStatus,
                   @Option(longNames = "disability", description = "e.g. PHYSICAL") String disability,
                   @Option(longNames = "gender") String gender,
                   @Option(longNames = "reason", required = true, description = REASON) String reason,
                   @Option(longNames = "evidence", required = true, description = EVIDENCE) String evidence) {
        int given = (maritalStatus == null ? 0 : 1) + (disability == null ? 0 : 1) + (gender == null ? 0 : 1);
        if (given != 1) {
            throw new CliFailure(CliFailure.REFUSED, "give exactly one of --marital-status, --disability, --gender (one change a request)");
        }
        String kind = maritalStatus != null ? "MARITAL_STATUS" : disability != null ? "DISABILITY" : "GENDER";
        ObjectNode body = request(household, kind, line, reason, evidence);
        ObjectNode values = body.putObject("values");
        if (maritalStatus != null) {
            values.put("maritalStatus", maritalStatus);
        } else if (disability != null) {
            values.put("disability", disability);
        } else {
            values.put("gender", gender);
        }
        return requested(body);
    }

    @Command(command = "contact", description = "A new mobile number for the household")
    String contact(@Option(longNames = "household", required = true) long household,
                   @Option(longNames = "mobile", required = true, description = "03XXXXXXXXX or +923XXXXXXXXX") String mobile,
                   @Option(longNames = "reason", required = true, description = REASON) String reason,
                   @Option(longNames = "evidence", required = true, description = EVIDENCE) String evidence) {
        ObjectNode body = request(household, "CONTACT", null, reason, evidence);
        body.putObject("values").put("mobile", mobile);
        return requested(body);
    }

    @Command(command = "address", description = "A new address in the same union council (further away: a re-survey instead)")
    String address(@Option(longNames = "household", required = true) long household,
                   @Option(longNames = "address", required = true) String address,
                   @Option(longNames = "latitude", description = "decimal degrees; left out, the old coordinates are dropped") Double latitude,
                   @Option(longNames = "longitude", description = "decimal degrees") Double longitude,
                   @Option(longNames = "reason", required = true, description = REASON) String reason,
                   @Option(longNames = "evidence", required = true, description = EVIDENCE) String evidence) {
        ObjectNode body = request(household, "ADDRESS", null, reason, evidence);
        ObjectNode values = body.putObject("values").put("address", address);
        if (latitude != null) {
            values.put("latitude", latitude);
        }
        if (longitude != null) {
            values.put("longitude", longitude);
        }
        return requested(body);
    }

    @Command(command = "show", description = "What a roster-update case is to change, with its reason and evidence (personal data as your role allows)")
    String show(@Option(longNames = "case", required = true) long caseId,
                @Option(longNames = "json", description = "the service's answer as JSON, for scripts") boolean asJson) {
        JsonNode c = service.get("/api/updates/roster/" + caseId);
        if (asJson) {
            return Explanations.json(c);
        }
        StringBuilder s = new StringBuilder("Roster change of case ").append(caseId).append(", household ").append(c.path("householdId").asLong())
                .append(": ").append(c.path("kind").asText())
                .append(c.hasNonNull("memberLine") ? ", member line " + c.get("memberLine").asInt() : "").append('\n');
        if (c.hasNonNull("member")) {
            s.append("New member: ").append(Explanations.value(c.get("member"))).append('\n');
        }
        if (c.hasNonNull("values")) {
            s.append("Values: ").append(Explanations.value(c.get("values"))).append('\n');
        }
        s.append("Reason: ").append(c.path("reason").asText("-")).append("; evidence: ").append(c.path("evidence").asText("-")).append('\n');
        s.append("Requested by ").append(c.path("requestedBy").asText()).append(", ").append(Explanations.time(c.get("requestedAt"))).append('\n');
        s.append("'case show --id ").append(caseId).append("' shows its steps\n");
        return s.toString();
    }

    private ObjectNode request(long household, String kind, Integer line, String reason, String evidence) {
        ObjectNode body = json.createObjectNode().put("householdId", household).put("kind", kind);
        if (line != null) {
            body.put("memberLine", line);
        }
        return body.put("reason", reason).put("evidence", evidence);
    }

    private String requested(ObjectNode body) {
        JsonNode c = service.postJson("/api/updates/roster", body.toString());
        String head = "CLOSED".equals(c.path("state").asText()) ? "Roster change decided at once.\n"
                : "Roster change requested; it waits for the tasks below.\n";
        return head + Explanations.caseText(c);
    }
}
