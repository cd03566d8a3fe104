package org.dynreg.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dynreg.audit.BudgetPlan;
import org.dynreg.audit.EffectCause;
import org.dynreg.audit.WhatIfReport;
import org.dynreg.audit.WhatIfWorkbook;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Replay for auditors, what-if and the budget solver for policy officers. */
@Command
class AuditorCommands {
    private final ServiceClient service;
    private final ObjectMapper json;
    private final PrintStream out = System.out;

    AuditorCommands(ServiceClient service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Command(command = "replay decision", description = "Replay one decision under the policy version it recorded (or --against another) and compare every output")
    String replayDecision(@Option(longNames = "id", required = true) long id,
                          @Option(longNames = "against", description = "another policy version to compare with") Integer against) {
        JsonNode r = service.get("/api/decisions/" + id + "/replay" + (against == null ? "" : "?against=" + against));
        StringBuilder s = new StringBuilder("Decision " + id + " recorded under version " + r.get("recordedVersion").asInt()
                + ", replayed under version " + r.get("replayedVersion").asInt() + ": "
                + (r.get("identical").asBoolean() ? "IDENTICAL" : "DIFFERS") + "\n");
        mismatches(r, s);
        if (!r.get("identical").asBoolean()) {
            throw new CliFailure(CliFailure.MISMATCH, s.toString().strip());
        }
        return s.toString();
    }

    @Command(command = "replay run", description = "Replay every decision of the registry (--all), or of a period, province, district or program, with a progress bar")
    String replayRun(@Option(longNames = "all", description = "every decision; otherwise give --from, --to, --province, --district or --program") boolean all,
                     @Option(longNames = "from", description = "decided at or after (ISO-8601 instant)") String from,
                     @Option(longNames = "to", description = "decided before (ISO-8601 instant)") String to,
                     @Option(longNames = "province") String province,
                     @Option(longNames = "district") String district,
                     @Option(longNames = "program", description = "decisions that found the household eligible for this program") String program,
                     @Option(longNames = "against", description = "another policy version to compare with") Integer against) {
        ObjectNode body = Scope.of(json, all, "--from, --to, --province, --district or --program", from, to, province, district, program);
        body.put("from", from).put("to", to).put("province", province).put("district", district).put("program", program);
        if (against != null) {
            body.put("against", against);
        }
        JsonNode run = service.postJson("/api/replays", body.toString());
        long id = run.get("id").asLong();
        long started = System.nanoTime();
        ProgressBar bar = new ProgressBar(out, "decisions/s");
        while ("RUNNING".equals(run.get("state").asText())) {
            progress(bar, run, started);
            sleep();
            run = service.get("/api/replays/" + id);
        }
        progress(bar, run, started);
        bar.finish();
        run = service.get("/api/replays/" + id + "?mismatches=true");
        StringBuilder s = new StringBuilder("Replay run " + id + ": " + run.get("state").asText() + ", " + run.get("done").asLong()
                + " decisions, " + run.get("identical").asLong() + " identical, " + run.get("mismatched").asLong() + " differ\n");
        if (run.hasNonNull("failure")) {
            s.append("  failed: ").append(run.get("failure").asText()).append('\n');
        }
        JsonNode kinds = run.get("differencesByKind");
        if (kinds != null && !kinds.isEmpty()) {
            s.append("Decisions that differ, by kind of difference:\n");
            kinds.properties().forEach(k -> s.append(String.format("  %-26s %,d%n", k.getKey(), k.getValue().asLong())));
        }
        for (JsonNode m : run.get("mismatches")) {
            s.append("Decision ").append(m.get("decisionId").asLong()).append('\n');
            mismatches(m, s);
        }
        boolean clean = "DONE".equals(run.get("state").asText()) && run.get("mismatched").asLong() == 0;
        if (!clean) {
            throw new CliFailure(CliFailure.MISMATCH, s.toString().strip());
        }
        return s.toString();
    }

    /**
     * Asks the service once: the printed summary and the workbook ({@code --out}) are both made from that one answer,
     * so a what-if computes once and leaves one audit entry.
     */
    @Command(command = "what-if", description = "Score the registry under a candidate version next to the one in force; nothing is stored")
    String whatIf(@Option(longNames = "version", required = true, description = "the candidate policy version") int version,
                  @Option(longNames = "amount", required = true, description = "transfer per household per payment, PKR") long amount,
                  @Option(longNames = "payments", description = "payments a year (service default when left out)") Integer payments,
                  @Option(longNames = "province") String province,
                  @Option(longNames = "district") String district,
                  @Option(longNames = "program") String program,
                  @Option(longNames = "out", description = "write the .xlsx report with its chart to this file") String file) {
        ObjectNode body = json.createObjectNode().put("candidateVersion", version).put("transferAmount", amount)
                .put("province", province).put("district", district).put("program", program);
        if (payments != null) {
            body.put("paymentsPerYear", payments);
        }
        WhatIfReport r = read(service.postJson("/api/what-if", body.toString()), WhatIfReport.class);
        StringBuilder s = new StringBuilder("What-if: version " + r.candidateVersion() + " against version "
                + r.baselineVersion() + " in force, " + r.program() + ", " + r.filter() + "\n");
        s.append(String.format("%-28s %10s %10s %10s %8s %8s %18s%n", "area", "households", "before", "after", "gained", "lost", "yearly cost after"));
        area(s, r.national());
        r.provinces().forEach(a -> area(s, a));
        s.append("Gained and lost by cause (a household with more than one cause is counted once, under \"")
                .append(EffectCause.SEVERAL).append("\"):\n");
        s.append(String.format("%-28s %-40s %8s %8s%n", "area", "cause", "gained", "lost"));
        causes(s, r.national());
        r.provinces().forEach(a -> causes(s, a));
        if (r.sampleWithheld()) {
            s.append("The sample of households gained and lost is not shown to your role.\n");
        } else {
            sample(s, "Gained", r.gained());
            sample(s, "Lost", r.lost());
        }
        if (file != null) {
            OutputFile.write(file, WhatIfWorkbook.write(r));
            s.append("Report written to ").append(file).append('\n');
        }
        return s.toString();
    }

    @Command(command = "what-if survey", description = "Score one survey JSON file under the version in force and under a candidate version; nothing is stored")
    String whatIfSurvey(@Option(longNames = "file", required = true, description = "the survey JSON file (survey format)") String fileName,
                        @Option(longNames = "version", required = true, description = "the candidate policy version") int version) {
        JsonNode survey;
        try {
            survey = json.readTree(InputFile.read(fileName));
        } catch (JsonProcessingException e) {
            throw new CliFailure(CliFailure.REFUSED, fileName + " is not JSON: " + e.getOriginalMessage());
        }
        ObjectNode body = json.createObjectNode().put("candidateVersion", version);
        body.set("survey", survey);
        JsonNode r = service.postJson("/api/what-if/survey", body.toString());
        JsonNode d = r.get("differences");
        StringBuilder s = new StringBuilder("One survey under version " + r.get("candidateVersion").asInt() + " against version "
                + r.get("baselineVersion").asInt() + " in force: " + (d.get("identical").asBoolean() ? "IDENTICAL" : "DIFFERS") + "\n");
        s.append("  score: ").append(d.get("scoreBefore").asInt()).append(" → ").append(d.get("scoreAfter").asInt()).append('\n');
        d.get("exclusionsStopped").forEach(x -> s.append("  exclusion filter stops excluding: ").append(x.asText()).append('\n'));
        d.get("exclusionsStarted").forEach(x -> s.append("  exclusion filter starts excluding: ").append(x.asText()).append('\n'));
        for (JsonNode p : d.get("programs")) {
            s.append("  ").append(p.get("program").asText()).append(": ")
                    .append(p.get("eligibleBefore").asBoolean() ? "eligible" : "not eligible").append(cutoff(p.get("cutoffBefore")))
                    .append(" → ").append(p.get("eligibleAfter").asBoolean() ? "eligible" : "not eligible").append(cutoff(p.get("cutoffAfter")));
            List<String> causes = new ArrayList<>();
            p.get("causes").forEach(c -> causes.add(c.asText()));
            s.append(causes.isEmpty() ? "" : "; cause: " + String.join(", ", causes)).append('\n');
        }
        if (d.hasNonNull("byField") && !d.get("byField").isEmpty()) {
            s.append("Field by field:\n");
            mismatches(json.createObjectNode().set("differences", d.get("byField")), s);
        }
        s.append("Under version ").append(r.get("candidateVersion").asInt()).append(":\n");
        r.get("after").get("reasons").forEach(x -> s.append("  ").append(x.asText()).append('\n'));
        return s.toString();
    }

    /** Asks the service once, like what-if: the summary and the workbook ({@code --out}) come from one answer. */
    @Command(command = "budget", description = "The highest cut-off whose yearly cost fits a budget, with coverage by province and district")
    String budget(@Option(longNames = "budget", required = true, description = "yearly budget, PKR") long budget,
                  @Option(longNames = "amount", required = true, description = "transfer per household per payment, PKR") long amount,
                  @Option(longNames = "payments", description = "payments a year (service default when left out)") Integer payments,
                  @Option(longNames = "version", description = "policy version (the one in force when left out)") Integer version,
                  @Option(longNames = "province") String province,
                  @Option(longNames = "district") String district,
                  @Option(longNames = "program") String program,
                  @Option(longNames = "out", description = "write the .xlsx report with its chart to this file") String file) {
        ObjectNode body = json.createObjectNode().put("yearlyBudget", budget).put("transferAmount", amount).put("program", program)
                .put("province", province).put("district", district);
        if (payments != null) {
            body.put("paymentsPerYear", payments);
        }
        if (version != null) {
            body.put("version", version);
        }
        BudgetPlan p = read(service.postJson("/api/budget", body.toString()), BudgetPlan.class);
        StringBuilder s = new StringBuilder();
        s.append(p.cutoff() != null ? "Highest cut-off that fits: " + p.cutoff() : "Not even a cut-off of 0 fits the budget")
                .append(" (policy version ").append(p.policyVersion()).append(", ").append(p.program())
                .append(")\nYearly cost ").append(String.format("%,d", p.yearlyCost())).append(" of ")
                .append(String.format("%,d", p.yearlyBudget())).append(" PKR\n");
        s.append(String.format("%-28s %12s %12s %18s%n", "area", "households", "covered", "yearly cost"));
        coverage(s, p.national());
        p.provinces().forEach(c -> coverage(s, c));
        if (file != null) {
            OutputFile.write(file, WhatIfWorkbook.write(p));
            s.append("Report written to ").append(file).append('\n');
        }
        return s.toString();
    }

    private <T> T read(JsonNode answer, Class<T> type) {
        try {
            return json.treeToValue(answer, type);
        } catch (JsonProcessingException e) {
            throw new CliFailure(1, "the service answered a report this shell cannot read (is it another version?): " + e.getOriginalMessage());
        }
    }

    private static void progress(ProgressBar bar, JsonNode run, long startedNanos) {
        long total = run.get("total").asLong();
        long done = run.get("done").asLong();
        double rate = done / Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
        bar.show(done, total, rate, rate > 0 && done < total ? Duration.ofSeconds((long) ((total - done) / rate)) : Duration.ZERO);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(1, "interrupted");
        }
    }

