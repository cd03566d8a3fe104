package org.dynreg.audit;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The record of who read which household's personal data (docs/auditor-guide.md, "Reads of personal data";
 * docs/decisions/0021). A read puts its row on a bounded queue in memory, which costs the read microseconds;
 * a writer thread inserts what is queued into the append-only {@code personal_data_read} table in one batch
 * every {@code dynreg.privacy.reads.flush-every}, and everything left at shutdown. Listing the reads writes
 * what is queued first, so an auditor sees every read this instance has answered. When the queue is full
 * (the database has not taken rows for a while) a read waits for room and, failing that, is refused with 503:
 * a read is never answered unrecorded because the record could not keep up.
 */
@Service
public class PersonalDataReads {
    private static final Logger log = LoggerFactory.getLogger(PersonalDataReads.class);
    private static final int BATCH = 1000;
    private static final String INSERT = "insert into personal_data_read"
            + " (read_at, username, roles, record_kind, record_id, household_id, endpoint, personal_data) values (?, ?, ?, ?, ?, ?, ?, ?)";

    /** The kinds of record whose reads are recorded. */
    public enum Kind { HOUSEHOLD, ROSTER_CHANGE, REGISTRATION_TOKEN }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BlockingQueue<Object[]> queued;
    private final Duration waitForRoom;
    /** Rows taken off the queue and not yet in the table; kept for the next try when an insert fails. Guarded by itself. */
    private final List<Object[]> unwritten = new ArrayList<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "personal-data-reads");
        t.setDaemon(true);
        return t;
    });

    PersonalDataReads(JdbcTemplate jdbc, Clock clock,
                      @Value("${dynreg.privacy.reads.queue}") int queue,
                      @Value("${dynreg.privacy.reads.flush-every}") Duration flushEvery,
                      @Value("${dynreg.privacy.reads.wait-for-room}") Duration waitForRoom) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.queued = new ArrayBlockingQueue<>(queue);
        this.waitForRoom = waitForRoom;
        writer.scheduleWithFixedDelay(this::flushQuietly, flushEvery.toMillis(), flushEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Records that {@code reader} was answered {@code kind} {@code recordId} (of {@code householdId}, when known) by the
     * endpoint of the current request, with the personal data shown or redacted.
     */
    public void record(Authentication reader, Kind kind, long recordId, Long householdId, boolean shown) {
        String roles = reader.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).sorted().collect(Collectors.joining(","));
        Object[] row = {Timestamp.from(clock.instant()), reader.getName(), roles, kind.name(), recordId, householdId, endpoint(),
                shown ? "SHOWN" : "REDACTED"};
        try {
            if (queued.offer(row, waitForRoom.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "reads of personal data cannot be recorded at the moment, so this one is not answered; try again shortly");
    }

    /**
     * Inserts every queued read, {@value #BATCH} rows a statement. A failed insert keeps its rows for the next call and
     * takes no more off the queue, so that while the database refuses them the queue fills and reads are refused.
     */
    public void flush() {
        synchronized (unwritten) {
            do {
                if (unwritten.isEmpty()) {
                    queued.drainTo(unwritten, BATCH);
                }
                if (!unwritten.isEmpty()) {
                    jdbc.batchUpdate(INSERT, unwritten);
                    unwritten.clear();
                }
            } while (!queued.isEmpty());
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("recorded reads of personal data not written yet ({}); trying again", e.getClass().getSimpleName());
        }
    }

    /** Runs before the database is closed: the web server has stopped answering, so nothing is queued after this. */
    @PreDestroy
    void writeTheRest() {
        writer.shutdown();
        flush();
    }

    /** Recorded reads, oldest first, every read this instance has answered included. */
    public List<PersonalDataRead> reads(ReadQuery q) {
        flush();
        StringBuilder sql = new StringBuilder("select * from personal_data_read where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.username() != null) {
            sql.append(" and username = ?");
            args.add(q.username());
        }
        if (q.householdId() != null) {
            sql.append(" and household_id = ?");
            args.add(q.householdId());
        }
        if (q.from() != null) {
            sql.append(" and read_at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and read_at < ?");
            args.add(Timestamp.from(q.to()));
        }
        if (q.afterId() != null) {
            sql.append(" and id > ?");
            args.add(q.afterId());
        }
        sql.append(" order by id limit ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), (rs, i) -> read(rs), args.toArray());
    }

    private static PersonalDataRead read(ResultSet rs) throws SQLException {
        return new PersonalDataRead(rs.getLong("id"), rs.getTimestamp("read_at").toInstant(), rs.getString("username"),
                rs.getString("roles"), rs.getString("record_kind"), rs.getLong("record_id"), rs.getObject("household_id", Long.class),
                rs.getString("endpoint"), rs.getString("personal_data"));
    }

    /** The current request's method and path pattern, e.g. {@code GET /api/households/{id}}. */
    private static String endpoint() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a)) {
            return "(not a web request)";
        }
        HttpServletRequest r = a.getRequest();
        Object pattern = r.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return r.getMethod() + " " + (pattern == null ? r.getRequestURI() : pattern);
    }
}
