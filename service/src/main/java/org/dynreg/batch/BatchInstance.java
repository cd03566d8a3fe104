package org.dynreg.batch;

import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * Who runs a job execution: this instance's name (dynreg.batch.instance, the host name by default), the host, and
 * the process (pid and its start time, since pids are reused). Stored with every execution it starts, so that at
 * its next start the instance knows the executions a previous run of itself left behind.
 */
@Component
class BatchInstance {
    private static final String SEPARATOR = "|";

    private final String name;
    private final String host;
    private final long pid;
    private final long started;

    BatchInstance(BatchSettings settings) {
        this.host = hostName();
        this.name = settings.instance().isBlank() ? host : settings.instance().strip();
        ProcessHandle self = ProcessHandle.current();
        this.pid = self.pid();
        this.started = startOf(self);
    }

    String name() {
        return name;
    }

    /** The value stored as the execution's {@code runner} parameter. */
    String runner() {
        return String.join(SEPARATOR, name, host, Long.toString(pid), Long.toString(started));
    }

    /** The instance name in a stored runner. */
    static String instanceOf(String runner) {
        return runner == null ? null : runner.split("\\" + SEPARATOR, -1)[0];
    }

    /**
     * Whether an execution stored with {@code runner} was left behind by an earlier run of this instance: the same
     * instance name, not this process, and not another process still alive on this host under that name.
     */
    boolean leftByEarlierRun(String runner) {
        if (runner == null) {
            return false;
        }
        String[] part = runner.split("\\" + SEPARATOR, -1);
        if (part.length != 4 || !part[0].equals(name)) {
            return false;
        }
        long otherPid = Long.parseLong(part[2]);
        long otherStart = Long.parseLong(part[3]);
        if (!part[1].equals(host)) {
            return true;
        }
        if (otherPid == pid && otherStart == started) {
            return false;
        }
        return ProcessHandle.of(otherPid).filter(ProcessHandle::isAlive).filter(p -> startOf(p) == otherStart).isEmpty();
    }

    /** For messages: where the runner ran, never more. */
    static String describe(String runner) {
        if (runner == null) {
            return "an unknown process";
        }
        String[] part = runner.split("\\" + SEPARATOR, -1);
        return part.length == 4 ? "instance " + part[0] + " (process " + part[2] + " on " + part[1] + ")" : runner;
    }

    private static long startOf(ProcessHandle p) {
        Optional<Instant> start = p.info().startInstant();
        return start.map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
