package org.dynreg.benchmark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console measure of the benchmark at a tiny scale, on its own embedded MariaDB: it makes the open tasks asked
 * for, signs in, asks for each page and writes its section of the report, keeping the rest of the file. No time is
 * asserted.
 */
class ConsoleMeasureTest {
    private static final Path DIR = Path.of("target/console-measure").toAbsolutePath();
    private static final Path OUT = DIR.resolve("performance.md");
    private static Properties saved;
    private static int exit;
    private static String written;

    @BeforeAll
    static void runTheConsoleMeasure() throws Exception {
        saved = (Properties) System.getProperties().clone();
        Files.createDirectories(DIR);
        Files.writeString(OUT, "# Performance\n\n## Throughput\n\nfigures of an earlier full run\n");
        // its own embedded database, even where the tests run on an external server (DYNREG_DB_URL): a system
        // property outranks the environment
        System.setProperty("dynreg.db.url", "");
        System.setProperty("dynreg.db.user", "root");
        System.setProperty("dynreg.db.password", "");
        System.setProperty("dynreg.db.embedded.data-dir", DIR.resolve("mariadb").toString());
        System.setProperty("dynreg.db.embedded.innodb-buffer-pool-size", "256M");
        System.setProperty("dynreg.db.embedded.innodb-log-file-size", "64M");
        System.setProperty("server.tomcat.accesslog.directory", DIR.resolve("access-log").toString());
        exit = Benchmark.run(new String[] {"--households", "200", "--only", "console", "--open-tasks", "500",
                "--console-requests", "20", "--work-path", "/api/tasks", "--household-path", "/api/households/{id}",
                "--sign-in", "basic", "--out", OUT.toString()});
        written = Files.readString(OUT);
    }

    @AfterAll
    static void restoreSystemProperties() {
        System.setProperties(saved);
    }

    @Test
    void everyPageAnsweredEveryRequestWithItsContentAndBothTimesAreReported() {
        assertThat(exit).isZero();
        List<String> rows = written.lines().filter(l -> l.startsWith("| work list") || l.startsWith("| household page")).toList();
        assertThat(rows).hasSize(4);
        for (String row : rows) {
            String[] cells = row.split("\\|");
            assertThat(cells[3].trim()).as("answered: " + row).isEqualTo("20");
            assertThat(cells[4].trim()).as("errors: " + row).isEqualTo("0");
            for (int c = 5; c <= 10; c++) {
                assertThat(cells[c].trim()).as("a time: " + row).matches("\\d+\\.\\d");
            }
        }
        assertThat(written).contains("`/api/tasks?tab=group&scope=group&page=0&size=25`", "`/api/households/{id}`", "with HTTP Basic",
                "on the server's time");
    }

    @Test
    void theDatabaseHeldTheOpenTasksAskedForOnRealAppealsSteps() {
        Matcher m = Pattern.compile("200 households in the registry; 500 open tasks \\(([\\d,]+) of them copies, see below\\) of (\\d+) "
                + "real appeals, on the steps ([^,]+(, [^,]+)*), in (\\d+) districts").matcher(written);
        assertThat(m.find()).as(written).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isBetween(480, 499);
        assertThat(m.group(3)).contains("Decide appeal");
        assertThat(Integer.parseInt(m.group(5))).isGreaterThan(1);
    }

    @Test
    void onlyTheConsoleSectionOfTheFileIsWritten() {
        assertThat(written).startsWith("# Performance\n\n## Throughput\n\nfigures of an earlier full run\n");
        assertThat(written).containsOnlyOnce(Report.CONSOLE_HEADING);
    }

    @Test
    void aSecondRunReplacesTheConsoleSectionAndKeepsWhatFollows() {
        Report report = new Report();
        report.command("benchmark --only console");
        report.console(new Report.Console("benchmark --only console", 10, new OpenTasks.Made(20, 17, 3, List.of("Review evidence"), 2, 1),
                new ConsolePages.Target("/work", "/households/{id}", true, "caseworker", 50), 5, 10,
                List.of(new ConsolePages.Result("household page", "/households/{id}", 5, 0, 1, 2, 3, 0.5, 1.5, 2.5, 5)), 150, true));
        String replaced = report.withConsoleSection("# Performance\n\n## Throughput\n\nt\n\n## Console pages\n\nold figures\n\n## Later\n\nl\n");
        assertThat(replaced).startsWith("# Performance\n\n## Throughput\n\nt\n\n## Console pages\n").endsWith("\n## Later\n\nl\n")
                .doesNotContain("old figures").containsOnlyOnce(Report.CONSOLE_HEADING)
                .contains("| household page | `/households/{id}` | 5 | 0 | 1.0 | 2.0 | 3.0 | 0.5 | 1.5 | 2.5 |", "Met: **yes**");
    }

    @Test
    void theSignInFormsHiddenCsrfFieldIsFoundWhateverTheOrderOfItsAttributes() {
        assertThat(ConsolePages.hiddenField("<form><input type=\"hidden\" name=\"_csrf\" value=\"a-b\"/></form>", "_csrf")).isEqualTo("a-b");
        assertThat(ConsolePages.hiddenField("<input value=\"c\" name=\"_csrf\" type=\"hidden\">", "_csrf")).isEqualTo("c");
        assertThat(ConsolePages.hiddenField("<input name=\"username\">", "_csrf")).isNull();
    }
}
