package org.dynreg;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command-line entry point of the jar, run as its own JVM through the real main method: {@code --help}
 * prints the usage and exits 0; an unknown command or option exits 2 and starts nothing (no server, no
 * benchmark: each of these would still be running when the wait below ends).
 */
class EntryPointsTest {

    @ParameterizedTest(name = "[{0}] exits {1}")
    @CsvSource(delimiter = '|', value = {
            "--help                               | 0 | usage: java -jar dynreg-service-exec.jar",
            "-h                                   | 0 | benchmark [options]",
            "benchmrk                             | 2 | unknown command 'benchmrk'",
            "--hepl                               | 2 | is not a setting",
            "--sever.port=9000                    | 2 | unknown setting 'sever.port'",
            "benchmark --help                     | 0 | --latency-seconds",
            "benchmark --houshold 5               | 2 | unknown option '--houshold'",
            "benchmark --households               | 2 | option '--households' needs a value",
            "benchmark --households ten           | 2 | must be a whole number",
            "benchmark --clients 8;32             | 2 | '--clients' must be whole numbers",
            "benchmark 1000                       | 2 | expected an option",
            "shell --help                         | 0 | AVAILABLE COMMANDS",
            "shell survey submit --help           | 0 | --file",
            "shell nosuch                         | 2 | No command found for 'nosuch'",
            "shell job list --bogus 1             | 2 | Unrecognised option '--bogus'",
    })
    void answers(String commandLine, int exitCode, String said) throws Exception {
        Run run = launch(commandLine.trim().split(" +"));
        assertThat(run.exitCode).as(run.output).isEqualTo(exitCode);
        assertThat(run.output).contains(said);
        assertThat(run.output).doesNotContain("Started DynregApplication").doesNotContain("Exception");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), DynregApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the shell must not find a service, nor sign in as anyone
        builder.environment().put("DYNREG_URL", "http://127.0.0.1:9");
        builder.environment().remove("DYNREG_USER");
        builder.environment().remove("DYNREG_PASSWORD");
        Process p = builder.start();
        p.getOutputStream().close();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            p.destroyForcibly().waitFor();
            return new Run(-1, "still running after 120 s (it started something):\n" + output);
        }
        return new Run(p.exitValue(), output);
    }
}