    /** " (cut-off 32)", or nothing for a program without a cut-off. */
    private static String cutoff(JsonNode c) {
        return c == null || c.isNull() ? "" : " (cut-off " + c.asText() + ")";
    }

    /**
     * How the replayed outcome differs, field by field with its kind ({@code UCT.eligible false → true}); the whole
     * recorded and replayed values only for what has no field-level comparison (the bundle's hash, a policy fault).
     */
    private static void mismatches(JsonNode r, StringBuilder s) {
        JsonNode differences = r.get("differences");
        boolean fieldLevel = differences != null && !differences.isEmpty();
        if (fieldLevel) {
            for (JsonNode d : differences) {
                s.append(String.format("  %-16s %s %s → %s%n", d.get("kind").asText().toLowerCase(java.util.Locale.ROOT),
                        d.get("field").asText(), d.hasNonNull("expected") ? d.get("expected").asText() : "(none)",
                        d.hasNonNull("actual") ? d.get("actual").asText() : "(none)"));
            }
        }
        for (JsonNode m : r.path("mismatches")) {
            if (fieldLevel && !m.get("field").asText().equals("policySha256") && !m.get("field").asText().equals("evaluation")) {
                continue;
            }
            s.append("  ").append(m.get("field").asText()).append(": recorded ").append(m.get("recorded"))
                    .append(", replayed ").append(m.get("replayed")).append('\n');
        }
    }

