package org.dynreg.database;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for the embedded server when a previous JVM died without stopping it.
 *
 * <p>A {@code kill -9} of the JVM leaves its child {@code mariadbd} running; it keeps the data
 * directory locked, so a new server on that directory would fail to start. The old server's pid
 * file in the data directory tells us which process to look at. Only a MariaDB server that has
 * lost its parent JVM is stopped: a pid file can outlive its process and the number be reused by
 * something unrelated, and a server whose JVM is still alive belongs to another running instance.
 */
final class StaleServer {

    private static final Logger log = LoggerFactory.getLogger(StaleServer.class);

    private static final Set<String> SERVER_NAMES = Set.of("mariadbd", "mysqld");

    private StaleServer() {
    }

    static void stopIfStale(Path dataDir, Duration termWait) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pidFiles) {
                handle(pidFile, termWait);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read pid files in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void handle(Path pidFile, Duration termWait) throws IOException {
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.debug("Removing pid file {} of a process that no longer runs", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle server = process.get();
        String name = commandName(server);
        if (!SERVER_NAMES.contains(name)) {
            // The number was reused: the process is not ours to stop, the file is just stale.
            log.info("Pid file {} names process {} ({}), which is not a MariaDB server; leaving that process alone",
                    pidFile, server.pid(), name.isEmpty() ? "unknown command" : name);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<ProcessHandle> owner = server.parent().filter(ProcessHandle::isAlive);
        if (owner.isPresent() && isJvm(owner.get())) {
            throw new IllegalStateException("The data directory " + pidFile.getParent()
                    + " is in use by MariaDB server " + server.pid() + ", started by the still running Java process "
                    + owner.get().pid() + "; stop that instance or use another dynreg.db.embedded.data-dir");
        }
        log.warn("Stopping MariaDB server {} left running on {} by a JVM that did not shut down cleanly",
                server.pid(), pidFile.getParent());
        stop(server, termWait);
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle server, Duration termWait) {
        server.destroy();
        if (awaitExit(server, termWait)) {
            return;
        }
        log.warn("MariaDB server {} did not stop within {} s of SIGTERM; killing it", server.pid(),
                termWait.toSeconds());
        server.destroyForcibly();
        if (!awaitExit(server, Duration.ofSeconds(10))) {
            throw new IllegalStateException("Could not stop stale MariaDB server " + server.pid());
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isJvm(ProcessHandle process) {
        return "java".equals(commandName(process));
    }

    /** /proc first: ProcessHandle.info() often has no command for processes of other sessions. */
    static String commandName(ProcessHandle process) {
        Path comm = Path.of("/proc", Long.toString(process.pid()), "comm");
        try {
            if (Files.isReadable(comm)) {
                return Files.readString(comm).trim();
            }
        } catch (IOException e) {
            // fall through to what the JDK knows
        }
        return process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("");
    }
}
