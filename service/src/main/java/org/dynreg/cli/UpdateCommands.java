package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Cyclic updates a household asks for, and the recertification sweep that opens the due ones. */
@Command
class UpdateCommands {
    private final ServiceClient service;
    private final ObjectMapper json;

    UpdateCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "cyclic request", description = "Open a cyclic update for a household that does not receive the cash transfer, once the Update windows table allows it")
    String cyclic(@Option(longNames = "household", required = true) long household) {
        JsonNode c = service.postJson("/api/updates/cyclic", json.createObjectNode().put("householdId", household).toString());
        return "Cyclic update opened.\n" + Explanations.caseText(c);
    }

    @Command(command = "recertification sweep", description = "Open a recertification case for every beneficiary due by a day (supervisor); the nightly sweep does this by itself")
    String sweep(@Option(longNames = "as-of", description = "the day, e.g. 2026-11-20 (default today; never a day to come)") String asOf) {
        JsonNode r = service.postJson("/api/sweeps/recertification"
                + (asOf == null || asOf.isBlank() ? "" : "?asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8)), "");
        return "Recertification sweep: " + Explanations.words(r, java.util.Set.of())
                + "\n'task list --scope group' (data-entry operators) shows the re-surveys it opened";
    }
}
