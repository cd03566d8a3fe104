package org.dynreg.benchmark;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/performance.md as the benchmark writes it: machine, command, figures, ratios, targets. */
final class Report {
    /** The real registry's size (NSER annual report 2022-23). */
    static final double REGISTRY_HOUSEHOLDS = 35_645_850;

    record Figure(String key, String what, long households, long nanos) {
        double perSecond() {
            return Figures.perSecond(households, nanos);
        }
    }

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<Latency.Result> latencies = new ArrayList<>();
    private final List<String> machine = new ArrayList<>();
    private String command;
    private long compared;
    private int disagreements;
    private long households;
    private long members;
    private final List<String> indicatorLines = new ArrayList<>();
    private Console console;

    /** The console measure: what it ran on, how, and its figures. */
    record Console(String command, long households, OpenTasks.Made tasks, ConsolePages.Target target, int requests, int warmUp,
                   List<ConsolePages.Result> results, double targetMillis, boolean serverTimed) {
    }

    static final String CONSOLE_HEADING = "## Console pages";

    void command(String command) {
        this.command = command;
    }

    String command() {
        return command;
    }

    void figure(String key, String what, long households, long nanos) {
        figures.put(key, new Figure(key, what, households, nanos));
    }

    void agreement(long compared, int disagreements) {
        this.compared = compared;
        this.disagreements = disagreements;
    }

    void latency(Latency.Result r) {
        latencies.add(r);
    }

    /** The regional figures of the generated registry that are further than the tolerance from the published ones. */
    void indicators(org.dynreg.indicators.IndicatorReport r, String file) {
        long regional = 0;
        List<String> beyond = new ArrayList<>();
        for (org.dynreg.indicators.IndicatorReport.Indicator i : r.indicators()) {
            for (org.dynreg.indicators.IndicatorReport.Area a : concat(i.national(), i.regions())) {
                for (int k = 0; k < a.figures().size(); k++) {
                    org.dynreg.indicators.IndicatorReport.Figure f = a.figures().get(k);
                    org.dynreg.indicators.IndicatorReport.Measure m = i.measures().get(k);
                    if (f.published() == null || !m.compared() || m.unit() != org.dynreg.indicators.IndicatorReport.Unit.PERCENT) {
                        continue;
                    }
                    regional++;
                    if (f.flagged()) {
                        beyond.add(String.format("%s %s %s: %.1f against %.1f published", i.name(), m.name(), a.region(),
                                f.computed(), f.published()));
                    }
                }
            }
        }
        indicatorLines.add(String.format("Of %d published national and regional percentages, %d are within %.1f point of the "
                + "generated registry's; the full comparison is in [%s](%s).", regional, regional - beyond.size(),
                r.tolerancePoints(), file, file));
        if (!beyond.isEmpty()) {
            indicatorLines.add("Further than that:");
            beyond.forEach(b -> indicatorLines.add("- " + b));
        }
    }

    private static List<org.dynreg.indicators.IndicatorReport.Area> concat(org.dynreg.indicators.IndicatorReport.Area national,
                                                                          List<org.dynreg.indicators.IndicatorReport.Area> regions) {
        List<org.dynreg.indicators.IndicatorReport.Area> all = new ArrayList<>();
        all.add(national);
        all.addAll(regions);
        return all;
    }

    void console(Console console) {
        this.console = console;
    }

    void registry(long households, long members) {
        this.households = households;
        this.members = members;
    }

    void machine(DataSource dataSource) throws SQLException {
        machine.add("CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores seen by the JVM");
        machine.add("Memory: " + memory());
        machine.add("Java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        machine.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select version(), @@innodb_buffer_pool_size, @@innodb_log_file_size, "
                     + "@@innodb_flush_log_at_trx_commit")) {
            rs.next();
            machine.add("MariaDB " + rs.getString(1) + " on the same machine, innodb_buffer_pool_size "
                    + rs.getLong(2) / (1024 * 1024) + " MiB, innodb_log_file_size " + rs.getLong(3) / (1024 * 1024)
                    + " MiB, innodb_flush_log_at_trx_commit " + rs.getInt(4));
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / (1024 * 1024) + " GiB").findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    String markdown(Instant at) {
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append("Written by the benchmark on ").append(at).append(". Do not edit by hand: run the benchmark again.\n\n");
        md.append("```sh\n./mvnw -B -pl service -am package -DskipTests\n").append(command).append("\n```\n\n");
        md.append("## Machine\n\n");
        machine.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("\n## Registry\n\n").append(String.format("%,d synthetic households with %,d members (%.2f per household), "
                + "generated by the run itself.%n%n", households, members, households == 0 ? 0.0 : (double) members / households));
        if (!indicatorLines.isEmpty()) {
            indicatorLines.forEach(l -> md.append(l).append('\n'));
            md.append('\n');
        }
        md.append("## Throughput\n\n| step | what | households | seconds | households/s |\n|---|---|---:|---:|---:|\n");
        for (Figure f : figures.values()) {
            md.append(String.format("| %s | %s | %,d | %.1f | %s |%n", f.key(), f.what(), f.households(), f.nanos() / 1e9,
                    Figures.grouped(f.perSecond())));
        }
        md.append(String.format("%nThe plain-Java baseline and the decision tables agree on score, cash-transfer outcome, "
                + "payment recipient and stipends for %,d of %,d households compared.%n", compared - disagreements, compared));
        Figure a = figures.get("a"), b = figures.get("b"), c = figures.get("c"), d = figures.get("d"), e = figures.get("e"),
                g = figures.get("generation");
        if (a != null && b != null && c != null && d != null && e != null) {
            double limit = Math.min(a.perSecond(), b.perSecond());
            md.append("\n## Ratios and targets\n\n| measure | value | target | met |\n|---|---:|---|---|\n");
            md.append(row("d / c (tables against plain Java)", d.perSecond() / c.perSecond(), "at least 0.5",
                    d.perSecond() >= c.perSecond() / 2));
            md.append(row("e / min(a, b) (job against the read and write limits)", e.perSecond() / limit, "at least 0.5",
                    e.perSecond() >= limit / 2));
            md.append(String.format("| e, households/s | %s | at least 40,000 | %s |%n", Figures.grouped(e.perSecond()),
                    e.perSecond() >= 40_000 ? "yes" : "no"));
            if (g != null) {
                md.append(String.format("| generation, households/s | %s | at least 50,000 | %s |%n",
                        Figures.grouped(g.perSecond()), g.perSecond() >= 50_000 ? "yes" : "no"));
            }
            md.append(String.format("%nAt the rate of (e), rescoring the real registry's %,.0f households takes %.1f minutes "
                    + "on this machine (target: under 15).%n", REGISTRY_HOUSEHOLDS, REGISTRY_HOUSEHOLDS / e.perSecond() / 60));
        }
        if (!latencies.isEmpty()) {
            md.append("\n## Survey submission latency\n\n| concurrent clients | seconds | surveys | surveys/s | p50 ms | p99 ms | errors |\n"
                    + "|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Latency.Result r : latencies) {
                md.append(String.format("| %d | %d | %,d | %.1f | %.1f | %.1f | %d |%n", r.clients(), r.seconds(), r.requests(),
                        r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors()));
            }
        }
        if (console != null) {
            md.append('\n').append(consoleSection());
        }
        return md.toString();
    }