    private static void area(StringBuilder s, WhatIfReport.Area a) {
        s.append(String.format("%-28s %,10d %,10d %,10d %,8d %,8d %,18d%n", a.name(), a.households(), a.eligibleBefore(),
                a.eligibleAfter(), a.newlyEligible(), a.newlyIneligible(), a.yearlyCostAfter()));
    }

    private static void causes(StringBuilder s, WhatIfReport.Area a) {
        for (WhatIfReport.CauseCount c : a.causes()) {
            s.append(String.format("%-28s %-40s %,8d %,8d%n", a.name(), c.cause(), c.gained(), c.lost()));
        }
    }

    private static void sample(StringBuilder s, String change, List<WhatIfReport.SampleHousehold> households) {
        s.append(change).append(" (sample of ").append(households.size()).append("):\n");
        for (WhatIfReport.SampleHousehold h : households) {
            s.append(String.format("  household %d, %s, %s: score %d -> %d; %s%n", h.householdId(), h.province(), h.district(),
                    h.scoreBefore(), h.scoreAfter(), String.join(", ", h.causes())));
        }
    }

    private static void coverage(StringBuilder s, BudgetPlan.Coverage c) {
        String name = c.district() != null ? c.district() : c.province() != null ? c.province() : "Pakistan";
        s.append(String.format("%-28s %,12d %,12d %,18d%n", name, c.households(), c.covered(), c.yearlyCost()));
    }
}
