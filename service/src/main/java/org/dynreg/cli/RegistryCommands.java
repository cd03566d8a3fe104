package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.command.CommandExceptionResolver;
import org.springframework.shell.command.CommandHandlingResult;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Registry commands: submit a survey file, show a household, explain a decision. */
@Command
class RegistryCommands {
    private final ServiceClient service;

    RegistryCommands(ServiceClient service) {
        this.service = service;
    }

    @Command(command = "survey submit", description = "Submit a survey JSON file (data-entry operator, supervisor)")
    String submit(@Option(longNames = "file", required = true, description = "the survey JSON file") String fileName) {
        Path file = Path.of(fileName);
        String body;
        try {
            body = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(CliFailure.REFUSED, "no such file: " + file);
        } catch (IOException e) {
            throw new CliFailure(CliFailure.REFUSED, file + " could not be read: " + e.getMessage());
        }
        JsonNode r = service.postJson("/api/surveys", body);
        return "Registered: household " + r.get("householdId").asLong() + ", survey " + r.get("surveyId").asLong()
                + "\n" + Explanations.decision(r.get("decision"));
    }

    @Command(command = "household show", description = "Show a household and its roster (personal data as your role allows)")
    String household(@Option(longNames = "id", required = true) long id) {
        return Explanations.household(service.get("/api/households/" + id));
    }

    @Command(command = "decision explain", description = "Explain a decision: score breakdown, rules fired, policy version, reasons")
    String decision(@Option(longNames = "id", required = true) long id) {
        return Explanations.decision(service.get("/api/decisions/" + id));
    }

    @Bean
    static CommandExceptionResolver cliFailures() {
        return e -> e instanceof CliFailure f ? CommandHandlingResult.of("error: " + f.getMessage() + "\n", f.exitCode) : null;
    }
}