    /**
     * The file as it was with only its console section replaced by this run's (added at the end if it had none):
     * a run of the console measure alone leaves the other measures' figures as their run wrote them.
     */
    String withConsoleSection(String existing) {
        String section = consoleSection();
        int at = existing.indexOf("\n" + CONSOLE_HEADING + "\n");
        if (at < 0) {
            return existing.stripTrailing() + "\n\n" + section;
        }
        int next = existing.indexOf("\n## ", at + 1);
        return existing.substring(0, at + 1) + section + (next < 0 ? "" : "\n" + existing.substring(next + 1));
    }

    String consoleSection() {
        Console c = console;
        StringBuilder md = new StringBuilder();
        md.append(CONSOLE_HEADING).append("\n\n");
        md.append("```sh\n").append(c.command()).append("\n```\n\n");
        machine.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append(String.format("%n%,d households in the registry; %,d open tasks (%,d of them copies, see below) of %d real appeals, on "
                        + "the steps %s, in %d districts.%n%n", c.households(), c.tasks().openTasks(), c.tasks().copies(),
                c.tasks().realCases(), String.join(", ", c.tasks().steps()), c.tasks().districts()));
        md.append(String.format("Signed in as `%s` %s; then, one request at a time after %d untimed ones, %d requests of each "
                        + "page (list pages of %d rows where the page takes a size).%n%n", c.target().user(),
                c.target().form() ? "through the sign-in form (GET /login, POST /login with the CSRF field, then the session cookie)"
                        : "with HTTP Basic (the measure was pointed at the API, not at the console's pages)",
                c.warmUp(), c.requests(), c.target().pageSize()));
        md.append("| page | path | answered | errors | client p50 ms | client p99 ms | client max ms | server p50 ms | server p99 ms "
                + "| server max ms |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ConsolePages.Result r : c.results()) {
            md.append(String.format("| %s | `%s` | %,d | %d | %.1f | %.1f | %.1f | %s | %s | %s |%n", r.name(), r.path(), r.requests(),
                    r.errors(), r.p50Millis(), r.p99Millis(), r.maxMillis(), millis(r, r.serverP50Millis()),
                    millis(r, r.serverP99Millis()), millis(r, r.serverMaxMillis())));
        }
        boolean met = c.results().stream().allMatch(r -> r.met(c.targetMillis()));
        md.append(String.format("%nTarget: p99 under %.0f ms for every page, %s. Met: **%s**.%n%n", c.targetMillis(),
                c.serverTimed() ? "on the server's time" : "on the client's time (the server's was not available)", met ? "yes" : "no"));
        md.append("""
                Client time: from sending the request to the last byte of the answer, measured by the benchmark over \
                loopback. Server time: Tomcat's own time for the request (its access log, `%{us}T`: from reading the \
                request to writing the last byte of the response), for the same requests, matched by a request header; \
                the access log is on only in the benchmark's server. Only answers 200 that carry what the page shows \
                (a district of the list, the household's id) are timed; any other answer is an error.

                How the open tasks are made: starting 100,000 process instances through the engine would take hours, so \
                the benchmark registers a few households through the registry and lodges appeals on them through the \
                appeals facade (one of them reviewed through the tasks facade, so that a second step is open): their \
                task rows, case rows and process instances are what the engine writes. Their open tasks are then copied \
                with set-based SQL, round-robin, until the database holds the number of open tasks asked for; each copy \
                has its own task id, its own case row on a household taken evenly over the whole registry (so over all \
                its districts), the template's inputs with its own case id, and a creation time spread over the last 30 \
                days, so that some are on track, some at risk and some breached. A copy has no process instance or work \
                item of its own: it is listed and shown as any task is, but cannot be worked through to the end. Copies \
                are made only in the benchmark's own database (`dynreg_benchmark`), which the next run empties.
                """);
        return md.toString();
    }

    private static String millis(ConsolePages.Result r, double value) {
        return r.serverTimed() == 0 ? "-" : String.format("%.1f", value);
    }

    private static String row(String what, double value, String target, boolean met) {
        return String.format("| %s | %.2f | %s | %s |%n", what, value, target, met ? "yes" : "no");
    }
}
