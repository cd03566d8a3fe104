package org.dynreg.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stands in for a real server with a copy of {@code sleep} named {@code mariadbd}: the check
 * goes by process name and parent, not by anything MariaDB does.
 */
class StaleServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dataDir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatWasStarted() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void pidFileOfADeadProcessIsRemoved() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path pidFile = writePidFile(gone.pid());

        StaleServer.stopIfStale(dataDir, WAIT);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void unreadablePidFileIsRemoved() throws Exception {
        Path pidFile = Files.writeString(dataDir.resolve("host.pid"), "not a pid");

        StaleServer.stopIfStale(dataDir, WAIT);

        assertThat(pidFile).doesNotExist();
    }

    @Test
    void liveProcessThatIsNotMariaDbIsLeftAlone() throws Exception {
        ProcessHandle sleeper = track(new ProcessBuilder("sleep", "60").start().toHandle());
        writePidFile(sleeper.pid());

        StaleServer.stopIfStale(dataDir, WAIT);

        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void orphanedMariaDbServerIsStopped() throws Exception {
        ProcessHandle server = track(startOrphan(fakeServer()));
        assumeFalse(server.parent().map(p -> "java".equals(StaleServer.commandName(p))).orElse(false),
                "the orphan was adopted by a Java process");
        Path pidFile = writePidFile(server.pid());

        StaleServer.stopIfStale(dataDir, WAIT);

        assertThat(server.isAlive()).isFalse();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void mariaDbServerOfARunningJvmIsRefusedNotKilled() throws Exception {
        ProcessHandle server = track(new ProcessBuilder(fakeServer().toString(), "60").start().toHandle());
        awaitExec(server, "mariadbd");
        writePidFile(server.pid());

        assertThatThrownBy(() -> StaleServer.stopIfStale(dataDir, WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still running Java process " + ProcessHandle.current().pid());
        assertThat(server.isAlive()).isTrue();
    }

    private Path writePidFile(long pid) throws IOException {
        return Files.writeString(dataDir.resolve(EmbeddedMariaDb.PID_FILE), pid + "\n");
    }

    private ProcessHandle track(ProcessHandle process) {
        started.add(process);
        return process;
    }

    private Path fakeServer() throws IOException {
        Path sleep = Path.of("/bin/sleep");
        assumeTrue(Files.isExecutable(sleep), "needs /bin/sleep");
        Path bin = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-bin"));
        Path fake = bin.resolve("mariadbd");
        Files.copy(sleep, fake, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        return fake;
    }

    /** Started through a shell that exits at once, like a server whose JVM was killed. */
    private static ProcessHandle startOrphan(Path executable) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "\"$0\" 60 </dev/null >/dev/null 2>&1 & echo $!",
                executable.toString()).start();
        String pid = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        shell.waitFor(10, TimeUnit.SECONDS);
        ProcessHandle orphan = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
        awaitExec(orphan, executable.getFileName().toString());
        return orphan;
    }

    /**
     * The shell prints the pid as soon as it has forked; until the child has called exec it is
     * still named {@code sh}, and the check would rightly leave it alone.
     */
    private static void awaitExec(ProcessHandle process, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!name.equals(StaleServer.commandName(process)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(StaleServer.commandName(process)).as("command of the started process").isEqualTo(name);
    }
}
