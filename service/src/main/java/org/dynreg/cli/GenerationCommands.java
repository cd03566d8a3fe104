package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.PrintStream;
import java.time.Duration;

/** Synthetic registries (administrators): generate one and follow it with a progress bar. */
@Command
class GenerationCommands {
    private static final Duration POLL = Duration.ofSeconds(1);

    private final ServiceClient service;
    private final ObjectMapper json;
    private final PrintStream out = System.out;

    GenerationCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "registry generate", description = "Generate N synthetic households with a seed (the same seed gives the same households) and follow it")
    String generate(@Option(longNames = "households", required = true, description = "how many households") long households,
                    @Option(longNames = "seed", defaultValue = "2023", description = "the seed; its last two digits mark the national ids") long seed) {
        JsonNode g = service.postJson("/api/registry/generations",
                json.createObjectNode().put("households", households).put("seed", seed).toString());
        long id = g.get("id").asLong();
        ProgressBar bar = new ProgressBar(out, "hh/s");
        while ("RUNNING".equals(g.get("status").asText())) {
            show(bar, g);
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(CliFailure.REFUSED, "interrupted; the generation goes on in the service");
            }
            g = service.get("/api/registry/generations/" + id);
        }
        show(bar, g);
        bar.finish();
        String text = String.format("Generation %d: %s, %,d households with %,d members, seed %d, %.0f households/s",
                id, g.get("status").asText(), g.get("householdsWritten").asLong(), g.get("membersWritten").asLong(), seed,
                g.get("householdsPerSecond").asDouble());
        if (!"COMPLETED".equals(g.get("status").asText())) {
            throw new CliFailure(CliFailure.JOB_NOT_COMPLETED, text + ": " + g.path("failure").asText(""));
        }
        return text;
    }

    private static void show(ProgressBar bar, JsonNode g) {
        long done = g.get("householdsWritten").asLong();
        long total = g.get("households").asLong();
        double rate = g.get("householdsPerSecond").asDouble();
        bar.show(done, total, rate, rate > 0 ? Duration.ofSeconds((long) ((total - done) / rate)) : null);
    }
}
