package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.api.Scopes;
import org.springframework.shell.command.CommandRegistration;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.PrintStream;
import java.time.Duration;

/** The registry-wide jobs: rescoring and the due-date sweep; start, follow, restart, stop. */
@Command
class JobCommands {
    private final ServiceClient service;
    private final ObjectMapper json;
    private final PrintStream out = System.out;

    JobCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "job rescore", description = "Rescore the whole registry (--all), or a province, district or program, under the policy version active now")
    String rescore(@Option(longNames = "all", description = "the whole registry; otherwise give --province, --district or --program") boolean all,
                   @Option(longNames = "province", description = "e.g. PUNJAB") String province,
                   @Option(longNames = "district") String district,
                   @Option(longNames = "program", description = "households whose latest decision is eligible for it, e.g. UCT") String program,
                   @Option(longNames = "wait", description = "follow it with a progress bar until it ends") boolean wait) {
        ObjectNode body = Scope.of(json, all, "--province, --district or --program", province, district, program)
                .put("province", province).put("district", district).put("program", program);
        return started(service.postJson("/api/jobs/rescoring", body.toString()), wait);
    }

    @Command(command = "job sweep", description = "Run the due-date sweep (recertification cases, cyclic-update notices) over the whole registry for a day")
    String sweep(@Option(longNames = "as-of", description = "the day, e.g. 2026-11-25 (default today; never a day to come)") String asOf,
                 @Option(longNames = "wait", description = "follow it with a progress bar until it ends") boolean wait) {
        ObjectNode body = json.createObjectNode().put("scope", Scopes.REGISTRY).put("asOf", asOf);
        return started(service.postJson("/api/jobs/sweep", body.toString()), wait);
    }

    @Command(command = "job status", description = "A job execution: status, households done of those in scope, rate, time left")
    String status(@Option(longNames = "id", required = true, arity = CommandRegistration.OptionArity.EXACTLY_ONE) long id,
                  @Option(longNames = "wait", description = "follow it with a progress bar until it ends") boolean wait) {
        JsonNode job = service.get("/api/jobs/" + id);
        return wait ? follow(job) : text(job);
    }

    @Command(command = "job restart", description = "Restart a FAILED or STOPPED execution; it goes on from where its committed work ends")
    String restart(@Option(longNames = "id", required = true, arity = CommandRegistration.OptionArity.EXACTLY_ONE) long id,
                   @Option(longNames = "wait", description = "follow it with a progress bar until it ends") boolean wait) {
        return started(service.postJson("/api/jobs/" + id + "/restart", "{}"), wait);
    }

    @Command(command = "job stop", description = "Stop a running execution after the chunks in progress; restart it later")
    String stop(@Option(longNames = "id", required = true, arity = CommandRegistration.OptionArity.EXACTLY_ONE) long id) {
        JsonNode job = service.postJson("/api/jobs/" + id + "/stop", "{}");
        return "Execution " + id + " is asked to stop (" + job.get("status").asText() + "); restart it with: job restart " + id;
    }

    @Command(command = "job list", description = "The latest job executions, newest first")
    String list() {
        StringBuilder s = new StringBuilder(String.format("%-10s %-6s %-14s %-10s %22s  %-24s %s%n", "execution", "run", "job", "status",
                "done/total", "started", "scope"));
        for (JsonNode j : service.get("/api/jobs")) {
            s.append(String.format("%-10d %-6d %-14s %-10s %22s  %-24s %s%n", j.get("executionId").asLong(), j.get("instanceId").asLong(),
                    j.get("job").asText(), j.get("status").asText(), j.get("done").asLong() + "/" + j.get("total").asLong(),
                    j.path("startedAt").asText("-"), j.get("scope")));
        }
        return s.toString();
    }

    private String started(JsonNode job, boolean wait) {
        if (wait) {
            return follow(job);
        }
        return "Started execution " + job.get("executionId").asLong() + " (" + job.get("job").asText() + ", run " + job.get("instanceId").asLong()
                + ", " + job.get("total").asLong() + " households" + policy(job) + "); follow it with: job status "
                + job.get("executionId").asLong() + " --wait";
    }

    /** Redraws one progress line until the execution ends; fails (exit code 8) unless it COMPLETED. */
    private String follow(JsonNode job) {
        long id = job.get("executionId").asLong();
        ProgressBar bar = new ProgressBar(out, "hh/s");
        while (job.get("endedAt").isNull()) {
            show(bar, job);
            sleep();
            job = service.get("/api/jobs/" + id);
        }
        show(bar, job);
        bar.finish();
        if (!"COMPLETED".equals(job.get("status").asText())) {
            throw new CliFailure(CliFailure.JOB_NOT_COMPLETED, text(job).strip());
        }
        return text(job);
    }

    private static void show(ProgressBar bar, JsonNode job) {
        bar.show(job.get("done").asLong(), job.get("total").asLong(), job.get("rate").asDouble(),
                job.get("secondsLeft").isNull() ? null : Duration.ofSeconds(job.get("secondsLeft").asLong()));
    }

    private static String text(JsonNode j) {
        StringBuilder s = new StringBuilder("Execution " + j.get("executionId").asLong() + " (" + j.get("job").asText() + ", run "
                + j.get("instanceId").asLong() + "): " + j.get("status").asText() + ", " + j.get("done").asLong() + " of "
                + j.get("total").asLong() + " households done" + policy(j) + "\n");
        s.append("  scope ").append(j.get("scope")).append(", requested by ").append(j.path("requestedBy").asText("-"))
                .append(", on instance ").append(j.path("instance").asText("-")).append('\n');
        if (j.hasNonNull("exitMessage") && !j.get("exitMessage").asText().isBlank()) {
            s.append("  ").append(firstLine(j.get("exitMessage").asText())).append('\n');
        }
        return s.toString();
    }

    private static String policy(JsonNode j) {
        return j.hasNonNull("policyVersion") ? ", policy version " + j.get("policyVersion").asInt() : "";
    }

    /** Spring Batch keeps a failure's stack trace in the exit message; its first line says what went wrong. */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(1, "interrupted");
        }
    }
}
