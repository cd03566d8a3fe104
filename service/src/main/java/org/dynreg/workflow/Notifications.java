package org.dynreg.workflow;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** What households are told: one stored notification per message, never changed (the SMS or letter gateway reads them). */
@Service
public class Notifications {
    /** The length of {@code notification.message}. */
    static final int MAX_MESSAGE = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notifications(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Notification(long id, long householdId, Long caseId, String kind, String message, Instant createdAt) {}

    /** A message to be stored for a household. */
    public record Outgoing(long householdId, Long caseId, String kind, String message) {}

    /** Stores many messages with one batch, in the caller's transaction. */
    public void notifyAll(List<Outgoing> messages) {
        messages.stream().filter(m -> m.message().length() > MAX_MESSAGE).findFirst().ifPresent(m -> {
            throw new IllegalArgumentException("a notification may hold " + MAX_MESSAGE + " characters; this " + m.kind() + " has "
                    + m.message().length());
        });
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into notification (household_id, case_id, kind, message, created_at) values (?, ?, ?, ?, ?)",
                messages, 500, (ps, m) -> {
                    ps.setLong(1, m.householdId());
                    ps.setObject(2, m.caseId());
                    ps.setString(3, m.kind());
                    ps.setString(4, m.message());
                    ps.setTimestamp(5, now);
                });
    }

    public void notify(long householdId, Long caseId, String kind, String message) {
        if (message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("a notification may hold " + MAX_MESSAGE + " characters; this " + kind + " has " + message.length());
        }
        jdbc.update("insert into notification (household_id, case_id, kind, message, created_at) values (?, ?, ?, ?, ?)",
                householdId, caseId, kind, message, Timestamp.from(clock.instant()));
    }

    public List<Notification> of(long householdId) {
        return jdbc.query("select * from notification where household_id = ? order by created_at, id", (rs, i) -> new Notification(
                rs.getLong("id"), rs.getLong("household_id"), (Long) rs.getObject("case_id", Long.class), rs.getString("kind"),
                rs.getString("message"), rs.getTimestamp("created_at").toInstant()), householdId);
    }
}
