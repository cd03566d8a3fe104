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
            .option("out", "where the figures are written", "docs/performance.md")
            .option("only", "run only this measure: 'console' (the console pages; its section of --out is replaced, the "
                    + "rest of the file kept)", null)
            .option("open-tasks", "open tasks in the database for the console measure", "100000")
            .option("console-requests", "timed requests of each console page; 0 skips the console measure", "500")
            .option("console-user", "who signs in to the console (a local user, password <user>-pass)", "caseworker")
            .option("work-path", "the work list's path", "/work")
            .option("household-path", "the household page's path, {id} standing for the household's id", "/households/{id}")
            .option("sign-in", "'form' (the console's sign-in form and session) or 'basic' (HTTP Basic, for API paths)", "form")
            .option("page-size", "rows of a list page, sent as size= and used to find a page 90% deep", "25");

    /** Exit codes: 0 done, 2 command line refused, 1 the benchmark failed. */
    public static int run(String[] args) {
        if (CommandLineOptions.asksForHelp(args)) {
            OPTIONS.printUsage(System.out);
            return 0;
        }
        Map<String, String> options;
        try {
            options = OPTIONS.parse(args);
            for (String numeric : List.of("households", "seed", "threads", "latency-seconds", "open-tasks", "console-requests",
                    "page-size")) {
                if (options.containsKey(numeric) && !options.get(numeric).replace("_", "").matches("\\d{1,18}")) {
                    throw new CommandLineOptions.Refused("option '--" + numeric + "' must be a whole number, got '"
                            + options.get(numeric) + "'");
                }
            }
            if (options.containsKey("clients") && !options.get("clients").matches("\\d{1,4}(,\\d{1,4})*")) {
                throw new CommandLineOptions.Refused("option '--clients' must be whole numbers separated by commas, got '"
                        + options.get("clients") + "'");
            }
            if (options.containsKey("only") && !"console".equals(options.get("only"))) {
                throw new CommandLineOptions.Refused("option '--only' must be 'console', got '" + options.get("only") + "'");
            }
            if (options.containsKey("sign-in") && !List.of("form", "basic").contains(options.get("sign-in"))) {
                throw new CommandLineOptions.Refused("option '--sign-in' must be 'form' or 'basic', got '" + options.get("sign-in") + "'");
            }
            for (String path : List.of("work-path", "household-path")) {
                if (options.containsKey(path) && !options.get(path).startsWith("/")) {
                    throw new CommandLineOptions.Refused("option '--" + path + "' must be a path starting with /, got '"
                            + options.get(path) + "'");
                }
            }
            if (options.containsKey("household-path") && !options.get("household-path").contains("{id}")) {
                throw new CommandLineOptions.Refused("option '--household-path' must hold {id}, got '" + options.get("household-path") + "'");
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
        boolean onlyConsole = "console".equals(options.get("only"));
        long latencySeconds = onlyConsole ? 0 : option("latency-seconds", 60);
        long openTasks = option("open-tasks", 100_000);
        int consoleRequests = (int) option("console-requests", 500);
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
        if (consoleRequests > 0) {
            // the server's own time of each console request: Tomcat's access log, in the benchmark's server only
            Path accessLog = Path.of(System.getProperty("server.tomcat.accesslog.directory", home + "/.dynreg/benchmark/access-log"));
            if (Files.isDirectory(accessLog)) {
                try (var old = Files.list(accessLog)) {
                    for (Path f : old.toList()) {
                        Files.delete(f);
                    }
                }
            }
            setDefault("server.tomcat.accesslog.directory", accessLog.toAbsolutePath().toString());
            setDefault("server.tomcat.accesslog.enabled", "true");
            setDefault("server.tomcat.accesslog.pattern", ConsolePages.ACCESS_LOG_PATTERN);
            setDefault("server.tomcat.accesslog.buffered", "false");
            setDefault("server.tomcat.accesslog.rotate", "false");
            setDefault("server.tomcat.accesslog.prefix", "access");
        }
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

            if (!onlyConsole) {
                IndicatorReport indicators = context.getBean(Indicators.class).report(null);
                Path indicatorsOut = out.resolveSibling("synthetic-registry.md");
                Files.writeString(indicatorsOut, "# The synthetic registry against the published figures\n\n"
                        + "Written by the benchmark from the registry it generated (" + String.format("%,d", households)
                        + " households, seed " + seed + "); see performance.md.\n\n" + IndicatorMarkdown.write(indicators));
                report.indicators(indicators, indicatorsOut.getFileName().toString());
                progress("indicator report: %d figures beyond %.1f points of the published ones", indicators.beyondTolerance(),
                        indicators.tolerancePoints());
            }

            if (!onlyConsole) {
                RegistryScan scan = new RegistryScan(dataSource);
                t = System.nanoTime();
                RegistryScan.Counts counts = scan.readAll();
                report.figure("a", "(a) streaming read of households with their members, dwelling and assets", counts.households(),
                        System.nanoTime() - t);
                progress("read %,d households, %,d members", counts.households(), counts.members());
            }

            Policies policies = context.getBean(Policies.class);
            CompiledPolicy policy = policies.active();
            ObjectMapper json = context.getBean(ObjectMapper.class);
            SurveyValidator validator = new SurveyValidator();
            // the console measure alone needs decision rows (the pages show them) but not the in-memory measures
            int inMemory = onlyConsole ? 1 : (int) Math.min(households, 200_000);
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

            if (!onlyConsole) {
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
            }

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

            if (consoleRequests > 0) {
                console(context, households, openTasks, consoleRequests, seed, port, dataSource);
            }
        }
        if (onlyConsole) {
            Files.writeString(out, report.withConsoleSection(Files.exists(out) ? Files.readString(out) : "# Performance\n"));
        } else {
            Files.writeString(out, report.markdown(Instant.now()));
        }
        progress("wrote %s", out);
    }

    /** Target of the console pages: p99 under this many milliseconds (issue 12). */
    static final double CONSOLE_TARGET_MILLIS = 150;

    private void console(ConfigurableApplicationContext context, long households, long openTasks, int requests, long seed, int port,
                         DataSource dataSource) throws Exception {
        OpenTasks.Made made = new OpenTasks(context).make(openTasks, seed + 2);
        progress("%,d open tasks (%,d copies of the tasks of %d real appeals) in %.1f s", made.openTasks(), made.copies(),
                made.realCases(), made.nanos() / 1e9);
        ConsolePages.Target target = new ConsolePages.Target(options.getOrDefault("work-path", "/work"),
                options.getOrDefault("household-path", "/households/{id}"), !"basic".equals(options.get("sign-in")),
                options.getOrDefault("console-user", "caseworker"), (int) option("page-size", 25));
        String accessLog = context.getEnvironment().getProperty("server.tomcat.accesslog.directory");
        ConsolePages pages = new ConsolePages(port, target, dataSource, accessLog == null ? null : Path.of(accessLog), seed + 3);
        pages.signIn();
        int warmUp = Math.max(10, requests / 10);
        List<ConsolePages.Result> results = pages.measure(requests, warmUp);
        boolean serverTimed = results.stream().allMatch(r -> r.serverTimed() > 0);
        for (ConsolePages.Result r : results) {
            progress("%s: client p50 %.1f ms, p99 %.1f ms; server p50 %.1f ms, p99 %.1f ms; %d errors", r.name(), r.p50Millis(),
                    r.p99Millis(), r.serverP50Millis(), r.serverP99Millis(), r.errors());
        }
        report.console(new Report.Console(report.command(), households, made, target, requests, warmUp, results,
                CONSOLE_TARGET_MILLIS, serverTimed));
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
