package org.dynreg.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.DynregApplication;
import org.dynreg.cli.CommandLineOptions;
import org.dynreg.eligibility.Eligibility;
import org.dynreg.eligibility.EligibilityEvaluator;
import org.dynreg.eligibility.Evaluation;
import org.dynreg.eligibility.HouseholdFactsBuilder;
import org.dynreg.indicators.IndicatorMarkdown;
import org.dynreg.indicators.IndicatorReport;
import org.dynreg.indicators.Indicators;
import org.dynreg.policy.CompiledPolicy;
import org.dynreg.policy.Policies;
import org.dynreg.registry.SurveyValidator;
import org.dynreg.synthetic.Generation;
import org.dynreg.synthetic.SurveyJson;
import org.dynreg.synthetic.SyntheticHousehold;
import org.dynreg.synthetic.SyntheticRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark: generates a synthetic registry (or takes the one a previous run left), then
 * measures, on that data and in this one run, (a) the streaming read of households with their members,
 * (b) the batched insert of decision rows, (c) the plain-Java scorecard, (d) the decision tables in
 * memory, (e) the end-to-end rescoring job, and the latency of survey submission under concurrent
 * clients; writes the figures to docs/performance.md. Options: {@link #OPTIONS} ({@code benchmark --help}).
 */
public final class Benchmark {
    private final Map<String, String> options;
    private final Report report = new Report();

    private Benchmark(Map<String, String> options) {
        this.options = options;
    }

    static final CommandLineOptions OPTIONS = new CommandLineOptions(
            "java -jar dynreg-service-exec.jar benchmark [options]")
            .option("households", "households in the synthetic registry", "1000000")
            .option("seed", "seed of the synthetic registry", "2023")
            .option("threads", "threads for the in-memory measures (c) and (d)", "2")
            .option("latency-seconds", "seconds of survey submissions per client count; 0 skips the latency measure", "60")
            .option("clients", "client counts for the latency measure, comma-separated", "8,32")
            .option("out", "where the figures are written", "docs/performance.md");

    /** Exit codes: 0 done, 2 command line refused, 1 the benchmark failed. */
    public static int run(String[] args) {
        if (CommandLineOptions.asksForHelp(args)) {
            OPTIONS.printUsage(System.out);
            return 0;
        }
        Map<String, String> options;
        try {
            options = OPTIONS.parse(args);
            for (String numeric : List.of("households", "seed", "threads", "latency-seconds")) {
                if (options.containsKey(numeric) && !options.get(numeric).replace("_", "").matches("\\d{1,18}")) {
                    throw new CommandLineOptions.Refused("option '--" + numeric + "' must be a whole number, got '"
                            + options.get(numeric) + "'");
                }
            }
            if (options.containsKey("clients") && !options.get("clients").matches("\\d{1,4}(,\\d{1,4})*")) {
                throw new CommandLineOptions.Refused("option '--clients' must be whole numbers separated by commas, got '"
                        + options.get("clients") + "'");
            }
        } catch (CommandLineOptions.Refused e) {
            System.err.println("benchmark: " + e.getMessage());
            OPTIONS.printUsage(System.err);
            return CommandLineOptions.REFUSED;
        }
        try {
            new Benchmark(options).execute(args);
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    private long option(String name, long fallback) {
        return options.containsKey(name) ? Long.parseLong(options.get(name).replace("_", "")) : fallback;
    }

    private void execute(String[] args) throws Exception {
        long households = option("households", 1_000_000);
        long seed = option("seed", 2023);
        int threads = (int) option("threads", 2);
        long latencySeconds = option("latency-seconds", 60);
        Path out = Path.of(options.getOrDefault("out", "docs/performance.md"));
        String home = System.getProperty("user.home");
        // The benchmark's own embedded server and data directory, emptied at each run; never the registry's.
        setDefault("dynreg.db.embedded.data-dir", home + "/.dynreg/benchmark/mariadb");
        setDefault("dynreg.db.embedded.fresh", "true");
        setDefault("dynreg.db.embedded.port", "0");
        setDefault("dynreg.db.embedded.innodb-buffer-pool-size", "4G");
        setDefault("dynreg.db.embedded.innodb-log-file-size", "1G");
        setDefault("dynreg.db.name", "dynreg_benchmark");
        setDefault("server.port", "0");
        setDefault("dynreg.recertification.sweep-cron", "-");
        report.command("java -jar service/target/dynreg-service-exec.jar benchmark " + String.join(" ", args));

        try (ConfigurableApplicationContext context = SpringApplication.run(DynregApplication.class)) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            DataSource dataSource = context.getBean(DataSource.class);
            report.machine(dataSource);

            SyntheticRegistry synthetic = context.getBean(SyntheticRegistry.class);
            long t = System.nanoTime();
            Generation g = synthetic.generate(households, seed, "benchmark");
            long generationNanos = System.nanoTime() - t;
            if (!Generation.COMPLETED.equals(g.status())) {
                throw new IllegalStateException("generation failed: " + g.failure());
            }
            report.figure("generation", "Synthetic registry generated into MariaDB (households with members, survey, "
                    + "dwelling, assets)", g.householdsWritten(), generationNanos);
            progress("generated %,d households, %,d members", g.householdsWritten(), g.membersWritten());

            IndicatorReport indicators = context.getBean(Indicators.class).report(null);
            Path indicatorsOut = out.resolveSibling("synthetic-registry.md");
            Files.writeString(indicatorsOut, "# The synthetic registry against the published figures\n\n"
                    + "Written by the benchmark from the registry it generated (" + String.format("%,d", households)
                    + " households, seed " + seed + "); see performance.md.\n\n" + IndicatorMarkdown.write(indicators));
            report.indicators(indicators, indicatorsOut.getFileName().toString());
            progress("indicator report: %d figures beyond %.1f points of the published ones", indicators.beyondTolerance(),
                    indicators.tolerancePoints());

            RegistryScan scan = new RegistryScan(dataSource);
            t = System.nanoTime();
            RegistryScan.Counts counts = scan.readAll();
            report.figure("a", "(a) streaming read of households with their members, dwelling and assets", counts.households(),
                    System.nanoTime() - t);
            progress("read %,d households, %,d members", counts.households(), counts.members());

            Policies policies = context.getBean(Policies.class);
            CompiledPolicy policy = policies.active();
            ObjectMapper json = context.getBean(ObjectMapper.class);
            SurveyValidator validator = new SurveyValidator();
            int inMemory = (int) Math.min(households, 200_000);
            List<HouseholdFactsBuilder.Facts> facts = new ArrayList<>(inMemory);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(5));
            for (int i = 0; i < inMemory; i++) {
                SyntheticHousehold h = synthetic.draw(seed, i);
                OffsetDateTime started = h.surveyedOn().atTime(10, 0).atOffset(ZoneOffset.ofHours(5));
                facts.add(HouseholdFactsBuilder.build(validator.bind(json.readTree(
                        SurveyJson.of(h, "BENCH", started, started.plusMinutes(25))))));
            }
            progress("built the facts of %,d households in memory", inMemory);
            Evaluation sample = EligibilityEvaluator.evaluate(policy, facts.get(0));

            DecisionRows rows = new DecisionRows(dataSource, policy,
                    context.getBean(Eligibility.class).decided(0, 0, facts.get(0), sample));
            t = System.nanoTime();
            long written = rows.insertForEveryHousehold(threads);
            report.figure("b", "(b) batched insert of decision rows (" + rows.averageBytes() + " bytes of JSON each)",
                    written, System.nanoTime() - t);
            progress("inserted %,d decision rows", written);

            InMemory memory = new InMemory(facts, threads);
            int disagreements = memory.disagreements(policy);
            memory.time(policy);
            report.agreement(inMemory, disagreements);
            report.figure("c", "(c) plain-Java scorecard and eligibility, in memory", memory.plainCount(),
                    memory.plainNanos());
            report.figure("d", "(d) decision tables (Drools) in memory", memory.tablesCount(), memory.tablesNanos());
            progress("in memory: plain %s hh/s, tables %s hh/s, %d disagreements",
                    Figures.grouped(Figures.perSecond(memory.plainCount(), memory.plainNanos())),
                    Figures.grouped(Figures.perSecond(memory.tablesCount(), memory.tablesNanos())), disagreements);

            Rescoring rescoring = new Rescoring(context);
            t = System.nanoTime();
            long rescored = rescoring.wholeRegistry();
            report.figure("e", "(e) end-to-end rescoring job (read, decision tables, decision rows) over the whole registry",
                    rescored, System.nanoTime() - t);
            progress("rescored %,d households", rescored);

            Latency latency = new Latency(port, synthetic, seed + 1);
            if (latencySeconds > 0) {
                latency.measure(4, Latency.WARM_UP_SECONDS);
            }
            for (String clients : latencySeconds > 0 ? options.getOrDefault("clients", "8,32").split(",") : new String[0]) {
                Latency.Result r = latency.measure(Integer.parseInt(clients.trim()), latencySeconds);
                report.latency(r);
                progress("%d clients: p50 %.1f ms, p99 %.1f ms, %,d surveys, %d errors", r.clients(), r.p50Millis(),
                        r.p99Millis(), r.requests(), r.errors());
            }
            report.registry(households, g.membersWritten());
        }
        Files.writeString(out, report.markdown(Instant.now()));
        progress("wrote %s", out);
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    static void progress(String format, Object... args) {
        System.out.println("benchmark: " + String.format(format, args));
    }
}
